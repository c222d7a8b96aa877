"""The edges: security headers on every answer, a CSRF token in every posted form, body size
limits, and GraphQL's cost limit and page-size cap with Saleor's messages."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.graphql.conftest import gid

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/ar/", "/healthz", "/no-such-page/", "/graphql/"])
def test_every_response_carries_the_security_headers(client, path):
    response = client.get(path, HTTP_ACCEPT="application/json")

    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "object-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp and "https://js.stripe.com" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def _templates() -> list[Path]:
    skip = {".venv", "var", "node_modules", "test-artifacts"}
    return [p for p in ROOT.rglob("templates/**/*.html") if not skip & set(p.parts)]


def test_every_form_that_posts_has_a_csrf_token():
    forms = 0
    missing = []
    for path in _templates():
        text = path.read_text()
        for match in re.finditer(r"<form\b[^>]*\bmethod=[\"']?post[\"']?[^>]*>(.*?)</form>",
                                 text, re.IGNORECASE | re.DOTALL):
            forms += 1
            if "{% csrf_token %}" not in match.group(1):
                missing.append(str(path.relative_to(ROOT)))
    assert forms > 20  # the scan finds the forms (it would pass on none)
    assert missing == []


def test_graphql_stays_csrf_exempt_because_cookies_do_not_authenticate_it(customer):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(customer)
    response = client.post("/graphql/", json.dumps({"query": "{ me { email } }"}),
                           content_type="application/json")

    assert response.status_code == 200
    assert response.json()["data"]["me"] is None  # the session cookie is not a credential


def test_a_body_announced_too_large_is_a_413_before_it_is_read(client, settings):
    settings.MAX_REQUEST_BODY_BYTES = 1000

    response = client.post("/graphql/", json.dumps({"query": "{ shop { name } }",
                                                    "pad": "x" * 2000}),
                           content_type="application/json")

    assert response.status_code == 413
    assert b"too large" in response.content


def test_a_graphql_body_over_the_memory_limit_is_a_413_json_error(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = client.post("/graphql/", json.dumps({"query": "{ shop { name } }",
                                                    "pad": "x" * 2000}),
                           content_type="application/json")

    assert response.status_code == 413
    assert "DATA_UPLOAD_MAX_MEMORY_SIZE" in response.json()["errors"][0]["message"]


def test_a_form_with_too_many_fields_is_a_400(client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10

    response = client.post("/account/login/", {f"f{i}": "x" for i in range(50)})

    assert response.status_code == 400


PRODUCTS = """query($n: Int, $m: Int) { products(first: $n, channel: "maroc") {
  edges { node { id name variants { id } category { products(first: $m) {
  edges { node { id } } } } } } } }"""


def _graphql(client, query, **variables):
    return client.post("/graphql/", json.dumps({"query": query, "variables": variables}),
                       content_type="application/json")


def test_a_query_over_the_cost_limit_is_refused_with_saleors_message(client, settings, product):
    settings.GRAPHQL_QUERY_MAX_COMPLEXITY = 1000

    response = _graphql(client, PRODUCTS, n=100, m=100)  # 100 x 100 nested products

    body = response.json()
    assert "data" not in body or body["data"] is None
    [error] = body["errors"]
    cost = error["extensions"]["cost"]["requestedQueryCost"]
    assert cost > 10_000
    assert error["message"] == (f"The query exceeds the maximum cost of 1000. "
                                f"Actual cost is {cost}")


def test_a_query_under_the_cost_limit_runs(client, settings, product):
    settings.GRAPHQL_QUERY_MAX_COMPLEXITY = 1000

    response = _graphql(client, PRODUCTS, n=5, m=5)

    body = response.json()
    assert "errors" not in body, body
    assert body["data"]["products"]["edges"][0]["node"]["id"] == gid("Product", product.pk)


def test_fragments_are_priced_where_they_are_spread(client, settings):
    settings.GRAPHQL_QUERY_MAX_COMPLEXITY = 500
    query = """query { products(first: 100, channel: "maroc") { ...P } }
      fragment P on ProductCountableConnection { edges { node { id name slug } } }"""

    [error] = _graphql(client, query).json()["errors"]

    assert error["message"].startswith("The query exceeds the maximum cost of 500.")


def test_asking_for_more_than_100_records_answers_saleors_message(client, product):
    response = _graphql(client, PRODUCTS, n=101, m=1)

    [error] = response.json()["errors"]
    assert error["message"] == ("Requesting 101 records on the `products` connection exceeds "
                                "the `first` limit of 100 records.")
