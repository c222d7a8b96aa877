"""schemathesis against the GraphQL schema, in-process: every query and mutation, a few
generated documents each, sent through the real endpoint as each kind of caller.

schemathesis flags any GraphQL ``errors`` entry, which is how our API refuses bad input; so the
judge here is the server's: no HTTP 5xx and no exception logged as unhandled (the endpoint
turns those into "Internal Server Error" entries and logs them at ERROR).
"""
from __future__ import annotations

import json

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.graphql import nodes

from backend.graphql.api import schema
from tests.badinput.conftest import post_graphql
from tests.badinput.report import record

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION = 6


def _register_scalars() -> None:
    """graphene's and Saleor's custom scalars, as schemathesis cannot guess them."""
    decimals = st.one_of(st.integers(-(10**6), 10**12).map(nodes.Int),
                         st.floats(allow_nan=False, allow_infinity=False,
                                   width=32).map(nodes.Float))
    json_values = st.recursive(
        st.none() | st.booleans() | st.integers(-(2**31), 2**31 - 1) | st.text(max_size=20),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                    max_size=3),
        max_leaves=8)
    schemathesis.graphql.scalar("Decimal", decimals)
    schemathesis.graphql.scalar("PositiveDecimal", decimals)
    schemathesis.graphql.scalar("WeightScalar", decimals)
    schemathesis.graphql.scalar("PositiveInt", st.integers(-5, 2**31 - 1).map(nodes.Int))
    schemathesis.graphql.scalar("JSONString", json_values.map(json.dumps).map(nodes.String))
    schemathesis.graphql.scalar("JSON", st.text(max_size=30).map(nodes.String))
    schemathesis.graphql.scalar("Metadata", st.text(max_size=30).map(nodes.String))
    schemathesis.graphql.scalar("GenericScalar", st.text(max_size=30).map(nodes.String))
    schemathesis.graphql.scalar("Upload", st.just(nodes.Null))


_register_scalars()
API = schemathesis.graphql.from_dict(schema.introspect())
OPERATIONS = {op.label: op for op in (result.ok() for result in API.get_all_operations())}


def test_every_query_and_mutation_is_generated():
    fields = schema.graphql_schema.query_type.fields
    mutations = schema.graphql_schema.mutation_type.fields
    assert len(OPERATIONS) == len(fields) + len(mutations)
    assert len(OPERATIONS) > 80


@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_generated_documents_never_cause_a_server_error(label, world, error_records):
    operation = OPERATIONS[label]
    seen: dict[str, list[str]] = {"http_500": [], "unhandled": []}
    tried = []

    @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None,
              derandomize=True, suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy(), role=st.sampled_from(sorted(world.clients)))
    def send(case, role):
        tried.append(1)
        outcome = post_graphql(world.clients[role], case.body, {}, error_records)
        if outcome.status >= 500:
            seen["http_500"].append(f"{role}: {case.body[:300]}")
        for log in outcome.errors_logged:
            error = log.exc_info[1] if log.exc_info else None
            seen["unhandled"].append(f"{role}: {log.getMessage()} {error!r:.200} "
                                     f"for {case.body[:300]}")

    send()
    record("schemathesis", operation=label, inputs=len(tried), http_500=len(seen["http_500"]),
           unhandled_exceptions=len(seen["unhandled"]))
    assert seen == {"http_500": [], "unhandled": []}
