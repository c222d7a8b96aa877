"""Refunds of orders, full or partial (an amount, or units of lines and the shipping).

A card refund is a Stripe refund with an idempotency key derived from our Refund row, so a
retried click or a retried call refunds once. The Refund row is committed *before* Stripe is
called (pending refunds count against what is left to refund, so two admins cannot over-refund),
and the answer is recorded afterwards. A cash-on-delivery refund cannot be pushed to a card: it
is recorded as money owed back to the customer and announced to the fair-pay ledger.

**Gift cards.** An order paid partly or wholly by gift card is refunded through both tenders:
the refund is split between the gift-card part and the card (or cash) part in proportion to
what each paid and still holds, exactly in minor units (largest remainder, seeded by the
refund's idempotency key, so the same request splits the same way). A refund by lines splits
each line (and the shipping) in the same proportion. The gift-card part goes back to the cards'
balances (``backend.giftcards.services.order_gift_cards_refund``, never to the bank card); the
rest through the card or cash path. Both parts are given when the refund succeeds: at once (in
the same database transaction) for cash and gift-card-only refunds, when Stripe answers for a
card refund, so a refused card refund gives nothing back to the gift cards either.
"""
from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction as db_transaction
from django.db.models import F, Sum
from django.utils.translation import gettext as _

from backend.core.errors import DomainError
from backend.core.money import from_minor_units, quantize, to_minor_units
from backend.discounts.selectors import order_line_discount_totals, order_line_refund_value

from .. import hooks, stripe_client
from ..error_codes import RefundErrorCode
from ..gateways import CASH_ON_DELIVERY, DUMMY, STRIPE
from ..gateways.providers import provider
from ..gateways.types import EventInput
from ..locks import order_for_update, transaction_for_update, transactions_for_update
from ..models import (
    GRANTED_REFUND_STATUSES,
    Refund,
    RefundLine,
    RefundMethod,
    RefundStatus,
    TransactionItem,
)
from ..models import (
    TransactionEventType as T,
)
from ..selectors import order_line_refunded_quantities
from .transaction_events import attach_locked, order_payments_recompute, record_locked

logger = logging.getLogger(__name__)

_METHODS = {STRIPE: RefundMethod.CARD, CASH_ON_DELIVERY: RefundMethod.CASH,
            DUMMY: RefundMethod.DUMMY}


@dataclass(frozen=True)
class RefundLineInput:
    order_line_id: uuid.UUID | str
    quantity: int


def order_refund_create(*, order_id, amount: Decimal | str | None = None,
                        lines: Sequence[RefundLineInput] = (), include_shipping: bool = False,
                        reason: str = "", requested_by=None,
                        idempotency_key: str | None = None) -> Refund:
    """Refund an order: ``amount``, or ``lines`` (and ``include_shipping``), not both.

    Returns the Refund (succeeded, owed or pending); raises DomainError on a broken rule (then
    nothing changed) or when Stripe refused (then the failed Refund is kept, for the record).
    The same ``idempotency_key`` returns the same Refund and resumes a pending one.
    """
    key = idempotency_key or f"refund-{uuid.uuid4().hex}"
    refund = _refund_prepare(order_id=order_id, amount=amount, lines=lines,
                             include_shipping=include_shipping, reason=reason,
                             requested_by=requested_by, key=key)
    if (refund.status != RefundStatus.PENDING or refund.method != RefundMethod.CARD
            or refund.transaction_id is None):
        return refund
    return _refund_send_to_stripe(refund)


def _refund_prepare(*, order_id, amount, lines: Sequence[RefundLineInput],
                    include_shipping: bool, reason: str, requested_by, key: str) -> Refund:
    """Validate and create the Refund row; cash and dummy refunds are final at once."""
    with db_transaction.atomic():
        order = order_for_update(order_id)
        if order is None:
            raise DomainError.single(RefundErrorCode.NOT_FOUND,
                                     _("Couldn't resolve to a node: %(id)s") % {"id": order_id},
                                     "id")
        existing = Refund.objects.filter(idempotency_key=key).first()
        if existing is not None:
            return existing
        if order.checkout_token:
            attach_locked(order, transactions_for_update(checkout_token=order.checkout_token,
                                                         order__isnull=True))
        value, line_rows = _refund_amount(order, amount, lines, include_shipping)
        gift_card, transaction = _refund_tenders(order, value, key)
        line_gift = refund_split_lines(
            to_minor_units(gift_card, order.currency),
            [(str(line.pk), to_minor_units(line_amount, order.currency))
             for line, _quantity, line_amount in line_rows]
            + ([("shipping", to_minor_units(order.shipping_amount, order.currency))]
               if include_shipping else []),
            seed=f"order:{order.pk}|refund-lines|{key}") if line_rows or include_shipping else {}
        if transaction is not None:
            transaction_for_update(transaction.pk)
        refund = Refund.objects.create(
            order=order, transaction=transaction,
            method=_METHODS[transaction.gateway] if transaction else RefundMethod.GIFT_CARD,
            amount=value, gift_card_amount=gift_card, currency=order.currency,
            include_shipping=include_shipping, reason=reason, idempotency_key=key,
            requested_by=requested_by)
        RefundLine.objects.bulk_create([
            RefundLine(refund=refund, order_line=line, quantity=quantity, amount=line_amount,
                       gift_card_amount=from_minor_units(line_gift.get(str(line.pk), 0),
                                                         order.currency))
            for line, quantity, line_amount in line_rows])
        if transaction is None:  # wholly back to the gift cards: final at once
            _refund_finish_locked(refund, "succeeded", "", "", source=_source(requested_by))
            return refund
        if refund.method == RefundMethod.CARD:
            request = EventInput(T.REFUND_REQUEST, refund.tender_amount, f"refund-{refund.token}")
            record_locked(transaction, [request], source=_source(requested_by))
            return refund
        outcome = provider(transaction.gateway).refund(transaction=transaction, refund=refund)
        _refund_finish_locked(refund, outcome.status, outcome.psp_reference, outcome.message,
                              source=_source(requested_by))
        return refund


def _refund_amount(order, amount, lines: Sequence[RefundLineInput], include_shipping: bool):
    if amount is not None and (lines or include_shipping):
        raise DomainError.single(RefundErrorCode.INVALID,
                                 _("Refund either an amount or lines, not both."), "amount")
    if amount is None and not lines and not include_shipping:
        raise DomainError.single(RefundErrorCode.REQUIRED,
                                 _("Give an amount or the lines to refund."), "amount")
    if amount is not None:
        try:
            value = quantize(Decimal(str(amount)), order.currency)
        except InvalidOperation as error:
            raise DomainError.single(RefundErrorCode.INVALID, _("The amount is not a number."),
                                     "amount") from error
        if value <= 0:
            raise DomainError.single(RefundErrorCode.INVALID,
                                     _("The amount must be positive."), "amount")
        return value, []
    order_lines = {str(line.pk): line for line in order.lines.all()}
    already = order_line_refunded_quantities(order)
    discounts = order_line_discount_totals(order.pk)
    rows, value = [], Decimal(0)
    for item in lines:
        line = order_lines.get(str(item.order_line_id))
        if line is None:
            raise DomainError.single(RefundErrorCode.NOT_FOUND,
                                     _("This line is not in the order."), "lines")
        left = line.quantity - already.get(line.pk, 0)
        if item.quantity <= 0 or item.quantity > left:
            raise DomainError.single(
                RefundErrorCode.INVALID,
                _("Only %(left)s of %(name)s can still be refunded.")
                % {"left": left, "name": line.product_name}, "lines")
        line_amount = order_line_refund_value(  # after promotions and vouchers
            line, quantity=item.quantity, already=already.get(line.pk, 0),
            discount=discounts.get(line.pk, Decimal(0)))
        rows.append((line, item.quantity, line_amount))
        value += line_amount
    if include_shipping:
        if (Refund.objects.filter(order=order, include_shipping=True)
                .exclude(status=RefundStatus.FAILED).exists()):
            raise DomainError.single(RefundErrorCode.SHIPPING_COSTS_ALREADY_GRANTED,
                                     _("The shipping was already refunded."), "includeShipping")
        value += order.shipping_amount
    if value <= 0:
        raise DomainError.single(RefundErrorCode.INVALID,
                                 _("The amount must be positive."), "amount")
    return quantize(value, order.currency), rows


def refund_split(total: int, gift_card_left: int, tender_left: int, *,
                 seed: str) -> tuple[int, int]:
    """Split ``total`` minor units between the gift cards and the other tender, in proportion
    to what each still holds; exact (the parts add up to ``total``) and, with
    ``total <= gift_card_left + tender_left``, neither part exceeds what its tender holds."""
    from backend.fairpay.apportion import apportion

    if total < 0 or gift_card_left < 0 or tender_left < 0 or total > gift_card_left + tender_left:
        raise ValueError("a refund split needs 0 <= total <= what the tenders hold")
    if total == 0:
        return 0, 0
    parts = apportion(total, [("gift_card", gift_card_left), ("tender", tender_left)],
                      seed=seed)
    return parts["gift_card"], parts["tender"]


def refund_split_lines(gift_card: int, amounts: Sequence[tuple[str, int]], *,
                       seed: str) -> dict[str, int]:
    """The gift-card part of each refunded line (and ``"shipping"``), in proportion to the
    lines' amounts; the parts add up exactly to ``gift_card``, none above its line."""
    from backend.fairpay.apportion import apportion

    if not gift_card:
        return {key: 0 for key, _amount in amounts}
    return apportion(gift_card, list(amounts), seed=seed)


def _refund_tenders(order, value: Decimal, key: str) -> tuple[Decimal, TransactionItem | None]:
    """The gift-card part of ``value`` and the payment the rest comes from (None if no rest).

    The tenders: the order's gift cards (what they paid and still hold, minus pending refunds)
    and the one card or cash payment with the most charged money not yet refunded or being
    refunded (an order is normally paid once). Refuses a refund above what they hold."""
    from backend.giftcards.selectors import order_gift_card_total

    currency = order.currency
    pending = Refund.objects.filter(order=order, status=RefundStatus.PENDING)
    gift_left = order_gift_card_total(order.pk) - (
        pending.aggregate(total=Sum("gift_card_amount"))["total"] or Decimal(0))
    best: tuple[Decimal, TransactionItem | None] = (Decimal(0), None)
    for item in TransactionItem.objects.filter(order=order, currency=currency,
                                               gateway__in=list(_METHODS)).order_by("pk"):
        held = (pending.filter(transaction=item)
                .aggregate(total=Sum(F("amount") - F("gift_card_amount")))["total"]
                or Decimal(0))
        available = item.charged_amount - held
        if available > best[0]:
            best = (available, item)
    gift_minor = max(to_minor_units(gift_left, currency), 0)
    tender_minor = max(to_minor_units(best[0], currency), 0)
    total = to_minor_units(value, currency)
    refunded_before = pending.exists() or Refund.objects.filter(
        order=order, status__in=GRANTED_REFUND_STATUSES).exists()
    if gift_minor + tender_minor <= 0 and not refunded_before:
        message = (_("Nothing was collected on this order yet: cancel it instead.")
                   if order.payment_gateway == CASH_ON_DELIVERY
                   else _("Nothing was paid on this order yet."))
        raise DomainError.single(RefundErrorCode.AMOUNT_GREATER_THAN_AVAILABLE, message,
                                 "amount")
    if total > gift_minor + tender_minor:
        raise DomainError.single(
            RefundErrorCode.AMOUNT_GREATER_THAN_AVAILABLE,
            _("At most %(amount)s %(currency)s can be refunded.") % {
                "amount": from_minor_units(gift_minor + tender_minor, currency),
                "currency": currency}, "amount")
    gift_part, tender_part = refund_split(total, gift_minor, tender_minor,
                                          seed=f"order:{order.pk}|refund-split|{key}")
    return from_minor_units(gift_part, currency), best[1] if tender_part else None


def _refund_send_to_stripe(refund: Refund) -> Refund:
    """Call Stripe outside any lock; record its answer. Safe to call again for a pending one."""
    transaction = refund.transaction
    try:
        outcome = provider(transaction.gateway).refund(transaction=transaction, refund=refund)
    except stripe_client.ProviderUnavailable as error:
        logger.warning("Refund %s left pending: Stripe unavailable (%s)", refund.token, error)
        raise DomainError.single(
            RefundErrorCode.PAYMENT_PROVIDER_ERROR,
            _("Stripe could not be reached; the refund is pending. Try again: it will not be "
              "made twice."), "id") from error
    except stripe_client.PaymentProviderError as error:
        with db_transaction.atomic():
            locked = _lock_refund(refund)
            _refund_finish_locked(locked, "failed", "", error.message, source="stripe")
        raise DomainError.single(RefundErrorCode.PAYMENT_PROVIDER_ERROR,
                                 _("Stripe refused the refund: %(reason)s")
                                 % {"reason": error.message}, "id") from error
    with db_transaction.atomic():
        locked = _lock_refund(refund)
        _refund_finish_locked(locked, outcome.status, outcome.psp_reference, outcome.message,
                              source="stripe")
    return locked


def _lock_refund(refund: Refund) -> Refund:
    order_for_update(refund.order_id)
    if refund.transaction_id is not None:
        transaction_for_update(refund.transaction_id)
    return (Refund.objects.select_for_update(of=("self",)).select_related("transaction")
            .get(pk=refund.pk))


def _refund_finish_locked(refund: Refund, status: str, psp_reference: str, message: str, *,
                          source: str) -> None:
    """Record the provider's answer once; the order and transaction rows are locked."""
    if refund.status != RefundStatus.PENDING:
        return
    transaction = (TransactionItem.objects.get(pk=refund.transaction_id)
                   if refund.transaction_id is not None else None)
    if psp_reference and not refund.psp_reference:
        refund.psp_reference = psp_reference
    reference = refund.psp_reference or f"refund-{refund.token}"
    if status in ("succeeded", "owed"):
        refund.status = RefundStatus.OWED if status == "owed" else RefundStatus.SUCCEEDED
        refund.save(update_fields=["status", "psp_reference", "updated_at"])
        if refund.gift_card_amount:
            _refund_gift_cards(refund)
        if transaction is not None:
            record_locked(transaction, [EventInput(T.REFUND_SUCCESS, refund.tender_amount,
                                                   reference, _refund_message(refund))],
                          source=source)
        order_payments_recompute(refund.order_id)
        if transaction is not None:
            _announce_refund(refund, transaction)
    elif status == "failed":
        refund.status = RefundStatus.FAILED
        refund.failure_message = message[:512]
        refund.save(update_fields=["status", "psp_reference", "failure_message", "updated_at"])
        record_locked(transaction, [EventInput(T.REFUND_FAILURE, refund.tender_amount, reference,
                                               message[:512])], source=source)
    else:  # pending at the provider: the charge.refunded webhook will finish it
        refund.save(update_fields=["psp_reference", "updated_at"])


def _refund_message(refund: Refund) -> str:
    if refund.status == RefundStatus.OWED:
        return _("Owed back to the customer.")
    return refund.reason[:512]


def _refund_gift_cards(refund: Refund) -> None:
    """Give the refund's gift-card part back to the cards (idempotent by the refund's token):
    the same lines and shipping shares as the refund, or its amount over the whole order."""
    from backend.giftcards.services import order_gift_cards_refund

    lines = {line.order_line_id: line.gift_card_amount for line in refund.lines.all()
             if line.gift_card_amount}
    by_parts = refund.include_shipping or refund.lines.exists()
    shipping = refund.gift_card_amount - sum(lines.values(), Decimal(0))
    order_gift_cards_refund(
        order=refund.order, reference=f"refund-{refund.token}", user=refund.requested_by,
        amount=None if by_parts else refund.gift_card_amount,
        lines=lines if by_parts else None, shipping=shipping if by_parts else None)


def _announce_refund(refund: Refund, transaction: TransactionItem) -> None:
    """Tell the ledger of the card or cash part (the gift-card part is recorded apart)."""
    lines = tuple((str(line.order_line_id), line.quantity, line.amount - line.gift_card_amount)
                  for line in refund.lines.all())
    shipping = (refund.tender_amount - sum((amount for _l, _q, amount in lines), Decimal(0))
                if refund.include_shipping else Decimal(0))
    hooks.announce(hooks.MoneyMovement(
        kind=hooks.MovementKind.REFUND, order_id=str(refund.order_id),
        transaction_id=transaction.pk, gateway=transaction.gateway,
        amount=refund.tender_amount, currency=refund.currency,
        psp_reference=refund.psp_reference, refund_id=refund.pk,
        owed_to_customer=refund.status == RefundStatus.OWED,
        lines=lines, shipping_amount=shipping))


def _source(user) -> str:
    return f"admin {user.pk}" if user is not None and getattr(user, "pk", None) else "admin"


def refund_mark_paid_back(*, refund_id: int) -> Refund:
    """A cash refund owed to the customer was paid back (by the fair-pay payout run)."""
    with db_transaction.atomic():
        refund = Refund.objects.select_for_update().get(pk=refund_id)
        if refund.status != RefundStatus.OWED:
            raise DomainError.single(RefundErrorCode.INVALID,
                                     _("Only a refund owed to the customer can be paid back."),
                                     "id")
        refund.status = RefundStatus.PAID_BACK
        refund.save(update_fields=["status", "updated_at"])
        return refund


def refunds_sync_from_stripe_charge(*, transaction_id: int, amount_refunded: Decimal,
                                    charge_id: str, source: str) -> str:
    """``charge.refunded``: Stripe's cumulative refunded amount is the truth.

    Pending refunds it covers are marked succeeded; what is left was refunded outside CoopStore
    (the Stripe dashboard) and is recorded as a refund of its own. Order-independent: an older,
    smaller total arriving late adds nothing. Runs inside the caller's atomic block.
    """
    from .transaction_events import lock_for_recording

    transaction = lock_for_recording(transaction_id)
    recorded = transaction.refunded_amount
    finished = 0
    for refund in (Refund.objects.select_for_update()
                   .filter(transaction=transaction, status=RefundStatus.PENDING)
                   .order_by("created_at", "pk")):
        if recorded + refund.tender_amount > amount_refunded:
            break
        _refund_finish_locked(refund, "succeeded", "", "", source=source)
        transaction.refresh_from_db()
        recorded = transaction.refunded_amount
        finished += 1
    extra = quantize(amount_refunded - recorded, transaction.currency)
    if extra <= 0:
        return f"refunds in step ({finished} finished)"
    reference = f"{charge_id}:refunded:{amount_refunded}"
    if transaction.order_id is None:
        record_locked(transaction, [EventInput(T.REFUND_SUCCESS, extra, reference)],
                      source=source)
        return f"refund of {extra} recorded on a checkout transaction"
    refund, created = Refund.objects.get_or_create(
        idempotency_key=f"stripe-{reference}",
        defaults={"order_id": transaction.order_id, "transaction": transaction,
                  "method": RefundMethod.CARD, "amount": extra,
                  "currency": transaction.currency,
                  "reason": _("Refunded from the Stripe dashboard."),
                  "psp_reference": reference})
    if created:
        _refund_finish_locked(refund, "succeeded", reference, "", source=source)
    return f"refund of {extra} made outside CoopStore recorded"
