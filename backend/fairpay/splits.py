"""The split engine: where every centime a customer pays goes. Pure: no ORM, no I/O.

Why pure: the promise "the shares add up exactly to the amount paid" is property-tested on
plain dataclasses; ``backend.fairpay.services.snapshots`` builds the request from an order and
stores the resulting parts.

Rules, in the order they apply (all amounts in the currency's minor unit, centimes for MAD):

1. **Lines.** A line's amount is split between its cooperative (``GOODS``), the platform
   (``COMMISSION``) and the solidarity fund (``SOLIDARITY``) by the rates in force: the
   cooperative's own commission override if it has one, else the reduced rate when the
   cooperative is women-led or youth-led, else the standard rate. The solidarity fund is one
   pooled fund or the cooperative's own fund (policy's ``solidarity_mode``).
2. **Deliveries.** A parcel's delivery price goes to the partners of its legs in proportion to
   their quoted prices (equally when every quote is zero). A delivery with no partner leg is
   kept by the platform (``DELIVERY``), which then carries the parcel's cost itself.
3. **Promotions.** A discount lowers what the customer pays. It is taken from its funder's
   parts on the discounted lines first (the platform's commission, or the cooperative's
   goods); if they are too small, the rest is taken from the other parts of those lines and
   the funder pays it back to them (``SUBSIDY``). A cooperative funds only discounts it
   accepted, on its own lines. A shared promotion is two discounts, one per funder.
   Gift cards are not discounts: they pay (``prepaid``), and only change the payment fee.
4. **Payment fee** (card only). ``rate * paid`` (rounded half up) plus the fixed part, never
   more than was paid, goes to the payment processor. It is taken from the bearer's parts (the
   platform by default; the cooperatives' goods; or every part, ``SHARED``) in proportion. If
   the bearer's parts cannot carry it, the rest is taken from the other parts and the platform
   pays it back to them (``SUBSIDY``): a payee never carries a fee it does not bear.

So a split has two layers. The split of what was paid (every part but ``SUBSIDY``) is never
negative and adds up exactly to ``paid``: ``shares()``. Subsidies are transfers between payees
that add up to zero: ``subsidies()``; only the payer of a subsidy (a fee bearer or a promotion
funder) has a negative one. ``net()`` is what each payee ends up with.

Every split of a whole into parts uses ``apportion`` (largest remainder, exact; its module
documents the tie rule), seeded with the request's ``seed`` (the order id) and the part's
purpose, so the result is deterministic and leftover centimes do not drift to one party.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from .apportion import apportion


class SplitError(ValueError):
    """The request cannot be split (negative amount, rates above 100%, discount too large)."""


class PayeeKind(StrEnum):
    COOPERATIVE = "cooperative"
    PARTNER = "partner"
    PLATFORM = "platform"
    SOLIDARITY_FUND = "solidarity_fund"
    PAYMENT_PROCESSOR = "payment_processor"


class Role(StrEnum):
    GOODS = "goods"
    COMMISSION = "commission"
    SOLIDARITY = "solidarity"
    DELIVERY = "delivery"
    PAYMENT_FEE = "payment_fee"
    SUBSIDY = "subsidy"


class FeeBearer(StrEnum):
    PLATFORM = "platform"
    COOPERATIVES = "cooperatives"
    SHARED = "shared"


class SolidarityMode(StrEnum):
    POOLED = "pooled"
    PER_COOPERATIVE = "per_cooperative"


class PaymentMethod(StrEnum):
    CARD = "card"
    CASH = "cash"
    BANK_TRANSFER = "bank_transfer"


@dataclass(frozen=True)
class Payee:
    """Who receives a part; ``id`` is the cooperative's or partner's pk (or the fund's owner)."""

    kind: PayeeKind
    id: int | None = None

    @property
    def key(self) -> str:
        return f"{self.kind}:{'' if self.id is None else self.id}"

    def sort_key(self) -> tuple[str, int]:
        return (self.kind.value, -1 if self.id is None else self.id)


PLATFORM = Payee(PayeeKind.PLATFORM)
PROCESSOR = Payee(PayeeKind.PAYMENT_PROCESSOR)
POOLED_FUND = Payee(PayeeKind.SOLIDARITY_FUND)


def _rate_check(name: str, rate: Decimal | None) -> None:
    if rate is not None and not (Decimal(0) <= rate <= Decimal(1)):
        raise SplitError(f"{name} must lie between 0 and 1, got {rate}")


@dataclass(frozen=True)
class Policy:
    """The rates in force; defaults are the published policy of issue 6."""

    commission_rate: Decimal = Decimal("0.08")
    solidarity_rate: Decimal = Decimal("0.01")
    reduced_commission_rate: Decimal | None = Decimal("0.05")
    solidarity_mode: SolidarityMode = SolidarityMode.POOLED
    fee_bearer: FeeBearer = FeeBearer.PLATFORM
    card_fee_rate: Decimal = Decimal("0.029")
    card_fee_fixed: int = 0
    # Orders of the pro (wholesale) channel: replaces ``commission_rate``; None = the standard.
    pro_commission_rate: Decimal | None = None

    def __post_init__(self) -> None:
        for name in ("commission_rate", "solidarity_rate", "reduced_commission_rate",
                     "card_fee_rate", "pro_commission_rate"):
            _rate_check(name, getattr(self, name))
        if self.card_fee_fixed < 0:
            raise SplitError("card_fee_fixed must not be negative")

    def solidarity_payee(self, cooperative_id: int) -> Payee:
        if self.solidarity_mode == SolidarityMode.PER_COOPERATIVE:
            return Payee(PayeeKind.SOLIDARITY_FUND, cooperative_id)
        return POOLED_FUND


@dataclass(frozen=True)
class CooperativeTerms:
    """What the policy needs to know about a line's cooperative."""

    id: int
    women_led: bool = False
    youth_led: bool = False
    commission_override: Decimal | None = None

    def commission_rate(self, policy: Policy, *, pro: bool = False) -> Decimal:
        """Override first, then the reduced rate for women- or youth-led, else the standard
        (the pro rate on a pro order; the reduced rate still caps it)."""
        if self.commission_override is not None:
            return self.commission_override
        standard = (policy.pro_commission_rate
                    if pro and policy.pro_commission_rate is not None
                    else policy.commission_rate)
        if (self.women_led or self.youth_led) and policy.reduced_commission_rate is not None:
            return min(policy.reduced_commission_rate, standard)
        return standard


@dataclass(frozen=True)
class LineInput:
    key: str
    cooperative: CooperativeTerms
    amount: int


@dataclass(frozen=True)
class LegQuote:
    partner_id: int
    quoted: int


@dataclass(frozen=True)
class DeliveryInput:
    key: str
    cooperative_id: int
    amount: int
    legs: tuple[LegQuote, ...] = ()


@dataclass(frozen=True)
class Discount:
    """A promotion's reduction, carried by ``funder``; ``sources`` empty means every line.

    A cooperative funds a discount only on its own lines and only if it accepted the
    promotion: ``accepted_by`` lists the cooperatives that did.
    """

    key: str
    amount: int
    funder: Payee
    sources: tuple[str, ...] = ()
    accepted_by: frozenset[int] = frozenset()


@dataclass(frozen=True)
class SplitRequest:
    seed: str
    currency: str
    lines: tuple[LineInput, ...]
    deliveries: tuple[DeliveryInput, ...] = ()
    policy: Policy = field(default_factory=Policy)
    method: PaymentMethod = PaymentMethod.CARD
    discounts: tuple[Discount, ...] = ()
    # Paid beforehand by gift cards: part of what was paid, but no processor fee on it.
    prepaid: int = 0
    # An order of the pro (wholesale) channel: lines take the policy's pro commission rate.
    pro: bool = False


@dataclass(frozen=True)
class Part:
    """One payee's part of one line or delivery (``source`` is that line's or delivery's key)."""

    source: str
    payee: Payee
    role: Role
    amount: int
    rate: Decimal | None = None


@dataclass(frozen=True)
class Split:
    currency: str
    paid: int
    fee: int
    parts: tuple[Part, ...]

    def shares(self) -> dict[Payee, int]:
        """What each payee receives of what was paid: never negative, sums to ``paid``."""
        return payee_totals(p for p in self.parts if p.role != Role.SUBSIDY)

    def subsidies(self) -> dict[Payee, int]:
        """Transfers between payees (a fee or promotion beyond its payer's share); sum zero."""
        return payee_totals(p for p in self.parts if p.role == Role.SUBSIDY)

    def net(self) -> dict[Payee, int]:
        """What each payee ends up with: share plus subsidies; sums to ``paid``."""
        return payee_totals(self.parts)

    def source_paid(self, source: str) -> int:
        return sum(part.amount for part in self.parts if part.source == source)


_Cell = tuple[str, Payee, Role]


def split_order(request: SplitRequest) -> Split:
    """Split what the customer pays for ``request`` into exact parts per payee."""
    _validate(request)
    cells: dict[_Cell, int] = {}
    rates: dict[_Cell, Decimal] = {}
    for line in request.lines:
        _split_line(request, line, cells, rates)
    for delivery in request.deliveries:
        _split_delivery(request.seed, delivery, cells)
    for discount in request.discounts:
        _apply_discount(request, discount, cells)
    paid = sum(cells.values())
    if not 0 <= request.prepaid <= paid:
        raise SplitError("the gift-card part must lie between 0 and the amount paid")
    fee = payment_fee(paid - request.prepaid, request.policy, request.method)
    _take_fee(request, fee, cells)
    parts = tuple(Part(source=source, payee=payee, role=role, amount=amount,
                       rate=rates.get((source, payee, role)))
                  for (source, payee, role), amount in cells.items() if amount)
    return Split(currency=request.currency, paid=paid, fee=fee, parts=parts)


def payment_fee(paid: int, policy: Policy, method: PaymentMethod) -> int:
    """The processor's fee on a card payment, never above what was paid; nothing otherwise."""
    if method != PaymentMethod.CARD or paid <= 0:
        return 0
    proportional = int((Decimal(paid) * policy.card_fee_rate).quantize(Decimal(1), ROUND_HALF_UP))
    return min(paid, proportional + policy.card_fee_fixed)


def _validate(request: SplitRequest) -> None:
    keys = [line.key for line in request.lines] + [d.key for d in request.deliveries]
    if len(set(keys)) != len(keys):
        raise SplitError("line and delivery keys must be unique")
    if any(line.amount < 0 for line in request.lines):
        raise SplitError("line amounts must not be negative")
    if any(d.amount < 0 or any(leg.quoted < 0 for leg in d.legs) for d in request.deliveries):
        raise SplitError("delivery amounts and quotes must not be negative")
    for line in request.lines:
        rate = line.cooperative.commission_rate(request.policy, pro=request.pro)
        _rate_check("commission override", rate)
        if rate + request.policy.solidarity_rate > 1:
            raise SplitError("commission and solidarity rates exceed 100%")


def _add(cells: dict[_Cell, int], cell: _Cell, amount: int) -> None:
    cells[cell] = cells.get(cell, 0) + amount


def _split_line(request: SplitRequest, line: LineInput, cells: dict[_Cell, int],
                rates: dict[_Cell, Decimal]) -> None:
    policy = request.policy
    commission = line.cooperative.commission_rate(policy, pro=request.pro)
    solidarity = policy.solidarity_rate
    cooperative = Payee(PayeeKind.COOPERATIVE, line.cooperative.id)
    targets: dict[str, tuple[_Cell, Decimal]] = {
        "goods": ((line.key, cooperative, Role.GOODS), 1 - commission - solidarity),
        "commission": ((line.key, PLATFORM, Role.COMMISSION), commission),
        "solidarity": ((line.key, policy.solidarity_payee(line.cooperative.id), Role.SOLIDARITY),
                       solidarity),
    }
    parts = apportion(line.amount, [(name, rate) for name, (_, rate) in targets.items()],
                      seed=f"{request.seed}|{line.key}")
    for name, (cell, rate) in targets.items():
        _add(cells, cell, parts[name])
        if name != "goods":
            rates[cell] = rate


def _split_delivery(seed: str, delivery: DeliveryInput, cells: dict[_Cell, int]) -> None:
    if not delivery.legs:
        _add(cells, (delivery.key, PLATFORM, Role.DELIVERY), delivery.amount)
        return
    weights: dict[int, int] = {}
    for leg in delivery.legs:
        weights[leg.partner_id] = weights.get(leg.partner_id, 0) + leg.quoted
    parts = apportion(delivery.amount, [(str(pk), quoted) for pk, quoted in weights.items()],
                      seed=f"{seed}|{delivery.key}")
    for pk in weights:
        _add(cells, (delivery.key, Payee(PayeeKind.PARTNER, pk), Role.DELIVERY), parts[str(pk)])


def _apply_discount(request: SplitRequest, discount: Discount, cells: dict[_Cell, int]) -> None:
    amounts = {line.key: line.amount for line in request.lines}
    amounts.update({d.key: d.amount for d in request.deliveries})
    sources = set(discount.sources or (line.key for line in request.lines))
    if discount.amount < 0 or any(source not in amounts for source in sources):
        raise SplitError(f"discount {discount.key} is negative or names an unknown line")
    if discount.funder.kind == PayeeKind.COOPERATIVE:
        owners = {line.key: line.cooperative.id for line in request.lines}
        if (discount.funder.id not in discount.accepted_by
                or any(owners.get(source) != discount.funder.id for source in sources)):
            raise SplitError(f"discount {discount.key}: a cooperative funds only a promotion "
                             "it accepted, on its own lines")
    scope = [cell for cell, amount in cells.items()
             if cell[0] in sources and amount > 0 and cell[2] != Role.SUBSIDY]
    if discount.amount > sum(cells[cell] for cell in scope):
        raise SplitError(f"discount {discount.key} exceeds the lines it applies to")
    own = [cell for cell in scope if cell[1] == discount.funder]
    _charge(cells, own, scope, discount.amount, payer=discount.funder,
            seed=f"{request.seed}|discount:{discount.key}")


def _bears_fee(bearer: FeeBearer, cell: _Cell) -> bool:
    _, payee, role = cell
    if bearer == FeeBearer.PLATFORM:
        return payee == PLATFORM
    if bearer == FeeBearer.COOPERATIVES:
        return payee.kind == PayeeKind.COOPERATIVE and role == Role.GOODS
    return True


def _take_fee(request: SplitRequest, fee: int, cells: dict[_Cell, int]) -> None:
    """Move ``fee`` from the bearer's parts to the processor; the platform covers a shortfall."""
    if not fee:
        return
    positive = [cell for cell, amount in cells.items() if amount > 0 and cell[2] != Role.SUBSIDY]
    bearer = [cell for cell in positive if _bears_fee(request.policy.fee_bearer, cell)]
    taken = _charge(cells, bearer, positive, fee, payer=PLATFORM, seed=f"{request.seed}|fee")
    by_source: dict[str, int] = {}
    for (source, _, _), amount in taken:
        by_source[source] = by_source.get(source, 0) + amount
    for source, amount in by_source.items():
        _add(cells, (source, PROCESSOR, Role.PAYMENT_FEE), amount)


def _charge(cells: dict[_Cell, int], first: Sequence[_Cell], rest: Sequence[_Cell],
            amount: int, *, payer: Payee, seed: str) -> list[tuple[_Cell, int]]:
    """Take ``amount`` from ``first`` cells, then from ``rest``, which ``payer`` pays back.

    The shortfall taken from another payee's part comes back to it as a ``SUBSIDY`` part
    paid by ``payer`` in the same line or delivery, so that payee's net is untouched.
    """
    from_first = min(amount, sum(cells[cell] for cell in first))
    taken = _take(cells, first, from_first, seed=seed)
    shortfall = amount - from_first
    if shortfall:
        others = [cell for cell in rest if cells[cell] > 0]
        for (source, payee, role), part in _take(cells, others, shortfall,
                                                 seed=f"{seed}|shortfall"):
            taken.append(((source, payee, role), part))
            _add(cells, (source, payee, Role.SUBSIDY), part)
            _add(cells, (source, payer, Role.SUBSIDY), -part)
    return taken


def _take(cells: dict[_Cell, int], chosen: Sequence[_Cell], amount: int,
          *, seed: str) -> list[tuple[_Cell, int]]:
    """Take ``amount`` from ``chosen`` cells in proportion to them (never below zero)."""
    if not amount:
        return []
    keyed = {f"{s}|{p.key}|{r}": (s, p, r) for s, p, r in chosen}
    parts = apportion(amount, [(key, cells[cell]) for key, cell in keyed.items()], seed=seed)
    taken = []
    for key, part in parts.items():
        cells[keyed[key]] -= part
        taken.append((keyed[key], part))
    return taken


def payee_totals(parts: Iterable[Part]) -> dict[Payee, int]:
    """Net amount per payee of any collection of parts, payees sorted."""
    totals: dict[Payee, int] = {}
    for part in parts:
        totals[part.payee] = totals.get(part.payee, 0) + part.amount
    return dict(sorted(totals.items(), key=lambda item: item[0].sort_key()))
