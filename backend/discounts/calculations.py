"""Which discounts apply to which lines, to the centime. Pure: no ORM, no I/O.

Why pure: the selectors load rules, the voucher and the lines in a fixed number of queries and
this module decides; the same functions price a product card, a cart line and an order line,
and property tests drive them with any mix.

Rules:

- **Catalogue promotions.** Of the running rules of the channel whose predicate covers the
  variant (variant, product, category with its sub-categories, collection), the one giving the
  largest reduction per unit wins (Saleor applies the best one). Percentages are rounded half
  up to the centime; a fixed reduction never exceeds the unit price.
- **Vouchers** apply on top, to the price after the catalogue reduction. An entire-order voucher
  takes its value from the covered lines' total and is apportioned over them by amount
  (largest remainder); a specific-product voucher reduces each covered unit (or, with
  ``apply_once_per_order``, the cheapest covered unit once).
- **Funding.** A line of a cooperative is discounted by a cooperative- or shared-funded
  promotion only if that cooperative accepted it: ``Funding.covers``.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from backend.core.money import from_minor_units, quantize, to_minor_units
from backend.fairpay.apportion import apportion

PLATFORM = "platform"
COOPERATIVE = "cooperative"
SHARED = "shared"
FIXED = "fixed"
PERCENTAGE = "percentage"
ENTIRE_ORDER = "entire_order"
SPECIFIC_PRODUCT = "specific_product"


@dataclass(frozen=True)
class Funding:
    funded_by: str = PLATFORM
    platform_percent: Decimal = Decimal(100)
    accepted: frozenset[int] = frozenset()

    def covers(self, cooperative_id: int) -> bool:
        return self.funded_by == PLATFORM or cooperative_id in self.accepted

    def shares(self, amount_minor: int, *, seed: str) -> tuple[int, int]:
        """(platform, cooperative) parts of a reduction, exact."""
        if self.funded_by == PLATFORM:
            return amount_minor, 0
        if self.funded_by == COOPERATIVE:
            return 0, amount_minor
        pct = self.platform_percent
        parts = apportion(amount_minor, [("platform", pct), ("cooperative", Decimal(100) - pct)],
                          seed=seed)
        return parts["platform"], parts["cooperative"]


@dataclass(frozen=True)
class Target:
    """What a rule or voucher covers; ``category_ids`` already include sub-categories and
    ``collection_product_ids`` are the products of its collections."""

    variant_ids: frozenset[int] = frozenset()
    product_ids: frozenset[int] = frozenset()
    category_ids: frozenset[int] = frozenset()
    collection_product_ids: frozenset[int] = frozenset()

    def matches(self, item: Item) -> bool:
        return (item.variant_id in self.variant_ids or item.product_id in self.product_ids
                or (item.category_id is not None and item.category_id in self.category_ids)
                or item.product_id in self.collection_product_ids)


@dataclass(frozen=True)
class Item:
    """A variant as priced: what the predicates look at."""

    variant_id: int
    product_id: int
    category_id: int | None
    cooperative_id: int


@dataclass(frozen=True)
class CatalogueRule:
    promotion_id: str
    name: str
    translated_name: str
    reward_type: str
    reward_value: Decimal
    target: Target
    funding: Funding


@dataclass(frozen=True)
class VoucherTerms:
    voucher_id: int
    code: str
    name: str
    translated_name: str
    type: str
    value_type: str
    value: Decimal
    min_spent: Decimal | None
    apply_once_per_order: bool
    target: Target
    funding: Funding


@dataclass(frozen=True)
class PricedLine:
    key: str
    item: Item
    unit_price: Decimal
    quantity: int


@dataclass(frozen=True)
class LineDiscount:
    """One promotion's or voucher's reduction on one line, with its funders' parts."""

    line_key: str
    kind: str  # "promotion" or "voucher"
    source_id: str
    name: str
    translated_name: str
    value_type: str
    value: Decimal
    amount: Decimal
    platform_amount: Decimal
    cooperative_amount: Decimal
    cooperative_id: int
    funding: Funding


@dataclass
class Pricing:
    currency: str
    undiscounted_subtotal: Decimal
    discounts: list[LineDiscount] = field(default_factory=list)
    voucher_refusal: str | None = None  # why the voucher gives nothing: "min_spent", "lines"

    def line_discount(self, key: str, kind: str | None = None) -> Decimal:
        return sum((d.amount for d in self.discounts
                    if d.line_key == key and (kind is None or d.kind == kind)), Decimal(0))

    @property
    def catalogue_total(self) -> Decimal:
        return sum((d.amount for d in self.discounts if d.kind == "promotion"), Decimal(0))

    @property
    def voucher_total(self) -> Decimal:
        return sum((d.amount for d in self.discounts if d.kind == "voucher"), Decimal(0))

    @property
    def total(self) -> Decimal:
        return self.catalogue_total + self.voucher_total

    @property
    def subtotal(self) -> Decimal:
        return quantize(self.undiscounted_subtotal - self.total, self.currency)


def reduction(price: Decimal, value_type: str, value: Decimal, currency: str) -> Decimal:
    """The reduction of one price: a percentage rounded half up, a fixed amount capped."""
    if price <= 0 or value <= 0:
        return Decimal(0)
    if value_type == PERCENTAGE:
        cut = (price * min(value, Decimal(100)) / 100).quantize(
            Decimal(1).scaleb(-2), rounding=ROUND_HALF_UP)
        return min(quantize(cut, currency), price)
    return min(quantize(value, currency), price)


def best_rule(item: Item, price: Decimal, rules: Iterable[CatalogueRule],
              currency: str) -> tuple[CatalogueRule | None, Decimal]:
    """The covering rule with the largest unit reduction (ties: the first, rules being
    sorted)."""
    best: tuple[CatalogueRule | None, Decimal] = (None, Decimal(0))
    for rule in rules:
        if not rule.target.matches(item) or not rule.funding.covers(item.cooperative_id):
            continue
        cut = reduction(price, rule.reward_type, rule.reward_value, currency)
        if cut > best[1]:
            best = (rule, cut)
    return best


def _line_discount(line: PricedLine, kind: str, source_id: str, name: str, translated: str,
                   value_type: str, value: Decimal, amount: Decimal, funding: Funding,
                   currency: str, seed: str) -> LineDiscount:
    platform, cooperative = funding.shares(to_minor_units(amount, currency),
                                           seed=f"{seed}|{line.key}|{kind}")
    return LineDiscount(line_key=line.key, kind=kind, source_id=source_id, name=name,
                        translated_name=translated, value_type=value_type, value=value,
                        amount=amount, platform_amount=from_minor_units(platform, currency),
                        cooperative_amount=from_minor_units(cooperative, currency),
                        cooperative_id=line.item.cooperative_id, funding=funding)


def price_lines(lines: Sequence[PricedLine], *, currency: str,
                rules: Sequence[CatalogueRule] = (), voucher: VoucherTerms | None = None,
                seed: str = "") -> Pricing:
    """Every reduction on ``lines``: catalogue promotions first, then the voucher."""
    pricing = Pricing(currency=currency, undiscounted_subtotal=quantize(
        sum((line.unit_price * line.quantity for line in lines), Decimal(0)), currency))
    after: dict[str, Decimal] = {}
    for line in lines:
        rule, cut = best_rule(line.item, line.unit_price, rules, currency)
        total = quantize(line.unit_price * line.quantity, currency)
        if rule is not None and cut > 0:
            amount = quantize(cut * line.quantity, currency)
            pricing.discounts.append(_line_discount(
                line, "promotion", rule.promotion_id, rule.name, rule.translated_name,
                rule.reward_type, rule.reward_value, amount, rule.funding, currency, seed))
            total -= amount
        after[line.key] = total
    if voucher is not None:
        _apply_voucher(pricing, lines, after, voucher, currency, seed)
    return pricing


def _apply_voucher(pricing: Pricing, lines: Sequence[PricedLine], after: dict[str, Decimal],
                   voucher: VoucherTerms, currency: str, seed: str) -> None:
    spent = sum(after.values(), Decimal(0))
    if voucher.min_spent is not None and spent < voucher.min_spent:
        pricing.voucher_refusal = "min_spent"
        return
    covered = [line for line in lines
               if after[line.key] > 0 and voucher.funding.covers(line.item.cooperative_id)
               and (voucher.type == ENTIRE_ORDER or voucher.target.matches(line.item))]
    if not covered:
        pricing.voucher_refusal = "lines"
        return
    amounts: dict[str, Decimal] = {}
    if voucher.type == ENTIRE_ORDER:
        base = sum((after[line.key] for line in covered), Decimal(0))
        cut = reduction(base, voucher.value_type, voucher.value, currency)
        parts = apportion(to_minor_units(cut, currency),
                          [(line.key, to_minor_units(after[line.key], currency))
                           for line in covered], seed=f"{seed}|voucher")
        amounts = {key: from_minor_units(part, currency) for key, part in parts.items()}
    elif voucher.apply_once_per_order:
        cheapest = min(covered, key=lambda line: (after[line.key] / line.quantity, line.key))
        unit = quantize(after[cheapest.key] / cheapest.quantity, currency)
        amounts[cheapest.key] = reduction(unit, voucher.value_type, voucher.value, currency)
    else:
        for line in covered:
            if voucher.value_type == PERCENTAGE:
                amounts[line.key] = reduction(after[line.key], PERCENTAGE, voucher.value,
                                              currency)
            else:
                amounts[line.key] = min(quantize(voucher.value * line.quantity, currency),
                                        after[line.key])
    by_key = {line.key: line for line in covered}
    for key, amount in amounts.items():
        if amount > 0:
            pricing.discounts.append(_line_discount(
                by_key[key], "voucher", str(voucher.voucher_id), voucher.name,
                voucher.translated_name, voucher.value_type, voucher.value, amount,
                voucher.funding, currency, seed))
