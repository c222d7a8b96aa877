"""Benchmarked endpoints not covered elsewhere cost a fixed number of SQL queries.

Covered elsewhere (not repeated here): anonymous storefront pages
(tests/storefront/test_query_counts.py), a warm cached page (tests/perf/test_page_cache.py),
GraphQL ``products(first: 100)`` == ``first: 10`` and product by slug
(tests/graphql/test_query_counts.py), ``deliveryOptions`` of a 5-cooperative cart
(tests/fulfillment/test_graphql_delivery.py), the delivery options step
(tests/orders/test_checkout_delivery.py) and checkout completion with 2 or 10 lines
(tests/orders/test_checkout_complete.py).
"""
from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from graphql_relay import to_global_id

from catalog.cache import catalog_pages_new_version
from catalog.models import Label, LabelKind, ProductLabel, ProductTranslation
from tests.factories.catalog import CategoryFactory, CooperativeFactory, make_listed_product
from tests.storefront.shop_data import add_photo

pytestmark = pytest.mark.django_db

# The anonymous page's count (tests/storefront/test_query_counts.py) + the session and the
# user (2) + the customer's latest cart for the header (1).
SIGNED_IN_EXTRA = 3


@pytest.fixture
def shop(channel):
    category = CategoryFactory(name="Miels", slug="miels")
    label = Label.objects.create(kind=LabelKind.ORGANIC, slug="bio", name="Bio")
    cooperatives = [CooperativeFactory(slug=f"nahla-{i}") for i in range(5)]
    made = []

    def add(count: int) -> list:
        for _ in range(count):
            index = len(made)
            product = make_listed_product(channel=channel, cooperative=cooperatives[index % 5],
                                          category=category, variants=2,
                                          name=f"Miel {index:02d}", slug=f"miel-{index:02d}")
            add_photo(product, (200, 150, 40), real=False)
            ProductLabel.objects.create(product=product, label=label,
                                        certificate_reference=f"BIO-{index}")
            ProductTranslation.objects.create(product=product, language_code="ar",
                                              name=f"عسل {index}")
            made.append(product)
        return made

    return add


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context)


@pytest.mark.parametrize("url", ["/", "/categories/miels/", "/products/miel-03/",
                                 "/search/?q=miel", "/ar/search/?q=miel&sort=price"])
def test_a_signed_in_page_costs_the_same_queries_with_10_and_40_products(shop, customer, url):
    client = Client()
    client.force_login(customer)
    shop(10)
    anonymous_10 = _queries(Client(), url)  # cold: nothing cached yet
    catalog_pages_new_version()
    with_10 = _queries(client, url)
    shop(30)

    assert _queries(client, url) == with_10
    assert with_10 <= anonymous_10 + SIGNED_IN_EXTRA


def _graphql(client: Client, query: str, **variables) -> dict:
    response = client.post("/graphql/", json.dumps({"query": query, "variables": variables}),
                           content_type="application/json")
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


CREATE = """mutation($lines: [CheckoutLineInput!]!) {
  checkoutCreate(input: {channel: "maroc", email: "amina@example.ma", lines: $lines}) {
    errors { field code } checkout { token lines { quantity variant { sku } }
      totalPrice { gross { amount } } } } }"""
ADD = """mutation($id: ID!, $lines: [CheckoutLineInput!]!) {
  checkoutLinesAdd(id: $id, lines: $lines) {
    errors { field code } checkout { lines { quantity } totalPrice { gross { amount } } } } }"""


def _lines(products, count: int) -> list[dict]:
    variants = [v for p in products for v in p.variants.all()][:count]
    assert len(variants) == count
    return [{"variantId": to_global_id("ProductVariant", v.pk), "quantity": 1}
            for v in variants]


def _create_queries(lines: list[dict]) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as context:
        data = _graphql(Client(), CREATE, lines=lines)
    assert data["checkoutCreate"]["errors"] == []
    return len(context), data["checkoutCreate"]["checkout"]


def test_checkout_create_costs_the_same_queries_for_2_or_10_lines(shop):
    products = shop(10)
    two, small = _create_queries(_lines(products[:1], 2))
    ten, large = _create_queries(_lines(products, 10))

    assert len(small["lines"]) == 2 and len(large["lines"]) == 10
    assert ten == two


def test_adding_lines_costs_the_same_queries_for_2_or_10_lines(shop):
    products = shop(12)
    counts = []
    for count in (2, 10):
        _n, checkout = _create_queries(_lines(products[10:], 1))
        checkout_id = to_global_id("Checkout", checkout["token"])
        with CaptureQueriesContext(connection) as context:
            data = _graphql(Client(), ADD, id=checkout_id, lines=_lines(products[:5], count))
        assert data["checkoutLinesAdd"]["errors"] == []
        assert len(data["checkoutLinesAdd"]["checkout"]["lines"]) == count + 1
        counts.append(len(context))

    assert counts[0] == counts[1]
