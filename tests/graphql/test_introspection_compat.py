"""Introspection that Saleor's storefront (graphql-js 16 codegen) can read."""
from __future__ import annotations

import json

import pytest


@pytest.mark.django_db
def test_the_deprecated_directive_announces_only_graphql_js_16_locations(client):
    query = '{ __schema { directives { name locations } } }'
    response = client.post("/graphql/", json.dumps({"query": query}),
                           content_type="application/json")
    directives = {d["name"]: d["locations"] for d in response.json()["data"]["__schema"][
        "directives"]}
    assert directives["deprecated"] == ["FIELD_DEFINITION", "ARGUMENT_DEFINITION",
                                        "INPUT_FIELD_DEFINITION", "ENUM_VALUE"]


def test_the_printed_schema_still_parses_with_graphql_core():
    from graphql import build_schema, get_introspection_query, graphql_sync

    from backend.graphql.api import schema

    result = graphql_sync(schema.graphql_schema, get_introspection_query())
    assert result.errors is None
    assert build_schema(str(schema), assume_valid=True).get_type("Page") is not None
