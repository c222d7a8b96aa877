"""Product filters (``filter``, ``where``, ``search``) and sorting, in Saleor's shapes."""
from __future__ import annotations

import pytest
from django.db import connection

from catalog.models import Label, ProductLabel, ProductTranslation, Stock
from catalog.services.products import product_refresh_search
from tests.factories.catalog import CategoryFactory, CooperativeFactory, make_listed_product
from tests.graphql.conftest import gid

pytestmark = pytest.mark.django_db
needs_icu = pytest.mark.skipif(connection.vendor != "postgresql",
                               reason="human name order uses PostgreSQL's ICU collation")

LIST = """query($filter: ProductFilterInput, $where: ProductWhereInput, $search: String,
                $sortBy: ProductOrder) {
  products(first: 20, channel: "maroc", filter: $filter, where: $where, search: $search,
           sortBy: $sortBy) { totalCount edges { node { slug } } } }"""


@pytest.fixture
def catalog(channel):
    """Saffron (Souss-Massa, AOP), argan oil (Souss-Massa, organic, out of stock), dates
    (Drâa-Tafilalet) and couscous (Fès-Meknès, no category)."""
    spices = CategoryFactory(name="Épices", slug="epices")
    saffron_cat = CategoryFactory(name="Safran", slug="safran", parent=spices)
    oils = CategoryFactory(name="Huiles", slug="huiles")
    fruits = CategoryFactory(name="Fruits secs", slug="fruits-secs")
    souss = CooperativeFactory(name="Coopérative Tifawin", slug="tifawin", women_led=True)
    draa = CooperativeFactory(name="Coopérative Zagora", slug="zagora", city_slug="zagora")
    fes = CooperativeFactory(name="Coopérative Sefrou", slug="sefrou", city_slug="sefrou")
    products = {
        "saffron": make_listed_product(channel=channel, cooperative=souss, category=saffron_cat,
                                       slug="safran", name="Safran pur", price="120.00"),
        "argan": make_listed_product(channel=channel, cooperative=souss, category=oils,
                                     slug="argan", name="Huile d'argan", price="180.00",
                                     quantity=0),
        "dates": make_listed_product(channel=channel, cooperative=draa, category=fruits,
                                     slug="dattes", name="Dattes Mejhoul", price="75.00",
                                     variants=2),
        "couscous": make_listed_product(channel=channel, cooperative=fes, category=None,
                                        slug="couscous", name="Couscous d'orge", price="40.00"),
    }
    aop = Label.objects.create(kind="AOP", slug="aop-safran", name="AOP Safran")
    bio = Label.objects.create(kind="ORGANIC", slug="bio", name="Bio")
    ProductLabel.objects.create(product=products["saffron"], label=aop, certificate_reference="A")
    ProductLabel.objects.create(product=products["argan"], label=bio, certificate_reference="B")
    ProductTranslation.objects.create(product=products["argan"], language_code="ar",
                                      name="زيت الأركان")
    product_refresh_search(product=products["argan"])
    return {**products, "spices": spices, "souss": souss, "draa": draa}


def slugs(graphql_data, **variables) -> list[str]:
    edges = graphql_data(LIST, **variables)["products"]["edges"]
    return [edge["node"]["slug"] for edge in edges]


def test_categories_filter_includes_subcategories(catalog, graphql_data):
    assert slugs(graphql_data, filter={"categories": [gid("Category", catalog["spices"].pk)]}) \
        == ["safran"]


def test_search_is_accent_insensitive_and_finds_translations(catalog, graphql_data):
    assert slugs(graphql_data, search="HUILE") == ["argan"]
    assert slugs(graphql_data, filter={"search": "dattes"}) == ["dattes"]
    assert slugs(graphql_data, search="زيت") == ["argan"]
    assert slugs(graphql_data, search="saf\x00ran") == ["safran"]


def test_search_sorts_by_rank_and_rank_needs_a_search(catalog, graphql, graphql_data):
    ranked = slugs(graphql_data, search="safran",
                   sortBy={"field": "RANK", "direction": "DESC"})
    body = graphql(LIST, sortBy={"field": "RANK", "direction": "DESC"})

    assert ranked == ["safran"]
    assert [e["message"] for e in body["errors"]] == [
        "Sorting by RANK is available only when using a search filter."]


def test_cooperative_region_and_label_filters(catalog, graphql_data):
    souss = gid("Cooperative", catalog["souss"].pk)
    draa_region = gid("Region", catalog["draa"].region_id)

    assert slugs(graphql_data, filter={"cooperatives": [souss]}) == ["argan", "safran"]
    assert slugs(graphql_data, filter={"regions": [draa_region]}) == ["dattes"]
    assert slugs(graphql_data, filter={"labels": ["bio"]}) == ["argan"]
    assert slugs(graphql_data, filter={"labelKinds": ["AOP", "IGP"]}) == ["safran"]


def test_price_stock_and_availability_filters(catalog, graphql_data):
    assert slugs(graphql_data, filter={"price": {"gte": 70, "lte": 130}}) == ["dattes", "safran"]
    assert slugs(graphql_data, filter={"minimalPrice": {"lte": 75}}) == ["couscous", "dattes"]
    assert slugs(graphql_data, filter={"stockAvailability": "OUT_OF_STOCK"}) == ["argan"]
    assert slugs(graphql_data, filter={"isAvailable": True}) == ["couscous", "dattes", "safran"]


def test_a_product_whose_only_stock_is_allocated_is_out_of_stock(catalog, graphql_data):
    Stock.objects.filter(variant__product=catalog["saffron"]).update(quantity_allocated=10)

    assert slugs(graphql_data, filter={"stockAvailability": "IN_STOCK"}) == [
        "couscous", "dattes"]


def test_simple_filters_by_slug_id_category_presence_and_listing(catalog, graphql_data):
    assert slugs(graphql_data, filter={"slugs": ["dattes", "safran", "nope\x00"]}) == [
        "dattes", "safran"]
    assert slugs(graphql_data, filter={"ids": [gid("Product", catalog["argan"].pk)]}) == [
        "argan"]
    assert slugs(graphql_data, filter={"hasCategory": False}) == ["couscous"]
    assert slugs(graphql_data, filter={"isPublished": True, "isVisibleInListing": True}) == [
        "argan", "couscous", "dattes", "safran"]
    assert slugs(graphql_data, filter={"isPublished": False}) == []
    assert slugs(graphql_data, filter={"giftCard": True}) == []
    assert slugs(graphql_data, filter={"collections": [gid("Collection", 1)]}) == []


def test_a_malformed_id_in_a_filter_is_a_clean_error(catalog, graphql):
    body = graphql(LIST, filter={"categories": ["nope"]})

    assert [e["message"] for e in body["errors"]] == [
        "Could not resolve to a node with the global id list of '['nope']'."]


def test_where_filters_combine_with_and_or(catalog, graphql_data):
    cheap_or_dates = {"OR": [{"price": {"range": {"lte": 50}}}, {"slug": {"eq": "dattes"}}]}
    both = {"AND": [{"name": {"oneOf": ["Safran pur", "Dattes Mejhoul"]}},
                    {"category": {"eq": gid("Category", catalog["dates"].category_id)}}]}

    assert slugs(graphql_data, where=cheap_or_dates) == ["couscous", "dattes"]
    assert slugs(graphql_data, where=both) == ["dattes"]
    assert slugs(graphql_data, where={"price": {"oneOf": [75, 76]}}) == ["dattes"]
    assert slugs(graphql_data, where={"minimalPrice": {"eq": 40}}) == ["couscous"]


def test_where_operators_cannot_sit_beside_fields_and_filter_excludes_where(catalog, graphql):
    mixed = graphql(LIST, where={"AND": [{"slug": {"eq": "a"}}], "slug": {"eq": "b"}})
    both = graphql(LIST, filter={"search": "x"}, where={"slug": {"eq": "b"}})

    assert [e["message"] for e in mixed["errors"]] == [
        "Cannot mix operators with other filter inputs."]
    assert [e["message"] for e in both["errors"]] == [
        "Only one filtering argument (filter or where) can be specified."]


def test_metadata_filter_matches_key_and_value(catalog, graphql_data):
    catalog["dates"].metadata = {"variety": "mejhoul"}
    catalog["dates"].save()

    assert slugs(graphql_data, filter={"metadata": [{"key": "variety"}]}) == ["dattes"]
    assert slugs(graphql_data, where={"metadata": [{"key": "variety", "value": "boufeggous"}]}) \
        == []


@pytest.mark.parametrize(("sort_by", "expected"), [
    ({"field": "PRICE", "direction": "ASC"}, ["couscous", "dattes", "safran", "argan"]),
    ({"field": "MINIMAL_PRICE", "direction": "DESC"}, ["argan", "safran", "dattes", "couscous"]),
    ({"field": "NAME", "direction": "ASC"}, ["couscous", "dattes", "argan", "safran"]),
    ({"field": "CREATED_AT", "direction": "DESC"}, ["couscous", "dattes", "argan", "safran"]),
    ({"field": "PUBLISHED_AT", "direction": "ASC"}, ["safran", "argan", "dattes", "couscous"]),
    ({"field": "TYPE", "direction": "ASC"}, ["argan", "couscous", "dattes", "safran"]),
])
def test_sorting_by_saleors_fields(catalog, graphql_data, sort_by, expected):
    assert slugs(graphql_data, sortBy=sort_by) == expected


@needs_icu
def test_names_sort_as_people_read_them_not_by_bytes(channel, cooperative, graphql_data):
    for slug, name in (("z", "Zaatar"), ("e", "Épeautre"), ("a", "amandes")):
        make_listed_product(channel=channel, cooperative=cooperative, slug=slug, name=name)

    assert slugs(graphql_data, sortBy={"field": "NAME", "direction": "ASC"}) == ["a", "e", "z"]


def test_sorting_by_last_modification_follows_the_latest_save(catalog, graphql_data):
    catalog["saffron"].seo_title = "Safran pur de Taliouine"
    catalog["saffron"].save()

    assert slugs(graphql_data, sortBy={"field": "LAST_MODIFIED_AT", "direction": "ASC"}) == [
        "argan", "dattes", "couscous", "safran"]
