"""The endpoint: malformed requests are 400s, unexpected failures never leak internals."""
from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.graphql.api import schema

pytestmark = pytest.mark.django_db


def post(client, body, content_type="application/json"):
    return client.post("/graphql/", body if isinstance(body, str) else json.dumps(body),
                       content_type=content_type)


@pytest.mark.parametrize(("body", "message"), [
    ("{not json", "POST body sent invalid JSON."),
    ({"query": 12}, "The query must be a string."),
    ({"query": "{ shop { name } }", "variables": [1]}, "Variables must be a JSON object."),
    ({"query": "{ shop { name } }", "operationName": 5}, "The operation name must be a string."),
    ({"variables": {}}, "Must provide query string."),
    ([1, 2], "The received data is not a valid JSON query."),
])
def test_malformed_requests_are_answered_with_400_and_a_message(client, body, message):
    response = post(client, body)

    assert response.status_code == 400
    assert response.json() == {"errors": [{"message": message}]}


def test_a_syntax_error_is_a_400_with_the_parsers_message(client):
    response = post(client, {"query": "{ shop { name "})

    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == "Syntax Error: Expected Name, found <EOF>."


def test_a_nul_character_in_the_query_text_finds_nothing_and_does_not_crash(client, channel):
    response = post(client, {"query": '{ product(slug: "a\x00b") { name } }'})

    assert response.status_code == 200
    assert response.json() == {"data": {"product": None}}


def test_an_unexpected_exception_is_reported_without_internals(client, product, monkeypatch):
    def explode(*_args, **_kwargs):
        raise RuntimeError("password=hunter2 at db.internal")

    monkeypatch.setattr(schema.graphql_schema.get_type("Product").fields["rating"],
                        "resolve", explode)

    response = post(client, {"query": "query($slug: String) { product(slug: $slug) "
                                      "{ name rating } }", "variables": {"slug": product.slug}})

    body = response.json()
    assert response.status_code == 200
    assert body["data"] == {"product": {"name": product.name, "rating": None}}
    assert body["errors"] == [{"message": "Internal Server Error",
                               "locations": [{"line": 1, "column": 52}],
                               "path": ["product", "rating"],
                               "extensions": {"exception": {"code": "RuntimeError"}}}]


def test_graphql_errors_keep_their_message_and_say_their_class(client, channel):
    body = post(client, {"query": '{ product(id: "nope") { name } }'}).json()

    assert body["errors"][0]["message"] == "Invalid ID: nope. Expected: Product."
    assert body["errors"][0]["extensions"] == {"exception": {"code": "GraphQLError"}}


def test_get_requests_run_queries_too(client, channel):
    response = client.get("/graphql/", {"query": "{ shop { name } }"},
                          HTTP_ACCEPT="application/json")

    assert response.json() == {"data": {"shop": {"name": "CoopStore"}}}


def test_a_query_nested_beyond_the_depth_limit_is_refused_before_running(client, channel):
    nested = "products(first: 1) { edges { node { category { " * 5
    query = "{ " + nested + "name" + " } } } }" * 5 + " }"

    with CaptureQueriesContext(connection) as queries:
        response = post(client, {"query": query})

    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == (
        "'anonymous' exceeds maximum operation depth of 16.")
    assert len(queries) == 0


def test_introspection_is_not_limited_by_depth(client):
    from graphql import get_introspection_query

    response = post(client, {"query": get_introspection_query()})

    assert response.status_code == 200
    assert response.json()["data"]["__schema"]["queryType"]["name"] == "Query"


HOSTILE = "\x00'; DROP TABLE catalog_product; --\u202e"


@pytest.mark.parametrize(("query", "variables"), [
    ('query($s: String) { products(first: 5, search: $s) { totalCount } }', {"s": HOSTILE}),
    ('query($s: String) { products(first: 5, channel: $s) { totalCount } }', {"s": HOSTILE}),
    ('query($s: [String!]) { products(first: 5, filter: {slugs: $s, labels: $s}) '
     '{ totalCount } }', {"s": [HOSTILE]}),
    ('query($s: String) { products(first: 5, where: {name: {eq: $s}, slug: {oneOf: [$s]}}) '
     '{ totalCount } }', {"s": HOSTILE}),
    ('query($s: String!) { products(first: 5, filter: {metadata: [{key: $s, value: $s}]}) '
     '{ totalCount } }', {"s": HOSTILE}),
    ('query($s: ID!) { products(first: 5, filter: {categories: [$s]}) { totalCount } }',
     {"s": HOSTILE}),
    ('query($s: String) { products(first: 5, after: $s) { totalCount } }', {"s": HOSTILE}),
    ('query($s: String) { categories(first: 5, filter: {search: $s, slugs: [$s]}) '
     '{ totalCount } }', {"s": HOSTILE}),
    ('query($s: String) { cooperatives(first: 5, filter: {search: $s, region: $s}) '
     '{ totalCount } }', {"s": HOSTILE}),
    ('query($s: String) { productVariant(sku: $s) { id } }', {"s": HOSTILE}),
    ('query($s: ID) { productVariant(id: $s) { id } }', {"s": HOSTILE}),
    ('query($s: String) { region(code: $s) { id } }', {"s": HOSTILE}),
    ('query($s: String) { category(slug: $s) { id } }', {"s": HOSTILE}),
    ('query($s: String) { cooperative(slug: $s) { id } }', {"s": HOSTILE}),
    ('query($s: ID!) { product(slug: "x") { mediaById(id: $s) { id } } }', {"s": HOSTILE}),
    ('{ products(first: 5, filter: {price: {gte: 1e300, lte: -1e300}}) { totalCount } }', {}),
    ('{ products(first: 5, where: {price: {range: {gte: 1e300}}}) { totalCount } }', {}),
    ('{ categories(first: 5, level: -2147483648) { totalCount } }', {}),
])
def test_hostile_inputs_never_cause_a_server_error(client, product, query, variables):
    response = post(client, {"query": query, "variables": variables})

    assert response.status_code in (200, 400)
    assert "Internal Server Error" not in response.content.decode()
