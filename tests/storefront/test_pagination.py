"""The ids-first paginator gives exactly the rows of a plain slice, in one statement."""
from __future__ import annotations

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.selectors import ProductFilters, products_listing
from storefront.pagination import IdsFirstPaginator, paginate
from tests.factories.catalog import CooperativeFactory, make_listed_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def listing(channel):
    """29 products whose names and prices tie in groups, so only the pk breaks the ties."""
    cooperative = CooperativeFactory()
    for index in range(29):
        make_listed_product(channel=channel, cooperative=cooperative, slug=f"p-{index:02d}",
                            name=f"Miel {'ÉAéb'[index % 4]}", price=f"{10 + index % 3}.00")

    def of(sort: str):
        return products_listing(channel=channel, filters=ProductFilters(sort=sort))
    return of


@pytest.mark.parametrize("sort", ["name", "price", "-price", "newest"])
@pytest.mark.parametrize(("per_page", "orphans"), [(10, 0), (24, 0), (12, 5)])
def test_every_page_holds_the_rows_of_a_plain_slice(listing, sort, per_page, orphans):
    plain = Paginator(listing(sort), per_page, orphans=orphans)
    ids_first = IdsFirstPaginator(listing(sort), per_page, orphans=orphans)

    assert ids_first.num_pages == plain.num_pages > 1
    for number in plain.page_range:
        assert ([p.slug for p in ids_first.page(number)]
                == [p.slug for p in plain.page(number)])


def test_a_page_is_one_statement_for_its_rows(listing):
    with CaptureQueriesContext(connection) as captured:
        page = paginate(listing("name"), "2", per_page=10, count=29)
        rows = list(page.object_list)

    statements = [q["sql"] for q in captured.captured_queries
                  if q["sql"].startswith('SELECT "catalog_product"."id"')]
    assert len(rows) == 10
    assert len(statements) == 1
    assert "LIMIT 10 OFFSET 10" in statements[0]


def test_a_list_is_paginated_as_usual(db):
    page = paginate(list(range(30)), "2", per_page=24)

    assert list(page.object_list) == list(range(24, 30))
