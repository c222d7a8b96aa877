"""Variants, stock, bulk edit and lots: each rule, its error, and isolation between cooperatives."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db.models import Sum

from backend.core.errors import DomainError
from catalog.models import (
    Product,
    ProductChannelListing,
    ProductVariant,
    ProductVariantChannelListing,
    Stock,
    StockLot,
)
from catalog.services.editing import product_create
from catalog.services.lots import lot_create, lot_delete, lot_update
from catalog.services.stock import BulkRow, stock_update, variants_bulk_update_stock_and_prices
from catalog.services.variants import (
    ChannelPriceInput,
    variant_create,
    variant_delete,
    variant_update,
)
from tests.factories.catalog import ChannelFactory


def codes(exc) -> list[tuple[str | None, str]]:
    return [(e.field, e.code.name) for e in exc.value.errors]


def listing_price(product: Product, channel) -> Decimal | None:
    return ProductChannelListing.objects.get(product=product, channel=channel
                                             ).discounted_price_amount


def test_create_variant_with_price_and_stock_updates_cheapest_price_and_default(two, channel):
    product = product_create(cooperative_id=two.coop_a.pk, name="Miel de thym",
                             channel_ids=[channel.pk])
    big = variant_create(cooperative_id=two.coop_a.pk, product_id=product.pk, name="500 g",
                         sku="MIEL-500", weight_grams=550, quantity=12,
                         prices=[ChannelPriceInput(channel.pk, "120.50")])
    small = variant_create(cooperative_id=two.coop_a.pk, product_id=product.pk, name="250 g",
                           sku="MIEL-250", weight_grams=300, quantity="3",
                           prices=[ChannelPriceInput(channel.pk, "65,00")])

    product.refresh_from_db()
    assert product.default_variant_id == big.pk
    assert listing_price(product, channel) == Decimal("65.00")
    assert Stock.objects.get(variant=small).quantity == 3
    assert (small.sort_order, big.sort_order) == (1, 0)
    assert ProductVariantChannelListing.objects.get(variant=big).currency == "MAD"


def test_sku_is_unique_case_insensitively(two):
    sku = two.product_b.variants.first().sku
    before = ProductVariant.objects.count()
    with pytest.raises(DomainError) as exc:
        variant_create(cooperative_id=two.coop_a.pk, product_id=two.product_a.pk,
                       sku=sku.lower())
    assert codes(exc) == [("sku", "UNIQUE")]
    assert ProductVariant.objects.count() == before


@pytest.mark.parametrize(("kwargs", "expected"), [
    ({"weight_grams": -1}, [("weight", "INVALID")]),
    ({"weight_grams": 10**9}, [("weight", "INVALID")]),
    ({"quantity": "12.5"}, [("quantity", "INVALID")]),
    ({"quantity": 10**12}, [("quantity", "INVALID")]),
    ({"name": "\x00"}, [("name", "INVALID")]),
    ({"prices": [ChannelPriceInput(1, "-3")]}, None),
    ({"low_stock_threshold": "x"}, [("lowStockThreshold", "INVALID")]),
])
def test_create_variant_refuses_bad_values_and_writes_nothing(two, channel, kwargs, expected):
    if "prices" in kwargs:
        kwargs = {"prices": [ChannelPriceInput(channel.pk, "-3")]}
        expected = [("price", "INVALID_PRICE")]
    before = (ProductVariant.objects.count(), Stock.objects.count())
    with pytest.raises(DomainError) as exc:
        variant_create(cooperative_id=two.coop_a.pk, product_id=two.product_a.pk, **kwargs)
    assert codes(exc) == expected
    assert (ProductVariant.objects.count(), Stock.objects.count()) == before


@pytest.mark.parametrize("price", ["abc", "1e400", "NaN", "Infinity", "12.345",
                                   "99999999999", "", None])
def test_prices_must_be_positive_amounts_in_cents(two, channel, price):
    variant = two.product_a.variants.first()
    before = ProductVariantChannelListing.objects.get(variant=variant).price_amount
    if price in ("", None):  # an empty price takes the variant out of the channel
        variant_update(cooperative_id=two.coop_a.pk, variant_id=variant.pk,
                       prices=[ChannelPriceInput(channel.pk, price)])
        assert not ProductVariantChannelListing.objects.filter(variant=variant).exists()
        return
    with pytest.raises(DomainError) as exc:
        variant_update(cooperative_id=two.coop_a.pk, variant_id=variant.pk,
                       prices=[ChannelPriceInput(channel.pk, price)])
    assert codes(exc) == [("price", "INVALID_PRICE")]
    assert ProductVariantChannelListing.objects.get(variant=variant).price_amount == before


def test_price_in_a_channel_the_product_is_not_in_is_refused(two):
    other = ChannelFactory(slug="pro", name="Pro")
    variant = two.product_a.variants.first()
    with pytest.raises(DomainError) as exc:
        variant_update(cooperative_id=two.coop_a.pk, variant_id=variant.pk,
                       prices=[ChannelPriceInput(other.pk, "10")])
    assert codes(exc) == [("channelId", "PRODUCT_NOT_ASSIGNED_TO_CHANNEL")]
    with pytest.raises(DomainError) as exc:
        variant_update(cooperative_id=two.coop_a.pk, variant_id=variant.pk,
                       prices=[ChannelPriceInput(999_999, "10")])
    assert codes(exc) == [("channelId", "NOT_FOUND")]
    assert not ProductVariantChannelListing.objects.filter(channel=other).exists()


def test_another_cooperatives_variant_is_not_found_and_unchanged(two, channel):
    variant = two.product_b.variants.first()
    before = (ProductVariant.objects.values().get(pk=variant.pk),
              Stock.objects.get(variant=variant).quantity)
    for call in (
        lambda: variant_update(cooperative_id=two.coop_a.pk, variant_id=variant.pk, name="x"),
        lambda: variant_delete(cooperative_id=two.coop_a.pk, variant_id=variant.pk),
        lambda: stock_update(cooperative_id=two.coop_a.pk, variant_id=variant.pk, quantity=0),
    ):
        with pytest.raises(DomainError) as exc:
            call()
        assert codes(exc) == [("id", "NOT_FOUND")]
    with pytest.raises(DomainError) as exc:
        variant_create(cooperative_id=two.coop_a.pk, product_id=two.product_b.pk, name="x")
    assert codes(exc) == [("product", "NOT_FOUND")]
    with pytest.raises(DomainError) as exc:
        lot_create(cooperative_id=two.coop_a.pk, variant_id=variant.pk, lot_number="L1",
                   quantity=1)
    assert codes(exc) == [("variant", "NOT_FOUND")]
    assert (ProductVariant.objects.values().get(pk=variant.pk),
            Stock.objects.get(variant=variant).quantity) == before
    assert not StockLot.objects.exists()


def test_deleting_the_default_variant_moves_default_and_cheapest_price(two, channel):
    first, second = two.product_a.variants.order_by("sort_order")
    variant_delete(cooperative_id=two.coop_a.pk, variant_id=first.pk)
    product = Product.objects.get(pk=two.product_a.pk)
    assert product.default_variant_id == second.pk
    assert listing_price(product, channel) == Decimal("61.00")


def test_stock_never_goes_below_allocated_units(two):
    variant = two.product_a.variants.first()
    Stock.objects.filter(variant=variant).update(quantity=10, quantity_allocated=4)
    with pytest.raises(DomainError) as exc:
        stock_update(cooperative_id=two.coop_a.pk, variant_id=variant.pk, quantity=3)
    assert codes(exc) == [("quantity", "INVALID")]
    assert "4" in exc.value.errors[0].message
    assert Stock.objects.get(variant=variant).quantity == 10
    stock_update(cooperative_id=two.coop_a.pk, variant_id=variant.pk, quantity=4)
    assert Stock.objects.get(variant=variant).quantity == 4


def test_stock_edit_calls_the_low_stock_alerts_after_commit(two, monkeypatch,
                                                            django_capture_on_commit_callbacks):
    import sys
    import types

    seen: list[list[int]] = []
    module = types.ModuleType("backend.cooperatives.services.alerts")
    module.notify_low_stock = lambda ids: seen.append(list(ids))
    monkeypatch.setitem(sys.modules, "backend.cooperatives.services.alerts", module)
    variant = two.product_a.variants.first()
    with django_capture_on_commit_callbacks(execute=True):
        stock_update(cooperative_id=two.coop_a.pk, variant_id=variant.pk, quantity=1)
    assert seen == [[variant.pk]]


def test_bulk_edit_writes_every_row_or_none(two, channel):
    first, second = two.product_a.variants.order_by("sort_order")
    foreign = two.product_b.variants.first()
    before = {v.pk: (Stock.objects.get(variant=v).quantity,
                     ProductVariantChannelListing.objects.get(variant=v).price_amount)
              for v in (first, second, foreign)}

    with pytest.raises(DomainError) as exc:
        variants_bulk_update_stock_and_prices(
            cooperative_id=two.coop_a.pk, channel_id=channel.pk,
            rows=[BulkRow(first.pk, quantity=50, price="70"),
                  BulkRow(second.pk, quantity=-2, price="abc")])
    assert [(e.field, e.code.name, e.variants) for e in exc.value.errors] == [
        ("quantity", "INVALID", (str(second.pk),))]
    with pytest.raises(DomainError) as exc:
        variants_bulk_update_stock_and_prices(
            cooperative_id=two.coop_a.pk, channel_id=channel.pk,
            rows=[BulkRow(first.pk, quantity=50), BulkRow(foreign.pk, quantity=0)])
    assert [(e.code.name, e.variants) for e in exc.value.errors] == [
        ("NOT_FOUND", (str(foreign.pk),))]
    with pytest.raises(DomainError) as exc:
        variants_bulk_update_stock_and_prices(
            cooperative_id=two.coop_a.pk, channel_id=channel.pk,
            rows=[BulkRow(first.pk, quantity=1), BulkRow(first.pk, quantity=2)])
    assert codes(exc) == [("variants", "DUPLICATED_INPUT_ITEM")]
    after = {v.pk: (Stock.objects.get(variant=v).quantity,
                    ProductVariantChannelListing.objects.get(variant=v).price_amount)
             for v in (first, second, foreign)}
    assert after == before

    variants_bulk_update_stock_and_prices(
        cooperative_id=two.coop_a.pk, channel_id=channel.pk,
        rows=[BulkRow(first.pk, quantity=50, price="70"), BulkRow(second.pk, price="55.5")])
    assert Stock.objects.get(variant=first).quantity == 50
    assert Stock.objects.get(variant=second).quantity == before[second.pk][0]
    assert ProductVariantChannelListing.objects.get(variant=second).price_amount == Decimal(
        "55.50")
    assert listing_price(two.product_a, channel) == Decimal("55.50")


def test_lots_sum_is_the_stock_and_cannot_fall_below_allocated(two):
    variant = two.product_a.variants.first()
    first = lot_create(cooperative_id=two.coop_a.pk, variant_id=variant.pk,
                       lot_number="SAF-2026-01", quantity=7, produced_on="2026-10-20",
                       best_before="2028-10-20")
    lot_create(cooperative_id=two.coop_a.pk, variant_id=variant.pk, lot_number="SAF-2026-02",
               quantity=5, produced_on=dt.date(2026, 11, 2))
    assert Stock.objects.get(variant=variant).quantity == 12

    lot_update(cooperative_id=two.coop_a.pk, lot_id=first.pk, quantity=3)
    assert Stock.objects.get(variant=variant).quantity == 8
    Stock.objects.filter(variant=variant).update(quantity_allocated=6)
    with pytest.raises(DomainError) as exc:
        lot_delete(cooperative_id=two.coop_a.pk, lot_id=first.pk)
    assert codes(exc) == [("quantity", "INVALID")]
    assert StockLot.objects.filter(pk=first.pk).exists()
    assert Stock.objects.get(variant=variant).quantity == 8
    total = StockLot.objects.filter(variant=variant).aggregate(s=Sum("quantity"))["s"]
    assert total == 8

    with pytest.raises(DomainError) as exc:
        stock_update(cooperative_id=two.coop_a.pk, variant_id=variant.pk, quantity=100)
    assert codes(exc) == [("quantity", "INVALID")]
    assert Stock.objects.get(variant=variant).quantity == 8


@pytest.mark.parametrize(("kwargs", "expected"), [
    ({"lot_number": ""}, ("lotNumber", "REQUIRED")),
    ({"lot_number": "saf-1"}, ("lotNumber", "UNIQUE")),
    ({"produced_on": "2026-13-01"}, ("producedOn", "INVALID")),
    ({"produced_on": "2999-01-01"}, ("producedOn", "INVALID")),
    ({"produced_on": "2026-05-01", "best_before": "2026-04-01"}, ("bestBefore", "INVALID")),
    ({"quantity": -1}, ("quantity", "INVALID")),
])
def test_lot_rules(two, kwargs, expected):
    variant = two.product_a.variants.first()
    lot_create(cooperative_id=two.coop_a.pk, variant_id=variant.pk, lot_number="SAF-1",
               quantity=2)
    arguments = {"lot_number": "SAF-2", "quantity": 1} | kwargs
    with pytest.raises(DomainError) as exc:
        lot_create(cooperative_id=two.coop_a.pk, variant_id=variant.pk, **arguments)
    assert codes(exc) == [expected]
    assert list(StockLot.objects.values_list("lot_number", flat=True)) == ["SAF-1"]
    assert Stock.objects.get(variant=variant).quantity == 2


def test_another_cooperatives_lot_is_not_found_and_unchanged(two):
    variant = two.product_b.variants.first()
    lot = lot_create(cooperative_id=two.coop_b.pk, variant_id=variant.pk, lot_number="B-1",
                     quantity=4)
    for call in (lambda: lot_update(cooperative_id=two.coop_a.pk, lot_id=lot.pk, quantity=0),
                 lambda: lot_delete(cooperative_id=two.coop_a.pk, lot_id=lot.pk)):
        with pytest.raises(DomainError) as exc:
            call()
        assert codes(exc) == [("id", "NOT_FOUND")]
    assert StockLot.objects.get(pk=lot.pk).quantity == 4
    assert Stock.objects.get(variant=variant).quantity == 4
