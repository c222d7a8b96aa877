"""Cancelling an order: the stock it held goes back on sale, its shipments are cancelled."""
from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from backend.cooperatives.services.alerts import notify_low_stock
from backend.core.errors import DomainError
from backend.discounts.services.orders import order_promo_codes_release
from backend.fairpay.services.ledger import ledger_record_cancellation
from fulfillment.locks import shipments_for_update
from fulfillment.selectors import order_parcels_prepared
from fulfillment.services.shipments import ShipmentActor, shipments_cancel, shipments_cancellable

from ..error_codes import OrderErrorCode
from ..locks import stocks_for_update
from ..models import Allocation, Order, OrderStatus

CANCELLABLE = {OrderStatus.UNCONFIRMED, OrderStatus.UNFULFILLED}


def order_can_be_cancelled_by_customer(order: Order) -> bool:
    """A customer may cancel until a cooperative has prepared a parcel of the order."""
    if order.status not in CANCELLABLE:
        return False
    return not _parcels_prepared(order)


def _parcels_prepared(order: Order) -> bool:
    """A cooperative marked a parcel ready (a shipment past AWAITING_PREPARATION)."""
    return order_parcels_prepared(order_id=order.pk)


def allocations_release(*, order: Order) -> None:
    """Give back every allocated unit of ``order``; locks the stock rows in pk order."""
    allocations = list(Allocation.objects.filter(order_line__order=order).select_related("stock"))
    stocks = {s.pk: s for s in stocks_for_update({a.stock.variant_id for a in allocations})}
    for allocation in allocations:
        stock = stocks[allocation.stock_id]
        stock.quantity_allocated = max(stock.quantity_allocated - allocation.quantity_allocated, 0)
        stock.save(update_fields=["quantity_allocated"])
    Allocation.objects.filter(pk__in=[a.pk for a in allocations]).update(quantity_allocated=0)
    # Stock back above its threshold clears the alert marker, so the next dip alerts again.
    notify_low_stock([stock.variant_id for stock in stocks.values()])


@transaction.atomic
def order_cancel(*, order: Order, by_staff: bool = False) -> Order:
    """Cancel ``order`` and its shipments; customers only before preparation, network admins
    until a partner picked a parcel up (then it is a return).

    Locks the order, then its shipments (pk order) before reading their state, so a parcel
    marked ready at the same moment is seen.
    """
    order = Order.objects.select_for_update().get(pk=order.pk)
    shipments = shipments_for_update(order_id=order.pk)
    actor = ShipmentActor.staff() if by_staff else ShipmentActor.customer()
    allowed = order.status in CANCELLABLE if by_staff else order_can_be_cancelled_by_customer(order)
    if not allowed or not shipments_cancellable(shipments, actor):
        raise DomainError.single(OrderErrorCode.CANNOT_CANCEL_ORDER,
                                 _("This order can no longer be cancelled."), "id")
    allocations_release(order=order)
    order_promo_codes_release(order=order)  # the voucher use and gift-card balances
    shipments_cancel(shipments=shipments, actor=actor, note=_("Order cancelled."))
    order.status = OrderStatus.CANCELED
    order.save(update_fields=["status", "updated_at"])
    ledger_record_cancellation(order=order)
    return order
