"""A category's subtree given as constants lists exactly what the slug's subquery lists."""
from __future__ import annotations

import pytest

from catalog.models import Category
from catalog.selectors import (
    ProductFilters,
    categories_tree,
    category_subtree_ids,
    products_listing,
)
from tests.factories.catalog import CooperativeFactory, make_listed_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(channel):
    """huiles > (argan, olive), miels; a product in each and one without a category."""
    huiles = Category.objects.create(name="Huiles", slug="huiles")
    argan = Category.objects.create(name="Argan", slug="argan", parent=huiles)
    olive = Category.objects.create(name="Olive", slug="olive", parent=huiles)
    miels = Category.objects.create(name="Miels", slug="miels")
    cooperative = CooperativeFactory()
    for category in (huiles, argan, olive, miels, None):
        make_listed_product(channel=channel, cooperative=cooperative, category=category,
                            slug=f"p-{category.slug if category else 'none'}")
    return {c.slug: c for c in (huiles, argan, olive, miels)}


def test_the_subtree_holds_the_category_and_its_descendants_only(tree):
    categories = list(categories_tree())

    assert sorted(category_subtree_ids(categories, "huiles")) == sorted(
        tree[slug].pk for slug in ("huiles", "argan", "olive"))
    assert category_subtree_ids(categories, "argan") == [tree["argan"].pk]
    assert category_subtree_ids(categories, "nowhere") == []


@pytest.mark.parametrize("slug", ["huiles", "argan", "miels", "nowhere"])
@pytest.mark.parametrize("sort", ["name", "newest", "price"])
def test_constant_ids_list_what_the_slug_lists(tree, channel, slug, sort):
    filters = ProductFilters(category=slug, sort=sort)
    ids = category_subtree_ids(list(categories_tree()), slug)

    by_slug = products_listing(channel=channel, filters=filters)
    by_ids = products_listing(channel=channel, filters=filters, category_ids=ids)

    assert [p.slug for p in by_ids] == [p.slug for p in by_slug]
    assert by_ids.count() == by_slug.count() == {"huiles": 3, "argan": 1, "miels": 1,
                                                 "nowhere": 0}[slug]
