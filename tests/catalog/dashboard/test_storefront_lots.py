"""Lots on the storefront product page (traceability) and the demo lots."""
from __future__ import annotations

from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.demo.lots import seed_lots
from catalog.models import Stock, StockLot
from catalog.services.lots import lot_create


def _page(client, product) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("storefront:product", args=[product.slug]))
    assert response.status_code == 200
    return response.content.decode(), len(ctx.captured_queries)


def test_product_page_shows_the_lots_of_the_size_with_a_fixed_query_count(client, product):
    variant = product.variants.first()
    lot_create(cooperative_id=product.cooperative_id, variant_id=variant.pk,
               lot_number="SAF-2025-10", quantity=3, produced_on="2025-10-28",
               best_before="2028-10-28")
    body, one_lot = _page(client, product)
    assert 'id="lots"' in body and "SAF-2025-10" in body and "2028" in body
    for n in range(4):
        lot_create(cooperative_id=product.cooperative_id, variant_id=variant.pk,
                   lot_number=f"SAF-2026-0{n}", quantity=1)
    body, five_lots = _page(client, product)
    assert "SAF-2026-03" in body
    assert five_lots == one_lot


def test_product_page_without_lots_has_no_traceability_block(client, product):
    body, _count = _page(client, product)
    assert 'id="lots"' not in body


def test_demo_lots_are_idempotent_and_make_the_stock(product):
    # the factory's products are saffron ("safran-…"): they get two harvests per size
    assert seed_lots() == 1
    variant = product.variants.first()
    lots = list(StockLot.objects.filter(variant=variant).values_list("lot_number", "quantity"))
    assert len(lots) == 2
    total = StockLot.objects.filter(variant=variant).aggregate(s=Sum("quantity"))["s"]
    assert Stock.objects.get(variant=variant).quantity == total == 10
    assert seed_lots() == 0
    assert list(StockLot.objects.filter(variant=variant).values_list("lot_number", "quantity")
                ) == lots
