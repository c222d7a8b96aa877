"""updateMetadata / deleteMetadata (and private twins): a customer changes the public metadata
of their own account, addresses and checkout; private metadata is for network admins."""
from __future__ import annotations

import pytest

from backend.accounts.models import Address, User
from backend.orders.models import Checkout
from tests.factories.catalog import UserFactory
from tests.graphql.checkout_helpers import make_checkout
from tests.graphql.conftest import gid

pytestmark = pytest.mark.django_db

ITEM = """item { __typename metadata { key value } metafield(key: "color")
  metafields(keys: ["color"]) ... on User { email } ... on Checkout { token } }"""
UPDATE = f"""mutation($id: ID!, $input: [MetadataInput!]!) {{ updateMetadata(id: $id,
  input: $input) {{ errors {{ field code }} metadataErrors {{ code }} {ITEM} }} }}"""
DELETE = f"""mutation($id: ID!, $keys: [String!]!) {{ deleteMetadata(id: $id, keys: $keys) {{
  errors {{ field code }} {ITEM} }} }}"""
UPDATE_PRIVATE = """mutation($id: ID!, $input: [MetadataInput!]!) { updatePrivateMetadata(
  id: $id, input: $input) { errors { field code }
  item { privateMetadata { key value } privateMetafield(key: "note") } } }"""
DELETE_PRIVATE = """mutation($id: ID!, $keys: [String!]!) { deletePrivateMetadata(id: $id,
  keys: $keys) { errors { field code } item { privateMetadata { key } } } }"""
COLOR = [{"key": "color", "value": "red"}]


@pytest.fixture
def staff(db):
    return UserFactory(email="admin@coopstore.ma", is_staff=True)


def test_a_customer_sets_and_deletes_their_own_account_metadata(graphql, api_login, customer):
    api_login(customer)

    updated = graphql(UPDATE, id=gid("User", customer.pk), input=COLOR)["data"]["updateMetadata"]

    assert updated["errors"] == [] and updated["metadataErrors"] == []
    assert updated["item"] == {"__typename": "User", "metadata": [{"key": "color",
                                                                   "value": "red"}],
                               "metafield": "red", "metafields": {"color": "red"},
                               "email": "amina@example.ma"}
    deleted = graphql(DELETE, id=gid("User", customer.pk), keys=["color", "absent"])
    assert deleted["data"]["deleteMetadata"]["item"]["metadata"] == []
    assert User.objects.get(pk=customer.pk).metadata == {}


def test_a_guest_checkout_is_changed_by_its_token_or_its_id(graphql, channel, saffron_variant):
    cart = make_checkout(channel, [(saffron_variant, 1)])

    by_token = graphql(UPDATE, id=str(cart.token), input=COLOR)["data"]["updateMetadata"]
    by_id = graphql(UPDATE, id=gid("Checkout", cart.token),
                    input=[{"key": "size", "value": "L"}])["data"]["updateMetadata"]

    assert by_token["item"]["__typename"] == "Checkout"
    assert by_token["item"]["token"] == str(cart.token)
    assert by_id["errors"] == []
    assert Checkout.objects.get().metadata == {"color": "red", "size": "L"}


def test_a_customers_address_metadata_is_theirs(graphql, api_login, customer):
    address = Address.objects.create(user=customer, city="AGADIR")
    api_login(customer)

    result = graphql(UPDATE, id=gid("Address", address.pk), input=COLOR)["data"]

    assert result["updateMetadata"]["item"]["__typename"] == "Address"
    assert Address.objects.get().metadata == {"color": "red"}


@pytest.mark.parametrize("whose", ["account", "address"])
def test_another_customers_account_or_address_is_refused_and_unchanged(
        graphql, api_login, customer, other_customer, whose):
    address = Address.objects.create(user=other_customer, city="AGADIR", metadata={"a": "1"})
    other_customer.metadata = {"a": "1"}
    other_customer.save()
    target = gid("User", other_customer.pk) if whose == "account" else gid("Address", address.pk)
    api_login(customer)

    for query, variables in ((UPDATE, {"input": COLOR}), (DELETE, {"keys": ["a"]})):
        body = graphql(query, id=target, **variables)
        assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    assert User.objects.get(pk=other_customer.pk).metadata == {"a": "1"}
    assert Address.objects.get().metadata == {"a": "1"}


def test_an_anonymous_caller_cannot_change_an_account(graphql, customer):
    body = graphql(UPDATE, id=gid("User", customer.pk), input=COLOR)

    assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    assert User.objects.get(pk=customer.pk).metadata == {}


def test_another_customers_checkout_looks_missing_and_is_unchanged(
        graphql, api_login, channel, customer, other_customer, saffron_variant):
    theirs = make_checkout(channel, [(saffron_variant, 1)], user=other_customer)
    api_login(customer)

    for target in (str(theirs.token), gid("Checkout", theirs.token)):
        result = graphql(UPDATE, id=target, input=COLOR)["data"]["updateMetadata"]
        assert [(e["code"], e["field"]) for e in result["errors"]] == [("NOT_FOUND", "id")]
        assert result["item"] is None
    assert Checkout.objects.get().metadata == {}


@pytest.mark.parametrize("entries, code", [
    ([{"key": "", "value": "v"}], "REQUIRED"),
    ([{"key": "  ", "value": "v"}], "REQUIRED"),
    ([{"key": "k\x00", "value": "v"}], "INVALID"),
    ([{"key": "k", "value": "v\x00"}], "INVALID"),
    ([{"key": "k" * 300, "value": "v"}], "INVALID"),
    ([{"key": f"k{i}", "value": "v"} for i in range(101)], "INVALID"),
])
def test_a_bad_item_is_refused_and_nothing_changes(graphql, api_login, customer, entries, code):
    api_login(customer)

    result = graphql(UPDATE, id=gid("User", customer.pk),
                     input=[*COLOR, *entries])["data"]["updateMetadata"]

    assert [(e["code"], e["field"]) for e in result["errors"]] == [(code, "input")]
    assert User.objects.get(pk=customer.pk).metadata == {}


@pytest.mark.parametrize("bad_id, code", [
    ("", "GRAPHQL_ERROR"), ("garbage", "GRAPHQL_ERROR"), ("\x00", "GRAPHQL_ERROR"),
    (gid("Product", 1), "NOT_FOUND"), (gid("Checkout", "not-a-uuid"), "GRAPHQL_ERROR"),
    ("6f1c2a9e-0000-4000-8000-000000000000", "NOT_FOUND")])
def test_a_malformed_or_unknown_id_is_a_clear_error(graphql, api_login, customer, bad_id, code):
    api_login(customer)

    result = graphql(UPDATE, id=bad_id, input=COLOR)["data"]["updateMetadata"]

    assert [(e["code"], e["field"]) for e in result["errors"]] == [(code, "id")]


def test_private_metadata_is_refused_to_customers_even_their_own(graphql, api_login, customer,
                                                                 channel, saffron_variant):
    cart = make_checkout(channel, [(saffron_variant, 1)], user=customer)
    api_login(customer)

    for target in (gid("User", customer.pk), str(cart.token)):
        body = graphql(UPDATE_PRIVATE, id=target, input=[{"key": "note", "value": "x"}])
        assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
        body = graphql(DELETE_PRIVATE, id=target, keys=["note"])
        assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    assert User.objects.get(pk=customer.pk).private_metadata == {}
    assert Checkout.objects.get().private_metadata == {}


def test_a_network_admin_sets_private_metadata_of_customers_and_checkouts(
        graphql, api_login, staff, customer, channel, saffron_variant):
    cart = make_checkout(channel, [(saffron_variant, 1)], user=customer)
    api_login(staff)

    on_user = graphql(UPDATE_PRIVATE, id=gid("User", customer.pk),
                      input=[{"key": "note", "value": "VIP"}])["data"]["updatePrivateMetadata"]
    on_checkout = graphql(UPDATE_PRIVATE, id=gid("Checkout", cart.token),
                          input=[{"key": "note", "value": "gift"}])["data"]
    removed = graphql(DELETE_PRIVATE, id=gid("User", customer.pk), keys=["note"])["data"]

    assert on_user["item"] == {"privateMetadata": [{"key": "note", "value": "VIP"}],
                               "privateMetafield": "VIP"}
    assert on_checkout["updatePrivateMetadata"]["errors"] == []
    assert removed["deletePrivateMetadata"]["item"] == {"privateMetadata": []}
    assert Checkout.objects.get().private_metadata == {"note": "gift"}
    assert User.objects.get(pk=customer.pk).private_metadata == {}


def test_a_customer_reads_no_private_metadata(graphql, api_login, customer):
    customer.private_metadata = {"note": "VIP"}
    customer.save()
    api_login(customer)

    body = graphql("{ me { metadata { key } privateMetadata { key } } }")

    assert "MANAGE_USERS" in body["errors"][0]["message"]
