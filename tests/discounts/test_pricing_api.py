"""Catalogue promotions in Saleor's ``pricing``, at a fixed number of queries per page."""
from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalog.models import Category, Collection, CollectionProduct
from tests.factories.catalog import CooperativeFactory, make_listed_product
from tests.factories.discounts import make_promotion

pytestmark = pytest.mark.django_db

PRODUCTS = """query($first: Int!) { products(first: $first, channel: "maroc") { edges { node {
  slug pricing { onSale discount { gross { amount } }
    priceRange { start { gross { amount } } stop { gross { amount } } }
    priceRangeUndiscounted { start { gross { amount } } } }
  variants { pricing { onSale price { gross { amount } } priceUndiscounted { gross { amount } }
    discount { gross { amount } } } } } } } }"""


def _slugs_pricing(data):
    return {edge["node"]["slug"]: edge["node"] for edge in data["products"]["edges"]}


def test_a_promotion_shows_in_product_and_variant_pricing(graphql_data, channel):
    oil = make_listed_product(channel=channel, price="100.00", slug="huile", variants=2)
    make_listed_product(channel=channel, price="50.00", slug="dattes")
    make_promotion(channel, products=[oil], value="20")

    found = _slugs_pricing(graphql_data(PRODUCTS, first=10))

    pricing = found["huile"]["pricing"]
    assert pricing["onSale"] is True
    assert pricing["discount"]["gross"]["amount"] == 20.0
    assert pricing["priceRange"]["start"]["gross"]["amount"] == 80.0
    assert pricing["priceRange"]["stop"]["gross"]["amount"] == 80.8  # 101.00 - 20%
    assert pricing["priceRangeUndiscounted"]["start"]["gross"]["amount"] == 100.0
    variant = found["huile"]["variants"][0]["pricing"]
    assert (variant["onSale"], variant["price"]["gross"]["amount"],
            variant["priceUndiscounted"]["gross"]["amount"],
            variant["discount"]["gross"]["amount"]) == (True, 80.0, 100.0, 20.0)
    plain = found["dattes"]["pricing"]
    assert plain["onSale"] is False and plain["discount"] is None
    assert plain["priceRange"]["start"]["gross"]["amount"] == 50.0


def test_a_fixed_reduction_never_goes_below_zero_and_ended_promotions_do_not_apply(
        graphql_data, channel):
    cheap = make_listed_product(channel=channel, price="30.00", slug="savon")
    make_promotion(channel, products=[cheap], value="50", reward_type="fixed")
    make_promotion(channel, products=[cheap], value="90", name="Finie",
                   end=timezone.now() - timedelta(minutes=1))

    pricing = _slugs_pricing(graphql_data(PRODUCTS, first=10))["savon"]["pricing"]

    assert pricing["priceRange"]["start"]["gross"]["amount"] == 0.0
    assert pricing["discount"]["gross"]["amount"] == 30.0


def test_a_cooperative_funded_promotion_shows_only_for_cooperatives_that_accepted(
        graphql_data, channel):
    yes, no = CooperativeFactory(), CooperativeFactory()
    a = make_listed_product(channel=channel, price="100.00", slug="a", cooperative=yes)
    b = make_listed_product(channel=channel, price="100.00", slug="b", cooperative=no)
    make_promotion(channel, products=[a, b], funded_by="cooperative", accepted_by=[yes])

    found = _slugs_pricing(graphql_data(PRODUCTS, first=10))

    assert found["a"]["pricing"]["onSale"] is True
    assert found["b"]["pricing"]["onSale"] is False


def _catalog(channel, count, category, collection):
    for _ in range(count):
        product = make_listed_product(channel=channel, category=category)
        CollectionProduct.objects.create(collection=collection, product=product)


def test_a_page_of_100_products_costs_the_same_queries_as_10_with_promotions(graphql_data,
                                                                            channel):
    food = Category.objects.create(name="Épicerie", slug="epicerie-x")
    spices = Category.objects.create(name="Épices", slug="epices-x", parent=food)
    collection = Collection.objects.create(name="Nouvelle récolte", slug="nouvelle-recolte-x")
    make_promotion(channel, categories=[food], value="10")
    make_promotion(channel, collections=[collection], value="15", funded_by="shared",
                   platform_share="50", accepted_by=[CooperativeFactory()])
    _catalog(channel, 10, spices, collection)
    with CaptureQueriesContext(connection) as small:
        small_data = graphql_data(PRODUCTS, first=10)
    _catalog(channel, 90, spices, collection)
    with CaptureQueriesContext(connection) as large:
        large_data = graphql_data(PRODUCTS, first=100)

    assert len(large_data["products"]["edges"]) == 100
    assert all(e["node"]["pricing"]["onSale"] for e in large_data["products"]["edges"])
    assert len(small_data["products"]["edges"]) == 10
    assert len(small) == len(large)
