"""Orders and parcels of a cooperative, at chosen dates, for the dashboard tests."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from backend.orders.models import Order, OrderLine
from fulfillment.models import Partner, Shipment
from tests.factories.catalog import city
from tests.factories.fulfillment import make_partner
from tests.fulfillment.board_data import legs, order_with_parcel


def courier() -> Partner:
    city("agadir")
    return (Partner.objects.filter(slug="coop-dash-courier").first()
            or make_partner(regions=("MA-09",), slug="coop-dash-courier", name="Dash Courier"))


def parcel(cooperative, *, total: str = "120.00", at: datetime | None = None,
           status: str | None = None, ready: bool = False) -> tuple[Order, Shipment]:
    """A cash order of one line of ``total`` MAD and its parcel, placed ``at`` (else now)."""
    order, shipment = order_with_parcel(cooperative, legs((courier(), "taliouine", "agadir")),
                                        total=total, ready=ready)
    changes = {}
    if at is not None:
        changes["created_at"] = at
    if status is not None:
        changes["status"] = status
    if changes:
        Order.objects.filter(pk=order.pk).update(**changes)
        order.refresh_from_db()
    return order, shipment


def add_line(order: Order, cooperative, total: str, name: str = "Miel") -> OrderLine:
    return OrderLine.objects.create(order=order, cooperative=cooperative, quantity=1,
                                    product_name=name, currency="MAD",
                                    unit_price_amount=Decimal(total),
                                    total_price_amount=Decimal(total), weight_grams=100)
