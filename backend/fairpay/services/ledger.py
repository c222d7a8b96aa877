"""Money in and back out of an order: captures, refunds, cancellations, each a balanced journal.

Every journal writes the order's split part by part (one entry per line or delivery, payee
and role), so the ledger can tell at any time what of each part was captured and refunded:

- a **capture** of any amount is spread over what of each part is not captured yet, in
  proportion (``apportion``), so captures that add up to the total write the snapshot exactly;
- a **refund** of an amount (or of chosen lines and deliveries) is spread over what of each
  part is captured and not yet refunded, in proportion; refunding the rest therefore brings
  every payee of the order back to exactly zero, however the refunds were cut.

Card money is held at the payment provider (``PROVIDER_CLEARING``), cash by the partner who
collected it (``CASH_HELD_BY_PARTNER``), bank transfers in the ``BANK``. A refund of a card
payment goes back through the provider; otherwise it is owed to the customer
(``CUSTOMER_REFUNDS_OWED``) until paid back.

**Gift cards** are a tender, not a discount. Selling or issuing a card credits the gift-card
liability (``GIFT_CARD_LIABILITY``); the part of an order a card pays is captured at
completion by the same capture path with method ``gift_card``: the liability is debited and
the payees credited part by part, so the gift-card capture and the card (or cash) capture of
the rest add up exactly to the snapshot. The split's method (and so its payment fee) stays the
one of the other tender: the gift-card part carries no fee (``OrderSplit.prepaid_minor``).
Cancelling reverses the gift-card part back to the liability (the balance goes back to the
card) and the rest as before; a refund to the gift card (``refund_to="gift_card"``) does the
same for an amount or chosen lines.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.core.errors import DomainError
from backend.core.money import from_minor_units, quantize, to_minor_units
from backend.orders.models import Order

from ..apportion import apportion
from ..error_codes import FairPayErrorCode
from ..locks import accounts_for_update, order_split_for_update
from ..models import (
    Account,
    AccountKind,
    Journal,
    JournalKind,
    OrderSplit,
    ParcelHold,
    PaymentMethod,
    SplitRole,
)
from ..selectors import (
    CellKey,
    order_capture_methods,
    order_captured_cells,
    order_cells,
    order_gift_card_captured,
)
from ..splits import Payee
from .accounts import account_get_or_create, payee_account
from .journals import EntryDraft, journal_post
from .snapshots import order_split_method_change, order_splits_snapshot


@dataclass(frozen=True)
class _Cell:
    """One part of the snapshot, with the ledger account of its payee."""

    order_line_id: object
    delivery_id: int | None
    account: Account
    role: str
    parcel_cooperative_id: int

    @property
    def key(self) -> CellKey:
        return (self.order_line_id, self.delivery_id, self.account.pk, self.role)

    @property
    def tie_key(self) -> str:
        source = (f"line:{self.order_line_id}" if self.order_line_id
                  else f"delivery:{self.delivery_id}")
        return f"{source}|{self.account.key}|{self.role}"


def _minor(amount: Decimal | str, currency: str, field: str = "amount") -> int:
    amount = Decimal(amount)
    if amount <= 0 or quantize(amount, currency) != amount:
        raise DomainError.single(FairPayErrorCode.INVALID,
                                 _("Give a positive amount in the currency's smallest unit."),
                                 field)
    return to_minor_units(amount, currency)


def _snapshot_cells(header: OrderSplit) -> dict[CellKey, tuple[_Cell, int]]:
    parts = header.parts.select_related("order_line", "delivery").order_by("pk")
    cells: dict[CellKey, tuple[_Cell, int]] = {}
    accounts: dict[Payee, Account] = {}
    for part in parts:
        source = part.order_line or part.delivery
        if part.payee not in accounts:
            accounts[part.payee] = payee_account(part.payee, header.currency)
        cell = _Cell(order_line_id=part.order_line_id, delivery_id=part.delivery_id,
                     account=accounts[part.payee], role=part.role,
                     parcel_cooperative_id=source.cooperative_id)
        cells[cell.key] = (cell, part.amount_minor)
    return cells


def _locked_split(order: Order) -> OrderSplit:
    header = order_split_for_update(order.pk)
    if header is None:
        order_splits_snapshot(order=order)
        header = order_split_for_update(order.pk)
    return header


def _spread(target: int, cells: list[_Cell], weights: Mapping[CellKey, int],
            seed: str) -> dict[CellKey, int]:
    parts = apportion(target, [(cell.tie_key, weights.get(cell.key, 0)) for cell in cells],
                      seed=seed)
    return {cell.key: parts[cell.tie_key] for cell in cells}


def _existing(kind: JournalKind, reference: str, order: Order) -> Journal | None:
    if not reference:
        return None
    journal = Journal.objects.filter(kind=kind, reference=reference).first()
    if journal is not None and journal.order_id != order.pk:
        raise DomainError.single(FairPayErrorCode.INVALID,
                                 _("This reference belongs to another order."), "reference")
    return journal


def _capture_account(method: PaymentMethod, currency: str, collected_by) -> Account:
    if method == PaymentMethod.GIFT_CARD:
        return account_get_or_create(kind=AccountKind.GIFT_CARD_LIABILITY, currency=currency)
    if method == PaymentMethod.CARD:
        return account_get_or_create(kind=AccountKind.PROVIDER_CLEARING, currency=currency)
    if method == PaymentMethod.BANK_TRANSFER:
        return account_get_or_create(kind=AccountKind.BANK, currency=currency)
    if collected_by is None:
        raise DomainError.single(FairPayErrorCode.REQUIRED,
                                 _("Say which partner collected the cash."), "collectedBy")
    return account_get_or_create(kind=AccountKind.CASH_HELD_BY_PARTNER, currency=currency,
                                 owner_id=collected_by.pk)


def _without_fees(cells: list[_Cell], remaining: dict[CellKey, int],
                  target: int) -> tuple[list[_Cell], dict[CellKey, int]]:
    """A gift card pays no processor fee: its capture leaves the fee parts to the card's
    capture (unless the fee is larger than what the card pays, then it takes a share)."""
    kept = [cell for cell in cells if cell.role != SplitRole.PAYMENT_FEE]
    left = {cell.key: remaining[cell.key] for cell in kept}
    if target > sum(left.values()):
        return cells, remaining
    return kept, left


def ledger_record_capture(*, order: Order, amount: Decimal, method: str, reference: str = "",
                          collected_by=None, cooperative=None,
                          occurred_at: datetime | None = None) -> Journal:
    """Record money received for ``order`` (card captured, cash collected, transfer received).

    If the order was split for another method and nothing was captured yet, the split is
    recomputed with its own policy version (only the payment fee changes). ``cooperative``
    limits a capture to that cooperative's parcel (cash collected at its delivery, with
    ``collected_by`` the partner). Idempotent by ``reference``. Locks the
    order's split. Credits are held for the policy's holding period.
    """
    method = PaymentMethod(method)
    with transaction.atomic():
        existing = _existing(JournalKind.CAPTURE, reference, order)
        if existing is not None:
            return existing
        header = _locked_split(order)
        currency = header.currency
        captured = order_captured_cells(order.pk)
        if header.method != method and method != PaymentMethod.GIFT_CARD:
            if captured:
                raise DomainError.single(FairPayErrorCode.METHOD_MISMATCH,
                                         _("Part of the order was paid another way."), "method")
            header = order_split_method_change(header=header, method=method)
        target = _minor(amount, currency)
        snapshot_cells = _snapshot_cells(header)
        cells = [cell for cell, _ in snapshot_cells.values()
                 if cooperative is None or cell.parcel_cooperative_id == cooperative.pk]
        snapshot = {key: part for key, (_, part) in snapshot_cells.items()}
        remaining = {cell.key: snapshot[cell.key] - captured.get(cell.key, 0) for cell in cells}
        if method == PaymentMethod.GIFT_CARD:
            cells, remaining = _without_fees(cells, remaining, target)
        if target > sum(remaining.values()):
            raise DomainError.single(FairPayErrorCode.CAPTURE_EXCEEDS_ORDER,
                                     _("This is more than is left to pay on the order."),
                                     "amount")
        parts = _spread(target, cells, remaining,
                        seed=f"order:{order.pk}|capture|{sum(captured.values())}")
        occurred_at = occurred_at or timezone.now()
        release = occurred_at + timedelta(days=header.policy.holding_days)
        drafts = [EntryDraft(_capture_account(method, currency, collected_by), target)]
        drafts += [EntryDraft(cell.account, -parts[cell.key], order_line_id=cell.order_line_id,
                              delivery_id=cell.delivery_id, role=cell.role,
                              parcel_cooperative_id=cell.parcel_cooperative_id,
                              available_at=release)
                   for cell in cells]
        return journal_post(kind=JournalKind.CAPTURE, currency=currency, entries=drafts,
                            order=order, method=method, reference=reference,
                            occurred_at=occurred_at)


def _refund_groups(cells: dict[CellKey, _Cell], currency: str, amount, lines,
                   deliveries) -> list[tuple[str, list[_Cell], int]]:
    if (amount is None) == (not lines and not deliveries):
        raise DomainError.single(FairPayErrorCode.INVALID,
                                 _("Refund either an amount or lines and deliveries."), "amount")
    if amount is not None:
        return [("order", list(cells.values()), _minor(amount, currency))]
    groups = []
    for field, chosen, attribute in (("lines", lines or {}, "order_line_id"),
                                     ("deliveries", deliveries or {}, "delivery_id")):
        for source, value in chosen.items():
            source_id = getattr(source, "pk", source)
            group = [c for c in cells.values() if str(getattr(c, attribute)) == str(source_id)]
            if not group:
                raise DomainError.single(FairPayErrorCode.NOT_FOUND,
                                         _("This line is not part of the order."), field)
            groups.append((f"{field}:{source_id}", group, _minor(value, currency, field)))
    return groups


def _refund_account(order: Order, currency: str, refund_to: str | None) -> Account:
    if refund_to == PaymentMethod.GIFT_CARD:
        return account_get_or_create(kind=AccountKind.GIFT_CARD_LIABILITY, currency=currency)
    methods = order_capture_methods(order.pk) - {PaymentMethod.GIFT_CARD}
    to_card = refund_to == PaymentMethod.CARD if refund_to else methods == {PaymentMethod.CARD}
    kind = AccountKind.PROVIDER_CLEARING if to_card else AccountKind.CUSTOMER_REFUNDS_OWED
    return account_get_or_create(kind=kind, currency=currency)


def ledger_record_refund(*, order: Order, reference: str = "", amount: Decimal | None = None,
                         lines: Mapping | None = None, deliveries: Mapping | None = None,
                         refund_to: str | None = None, occurred_at: datetime | None = None,
                         kind: JournalKind = JournalKind.REFUND) -> Journal:
    """Reverse, in exact proportion, part of what was captured for ``order``.

    Give ``amount`` (spread over the whole order) or ``lines``/``deliveries`` mapping each
    to an amount. Idempotent by ``reference``. Locks the order's split, then the payee
    accounts in pk order.
    """
    with transaction.atomic():
        existing = _existing(kind, reference, order)
        if existing is not None:
            return existing
        header = order_split_for_update(order.pk)
        if header is None:
            raise DomainError.single(FairPayErrorCode.NOTHING_CAPTURED,
                                     _("Nothing was paid for this order."), "amount")
        currency = header.currency
        cells = {key: cell for key, (cell, _) in _snapshot_cells(header).items()}
        net = order_cells(order.pk)
        done = sum(order_captured_cells(order.pk).values()) - sum(net.values())
        reversals: dict[CellKey, int] = {}
        for name, group, target in _refund_groups(cells, currency, amount, lines, deliveries):
            remaining = {cell.key: net.get(cell.key, 0) - reversals.get(cell.key, 0)
                         for cell in group}
            if target > sum(remaining.values()):
                raise DomainError.single(FairPayErrorCode.REFUND_EXCEEDS_CAPTURED,
                                         _("This is more than was paid and not yet refunded."),
                                         "amount")
            for key, part in _spread(target, group, remaining,
                                     seed=f"order:{order.pk}|refund|{done}|{name}").items():
                reversals[key] = reversals.get(key, 0) + part
        accounts_for_update(cells[key].account.pk for key, part in reversals.items() if part)
        total = sum(reversals.values())
        drafts = [EntryDraft(_refund_account(order, currency, refund_to), -total)]
        drafts += [EntryDraft(cells[key].account, part, order_line_id=cells[key].order_line_id,
                              delivery_id=cells[key].delivery_id, role=cells[key].role,
                              parcel_cooperative_id=cells[key].parcel_cooperative_id)
                   for key, part in reversals.items()]
        method = PaymentMethod.GIFT_CARD if refund_to == PaymentMethod.GIFT_CARD else ""
        return journal_post(kind=kind, currency=currency, entries=drafts, order=order,
                            method=method, reference=reference, occurred_at=occurred_at)


def ledger_record_cancellation(*, order: Order, reference: str = "",
                               occurred_at: datetime | None = None) -> Journal | None:
    """Reverse everything still captured for a cancelled order; None if nothing was paid.

    The gift-card part first, back to the gift-card liability (the caller gives the balances
    back to the cards: ``order_promo_codes_release``), reference ``<reference>:gift-card``;
    then the rest, back to the card or owed to the customer. Idempotent.
    """
    reference = reference or f"cancel:{order.pk}"
    with transaction.atomic():
        existing = _existing(JournalKind.CANCELLATION, reference, order)
        if existing is not None:
            return existing
        if order_split_for_update(order.pk) is None:
            return None
        journal = None
        gift_card = order_gift_card_captured(order.pk)
        if gift_card > 0:
            journal = ledger_record_refund(
                order=order, reference=f"{reference}:gift-card", kind=JournalKind.CANCELLATION,
                amount=from_minor_units(gift_card, order.currency),
                refund_to=PaymentMethod.GIFT_CARD, occurred_at=occurred_at)
        left = sum(order_cells(order.pk).values())
        if left <= 0:
            return journal or Journal.objects.filter(
                kind=JournalKind.CANCELLATION, order=order).order_by("pk").last()
        return ledger_record_refund(
            order=order, reference=reference, kind=JournalKind.CANCELLATION,
            amount=from_minor_units(left, order.currency), occurred_at=occurred_at)


def ledger_record_gift_card_redemption(*, order: Order, amount_minor: int,
                                       occurred_at: datetime | None = None) -> Journal | None:
    """Capture the part of ``order`` its gift cards paid (at completion); None if none.

    The same capture as a card's (``ledger_record_capture`` with method ``gift_card``): the
    gift-card liability is debited, the payees credited per the order's snapshot. Idempotent
    (reference ``gift-card:<order>``). Call it after the split snapshot, in its transaction.
    """
    if amount_minor <= 0:
        return None
    return ledger_record_capture(order=order, amount=from_minor_units(amount_minor,
                                                                      order.currency),
                                 method=PaymentMethod.GIFT_CARD,
                                 reference=f"gift-card:{order.pk}", occurred_at=occurred_at)


def ledger_record_gift_card_refund(*, order: Order, reference: str,
                                   amount: Decimal | None = None, lines: Mapping | None = None,
                                   deliveries: Mapping | None = None,
                                   occurred_at: datetime | None = None) -> Journal:
    """Reverse part of an order back to the gift-card liability (money back on the card).

    Never more than the gift cards paid on the order and were not given back yet. The caller
    (``backend.giftcards.services.order_gift_cards_refund``) credits the cards' balances.
    """
    with transaction.atomic():
        existing = _existing(JournalKind.REFUND, reference, order)
        if existing is not None:
            return existing
        order_split_for_update(order.pk)
        total = (_minor(amount, order.currency) if amount is not None else
                 sum(_minor(v, order.currency) for mapping in (lines or {}, deliveries or {})
                     for v in mapping.values()))
        if total > order_gift_card_captured(order.pk):
            raise DomainError.single(FairPayErrorCode.REFUND_EXCEEDS_CAPTURED,
                                     _("This is more than the gift cards paid on the order."),
                                     "amount")
        return ledger_record_refund(order=order, reference=reference, amount=amount,
                                    lines=lines, deliveries=deliveries,
                                    refund_to=PaymentMethod.GIFT_CARD, occurred_at=occurred_at)


def gift_card_issue_record(*, gift_card, paid_with: str = "platform",
                           occurred_at: datetime | None = None) -> Journal:
    """A gift card sold (``card`` or ``bank_transfer``) or given by the platform (``platform``):
    its balance becomes owed by the network (credit ``GIFT_CARD_LIABILITY``).

    Sold: the money is in the provider's clearing or the bank. Given: the platform funds it
    (its account is debited). Idempotent (reference ``gift-card-issue:<card pk>``).
    """
    debits = {"platform": AccountKind.PLATFORM, PaymentMethod.CARD: AccountKind.PROVIDER_CLEARING,
              PaymentMethod.BANK_TRANSFER: AccountKind.BANK}
    if paid_with not in debits:
        raise DomainError.single(FairPayErrorCode.INVALID,
                                 _("A gift card is paid by card, by transfer or given by the "
                                   "platform."), "paidWith")
    currency = gift_card.currency
    reference = f"gift-card-issue:{gift_card.pk}"
    with transaction.atomic():
        existing = Journal.objects.filter(kind=JournalKind.GIFT_CARD_ISSUE,
                                          reference=reference).first()
        if existing is not None:
            return existing
        amount = _minor(gift_card.initial_balance_amount, currency)
        debit = account_get_or_create(kind=debits[paid_with], currency=currency)
        liability = account_get_or_create(kind=AccountKind.GIFT_CARD_LIABILITY,
                                          currency=currency)
        method = paid_with if paid_with != "platform" else ""
        return journal_post(kind=JournalKind.GIFT_CARD_ISSUE, currency=currency,
                            reference=reference, method=method, memo=f"gift-card:{gift_card.pk}",
                            entries=[EntryDraft(debit, amount), EntryDraft(liability, -amount)],
                            occurred_at=occurred_at)


def parcel_hold_record(*, order: Order, cooperative, delivered_at: datetime) -> ParcelHold:
    """Hook for fulfillment: a delivered parcel's shares are held from its delivery date.

    Call it when a parcel is delivered; the holding period of the order's policy then counts
    from ``delivered_at`` instead of the capture date.
    """
    header = OrderSplit.objects.select_related("policy").filter(order=order).first()
    days = header.policy.holding_days if header else 7
    return ParcelHold.objects.create(order=order, cooperative=cooperative,
                                     release_at=delivered_at + timedelta(days=days))
