"""Row locks of payments, in one place.

Lock order, everywhere: webhook event → checkout → order → transactions (by pk) → stock.
Checkout completion takes the checkout then the stock, so a payment recorded for a checkout locks
the checkout first: the browser's ``checkoutComplete`` and a webhook placing the same order
serialise on that row and never deadlock. All functions must run inside ``transaction.atomic``.
"""
from __future__ import annotations

from backend.orders.locks import checkout_for_update
from backend.orders.models import Order

from .models import StripeWebhookEvent, TransactionItem

__all__ = ["checkout_for_update", "order_for_update", "transaction_for_update",
           "transactions_for_update", "webhook_event_for_update"]


def order_for_update(order_id) -> Order | None:
    return Order.objects.select_for_update(of=("self",)).filter(pk=order_id).first()


def transaction_for_update(transaction_id: int) -> TransactionItem | None:
    return TransactionItem.objects.select_for_update().filter(pk=transaction_id).first()


def transactions_for_update(**filters) -> list[TransactionItem]:
    return list(TransactionItem.objects.select_for_update().filter(**filters).order_by("pk"))


def webhook_event_for_update(event_id: str) -> StripeWebhookEvent | None:
    return StripeWebhookEvent.objects.select_for_update().filter(event_id=event_id).first()
