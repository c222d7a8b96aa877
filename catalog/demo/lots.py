"""Demo lots for saffron, argan oil and honey: two harvests per size, shown on the product page.

Idempotent: a size that already has lots is left as it is. The stock becomes the sum of lots.
"""
from __future__ import annotations

import datetime as dt

from django.db import transaction

from ..models import ProductVariant, Stock, StockLot
from ..services.lots import variant_sync_stock_from_lots

PREFIXES = ("safran", "huile-argan", "miel")
# Keep-for periods: saffron ~3 years, argan oil ~18 months, honey ~2 years.
SHELF_DAYS = {"safran": 3 * 365, "huile-argan": 540, "miel": 2 * 365}
HARVESTS = (dt.date(2025, 10, 28), dt.date(2026, 6, 15))


@transaction.atomic
def seed_lots() -> int:
    """Create the missing demo lots; returns how many sizes got lots."""
    variants = (ProductVariant.objects.filter(lots__isnull=True)
                .select_related("product").order_by("pk"))
    seeded = 0
    for variant in variants:
        prefix = next((p for p in PREFIXES if variant.product.slug.startswith(p)), None)
        if prefix is None:
            continue
        stock = Stock.objects.filter(variant=variant).first()
        total = max(stock.quantity if stock else 0, stock.quantity_allocated if stock else 0)
        older = total // 3
        for index, (harvest, quantity) in enumerate(zip(HARVESTS, (older, total - older),
                                                        strict=True)):
            number = f"{(variant.sku or 'LOT')[:40]}-{harvest:%y%m}-{index + 1}"
            StockLot.objects.get_or_create(
                variant=variant, lot_number=number,
                defaults={"quantity": quantity, "produced_on": harvest,
                          "best_before": harvest + dt.timedelta(days=SHELF_DAYS[prefix])})
        variant_sync_stock_from_lots(variant=variant)
        seeded += 1
    return seeded
