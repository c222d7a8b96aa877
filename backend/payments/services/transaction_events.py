"""Recording what a gateway said: events added exactly once, amounts and statuses recomputed.

Every path that learns about money (transactionInitialize, transactionProcess, a webhook, a
refund, cash collected) ends here, so the rules are written once: an event already known is not
added again, a failure arriving after the success of the same payment is stale and ignored, and
the transaction's amounts are recomputed from its events (``amounts.transaction_amounts``).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError
from django.db import transaction as db_transaction
from django.db.models import Q, Sum

from backend.core.money import quantize
from backend.giftcards.selectors import order_gift_card_total
from backend.orders.models import Checkout, Order

from .. import hooks
from ..amounts import EventAmount, authorize_status, charge_status, transaction_amounts
from ..gateways.types import EventInput
from ..locks import checkout_for_update, order_for_update, transaction_for_update
from ..models import (
    GRANTED_REFUND_STATUSES,
    MONEY_EVENT_TYPES,
    Refund,
    TransactionEvent,
    TransactionItem,
)
from ..models import (
    TransactionEventType as T,
)

# A success of a payment makes later non-final news about the same payment stale.
_SUPERSEDED_BY = {
    T.CHARGE_SUCCESS: {T.CHARGE_FAILURE, T.CHARGE_REQUEST, T.CHARGE_ACTION_REQUIRED,
                       T.AUTHORIZATION_FAILURE, T.AUTHORIZATION_REQUEST,
                       T.AUTHORIZATION_ACTION_REQUIRED},
    T.AUTHORIZATION_SUCCESS: {T.AUTHORIZATION_FAILURE, T.AUTHORIZATION_REQUEST,
                              T.AUTHORIZATION_ACTION_REQUIRED},
    T.REFUND_SUCCESS: {T.REFUND_FAILURE, T.REFUND_REQUEST},
}


@dataclass
class RecordResult:
    transaction: TransactionItem
    recorded: list[TransactionEvent] = field(default_factory=list)

    @property
    def event(self) -> TransactionEvent | None:
        """The event to show the client: the one just recorded, else the latest known."""
        if self.recorded:
            return self.recorded[-1]
        return self.transaction.events.order_by("-created_at", "-pk").first()


def transaction_language(transaction: TransactionItem) -> str:
    """The customer's language, for messages recorded without a request (webhooks)."""
    if transaction.checkout_id:
        code = (Checkout.objects.filter(pk=transaction.checkout_id)
                .values_list("language_code", flat=True).first())
        if code:
            return code
    if transaction.order_id:
        code = (Order.objects.filter(pk=transaction.order_id)
                .values_list("language_code", flat=True).first())
        if code:
            return code
    return settings.LANGUAGE_CODE


def lock_for_recording(transaction_id: int) -> TransactionItem:
    """Lock checkout, order, then the transaction (the order in ``payments.locks``).

    Must run inside ``transaction.atomic``. A transaction whose checkout became an order is
    attached to that order here, so a late webhook still updates the order.
    """
    current = TransactionItem.objects.only("checkout_id", "checkout_token", "order_id").get(
        pk=transaction_id)
    if current.checkout_id:
        checkout_for_update(current.checkout_id)
    order_id = current.order_id
    if order_id is None and current.checkout_token:
        order_id = (Order.objects.filter(checkout_token=current.checkout_token)
                    .values_list("pk", flat=True).first())
    order = order_for_update(order_id) if order_id else None
    locked = transaction_for_update(transaction_id)
    assert locked is not None
    if order is not None and locked.order_id is None:
        attach_locked(order, [locked])
    return locked


def transaction_events_record(*, transaction_id: int, events: Sequence[EventInput],
                              source: str, psp_reference: str = "",
                              private: dict[str, str] | None = None) -> RecordResult:
    """Add the gateway's events to a transaction, once each, and recompute everything."""
    with db_transaction.atomic():
        transaction = lock_for_recording(transaction_id)
        return record_locked(transaction, events, source=source, psp_reference=psp_reference,
                             private=private)


def record_locked(transaction: TransactionItem, events: Iterable[EventInput], *, source: str,
                  psp_reference: str = "", private: dict[str, str] | None = None
                  ) -> RecordResult:
    """Like ``transaction_events_record`` for a transaction already locked by the caller."""
    known = list(transaction.events.order_by("created_at", "pk"))
    result = RecordResult(transaction=transaction)
    for event in events:
        if _adds_nothing(known, event):
            continue
        created = _create_event(transaction, event, source)
        if created is not None:
            known.append(created)
            result.recorded.append(created)
    changed = False
    if psp_reference and not transaction.psp_reference:
        transaction.psp_reference = psp_reference
        changed = True
    if private and any(transaction.private_metadata.get(k) != v for k, v in private.items()):
        transaction.private_metadata = {**transaction.private_metadata, **private}
        changed = True
    if result.recorded or changed:
        _apply_amounts(transaction, known)
        transaction.save()
        if transaction.order_id:
            order_payments_recompute(transaction.order_id)
            for event in result.recorded:
                if event.type == T.CHARGE_SUCCESS:
                    _announce_charge(transaction, event)
    return result


def _adds_nothing(known: list[TransactionEvent], event: EventInput) -> bool:
    if not event.psp_reference:
        return False
    same_payment = [e for e in known if e.psp_reference == event.psp_reference]
    if event.type in MONEY_EVENT_TYPES:
        return any(e.type == event.type for e in same_payment)
    for success, stale in _SUPERSEDED_BY.items():
        if event.type in stale and any(e.type == success for e in same_payment):
            return True
    if same_payment:
        last = same_payment[-1]
        return (last.type == event.type and last.amount == event.amount
                and last.message == event.message)
    return False


def _create_event(transaction: TransactionItem, event: EventInput,
                  source: str) -> TransactionEvent | None:
    try:
        with db_transaction.atomic():
            return TransactionEvent.objects.create(
                transaction=transaction, type=event.type,
                amount=quantize(event.amount, transaction.currency),
                currency=transaction.currency, psp_reference=event.psp_reference,
                message=str(event.message)[:512], reason_code=event.reason_code[:64],
                source=source[:128])
    except IntegrityError:
        return None  # the same money event, recorded by a concurrent path: exactly once


def _apply_amounts(transaction: TransactionItem, events: Iterable[TransactionEvent]) -> None:
    amounts = transaction_amounts(EventAmount(e.type, e.amount) for e in events)
    transaction.authorized_amount = amounts.authorized
    transaction.charged_amount = amounts.charged
    transaction.refunded_amount = amounts.refunded
    transaction.canceled_amount = amounts.canceled
    transaction.available_actions = amounts.available_actions


def order_payments_recompute(order_id) -> Order:
    """Order.total_charged_amount, charge and authorize status from its transactions (Saleor's
    rules: the total is reduced by granted refunds). The caller holds the order's lock."""
    order = Order.objects.get(pk=order_id)
    sums = TransactionItem.objects.filter(order_id=order_id, currency=order.currency).aggregate(
        charged=Sum("charged_amount"), authorized=Sum("authorized_amount"))
    granted = Refund.objects.filter(order_id=order_id, status__in=GRANTED_REFUND_STATUSES
                                    ).aggregate(total=Sum("amount"))["total"] or Decimal(0)
    # Gift cards paid their part at completion (backend.giftcards): it counts as charged.
    charged = quantize((sums["charged"] or 0) + order_gift_card_total(order_id), order.currency)
    authorized = quantize(sums["authorized"] or 0, order.currency)
    order.total_charged_amount = charged
    order.charge_status = charge_status(charged=charged, total=order.total_amount,
                                        granted_refund=granted)
    order.authorize_status = authorize_status(authorized=authorized, charged=charged,
                                              total=order.total_amount, granted_refund=granted)
    order.save(update_fields=["total_charged_amount", "charge_status", "authorize_status",
                              "updated_at"])
    return order


def attach_locked(order: Order, transactions: list[TransactionItem]) -> None:
    """Give the order the transactions that paid its checkout; both rows locked by the caller."""
    for item in transactions:
        item.order = order
        item.checkout = None
        item.save(update_fields=["order", "checkout", "modified_at"])
        for event in item.events.filter(type=T.CHARGE_SUCCESS):
            _announce_charge(item, event)
    if transactions:
        order_payments_recompute(order.pk)


def transactions_attach_to_order(*, order_id) -> Order | None:
    """Attach to an order the transactions of the checkout it was placed from.

    Checkout completion deletes the checkout; its transactions keep the checkout's token and are
    attached here (idempotent: attached transactions are skipped). Locks the order, then the
    transactions in pk order.
    """
    with db_transaction.atomic():
        order = order_for_update(order_id)
        if order is None:
            return None
        if order.checkout_token:
            pending = list(TransactionItem.objects.select_for_update()
                           .filter(Q(checkout_token=order.checkout_token), order__isnull=True)
                           .order_by("pk"))
            attach_locked(order, pending)
        return order


def _announce_charge(transaction: TransactionItem, event: TransactionEvent) -> None:
    hooks.announce(hooks.MoneyMovement(
        kind=hooks.MovementKind.CHARGE, order_id=str(transaction.order_id),
        transaction_id=transaction.pk, gateway=transaction.gateway, amount=event.amount,
        currency=event.currency, psp_reference=event.psp_reference))
