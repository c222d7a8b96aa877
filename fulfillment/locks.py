"""Row locks on shipments, in one place and in primary-key order.

Lock order across packages: an order row first (``order_cancel``), then its shipments by pk.
A shipment step locks only its shipment, so it never waits on an order lock held the other way.
"""
from __future__ import annotations

from .models import Shipment


def shipment_for_update(shipment_id) -> Shipment | None:
    """Lock one shipment: two partners (or one step sent twice) serialise on it.

    Must run inside ``transaction.atomic``.
    """
    return Shipment.objects.select_for_update().filter(pk=shipment_id).first()


def shipments_for_update(*, order_id) -> list[Shipment]:
    """Lock every shipment of an order, ordered by pk; inside ``transaction.atomic``."""
    return list(Shipment.objects.select_for_update().filter(order_id=order_id).order_by("pk"))
