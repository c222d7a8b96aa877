"""The 500s and unhandled errors the campaign found, each pinned by a test."""
from __future__ import annotations

import pytest

from catalog.models import Product
from tests.badinput.conftest import fingerprint, post_graphql
from tests.badinput.corpus import RawJSON, nested_text

pytestmark = pytest.mark.django_db

PRODUCT_UPDATE = """mutation($id: ID!, $input: ProductInput!) {
  productUpdate(id: $id, input: $input) { product { id } errors { field code message } } }"""
PROCESS = """mutation($id: ID!, $data: JSON) {
  transactionProcess(id: $id, data: $data) { errors { field code message } } }"""


def test_a_request_body_nested_thousands_deep_is_a_400_not_a_500(world, error_records):
    before = fingerprint()

    outcome = post_graphql(world.clients["customer"], PROCESS,
                           {"id": world.ids["checkout"], "data": RawJSON(nested_text(5000))},
                           error_records)

    assert outcome.status == 400
    assert outcome.errors_logged == []
    assert fingerprint() == before


@pytest.mark.parametrize("text", ["", "not json", "\x00", nested_text(5000)])
def test_a_description_that_is_not_json_is_the_clients_error_not_an_internal_one(
        world, error_records, text):
    before = fingerprint()

    outcome = post_graphql(world.clients["manager"], PRODUCT_UPDATE,
                           {"id": world.ids["product"], "input": {"description": text}},
                           error_records)

    assert outcome.status in (200, 400)
    [error] = outcome.body["errors"]
    assert error["message"].startswith("Variable '$input' got invalid value")
    assert "JSONString" in error["message"]
    assert outcome.errors_logged == []
    assert fingerprint() == before
    assert Product.objects.get().description == world.objects["product"].description
