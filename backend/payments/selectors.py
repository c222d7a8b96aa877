"""Payment reads: what a checkout has been paid, its Saleor statuses, an order's refunds."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet, Sum

from backend.core.money import quantize
from backend.orders.models import Checkout, Order

from .amounts import authorize_status, charge_status
from .models import GRANTED_REFUND_STATUSES, Refund, RefundLine, RefundStatus, TransactionItem


@dataclass(frozen=True)
class PaymentAmounts:
    charged: Decimal
    authorized: Decimal


@dataclass(frozen=True)
class PaymentStatuses:
    charge_status: str
    authorize_status: str


def checkout_payment_amounts(checkout: Checkout) -> PaymentAmounts:
    """Charged and authorized on a checkout: no query when ``payment_transactions`` is
    prefetched, one aggregate otherwise."""
    cache = getattr(checkout, "_prefetched_objects_cache", {})
    if "payment_transactions" in cache:
        items = [t for t in cache["payment_transactions"] if t.currency == checkout.currency]
        charged = sum((t.charged_amount for t in items), Decimal(0))
        authorized = sum((t.authorized_amount for t in items), Decimal(0))
    else:
        sums = TransactionItem.objects.filter(
            checkout_id=checkout.pk, currency=checkout.currency).aggregate(
            charged=Sum("charged_amount"), authorized=Sum("authorized_amount"))
        charged, authorized = sums["charged"] or Decimal(0), sums["authorized"] or Decimal(0)
    return PaymentAmounts(charged=quantize(charged, checkout.currency),
                          authorized=quantize(authorized, checkout.currency))


def checkout_payment_statuses(checkout: Checkout, total: Decimal) -> PaymentStatuses:
    """Checkout.chargeStatus / authorizeStatus for a checkout whose total is ``total``."""
    amounts = checkout_payment_amounts(checkout)
    return PaymentStatuses(
        charge_status=charge_status(charged=amounts.charged, total=total),
        authorize_status=authorize_status(authorized=amounts.authorized,
                                          charged=amounts.charged, total=total))


def transactions_of_order(order: Order) -> QuerySet[TransactionItem]:
    """An order's transactions, including those of its checkout not attached yet."""
    qs = TransactionItem.objects.filter(order=order)
    if order.checkout_token:
        qs = qs | TransactionItem.objects.filter(checkout_token=order.checkout_token,
                                                 order__isnull=True)
    return qs.order_by("created_at", "pk").prefetch_related("events")


def order_refunds(order: Order) -> QuerySet[Refund]:
    return (Refund.objects.filter(order=order).select_related("transaction")
            .prefetch_related("lines").order_by("created_at", "pk"))


def order_refunded_amount(order: Order) -> Decimal:
    total = (Refund.objects.filter(order=order, status__in=GRANTED_REFUND_STATUSES)
             .aggregate(total=Sum("amount"))["total"])
    return quantize(total or 0, order.currency)


def order_line_refunded_quantities(order: Order) -> dict:
    """Units of each line already refunded or being refunded (failed refunds do not count)."""
    rows = (RefundLine.objects.filter(refund__order=order)
            .exclude(refund__status=RefundStatus.FAILED)
            .values("order_line_id").annotate(quantity=Sum("quantity")))
    return {row["order_line_id"]: row["quantity"] for row in rows}
