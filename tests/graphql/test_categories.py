"""Categories: the tree, lookups, filters, and the products of a category and below."""
from __future__ import annotations

import json

import pytest
from django.db import connection

from catalog.models import Category, CategoryTranslation, ProductChannelListing
from tests.factories.catalog import CategoryFactory, make_listed_product
from tests.graphql.conftest import gid

pytestmark = pytest.mark.django_db
needs_icu = pytest.mark.skipif(connection.vendor != "postgresql",
                               reason="human name order uses PostgreSQL's ICU collation")


@pytest.fixture
def tree(db):
    """Épices > {Cumin, Safran}, and Huiles."""
    spices = CategoryFactory(name="Épices", slug="epices", seo_title="Épices du Maroc",
                             description={"blocks": [{"type": "paragraph",
                                                      "data": {"text": "Des épices."}}]})
    saffron = CategoryFactory(name="Safran", slug="safran", parent=spices)
    cumin = CategoryFactory(name="Cumin", slug="cumin", parent=spices)
    oils = CategoryFactory(name="Huiles", slug="huiles")
    CategoryTranslation.objects.create(category=spices, language_code="ar", name="توابل")
    CategoryTranslation.objects.create(category=spices, language_code="en", name="Spices",
                                       seo_title="Moroccan spices")
    return {"spices": spices, "saffron": saffron, "cumin": cumin, "oils": oils}


def _names(data) -> list[str]:
    return [edge["node"]["name"] for edge in data["categories"]["edges"]]


def test_categories_list_in_tree_order_with_their_level_and_parent(tree, graphql_data):
    # django-mptt orders the roots by name in the database's collation: H before É.
    data = graphql_data("""{ categories(first: 10) { totalCount edges { node {
      name level parent { slug } children(first: 5) { totalCount } } } } }""")

    assert data["categories"]["totalCount"] == 4
    assert [edge["node"] for edge in data["categories"]["edges"]] == [
        {"name": "Huiles", "level": 0, "parent": None, "children": {"totalCount": 0}},
        {"name": "Épices", "level": 0, "parent": None, "children": {"totalCount": 2}},
        {"name": "Cumin", "level": 1, "parent": {"slug": "epices"}, "children": {"totalCount": 0}},
        {"name": "Safran", "level": 1, "parent": {"slug": "epices"},
         "children": {"totalCount": 0}},
    ]


def test_categories_filter_by_level_slugs_and_search(tree, graphql_data):
    top = graphql_data("{ categories(first: 10, level: 0) { edges { node { name } } } }")
    by_slug = graphql_data('{ categories(first: 10, filter: {slugs: ["huiles", "cumin"]}) '
                           '{ edges { node { name } } } }')
    by_arabic = graphql_data('{ categories(first: 10, filter: {search: "توابل"}) '
                             '{ edges { node { name } } } }')
    by_id = graphql_data("query($ids: [ID!]) { categories(first: 10, where: {ids: $ids}) "
                         "{ edges { node { name } } } }", ids=[gid("Category", tree["oils"].pk)])

    assert _names(top) == ["Huiles", "Épices"]
    assert _names(by_slug) == ["Huiles", "Cumin"]
    assert _names(by_arabic) == ["Épices"]
    assert _names(by_id) == ["Huiles"]


@needs_icu
def test_categories_sort_by_name_and_by_counts(tree, channel, cooperative, graphql_data):
    make_listed_product(channel=channel, cooperative=cooperative, category=tree["cumin"])
    query = """query($sort: CategorySortingInput) { categories(first: 10, sortBy: $sort)
      { edges { node { name } } } }"""

    by_name = graphql_data(query, sort={"field": "NAME", "direction": "DESC"})
    by_products = graphql_data(query, sort={"field": "PRODUCT_COUNT", "direction": "DESC"})
    by_children = graphql_data(query, sort={"field": "SUBCATEGORY_COUNT", "direction": "DESC"})

    assert _names(by_name) == ["Safran", "Huiles", "Épices", "Cumin"]
    assert _names(by_products)[:2] == ["Épices", "Cumin"]  # 1 each, then by name
    assert _names(by_children)[0] == "Épices"


CATEGORY = """query($slug: String, $id: ID) { category(slug: $slug, id: $id) {
  id name slug description seoTitle seoDescription level updatedAt backgroundImage { url }
  parent { name } children(first: 10) { edges { node { name } } }
  ancestors(first: 10) { edges { node { name } } }
  ar: translation(languageCode: AR) { name seoTitle language { code language } }
  en: translation(languageCode: EN_GB) { name seoTitle slug }
  fr: translation(languageCode: FR) { name } } }"""


def test_a_category_shows_its_fields_children_and_translations(tree, graphql_data):
    category = graphql_data(CATEGORY, slug="epices")["category"]
    spices = Category.objects.get(slug="epices")

    assert json.loads(category.pop("description")) == {
        "blocks": [{"type": "paragraph", "data": {"text": "Des épices."}}]}
    assert category == {
        "id": gid("Category", spices.pk), "name": "Épices", "slug": "epices",
        "seoTitle": "Épices du Maroc", "seoDescription": None, "level": 0,
        "updatedAt": spices.updated_at.isoformat(), "backgroundImage": None, "parent": None,
        "children": {"edges": [{"node": {"name": "Cumin"}}, {"node": {"name": "Safran"}}]},
        "ancestors": {"edges": []},
        "ar": {"name": "توابل", "seoTitle": None,
               "language": {"code": "AR", "language": "Arabic"}},
        "en": {"name": "Spices", "seoTitle": "Moroccan spices", "slug": None},
        "fr": None,
    }


def test_a_subcategory_knows_its_ancestors(tree, graphql_data):
    category = graphql_data(CATEGORY, id=gid("Category", tree["saffron"].pk))["category"]

    assert category["parent"] == {"name": "Épices"}
    assert category["ancestors"] == {"edges": [{"node": {"name": "Épices"}}]}
    assert category["level"] == 1


def test_an_unknown_category_is_null_and_bad_lookups_are_errors(tree, graphql, graphql_data):
    assert graphql_data(CATEGORY, slug="nope") == {"category": None}
    assert graphql_data(CATEGORY, slug="\x00") == {"category": None}
    assert graphql_data(CATEGORY, id=gid("Product", 1)) == {"category": None}
    assert [e["message"] for e in graphql(CATEGORY, id="nope")["errors"]] == [
        "Invalid ID: nope. Expected: Category."]
    assert [e["message"] for e in graphql(CATEGORY)["errors"]] == [
        "At least one of arguments is required: 'id', 'slug'."]


def test_a_category_lists_its_visible_products_and_those_below_it(tree, channel, cooperative,
                                                                   graphql_data):
    saffron = make_listed_product(channel=channel, cooperative=cooperative,
                                  category=tree["saffron"], slug="safran-pur")
    make_listed_product(channel=channel, cooperative=cooperative, category=tree["spices"],
                        slug="ras-el-hanout")
    make_listed_product(channel=channel, cooperative=cooperative, category=tree["oils"],
                        slug="argan")
    hidden = make_listed_product(channel=channel, cooperative=cooperative,
                                 category=tree["cumin"], slug="cumin-cache")
    ProductChannelListing.objects.filter(product=hidden).update(is_published=False)
    query = """query($slug: String) { category(slug: $slug) { products(first: 10,
      channel: "maroc") { totalCount edges { node { slug pricing { priceRange { start {
      gross { amount } } } } } } } } }"""

    spices = graphql_data(query, slug="epices")["category"]["products"]
    only_saffron = graphql_data(query, slug="safran")["category"]["products"]

    assert [e["node"]["slug"] for e in spices["edges"]] == ["ras-el-hanout", "safran-pur"]
    assert spices["totalCount"] == 2
    assert only_saffron == {"totalCount": 1, "edges": [{"node": {
        "slug": saffron.slug, "pricing": {"priceRange": {"start": {"gross": {"amount": 60.0}}}}}}]}


def test_a_background_image_has_an_absolute_url(tree, graphql_data):
    spices = tree["spices"]
    spices.background_image = "category-backgrounds/epices.jpg"
    spices.background_image_alt = "Épices au souk"
    spices.save()

    data = graphql_data('{ category(slug: "epices") { backgroundImage { url alt } } }')

    assert data["category"]["backgroundImage"] == {
        "url": "http://testserver/media/category-backgrounds/epices.jpg", "alt": "Épices au souk"}
