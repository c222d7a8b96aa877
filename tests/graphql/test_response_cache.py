"""Anonymous catalog reads on /graphql/ are answered from the cache until the catalog changes."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.accounts.jwt import create_access_token
from catalog.services.stock import BulkRow, stock_update, variants_bulk_update_stock_and_prices
from tests.factories.catalog import UserFactory, make_listed_product

pytestmark = pytest.mark.django_db

PRODUCTS = """query Products($channel: String) {
  products(first: 10, channel: $channel) {
    edges { node { name variants { quantityAvailable
      pricing { price { gross { amount } } } } } }
  }
}"""


def _post(client, query: str, variables: dict | None = None, **headers):
    response = client.post("/graphql/", json.dumps({"query": query, "variables": variables or {}}),
                           content_type="application/json", **headers)
    assert response.status_code == 200, response.content
    return response


def _first_variant(response) -> dict:
    return response.json()["data"]["products"]["edges"][0]["node"]["variants"][0]


def test_a_second_anonymous_listing_costs_no_query_and_a_price_change_shows_at_once(
        client, channel, cooperative):
    product = make_listed_product(channel=channel, cooperative=cooperative, price="60.00")
    variables = {"channel": channel.slug}
    first = _post(client, PRODUCTS, variables)
    assert first["X-GraphQL-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = _post(client, PRODUCTS, variables)
    assert second["X-GraphQL-Cache"] == "hit" and len(queries) == 0
    assert second.json() == first.json()

    variants_bulk_update_stock_and_prices(
        cooperative_id=cooperative.pk, channel_id=channel.pk,
        rows=[BulkRow(variant_id=product.default_variant.pk, quantity=10,
                      price=Decimal("75.00"))])
    third = _post(client, PRODUCTS, variables)
    assert third["X-GraphQL-Cache"] == "miss"
    assert _first_variant(third)["pricing"]["price"]["gross"]["amount"] == 75.0

    stock_update(cooperative_id=cooperative.pk, variant_id=product.default_variant.pk,
                 quantity=0)
    assert _first_variant(_post(client, PRODUCTS, variables))["quantityAvailable"] == 0


def test_callers_with_a_token_personal_fields_and_mutations_are_never_cached(
        client, channel, cooperative):
    make_listed_product(channel=channel, cooperative=cooperative)
    user = UserFactory()
    token = create_access_token(user)
    # either header a client may send its token in (Saleor's ``Authorization-Bearer`` too)
    for bearer in ({"HTTP_AUTHORIZATION": f"Bearer {token}"},
                   {"HTTP_AUTHORIZATION_BEARER": token}):
        for _ in range(2):
            assert "X-GraphQL-Cache" not in _post(client, PRODUCTS, {"channel": channel.slug},
                                                  **bearer)
    me = 'query { me { email } products(first: 1, channel: "%(slug)s") { totalCount } }'
    me = me.replace("%(slug)s", channel.slug)
    for _ in range(2):
        assert "X-GraphQL-Cache" not in _post(client, me)
    mutation = 'mutation { tokenCreate(email: "x@example.com", password: "y") { token } }'
    for _ in range(2):
        assert "X-GraphQL-Cache" not in _post(client, mutation)


def test_an_answer_with_errors_is_not_kept(client, channel):
    query = 'query { products(first: 1000, channel: "%(slug)s") { totalCount } }'
    query = query.replace("%(slug)s", channel.slug)
    for _ in range(2):
        response = _post(client, query)
        assert response.json()["errors"]
        assert "X-GraphQL-Cache" not in response


def test_the_body_is_decoded_once_per_request_with_or_without_a_token(
        client, channel, cooperative, monkeypatch):
    make_listed_product(channel=channel, cooperative=cooperative)
    body = json.dumps({"query": PRODUCTS, "variables": {"channel": channel.slug}})
    decoded = []
    real_loads = json.loads

    def counting_loads(text, *args, **kwargs):
        if text in (body, body.encode()):
            decoded.append(type(text))
        return real_loads(text, *args, **kwargs)

    monkeypatch.setattr(json, "loads", counting_loads)
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {create_access_token(UserFactory())}"}
    for headers, header in (({}, "miss"), (bearer, None)):
        decoded.clear()
        response = client.post("/graphql/", body, content_type="application/json", **headers)
        assert response.status_code == 200 and response.get("X-GraphQL-Cache") == header
        assert response.json()["data"]["products"]["edges"]
        assert decoded == [str]
