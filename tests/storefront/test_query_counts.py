"""Listing pages cost the same number of SQL queries with 10 or 40 products; pages a fixed one.

Every product below has two variants, a photo with four thumbnails, a label and translations,
so a missing prefetch would show up as one more query per product.
"""
from __future__ import annotations

import pytest

from catalog.cache import catalog_pages_new_version
from catalog.models import Label, LabelKind, ProductLabel, ProductTranslation
from tests.factories.catalog import (
    CategoryFactory,
    ChannelFactory,
    CooperativeFactory,
    make_listed_product,
)
from tests.storefront.helpers import card_slugs, queries_for
from tests.storefront.shop_data import add_photo

# search: channel, page of products + 7 card prefetches, 5 facet queries: the category tree (2),
# regions, labels, and the listing's cooperatives with their counts, which also give the
# listing's size (no COUNT query; none at all once cached). The navigation reuses the facets'
# categories, and a category page reads its category, children and breadcrumb from them too.
# A cooperative page offers no cooperative choice: its COUNT query instead, plus the
# cooperative and its translations.
# + the attribute facets of the filter form (1 query; 4 once attributes exist)
# + the channel's promotion rules for the struck-through prices (1 query, backend.discounts)
SEARCH_QUERIES = 16
CATEGORY_QUERIES = SEARCH_QUERIES
COOPERATIVE_QUERIES = SEARCH_QUERIES + 2
# Read again before the catalog changes: the channel, the category tree, regions, labels and
# attribute facets are kept in the process (storefront/basics.py), the cooperative counts in
# the cache: only the page of products, its prefetches and the promotion rules are read.
SEARCH_QUERIES_AGAIN = SEARCH_QUERIES - 7
# channel, product + 10 prefetches, the category tree for the breadcrumb and the navigation (2),
# 4 more products + 7 prefetches, the cities of the delivery city picker (1), the fair-pay
# estimate of the price (2: the split policy in force and the cooperatives' commission
# overrides)
# + the product's attributes (1 query; 3 once it has some)
# + the lots of the size shown, for traceability (1 query, however many lots)
# + the channel's promotion rules (1 query)
PRODUCT_QUERIES = 28
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
    catalog_pages_new_version()
    assert queries_for(client, "/ar/products/miel-03/?variant=1") == PRODUCT_QUERIES
    # Again (not a cached page) before a catalog change: the channel and the category tree
    # are kept in the process.
    assert queries_for(client, "/ar/products/miel-03/?variant=2") == PRODUCT_QUERIES - 3


@pytest.mark.parametrize("url", ["/categories/miels/?label=bio", "/en/search/?q=miel&sort=price"])
def test_a_listing_read_again_before_a_catalog_change_costs_only_its_products(client, catalog,
                                                                              url):
    catalog(10)
    assert queries_for(client, url) == SEARCH_QUERIES
    assert queries_for(client, url) == SEARCH_QUERIES_AGAIN

    catalog(1)  # a catalog change: everything is read again
    assert queries_for(client, url) == SEARCH_QUERIES
