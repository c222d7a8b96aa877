"""Relay global IDs: Saleor's encoding, and clean errors for anything malformed."""
from __future__ import annotations

import base64

import pytest
from graphql import GraphQLError

from backend.graphql.core.ids import (
    decode_global_id,
    from_global_id_or_error,
    global_ids_to_pks,
    to_global_id,
)


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def test_a_global_id_is_base64_of_type_colon_pk_as_saleor_writes_it():
    assert to_global_id("Product", 12) == "UHJvZHVjdDoxMg=="
    assert base64.b64decode("UHJvZHVjdDoxMg==") == b"Product:12"


def test_a_global_id_decodes_back_to_its_type_and_integer_pk():
    assert decode_global_id(to_global_id("ProductVariant", 7)) == ("ProductVariant", 7)


@pytest.mark.parametrize("value", [
    "", "garbage", "UHJvZHVjdA==", b64("Product:abc"), b64("Product:-1"), b64(":1"),
    b64("Product:"), "\x00", b64("Product:1\x00"), b64("Product:99999999999999999999"),
    b64("Pro duct:1"), "UHJvZHVjdDoxMg", None, 12, b64("Product:١٢"),
])
def test_malformed_ids_are_rejected_before_reaching_the_database(value):
    with pytest.raises(ValueError):
        decode_global_id(value)


def test_a_malformed_id_gives_saleors_invalid_id_message():
    with pytest.raises(GraphQLError) as error:
        from_global_id_or_error("garbage", "Product")

    assert error.value.message == "Invalid ID: garbage. Expected: Product."


def test_a_nul_character_in_an_id_is_shown_escaped_in_the_message():
    with pytest.raises(GraphQLError) as error:
        from_global_id_or_error("ab\x00c", "Product")

    assert error.value.message == "Invalid ID: ab\\x00c. Expected: Product."


def test_an_id_of_another_type_gives_no_pk_unless_asked_to_raise():
    category_id = to_global_id("Category", 3)

    assert from_global_id_or_error(category_id, "Product") == ("Category", None)
    with pytest.raises(GraphQLError) as error:
        from_global_id_or_error(category_id, "Product", raise_error=True)
    assert error.value.message == (
        f"Invalid ID: {category_id}. Expected: Product, received: Category.")


def test_a_list_of_ids_keeps_the_pks_of_the_right_type_and_skips_the_others():
    ids = [to_global_id("Category", 1), to_global_id("Product", 2), to_global_id("Category", 5)]

    assert global_ids_to_pks(ids, "Category") == [1, 5]


def test_a_list_with_a_malformed_id_is_an_error_naming_it():
    with pytest.raises(GraphQLError) as error:
        global_ids_to_pks([to_global_id("Category", 1), "bad", ""], "Category")

    assert error.value.message == (
        "Could not resolve to a node with the global id list of '['bad', '']'.")
