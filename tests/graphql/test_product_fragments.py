"""Listed products answered from their stored result (catalog/graphql/fragments.py): a change to
one product recomputes that product alone, every answer equals the one computed from scratch,
and nothing personal, failed or holding other products is ever stored."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.accounts.jwt import create_access_token
from backend.graphql.documents import validations
from catalog.cache import (
    catalog_pages_new_version,
    catalog_products_changed,
    product_version_key,
)
from catalog.models import Category, Product, ProductVariantChannelListing
from catalog.services.stock import stock_update
from tests.factories.catalog import CategoryFactory, UserFactory, make_listed_product

pytestmark = pytest.mark.django_db

NODE = """id name slug category { name }
  variants { id quantityAvailable pricing { price { gross { amount } } } }"""
LISTING = f"""query($channel: String, $first: Int) {{
  products(first: $first, channel: $channel) {{ totalCount
    edges {{ __typename cursor node {{ {NODE} }} }} pageInfo {{ hasNextPage endCursor }} }} }}"""


def _post(client, query: str, variables: dict | None = None, **headers) -> dict:
    response = client.post("/graphql/", json.dumps({"query": query, "variables": variables or {}}),
                           content_type="application/json", **headers)
    assert response.status_code == 200, response.content
    return response.json()


def _answers_dropped() -> None:
    """The whole answers go (another product changed), the stored products stay."""
    catalog_products_changed([0])


def _from_scratch(client, query: str, variables: dict, **headers) -> dict:
    """The answer with every stored answer and product dropped."""
    catalog_pages_new_version()
    return _post(client, query, variables, **headers)


def _counted(client, query: str, variables: dict, **headers) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as queries:
        body = _post(client, query, variables, **headers)
    return len(queries), body


@pytest.fixture
def listing(channel, cooperative):
    category = CategoryFactory(name="Huiles")
    products = [make_listed_product(channel=channel, cooperative=cooperative, category=category,
                                    name=f"Huile {index}", slug=f"huile-{index:02d}",
                                    variants=2)
                for index in range(12)]
    return products


def test_stored_products_answer_exactly_as_computed_and_cost_two_queries(
        client, channel, listing):
    variables = {"channel": channel.slug, "first": 10}
    fresh = _from_scratch(client, LISTING, variables)
    assert "errors" not in fresh and len(fresh["data"]["products"]["edges"]) == 10
    _answers_dropped()
    queries, stored = _counted(client, LISTING, variables)
    assert stored == fresh
    # the page's keys and cursors, the count (the channels are kept per process): no product
    # row, variant or price
    assert queries == 2
    # another page of the same query: the products already stored are reused
    _answers_dropped()
    wider = {"channel": channel.slug, "first": 12}
    queries, page = _counted(client, LISTING, wider)
    assert page == _from_scratch(client, LISTING, wider)
    assert queries > 3  # two products were not stored yet: loaded


def test_a_changed_product_alone_is_recomputed(client, channel, listing):
    variables = {"channel": channel.slug, "first": 10}
    _from_scratch(client, LISTING, variables)
    _answers_dropped()
    _, baseline = _counted(client, LISTING, variables)
    changed = listing[3]
    Product.objects.filter(pk=changed.pk).update(name="Huile renommée")
    catalog_products_changed([changed.pk])  # what every write path says (signal or service)
    queries, body = _counted(client, LISTING, variables)
    names = [edge["node"]["name"] for edge in body["data"]["products"]["edges"]]
    assert names[3] == "Huile renommée"
    assert body == _from_scratch(client, LISTING, variables)
    assert queries > 2  # that product was loaded...
    _answers_dropped()
    assert _counted(client, LISTING, variables)[0] == 2  # ...and is stored again
    assert baseline["data"]["products"]["edges"][4] == body["data"]["products"]["edges"][4]


def test_price_stock_and_name_saves_show_at_once(client, channel, cooperative, listing):
    variables = {"channel": channel.slug, "first": 10}
    _from_scratch(client, LISTING, variables)
    product = listing[0]
    variant = product.variants.order_by("pk").first()
    price = ProductVariantChannelListing.objects.get(variant=variant, channel=channel)
    price.price_amount = Decimal("99.00")
    price.save()  # the signal drops this product's stored answer
    stock_update(cooperative_id=cooperative.pk, variant_id=variant.pk, quantity=0)
    product.name = "Huile d'argan"
    product.save()
    body = _post(client, LISTING, variables)
    node = body["data"]["products"]["edges"][0]["node"]
    assert node["name"] == "Huile d'argan"
    assert node["variants"][0]["pricing"]["price"]["gross"]["amount"] == 99.0
    assert node["variants"][0]["quantityAvailable"] == 0
    assert body == _from_scratch(client, LISTING, variables)


def test_a_category_change_recomputes_every_product(client, channel, listing):
    variables = {"channel": channel.slug, "first": 10}
    _from_scratch(client, LISTING, variables)
    category = Category.objects.get(name="Huiles")
    category.name = "Huiles du terroir"
    category.save()  # not one product's row: the shared token changes
    body = _post(client, LISTING, variables)
    assert {edge["node"]["category"]["name"] for edge in body["data"]["products"]["edges"]} == {
        "Huiles du terroir"}


def test_a_lost_version_counts_as_a_change(client, channel, listing):
    """A product version evicted from the cache: its stored answer is not trusted."""
    variables = {"channel": channel.slug, "first": 10}
    _from_scratch(client, LISTING, variables)
    target = listing[1]
    Product.objects.filter(pk=target.pk).update(name="Sans signal")  # nothing told
    cache.delete(product_version_key(target.pk))
    _answers_dropped()
    body = _post(client, LISTING, variables)
    assert body["data"]["products"]["edges"][1]["node"]["name"] == "Sans signal"


def test_callers_with_a_token_are_never_answered_from_stored_products(client, channel, listing):
    variables = {"channel": channel.slug, "first": 10}
    _from_scratch(client, LISTING, variables)
    token = create_access_token(UserFactory())
    _answers_dropped()
    queries, body = _counted(client, LISTING, variables, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert queries > 5 and "errors" not in body
    Product.objects.filter(pk=listing[0].pk).update(name="Vu par le client")
    _answers_dropped()
    body = _post(client, LISTING, variables, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert body["data"]["products"]["edges"][0]["node"]["name"] == "Vu par le client"


def test_other_products_errors_and_aliases_are_not_stored(client, channel, listing):
    variables = {"channel": channel.slug, "first": 5}
    # a node holding other products (its category's): their changes would not show
    nested = """query($channel: String, $first: Int) { products(first: $first, channel: $channel) {
      edges { node { name category { products(first: 3, channel: $channel) {
        edges { node { name } } } } } } } }"""
    _from_scratch(client, nested, variables)
    Product.objects.filter(pk=listing[1].pk).update(name="Voisine")
    catalog_products_changed([listing[1].pk])
    body = _post(client, nested, variables)
    inner = body["data"]["products"]["edges"][0]["node"]["category"]["products"]["edges"]
    assert inner[1]["node"]["name"] == "Voisine"

    # a node whose completion failed (staff-only field): the error comes back every time
    private = """query($channel: String, $first: Int) { products(first: $first, channel: $channel)
      { edges { node { name privateMetafield(key: "x") } } } }"""
    first = _from_scratch(client, private, variables)
    assert first["errors"] and first["data"]["products"]["edges"][0]["node"] == {
        "name": "Huile 0", "privateMetafield": None}
    _answers_dropped()
    assert _post(client, private, variables) == first

    # the same edges asked twice under aliases: each keeps its own selection
    aliased = """query($channel: String, $first: Int) { products(first: $first, channel: $channel)
      { edges { a: node { name } b: node { slug } } } }"""
    fresh = _from_scratch(client, aliased, variables)
    _answers_dropped()
    assert _post(client, aliased, variables) == fresh
    edge = fresh["data"]["products"]["edges"][0]
    assert edge == {"a": {"name": "Huile 0"}, "b": {"slug": "huile-00"}}


def test_languages_and_variables_have_their_own_stored_products(client, channel, listing):
    from catalog.models import ProductTranslation

    ProductTranslation.objects.create(product=listing[0], language_code="ar", name="زيت")
    query = """query($channel: String, $lang: LanguageCodeEnum!) {
      products(first: 3, channel: $channel) { edges { node {
        name translation(languageCode: $lang) { name } } } } }"""
    arabic = _from_scratch(client, query, {"channel": channel.slug, "lang": "AR"})
    _answers_dropped()
    english = _post(client, query, {"channel": channel.slug, "lang": "EN"})
    assert arabic["data"]["products"]["edges"][0]["node"]["translation"]["name"] == "زيت"
    assert english["data"]["products"]["edges"][0]["node"]["translation"] is None
    _answers_dropped()
    assert _post(client, query, {"channel": channel.slug, "lang": "AR"}) == arabic


def test_validation_is_kept_per_query_and_variables(client, channel, listing, settings):
    """A kept validation never lets a costlier request through: the cost limit prices
    ``first: $first`` with each request's variables."""
    validations.clear()
    settings.GRAPHQL_QUERY_MAX_COMPLEXITY = 200
    small = _post(client, LISTING, {"channel": channel.slug, "first": 2})
    assert "errors" not in small
    refused = client.post("/graphql/", json.dumps({"query": LISTING, "variables": {
        "channel": channel.slug, "first": 100}}), content_type="application/json")
    assert refused.status_code == 400
    assert "exceeds the maximum cost" in refused.json()["errors"][0]["message"]
    assert "errors" not in _post(client, LISTING, {"channel": channel.slug, "first": 2})


def test_an_executor_that_cannot_answer_stored_nodes_never_gets_them(client, channel, listing,
                                                                      rf):
    """graphql-core's own executor (a script, a test) runs every field: no stored node."""
    from django.contrib.auth.models import AnonymousUser
    from graphene_django.settings import graphene_settings

    variables = {"channel": channel.slug, "first": 10}
    fresh = _from_scratch(client, LISTING, variables)
    _answers_dropped()
    request = rf.post("/graphql/")
    request.user = AnonymousUser()
    result = graphene_settings.SCHEMA.execute(LISTING, variable_values=variables,
                                              context_value=request)
    assert result.errors is None
    assert result.data == fresh["data"]


def test_a_stored_answer_is_byte_for_byte_the_computed_one(client, channel, listing):
    """Stored products are spliced into the answer as JSON text: the bytes equal those of an
    answer computed from scratch, and no placeholder is left behind."""
    body = json.dumps({"query": LISTING, "variables": {"channel": channel.slug, "first": 10}})

    def raw() -> bytes:
        response = client.post("/graphql/", body, content_type="application/json")
        assert response.status_code == 200
        return response.content

    catalog_pages_new_version()
    fresh = raw()
    _answers_dropped()
    stored = raw()
    assert stored == fresh
    assert b"\\u0000" not in stored and json.loads(stored)["data"]["products"]["edges"]


def test_only_this_requests_placeholders_are_replaced():
    from backend.graphql.core.fragments import FragmentRegistry, encode

    found, other = FragmentRegistry(), FragmentRegistry()
    mine = found.placeholder('{"name":"Huile"}')
    foreign = other.placeholder('{"name":"injected"}')
    encoded = encode({"a": mine, "b": foreign, "c": "\x00plain"})
    spliced = json.loads(found.splice(encoded))
    assert spliced["a"] == {"name": "Huile"}
    assert spliced["b"] == foreign and spliced["c"] == "\x00plain"
    assert found.holds_placeholder(encode([mine]))
    assert not found.holds_placeholder(encode([foreign]))
