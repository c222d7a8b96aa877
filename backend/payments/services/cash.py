"""Cash on delivery collected by the delivery partner, recorded as a Saleor transaction.

Fulfillment calls this when the partner confirms the cash at the door; the order's charge
status then follows the same rules as a card payment, and refunds have something to draw on.
"""
from __future__ import annotations

from decimal import Decimal

from django.db import transaction as db_transaction
from django.utils.translation import gettext as _

from backend.core.errors import DomainError
from backend.core.money import quantize

from ..error_codes import RefundErrorCode
from ..gateways import CASH_ON_DELIVERY
from ..gateways.types import EventInput
from ..locks import order_for_update, transaction_for_update
from ..models import TransactionEventType as T
from ..models import TransactionItem
from .transaction_events import record_locked


def cash_on_delivery_collected(*, order_id, amount: Decimal, reference: str,
                               source: str = "delivery") -> TransactionItem:
    """Record cash collected for an order; the same ``reference`` is recorded once.

    Locks the order, then its cash transaction.
    """
    with db_transaction.atomic():
        order = order_for_update(order_id)
        if order is None:
            raise DomainError.single(RefundErrorCode.NOT_FOUND,
                                     _("Couldn't resolve to a node: %(id)s") % {"id": order_id},
                                     "id")
        if order.payment_gateway != CASH_ON_DELIVERY:
            raise DomainError.single(RefundErrorCode.INVALID,
                                     _("This order is not paid on delivery."), "id")
        value = quantize(amount, order.currency)
        if value <= 0:
            raise DomainError.single(RefundErrorCode.INVALID,
                                     _("The amount must be positive."), "amount")
        item, _created = TransactionItem.objects.get_or_create(
            order=order, checkout_token=None, idempotency_key=f"cash-{reference}"[:512],
            defaults={"gateway": CASH_ON_DELIVERY, "name": "Cash on delivery",
                      "currency": order.currency})
        locked = transaction_for_update(item.pk)
        record_locked(locked, [EventInput(T.CHARGE_SUCCESS, value, f"cash-{reference}"[:512])],
                      source=source)
        locked.refresh_from_db()
        return locked
