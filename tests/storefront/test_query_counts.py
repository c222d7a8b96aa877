"""Listing pages cost the same number of SQL queries with 10 or 40 products; pages a fixed one.

Every product below has two variants, a photo with four thumbnails, a label and translations,
so a missing prefetch would show up as one more query per product.
"""
from __future__ import annotations

import pytest

from catalog.models import Label, LabelKind, ProductLabel, ProductTranslation
from tests.factories.catalog import (
    CategoryFactory,
    ChannelFactory,
    CooperativeFactory,
    make_listed_product,
)
from tests.storefront.helpers import card_slugs, queries_for
from tests.storefront.shop_data import add_photo

# search: channel, COUNT, page of products + 7 card prefetches, 5 facet queries (the
# navigation reuses the facets' categories; the cooperatives are plain rows, cached). A category page adds the category, its
# translations and children; a cooperative page the cooperative and its translations.
# + the attribute facets of the filter form (1 query; 4 once attributes exist)
# + the channel's promotion rules for the struck-through prices (1 query, backend.discounts)
SEARCH_QUERIES = 17
CATEGORY_QUERIES = SEARCH_QUERIES + 3
COOPERATIVE_QUERIES = SEARCH_QUERIES + 2
# channel, product + 10 prefetches, breadcrumb (2), 4 more products + 7 prefetches, navigation (2),
# the cities of the delivery city picker (1), the fair-pay estimate of the price (2: the split
# policy in force and the cooperatives' commission overrides)
# + the product's attributes (1 query; 3 once it has some)
# + the lots of the size shown, for traceability (1 query, however many lots)
# + the channel's promotion rules (1 query)
PRODUCT_QUERIES = 30
# + the published collections (1 query; 2 once there are some)
# + the channel's promotion rules (1 query)
HOME_QUERIES = 16


@pytest.fixture
def catalog(db):
    channel = ChannelFactory()
    category = CategoryFactory(name="Miels", slug="miels")
    cooperative = CooperativeFactory(slug="nahla")
    label = Label.objects.create(kind=LabelKind.ORGANIC, slug="bio", name="Bio")

    def add(count: int) -> None:
        start = category.products.count()
        for index in range(start, start + count):
            product = make_listed_product(channel=channel, cooperative=cooperative,
                                          category=category, variants=2,
                                          name=f"Miel {index:02d}", slug=f"miel-{index:02d}")
            add_photo(product, (200, 150, 40), real=False)
            ProductLabel.objects.create(product=product, label=label,
                                        certificate_reference=f"BIO-{index}")
            ProductTranslation.objects.create(product=product, language_code="ar",
                                              name=f"عسل {index}")
    return add


@pytest.mark.parametrize(("url", "expected"), [
    ("/categories/miels/", CATEGORY_QUERIES),
    ("/ar/categories/miels/?sort=price", CATEGORY_QUERIES),
    ("/search/?q=miel", SEARCH_QUERIES),
    ("/en/search/?label=bio&sort=newest", SEARCH_QUERIES),
    ("/cooperatives/nahla/", COOPERATIVE_QUERIES),
])
def test_a_listing_costs_the_same_queries_with_10_and_40_products(client, catalog, url,
                                                                    expected):
    catalog(10)
    with_10 = queries_for(client, url)
    assert len(card_slugs(client.get(url).content.decode())) == 10

    catalog(30)
    with_40 = queries_for(client, url)
    assert len(card_slugs(client.get(url).content.decode())) == 24

    assert (with_10, with_40) == (expected, expected)


def test_the_home_page_costs_a_fixed_number_of_queries(client, catalog):
    catalog(3)
    assert queries_for(client, "/") == HOME_QUERIES
    catalog(20)
    assert queries_for(client, "/") == HOME_QUERIES


def test_the_product_page_costs_a_fixed_number_of_queries(client, catalog):
    catalog(10)

    assert queries_for(client, "/products/miel-03/") == PRODUCT_QUERIES
    assert queries_for(client, "/ar/products/miel-03/?variant=1") == PRODUCT_QUERIES
