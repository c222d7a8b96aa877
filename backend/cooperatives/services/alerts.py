"""Low-stock alerts: one email to the managers when a variant's available stock falls to its
``low_stock_threshold`` or below; not again until the stock has gone back above it.

Callers (checkout allocation, stock edits) call ``notify_low_stock(variant_ids)`` inside or
outside their transaction: the check runs in a Celery task after commit, on the committed
stock, so it sees what the buyers and the cooperative see.
"""
from __future__ import annotations

from collections import defaultdict

from django.db.models import F
from django.utils import timezone

from catalog.models import ProductVariant

from ..models import LowStockAlert


def notify_low_stock(variant_ids: list[int]) -> None:
    """Enqueue the low-stock check of these variants once the current transaction commits."""
    ids = sorted({int(v) for v in variant_ids if v is not None})
    if not ids:
        return
    from backend.outbox.services import enqueue

    enqueue("backend.cooperatives.tasks.low_stock_check", args=[ids])


def low_stock_alerts_update(*, variant_ids: list[int]) -> dict[int, list[int]]:
    """Set or clear the markers of these variants; returns {cooperative_id: newly low ids}.

    Idempotent: a variant already marked is not returned again. Locks the marker rows in
    primary-key order (two concurrent checks of one variant serialise; one of them alerts).
    Needs to run inside a transaction (the caller sends the emails in the same one).
    """
    variants = list(ProductVariant.objects.filter(pk__in=variant_ids, track_inventory=True,
                                                  stock__isnull=False)
                    .annotate(available=F("stock__quantity") - F("stock__quantity_allocated"),
                              cooperative_id=F("product__cooperative_id"))
                    .values("pk", "available", "low_stock_threshold", "cooperative_id"))
    if not variants:
        return {}
    LowStockAlert.objects.bulk_create(
        [LowStockAlert(variant_id=v["pk"], cooperative_id=v["cooperative_id"]) for v in variants],
        ignore_conflicts=True)
    markers = {m.variant_id: m for m in LowStockAlert.objects.select_for_update()
               .filter(variant_id__in=[v["pk"] for v in variants]).order_by("pk")}
    now = timezone.now()
    newly_low: dict[int, list[int]] = defaultdict(list)
    for v in variants:
        marker = markers[v["pk"]]
        low = v["available"] <= v["low_stock_threshold"]
        if low and not marker.is_active:
            marker.alerted_at, marker.quantity_at_alert = now, v["available"]
            marker.save(update_fields=["alerted_at", "quantity_at_alert"])
            newly_low[v["cooperative_id"]].append(v["pk"])
        elif not low and marker.is_active:
            marker.cleared_at = now
            marker.save(update_fields=["cleared_at"])
    return dict(newly_low)
