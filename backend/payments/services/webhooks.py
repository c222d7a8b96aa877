"""Stripe webhooks: stored by event id on receipt, processed exactly once by a Celery task.

The view only verifies the signature and calls ``stripe_webhook_receive`` (fast: one insert),
then answers 200. The task locks the stored event, runs its handler and marks it processed in
the same database transaction, so a redelivered event, a retried task or two workers racing all
have one effect. Handlers are order-independent: a failure that arrives after the success of the
same PaymentIntent is stale, and refund totals are cumulative.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from django.db import IntegrityError
from django.db import transaction as db_transaction
from django.db.models import F
from django.utils import timezone

from backend.core.errors import DomainError
from backend.core.money import from_minor_units
from backend.orders.models import Checkout, Order
from backend.orders.services.checkout_complete import checkout_complete

from .. import stripe_client
from ..gateways import STRIPE
from ..gateways.stripe_card import events_from_payment_intent
from ..gateways.types import EventInput
from ..locks import webhook_event_for_update
from ..models import StripeWebhookEvent, TransactionItem
from ..models import TransactionEventType as T
from .refunds import refunds_sync_from_stripe_charge
from .transaction_events import (
    lock_for_recording,
    record_locked,
    transaction_language,
    transactions_attach_to_order,
)

logger = logging.getLogger(__name__)


def stripe_webhook_receive(*, event: dict[str, Any]) -> StripeWebhookEvent:
    """Store a verified event (or count a redelivery) and queue its processing after commit."""
    created_at = None
    if isinstance(event.get("created"), int):
        created_at = datetime.fromtimestamp(event["created"], tz=UTC)
    try:
        with db_transaction.atomic():
            record, created = StripeWebhookEvent.objects.get_or_create(
                event_id=event["id"],
                defaults={"type": str(event["type"])[:128],
                          "livemode": bool(event.get("livemode")),
                          "stripe_created_at": created_at, "payload": _without_secrets(event)})
    except IntegrityError:  # two deliveries raced on the insert
        record, created = StripeWebhookEvent.objects.get(event_id=event["id"]), False
    if not created:
        StripeWebhookEvent.objects.filter(pk=record.pk).update(deliveries=F("deliveries") + 1)
    if record.processed_at is None:
        from backend.outbox.services import enqueue

        enqueue("backend.payments.tasks.stripe_webhook_event_process", args=[record.event_id])
    return record


def _without_secrets(event: dict[str, Any]) -> dict[str, Any]:
    """A PaymentIntent's client secret lets anyone holding it confirm the payment: not kept."""
    obj = (event.get("data") or {}).get("object")
    if isinstance(obj, dict) and "client_secret" in obj:
        event = {**event, "data": {**event["data"], "object": {
            k: v for k, v in obj.items() if k != "client_secret"}}}
    return event


def stripe_webhook_process(*, event_id: str) -> str | None:
    """Run the stored event's handler once; returns its outcome (None if already done)."""
    with db_transaction.atomic():
        record = webhook_event_for_update(event_id)
        if record is None or record.processed_at is not None:
            return None
        handler = HANDLERS.get(record.type)
        obj = (record.payload.get("data") or {}).get("object") or {}
        outcome = handler(obj, f"webhook {record.event_id}") if handler else "ignored"
        record.processed_at = timezone.now()
        record.outcome = outcome[:512]
        record.save(update_fields=["processed_at", "outcome"])
        logger.info("Stripe %s %s: %s", record.type, record.event_id, outcome)
        return outcome


def _transaction_for_intent(intent_id: str, metadata: dict | None = None) -> TransactionItem | None:
    if not intent_id:
        return None
    item = TransactionItem.objects.filter(gateway=STRIPE, psp_reference=intent_id).first()
    token = (metadata or {}).get("transaction")
    if item is None and token:
        item = TransactionItem.objects.filter(gateway=STRIPE, token=token).first()
    return item


def _payment_intent_changed(obj: dict[str, Any], source: str) -> str:
    """payment_intent.succeeded / payment_failed / requires_action / processing / canceled."""
    intent = stripe_client.payment_intent_from_payload(obj)
    item = _transaction_for_intent(intent.id, dict(intent.metadata))
    if item is None:
        return f"unknown payment intent {intent.id}"
    events = events_from_payment_intent(intent, transaction_language(item))
    private = {"stripe_charge": intent.latest_charge} if intent.latest_charge else None
    locked = lock_for_recording(item.pk)
    result = record_locked(locked, events, source=source, psp_reference=intent.id,
                           private=private)
    outcome = ", ".join(e.type for e in result.recorded) or "nothing new"
    if intent.status == "succeeded":
        outcome += "; " + _place_order_if_paid(locked)
    return outcome


def _place_order_if_paid(item: TransactionItem) -> str:
    """The browser may never come back from the payment page: place the order here.

    Completing an already completed checkout returns its order, so the browser's
    ``checkoutComplete`` and this webhook make one order between them.
    """
    if item.order_id:
        return "order already placed"
    token = item.checkout_token
    if token is None:
        return "no checkout"
    if not Checkout.objects.filter(token=token).exists():
        order = Order.objects.filter(checkout_token=token).first()
        if order is None:
            return "checkout gone"
        transactions_attach_to_order(order_id=order.pk)
        return f"order #{order.number} already placed"
    try:
        completed = checkout_complete(checkout_token=token)
    except DomainError as error:
        codes = ", ".join(str(e.code) for e in error.errors)
        logger.warning("Paid checkout %s could not become an order: %s", token, error)
        return f"paid, but the order could not be placed ({codes})"
    transactions_attach_to_order(order_id=completed.order.pk)
    return f"order #{completed.order.number} placed"


def _charge_refunded(obj: dict[str, Any], source: str) -> str:
    item = _transaction_for_intent(str(obj.get("payment_intent") or ""), obj.get("metadata"))
    if item is None:
        return f"unknown charge {obj.get('id')}"
    currency = str(obj.get("currency") or item.currency).upper()
    refunded = from_minor_units(int(obj.get("amount_refunded") or 0), currency)
    return refunds_sync_from_stripe_charge(transaction_id=item.pk, amount_refunded=refunded,
                                           charge_id=str(obj.get("id") or ""), source=source)


def _dispute_created(obj: dict[str, Any], source: str) -> str:
    """A chargeback was opened: recorded (with its reason) for the admin to answer in Stripe.

    It moves no money in our books yet: the dispute may be won; a lost one is a CHARGE_BACK.
    """
    item = _transaction_for_intent(str(obj.get("payment_intent") or ""))
    if item is None and obj.get("charge"):
        item = TransactionItem.objects.filter(
            gateway=STRIPE, private_metadata__stripe_charge=obj["charge"]).first()
    if item is None:
        return f"unknown dispute {obj.get('id')}"
    currency = str(obj.get("currency") or item.currency).upper()
    amount = from_minor_units(int(obj.get("amount") or 0), currency)
    locked = lock_for_recording(item.pk)
    reason = str(obj.get("reason") or "general")
    record_locked(locked, [EventInput(T.INFO, amount, str(obj.get("id") or ""),
                                      f"Dispute opened ({reason}); answer it in Stripe.",
                                      reason_code="dispute")], source=source)
    logger.warning("Stripe dispute %s opened on %s (%s)", obj.get("id"), item.psp_reference,
                   reason)
    return f"dispute recorded ({reason})"


def _dispute_closed(obj: dict[str, Any], source: str) -> str:
    """A lost dispute takes the money back: a CHARGE_BACK, once per dispute."""
    if obj.get("status") != "lost":
        return f"dispute {obj.get('status')}"
    item = _transaction_for_intent(str(obj.get("payment_intent") or ""))
    if item is None:
        return f"unknown dispute {obj.get('id')}"
    currency = str(obj.get("currency") or item.currency).upper()
    amount = from_minor_units(int(obj.get("amount") or 0), currency)
    locked = lock_for_recording(item.pk)
    record_locked(locked, [EventInput(T.CHARGE_BACK, amount, str(obj.get("id") or ""),
                                      "Dispute lost.", reason_code="dispute_lost")],
                  source=source)
    return "charge back recorded"


HANDLERS: dict[str, Callable[[dict[str, Any], str], str]] = {
    "payment_intent.succeeded": _payment_intent_changed,
    "payment_intent.payment_failed": _payment_intent_changed,
    "payment_intent.requires_action": _payment_intent_changed,
    "payment_intent.processing": _payment_intent_changed,
    "payment_intent.canceled": _payment_intent_changed,
    "payment_intent.amount_capturable_updated": _payment_intent_changed,
    "charge.refunded": _charge_refunded,
    "charge.dispute.created": _dispute_created,
    "charge.dispute.closed": _dispute_closed,
}
