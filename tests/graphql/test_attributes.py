"""Saleor's attribute reads: products and variants carry typed terroir facts, read through
``attributes``, ``assignedAttributes`` and ``assignedAttribute``, filtered on, and cheap."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.models import Attribute, AttributeValue, ProductType
from tests.factories.attributes import (
    assign,
    assign_own_value,
    assign_variant,
    make_attribute,
    translate_value,
    value_of,
)
from tests.factories.catalog import CooperativeFactory, UserFactory, make_listed_product
from tests.graphql.conftest import gid

pytestmark = pytest.mark.django_db


@pytest.fixture
def terroir() -> ProductType:
    return ProductType.objects.get_or_create(slug="terroir",
                                             defaults={"name": "Produit du terroir"})[0]


@pytest.fixture
def process(terroir) -> Attribute:
    attribute = make_attribute("process", name="Procédé", values=["Pressée à froid", "Brut"],
                               product_type=terroir, translations={"ar": "طريقة التحضير",
                                                                   "en": "Process"})
    translate_value(value_of(attribute, "pressee-a-froid"), "ar", "معصورة على البارد")
    translate_value(value_of(attribute, "pressee-a-froid"), "en", "Cold-pressed")
    return attribute


@pytest.fixture
def packaging(terroir) -> Attribute:
    return make_attribute("packaging", name="Conditionnement", input_type="multiselect",
                          values=["Verre", "Carton", "Tissu"], product_type=terroir)


@pytest.fixture
def harvest_year(terroir) -> Attribute:
    return make_attribute("harvest-year", name="Année de récolte", input_type="numeric",
                          product_type=terroir)


@pytest.fixture
def origin(terroir) -> Attribute:
    return make_attribute("origin", name="Origine", input_type="plain-text",
                          product_type=terroir)


@pytest.fixture
def organic(terroir) -> Attribute:
    return make_attribute("organic", name="Bio", input_type="boolean", product_type=terroir)


@pytest.fixture
def harvested_on(terroir) -> Attribute:
    return make_attribute("harvested-on", name="Récolté le", input_type="date",
                          product_type=terroir)


@pytest.fixture
def volume(terroir) -> Attribute:
    return make_attribute("volume", name="Volume", values=["250 ml", "500 ml"],
                          variant_type=terroir, variant_selection=True, unit="l")


@pytest.fixture
def argan(channel, process, packaging, harvest_year, origin, organic, harvested_on, volume):
    product = make_listed_product(channel=channel, name="Huile d'argan", slug="huile-argan",
                                  variants=2)
    assign(product, process, "pressee-a-froid")
    assign(product, packaging, "verre", "carton")
    assign_own_value(product, harvest_year, name="2025")
    text = assign_own_value(product, origin, plain_text="Douar Tidzi, commune de Smimou")
    translate_value(text, "ar", plain_text="دوار تيدزي، جماعة سميمو")
    assign_own_value(product, organic, boolean=True)
    assign_own_value(product, harvested_on, name="2025-10-12",
                     date_time=datetime(2025, 10, 12, tzinfo=UTC))
    first, second = product.variants.order_by("sort_order", "sku")
    assign_variant(first, volume, "250-ml")
    assign_variant(second, volume, "500-ml")
    return product


ASSIGNED = """query($slug: String!) { product(slug: $slug) {
  assignedAttributes(limit: 50) { __typename attribute { slug name inputType unit withChoices
                                                           translation(languageCode: AR) { name } }
    ... on AssignedPlainTextAttribute { text: value translation(languageCode: AR) }
    ... on AssignedSingleChoiceAttribute { choice: value { name slug
                                                           translation(languageCode: EN) } }
    ... on AssignedMultiChoiceAttribute { choices: value { name slug } }
    ... on AssignedNumericAttribute { number: value }
    ... on AssignedBooleanAttribute { flag: value }
    ... on AssignedDateAttribute { day: value } } } }"""


def test_assigned_attributes_come_typed_in_the_product_types_order(argan, graphql_data):
    data = graphql_data(ASSIGNED, slug=argan.slug)["product"]["assignedAttributes"]

    assert [(a["__typename"], a["attribute"]["slug"]) for a in data] == [
        ("AssignedSingleChoiceAttribute", "process"),
        ("AssignedMultiChoiceAttribute", "packaging"),
        ("AssignedNumericAttribute", "harvest-year"),
        ("AssignedPlainTextAttribute", "origin"),
        ("AssignedBooleanAttribute", "organic"),
        ("AssignedDateAttribute", "harvested-on"),
    ]
    by_slug = {a["attribute"]["slug"]: a for a in data}
    assert by_slug["process"]["choice"] == {"name": "Pressée à froid", "slug": "pressee-a-froid",
                                            "translation": "Cold-pressed"}
    assert by_slug["process"]["attribute"]["translation"] == {"name": "طريقة التحضير"}
    assert by_slug["process"]["attribute"]["withChoices"] is True
    assert by_slug["packaging"]["choices"] == [{"name": "Verre", "slug": "verre"},
                                               {"name": "Carton", "slug": "carton"}]
    assert by_slug["harvest-year"]["number"] == 2025.0
    assert by_slug["harvest-year"]["attribute"]["withChoices"] is False
    assert by_slug["origin"]["text"] == "Douar Tidzi, commune de Smimou"
    assert by_slug["origin"]["translation"] == "دوار تيدزي، جماعة سميمو"
    assert by_slug["organic"]["flag"] is True
    assert by_slug["harvested-on"]["day"] == "2025-10-12"


def test_assigned_attribute_by_slug_and_unknown_slug(argan, graphql_data):
    query = """query($slug: String!) { product(slug: $slug) {
      process: assignedAttribute(slug: "process") {
        ... on AssignedSingleChoiceAttribute { value { slug translation(languageCode: AR) } } }
      missing: assignedAttribute(slug: "no-such-attribute") { attribute { slug } } } }"""
    data = graphql_data(query, slug=argan.slug)["product"]

    assert data == {"process": {"value": {"slug": "pressee-a-froid",
                                          "translation": "معصورة على البارد"}},
                    "missing": None}


def test_a_choice_without_translation_in_that_language_is_null(argan, graphql_data):
    query = """query($slug: String!) { product(slug: $slug) {
      assignedAttribute(slug: "packaging") {
        ... on AssignedMultiChoiceAttribute {
          value(limit: 1) { name translation(languageCode: AR) } } } } }"""
    data = graphql_data(query, slug=argan.slug)["product"]["assignedAttribute"]

    assert data == {"value": [{"name": "Verre", "translation": None}]}


def test_selected_attributes_list_every_type_attribute_with_its_values(argan, graphql_data,
                                                                       packaging):
    other = make_listed_product(channel=argan.channel_listings.first().channel, slug="nu")
    query = """query($slug: String!) { product(slug: $slug) {
      attributes { attribute { slug } values { name slug inputType boolean plainText date
                                                translation(languageCode: EN) { name } } }
      attribute(slug: "packaging") { values { slug } } } }"""
    data = graphql_data(query, slug=argan.slug)["product"]
    bare = graphql_data(query, slug=other.slug)["product"]

    assert [a["attribute"]["slug"] for a in data["attributes"]] == [
        "process", "packaging", "harvest-year", "origin", "organic", "harvested-on"]
    assert data["attributes"][0]["values"] == [{
        "name": "Pressée à froid", "slug": "pressee-a-froid", "inputType": "DROPDOWN",
        "boolean": None, "plainText": None, "date": None,
        "translation": {"name": "Cold-pressed"}}]
    assert data["attributes"][4]["values"][0]["boolean"] is True
    assert data["attributes"][5]["values"][0]["date"] == "2025-10-12"
    assert data["attribute"] == {"values": [{"slug": "verre"}, {"slug": "carton"}]}
    # A product of the same type without values: the attributes are there, empty.
    assert [a["values"] for a in bare["attributes"]] == [[], [], [], [], [], []]


def test_variant_attributes_and_the_variant_selection_scope(argan, graphql_data):
    query = """query($slug: String!) { product(slug: $slug) {
      productVariants(first: 5) { edges { node { sku
        selection: attributes(variantSelection: VARIANT_SELECTION) {
          attribute { slug unit } values { name } }
        others: attributes(variantSelection: NOT_VARIANT_SELECTION) { attribute { slug } }
        assignedAttributes { ... on AssignedSingleChoiceAttribute { value { slug } } } } } }
      productType { slug hasVariants productAttributes { slug }
                    variantAttributes(variantSelection: ALL) { slug }
                    assignedVariantAttributes { attribute { slug } variantSelection } } } }"""
    data = graphql_data(query, slug=argan.slug)["product"]

    nodes = [edge["node"] for edge in data["productVariants"]["edges"]]
    assert [n["selection"] for n in nodes] == [
        [{"attribute": {"slug": "volume", "unit": "LITER"}, "values": [{"name": "250 ml"}]}],
        [{"attribute": {"slug": "volume", "unit": "LITER"}, "values": [{"name": "500 ml"}]}]]
    assert [n["others"] for n in nodes] == [[], []]
    assert [n["assignedAttributes"] for n in nodes] == [[{"value": {"slug": "250-ml"}}],
                                                        [{"value": {"slug": "500-ml"}}]]
    assert data["productType"] == {
        "slug": "terroir", "hasVariants": True,
        "productAttributes": [{"slug": s} for s in ("process", "packaging", "harvest-year",
                                                    "origin", "organic", "harvested-on")],
        "variantAttributes": [{"slug": "volume"}],
        "assignedVariantAttributes": [{"attribute": {"slug": "volume"},
                                       "variantSelection": True}]}


def test_attributes_hidden_from_the_storefront_are_for_staff_only(argan, graphql_data,
                                                                  api_login, origin):
    Attribute.objects.filter(pk=origin.pk).update(visible_in_storefront=False)
    query = """query($slug: String!) { product(slug: $slug) {
      assignedAttributes { attribute { slug } } attributes { attribute { slug } }
      assignedAttribute(slug: "origin") { attribute { slug } } }
      attribute(slug: "origin") { slug } }"""
    shopper = graphql_data(query, slug=argan.slug)

    assert "origin" not in [a["attribute"]["slug"]
                            for a in shopper["product"]["assignedAttributes"]]
    assert "origin" not in [a["attribute"]["slug"] for a in shopper["product"]["attributes"]]
    assert shopper["product"]["assignedAttribute"] is None
    assert shopper["attribute"] is None

    api_login(UserFactory(email="admin@coopstore.ma", is_staff=True))
    staff = graphql_data(query, slug=argan.slug)
    assert staff["product"]["assignedAttribute"] == {"attribute": {"slug": "origin"}}
    assert staff["attribute"] == {"slug": "origin"}


def test_assigned_attributes_limit_must_be_positive(argan, graphql):
    body = graphql('query($slug: String!) { product(slug: $slug) { '
                   'assignedAttributes(limit: 0) { attribute { slug } } } }', slug=argan.slug)

    assert [error["message"] for error in body["errors"]] == [
        "Expected a positive integer, got: 0."]


# --- root queries ---------------------------------------------------------------------------

def test_attribute_by_id_slug_with_its_choices(process, graphql_data):
    query = """query($id: ID, $slug: String) { attribute(id: $id, slug: $slug) {
      id slug name type inputType valueRequired visibleInStorefront
      choices(first: 10) { totalCount edges { node { name slug inputType } } }
      first: choices(first: 1, sortBy: {field: NAME, direction: DESC}) { edges { node { slug } } }
      searched: choices(first: 5, search: "froid") { edges { node { slug } } }
      where: choices(first: 5, where: {slug: {eq: "brut"}}) { edges { node { slug } } } } }"""
    by_slug = graphql_data(query, slug="process")["attribute"]
    by_id = graphql_data(query, id=gid("Attribute", process.pk))["attribute"]

    assert by_slug == by_id
    assert by_slug["type"] == "PRODUCT_TYPE"
    assert by_slug["inputType"] == "DROPDOWN"
    assert by_slug["choices"] == {"totalCount": 2, "edges": [
        {"node": {"name": "Pressée à froid", "slug": "pressee-a-froid", "inputType": "DROPDOWN"}},
        {"node": {"name": "Brut", "slug": "brut", "inputType": "DROPDOWN"}}]}
    assert by_slug["first"]["edges"] == [{"node": {"slug": "pressee-a-froid"}}]
    assert by_slug["searched"]["edges"] == [{"node": {"slug": "pressee-a-froid"}}]
    assert by_slug["where"]["edges"] == [{"node": {"slug": "brut"}}]


@pytest.mark.parametrize("arguments, message", [
    ("", "At least one of arguments is required: 'id', 'slug', 'external_reference'."),
    ('id: "bm90LWFuLWlk", slug: "process"',
     "Argument 'id' cannot be combined with 'slug'"),
])
def test_attribute_needs_exactly_one_lookup(process, graphql, arguments, message):
    body = graphql(f"{{ attribute{f'({arguments})' if arguments else ''} {{ slug }} }}")

    assert [e["message"] for e in body["errors"]] == [message]


@pytest.mark.parametrize("value", ["saf\x00ran", "x" * 5000])
def test_attribute_bad_slugs_find_nothing(process, graphql_data, value):
    assert graphql_data("query($s: String) { attribute(slug: $s) { slug } }",
                        s=value)["attribute"] is None


def test_attribute_id_of_another_type_is_null_and_garbage_is_an_error(process, graphql):
    product_id = gid("Product", process.pk)
    assert graphql(f'{{ attribute(id: "{product_id}") {{ slug }} }}')["data"]["attribute"] is None
    body = graphql('{ attribute(id: "garbage") { slug } }')
    assert body["errors"][0]["message"].startswith("Invalid ID: garbage.")


def test_attributes_list_filter_and_where(process, packaging, harvest_year, volume,
                                          graphql_data):
    query = """query($filter: AttributeFilterInput, $where: AttributeWhereInput,
                     $search: String) {
      attributes(first: 20, filter: $filter, where: $where, search: $search) {
        totalCount edges { node { slug } } } }"""

    def slugs(**variables):
        data = graphql_data(query, **variables)["attributes"]
        assert data["totalCount"] == len(data["edges"])
        return [e["node"]["slug"] for e in data["edges"]]

    assert slugs() == ["harvest-year", "packaging", "process", "volume"]
    assert slugs(where={"withChoices": False}) == ["harvest-year"]
    assert slugs(where={"inputType": {"oneOf": ["MULTISELECT", "NUMERIC"]}}) == [
        "harvest-year", "packaging"]
    assert slugs(where={"OR": [{"slug": {"eq": "volume"}}, {"name": {"eq": "Procédé"}}]}) == [
        "process", "volume"]
    assert slugs(where={"unit": {"eq": "LITER"}}) == ["volume"]
    assert slugs(filter={"isVariantOnly": True}) == ["volume"]
    assert slugs(filter={"slugs": ["process", "nope\x00"]}) == ["process"]
    assert slugs(search="طريقة") == ["process"]  # the Arabic name is searched too
    assert slugs(search="pack") == ["packaging"]


def test_attributes_in_a_category_are_those_its_products_use(argan, graphql_data, terroir):
    make_attribute("fibre", product_type=ProductType.objects.create(slug="tapis", name="Tapis"))
    query = """query($id: ID) { attributes(first: 20, where: {inCategory: $id}) {
      edges { node { slug } } } }"""
    data = graphql_data(query, id=gid("Category", argan.category_id))["attributes"]

    slugs = [e["node"]["slug"] for e in data["edges"]]
    assert "fibre" not in slugs
    assert {"process", "volume", "origin"} <= set(slugs)


def test_attributes_sort_by_name_descending(process, packaging, graphql_data):
    data = graphql_data("""{ attributes(first: 5, sortBy: {field: NAME, direction: DESC}) {
      edges { node { name } } } }""")["attributes"]

    assert [e["node"]["name"] for e in data["edges"]] == ["Procédé", "Conditionnement"]


# --- filtering products by attributes -------------------------------------------------------

@pytest.fixture
def three_oils(channel, process, harvest_year, organic, volume):
    """argan: cold-pressed 2025 organic; olive: raw 2023; amlou: nothing."""
    argan = make_listed_product(channel=channel, slug="argan", variants=2)
    olive = make_listed_product(channel=channel, slug="olive")
    make_listed_product(channel=channel, slug="amlou")
    assign(argan, process, "pressee-a-froid")
    assign(olive, process, "brut")
    assign_own_value(argan, harvest_year, name="2025", slug="argan-2025")
    assign_own_value(olive, harvest_year, name="2023", slug="olive-2023")
    assign_own_value(argan, organic, boolean=True, slug="argan-bio")
    assign_variant(olive.variants.first(), volume, "500-ml")
    return argan, olive


PRODUCTS = """query($filter: ProductFilterInput, $where: ProductWhereInput) {
  products(first: 20, channel: "maroc", filter: $filter, where: $where) {
    edges { node { slug } } } }"""


def _slugs(graphql_data, **variables) -> list[str]:
    data = graphql_data(PRODUCTS, **variables)["products"]
    return sorted(e["node"]["slug"] for e in data["edges"])


@pytest.mark.parametrize("attributes, expected", [
    ([{"slug": "process", "values": ["pressee-a-froid"]}], ["argan"]),
    ([{"slug": "process", "values": ["pressee-a-froid", "brut"]}], ["argan", "olive"]),
    ([{"slug": "process", "values": ["brut"]}, {"slug": "organic", "boolean": True}], []),
    ([{"slug": "organic", "boolean": True}], ["argan"]),
    ([{"slug": "harvest-year", "valuesRange": {"gte": 2024}}], ["argan"]),
    ([{"slug": "harvest-year", "valuesRange": {"lte": 2024}}], ["olive"]),
    ([{"slug": "volume", "values": ["500-ml"]}], ["olive"]),  # a variant's value counts
    ([{"slug": "process", "values": ["nope\x00"]}], []),
    ([{"slug": "pro\x00cess", "values": ["brut"]}], []),
])
def test_products_filter_by_attributes(three_oils, graphql_data, attributes, expected):
    assert _slugs(graphql_data, filter={"attributes": attributes}) == expected


@pytest.mark.parametrize("attributes, expected", [
    ([{"slug": "process", "value": {"slug": {"eq": "brut"}}}], ["olive"]),
    ([{"slug": "process", "value": {"slug": {"oneOf": ["brut", "pressee-a-froid"]}}}],
     ["argan", "olive"]),
    ([{"slug": "process", "value": {"name": {"eq": "Pressée à froid"}}}], ["argan"]),
    ([{"slug": "harvest-year", "value": {"numeric": {"range": {"gte": 2024}}}}], ["argan"]),
    ([{"slug": "harvest-year", "value": {"numeric": {"eq": 2023}}}], ["olive"]),
    ([{"slug": "organic", "value": {"boolean": True}}], ["argan"]),
    ([{"slug": "process"}], ["argan", "olive"]),
    ([{"value": {"slug": {"eq": "brut"}}}], ["olive"]),
    ([{"slug": "no-such-attribute"}], []),
])
def test_products_where_attributes(three_oils, graphql_data, attributes, expected):
    assert _slugs(graphql_data, where={"attributes": attributes}) == expected


def test_where_attributes_combine_with_or(three_oils, graphql_data):
    where = {"OR": [{"attributes": [{"slug": "organic", "value": {"boolean": True}}]},
                    {"attributes": [{"slug": "volume", "value": {"slug": {"eq": "500-ml"}}}]}]}

    assert _slugs(graphql_data, where=where) == ["argan", "olive"]


# --- query counts ---------------------------------------------------------------------------

LISTING = """query($first: Int!) { products(first: $first, channel: "maroc") {
  edges { node { slug
    assignedAttributes { attribute { slug name translation(languageCode: AR) { name } }
      ... on AssignedSingleChoiceAttribute { choice: value { name translation(languageCode: AR) } }
      ... on AssignedMultiChoiceAttribute { choices: value { name } }
      ... on AssignedNumericAttribute { number: value } }
    attributes { attribute { slug } values { name translation(languageCode: EN) { name } } }
    productType { productAttributes { slug } }
    variants { attributes { attribute { slug } values { name } } }
  } } } }"""


def _attributed_products(channel, count, process, packaging, harvest_year, volume):
    for _index in range(count):
        product = make_listed_product(channel=channel, cooperative=CooperativeFactory(),
                                      variants=2)
        assign(product, process, "pressee-a-froid")
        assign(product, packaging, "verre", "tissu")
        assign_own_value(product, harvest_year, name="2024")
        for variant in product.variants.all():
            assign_variant(variant, volume, "250-ml")


def test_products_first_100_with_attributes_cost_the_same_queries_as_first_10(
        channel, graphql_data, process, packaging, harvest_year, volume):
    _attributed_products(channel, 10, process, packaging, harvest_year, volume)
    with CaptureQueriesContext(connection) as small:
        small_data = graphql_data(LISTING, first=10)
    _attributed_products(channel, 90, process, packaging, harvest_year, volume)
    with CaptureQueriesContext(connection) as large:
        large_data = graphql_data(LISTING, first=100)

    assert len(small_data["products"]["edges"]) == 10
    assert len(large_data["products"]["edges"]) == 100
    node = large_data["products"]["edges"][-1]["node"]
    assert [a["attribute"]["slug"] for a in node["assignedAttributes"]] == [
        "process", "packaging", "harvest-year"]
    assert node["variants"][0]["attributes"][0]["values"] == [{"name": "250 ml"}]
    assert len(large) == len(small)


def test_a_listing_without_attributes_costs_no_attribute_query(channel, graphql_data,
                                                               process):
    make_listed_product(channel=channel)
    with CaptureQueriesContext(connection) as queries:
        graphql_data('{ products(first: 5, channel: "maroc") { edges { node { slug } } } }')

    assert not [q for q in queries.captured_queries if "catalog_attribute" in q["sql"]]


def test_attribute_values_keep_their_rows(process):
    """The factory builds what the tests above read (a guard on the fixtures)."""
    assert list(AttributeValue.objects.filter(attribute=process).values_list("slug", flat=True)
                ) == ["pressee-a-froid", "brut"]


def test_product_type_and_product_types_with_their_attributes(argan, terroir, graphql_data):
    query = """query($id: ID!) { productType(id: $id) { slug name hasVariants
      productAttributes { slug } assignedVariantAttributes { attribute { slug } } }
      productTypes(first: 5) { totalCount edges { node { slug productAttributes { slug } } } } }"""
    data = graphql_data(query, id=gid("ProductType", terroir.pk))

    assert data["productType"]["slug"] == "terroir"
    assert [a["slug"] for a in data["productType"]["productAttributes"]] == [
        "process", "packaging", "harvest-year", "origin", "organic", "harvested-on"]
    assert data["productType"]["assignedVariantAttributes"] == [{"attribute": {"slug": "volume"}}]
    assert data["productTypes"]["totalCount"] == 1
    assert data["productTypes"]["edges"][0]["node"]["slug"] == "terroir"
    assert graphql_data(query, id=gid("Product", terroir.pk))["productType"] is None
