"""Refunds of orders, full or partial (an amount, or units of lines and the shipping).

A card refund is a Stripe refund with an idempotency key derived from our Refund row, so a
retried click or a retried call refunds once. The Refund row is committed *before* Stripe is
called (pending refunds count against what is left to refund, so two admins cannot over-refund),
and the answer is recorded afterwards. A cash-on-delivery refund cannot be pushed to a card: it
is recorded as money owed back to the customer and announced to the fair-pay ledger.
"""
from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction as db_transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from backend.core.errors import DomainError
from backend.core.money import quantize
from backend.discounts.selectors import order_line_discount_totals, order_line_refund_value

from .. import hooks, stripe_client
from ..error_codes import RefundErrorCode
from ..gateways import CASH_ON_DELIVERY, DUMMY, STRIPE
from ..gateways.providers import provider
from ..gateways.types import EventInput
from ..locks import order_for_update, transaction_for_update, transactions_for_update
from ..models import (
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
    if refund.status != RefundStatus.PENDING or refund.method != RefundMethod.CARD:
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
        transaction = _refundable_transaction(order, value)
        transaction_for_update(transaction.pk)
        refund = Refund.objects.create(
            order=order, transaction=transaction, method=_METHODS[transaction.gateway],
            amount=value, currency=order.currency, include_shipping=include_shipping,
            reason=reason, idempotency_key=key, requested_by=requested_by)
        RefundLine.objects.bulk_create([RefundLine(refund=refund, order_line=line,
                                                   quantity=quantity, amount=line_amount)
                                        for line, quantity, line_amount in line_rows])
        if refund.method == RefundMethod.CARD:
            request = EventInput(T.REFUND_REQUEST, value, f"refund-{refund.token}")
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


def _refundable_transaction(order, value: Decimal) -> TransactionItem:
    """The payment the refund is taken from: charged money not yet refunded or being refunded.
    A refund comes from one payment (an order is normally paid once)."""
    best: tuple[Decimal, TransactionItem | None] = (Decimal(0), None)
    for item in TransactionItem.objects.filter(order=order, currency=order.currency,
                                               gateway__in=list(_METHODS)).order_by("pk"):
        pending = (Refund.objects.filter(transaction=item, status=RefundStatus.PENDING)
                   .aggregate(total=Sum("amount"))["total"] or Decimal(0))
        available = item.charged_amount - pending
        if available >= value:
            return item
        best = max(best, (available, item), key=lambda pair: pair[0])
    if best[1] is None or best[0] <= 0:
        message = (_("Nothing was collected on this order yet: cancel it instead.")
                   if order.payment_gateway == CASH_ON_DELIVERY
                   else _("Nothing was paid on this order yet."))
    else:
        message = _("At most %(amount)s %(currency)s can be refunded.") % {
            "amount": quantize(best[0], order.currency), "currency": order.currency}
    raise DomainError.single(RefundErrorCode.AMOUNT_GREATER_THAN_AVAILABLE, message, "amount")


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
    transaction_for_update(refund.transaction_id)
    return Refund.objects.select_for_update().select_related("transaction").get(pk=refund.pk)


def _refund_finish_locked(refund: Refund, status: str, psp_reference: str, message: str, *,
                          source: str) -> None:
    """Record the provider's answer once; the order and transaction rows are locked."""
    if refund.status != RefundStatus.PENDING:
        return
    transaction = TransactionItem.objects.get(pk=refund.transaction_id)
    if psp_reference and not refund.psp_reference:
        refund.psp_reference = psp_reference
    reference = refund.psp_reference or f"refund-{refund.token}"
    if status in ("succeeded", "owed"):
        refund.status = RefundStatus.OWED if status == "owed" else RefundStatus.SUCCEEDED
        refund.save(update_fields=["status", "psp_reference", "updated_at"])
        record_locked(transaction, [EventInput(T.REFUND_SUCCESS, refund.amount, reference,
                                               _refund_message(refund))], source=source)
        order_payments_recompute(refund.order_id)
        _announce_refund(refund, transaction)
    elif status == "failed":
        refund.status = RefundStatus.FAILED
        refund.failure_message = message[:512]
        refund.save(update_fields=["status", "psp_reference", "failure_message", "updated_at"])
        record_locked(transaction, [EventInput(T.REFUND_FAILURE, refund.amount, reference,
                                               message[:512])], source=source)
    else:  # pending at the provider: the charge.refunded webhook will finish it
        refund.save(update_fields=["psp_reference", "updated_at"])


def _refund_message(refund: Refund) -> str:
    if refund.status == RefundStatus.OWED:
        return _("Owed back to the customer.")
    return refund.reason[:512]


def _announce_refund(refund: Refund, transaction: TransactionItem) -> None:
    hooks.announce(hooks.MoneyMovement(
        kind=hooks.MovementKind.REFUND, order_id=str(refund.order_id),
        transaction_id=transaction.pk, gateway=transaction.gateway, amount=refund.amount,
        currency=refund.currency, psp_reference=refund.psp_reference, refund_id=refund.pk,
        owed_to_customer=refund.status == RefundStatus.OWED,
        lines=tuple((str(line.order_line_id), line.quantity, line.amount)
                    for line in refund.lines.all()),
        shipping_amount=refund.order.shipping_amount if refund.include_shipping else Decimal(0)))


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
        if recorded + refund.amount > amount_refunded:
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
