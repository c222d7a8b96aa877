"""A listing costs the same number of SQL queries whatever its size (prefetching)."""
from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.models import Category, Label, ProductLabel, ProductTranslation
from tests.factories.catalog import CategoryFactory, CooperativeFactory, make_listed_product
from tests.graphql.conftest import add_photo

pytestmark = pytest.mark.django_db

LISTING = """
query Listing($first: Int!) {
  products(first: $first, channel: "maroc") {
    totalCount
    edges { cursor node {
      id name slug isAvailable created
      translation(languageCode: AR) { name }
      thumbnail(size: 256, format: WEBP) { url alt }
      media { url(size: 512, format: WEBP) alt type }
      pricing { onSale
        priceRange { start { gross { amount currency } net { amount } tax { amount } }
                     stop { gross { amount currency } } }
        priceRangeUndiscounted { start { gross { amount } } stop { gross { amount } } } }
      variants { id name sku quantityAvailable weight { value }
                 translation(languageCode: EN) { name }
                 pricing { price { gross { amount currency } } } }
      productVariants(first: 5) { totalCount edges { node { id sku } } }
      defaultVariant { id }
      category { id name slug parent { id } translation(languageCode: EN) { name } }
      productType { id name }
      cooperative { id name womenLed region { code name } city { name }
                    translation(languageCode: AR) { name } }
      labels { kind name certificateReference expiryDate }
    } }
    pageInfo { hasNextPage endCursor }
  }
}
"""


def _catalog(channel, count: int) -> None:
    """``count`` products with everything a card shows: two variants, a photo with thumbnails,
    a subcategory, a cooperative of their own, an Arabic name and a label."""
    label, _ = Label.objects.get_or_create(kind="AOP", slug="aop-safran",
                                           defaults={"name": "AOP Safran"})
    parent, _ = Category.objects.get_or_create(slug="epices", defaults={"name": "Épices"})
    for _index in range(count):
        product = make_listed_product(channel=channel, cooperative=CooperativeFactory(),
                                      category=CategoryFactory(parent=parent), variants=2)
        ProductTranslation.objects.create(product=product, language_code="ar", name="زعفران")
        ProductLabel.objects.create(product=product, label=label,
                                    certificate_reference=f"AOP-{product.pk}")
        add_photo(product, sizes=(256, 512))


def _count(graphql_data, first: int) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as queries:
        data = graphql_data(LISTING, first=first)
    return len(queries), data


def test_products_first_100_costs_the_same_queries_as_first_10(channel, graphql_data):
    _catalog(channel, 10)
    small, small_data = _count(graphql_data, 10)
    _catalog(channel, 90)
    large, large_data = _count(graphql_data, 100)

    assert len(small_data["products"]["edges"]) == 10
    assert len(large_data["products"]["edges"]) == 100
    assert large_data["products"]["totalCount"] == 100
    # + the channel's promotion rules, once; not the products' own listings (not asked); the
    # page's keys are read first, then the products whose stored answer is not valid (all the
    # first time: catalog/graphql/fragments.py).
    assert large == small == 14


def test_product_page_costs_a_fixed_number_of_queries(channel, graphql_data, product):
    add_photo(product, sizes=(256,))
    query = """query($slug: String!) { product(slug: $slug, channel: "maroc") {
      name thumbnail { url } media { url } pricing { priceRange { start { gross { amount } } } }
      productVariants(first: 10) { edges { node { sku quantityAvailable
        pricing { price { gross { amount } } } } } }
      category { name } cooperative { name region { name } } labels { name } } }"""

    with CaptureQueriesContext(connection) as queries:
        data = graphql_data(query, slug=product.slug)

    assert data["product"]["name"] == product.name
    # The channel, the product (with its category and cooperative), variants (with stock),
    # their prices, photos, thumbnails, labels and the channel's promotion rules: nothing the
    # query does not show (translations, the product's listing).
    assert len(queries) == 8


def test_cooperatives_listing_costs_the_same_for_5_and_50(db, graphql_data):
    query = """query($first: Int!) { cooperatives(first: $first) { totalCount
      edges { node { name region { name } city { name } translation(languageCode: AR) { name }
      } } } }"""
    for _ in range(5):
        CooperativeFactory()
    with CaptureQueriesContext(connection) as small:
        graphql_data(query, first=5)
    for _ in range(45):
        CooperativeFactory()
    with CaptureQueriesContext(connection) as large:
        data = graphql_data(query, first=50)

    assert len(data["cooperatives"]["edges"]) == 50
    assert len(small) == len(large) == 3


def test_a_variant_lookup_costs_a_fixed_number_of_queries(channel, graphql_data, product):
    add_photo(product, sizes=(256,))
    variant = product.variants.get()
    query = """query($sku: String) { productVariant(sku: $sku, channel: "maroc") { name
      quantityAvailable pricing { price { gross { amount } } } translation(languageCode: AR)
      { name } product { name thumbnail { url } category { name } cooperative { name } } } }"""

    with CaptureQueriesContext(connection) as queries:
        data = graphql_data(query, sku=variant.sku)

    assert data["productVariant"]["product"]["name"] == product.name
    # The channel, the variant's ids, its product (with category and cooperative), the
    # variants (with stock), their prices and translations, the first photo and its
    # thumbnails, and the channel's promotion rules.
    assert len(queries) == 9


def test_categories_listing_costs_the_same_for_5_and_50(db, graphql_data):
    query = """query($first: Int!) { categories(first: $first) { totalCount edges { node {
      name parent { name } translation(languageCode: AR) { name }
      children(first: 10) { edges { node { name translation(languageCode: EN) { name } } } }
    } } } }"""
    root = CategoryFactory(name="Racine", slug="racine")
    for _ in range(4):
        CategoryFactory(parent=root)
    with CaptureQueriesContext(connection) as small:
        graphql_data(query, first=5)
    for _ in range(45):
        CategoryFactory(parent=root)
    with CaptureQueriesContext(connection) as large:
        data = graphql_data(query, first=50)

    assert len(data["categories"]["edges"]) == 50
    assert len(small) == len(large) == 5


def test_regions_with_their_cities_cost_two_queries(db, graphql_data):
    with CaptureQueriesContext(connection) as queries:
        data = graphql_data("{ regions { name cities { name } } }")

    assert len(data["regions"]) == 12
    assert len(queries) == 2
