"""checkoutLinesAdd / Update / Delete and Saleor 3.23's checkoutLineDelete: success, each error
code, and nothing changed on a refusal."""
from __future__ import annotations

import uuid

import pytest

from backend.orders.models import CheckoutLine
from catalog.models import ProductChannelListing
from tests.factories.catalog import make_listed_product
from tests.graphql.checkout_helpers import (
    ERRORS,
    checkout_gid,
    line_gid,
    make_checkout,
    quantities,
    variant_gid,
)
from tests.graphql.conftest import gid

pytestmark = pytest.mark.django_db

LINES = "checkout { id lines { id quantity variant { id } } }"
ADD = f"""mutation($id: ID, $token: UUID, $checkoutId: ID, $lines: [CheckoutLineInput!]!) {{
  checkoutLinesAdd(id: $id, token: $token, checkoutId: $checkoutId, lines: $lines) {{
    {ERRORS} checkoutErrors {{ code }} {LINES} }} }}"""
UPDATE = f"""mutation($id: ID, $lines: [CheckoutLineUpdateInput!]!) {{
  checkoutLinesUpdate(id: $id, lines: $lines) {{ {ERRORS} {LINES} }} }}"""
DELETE = f"""mutation($id: ID, $linesIds: [ID!]!) {{
  checkoutLinesDelete(id: $id, linesIds: $linesIds) {{ {ERRORS} {LINES} }} }}"""
LINE_DELETE = f"""mutation($id: ID, $lineId: ID) {{
  checkoutLineDelete(id: $id, lineId: $lineId) {{ {ERRORS} checkoutErrors {{ code }} {LINES} }}
}}"""


@pytest.fixture
def cart(channel, saffron_variant):
    """A guest checkout with 2 saffron."""
    return make_checkout(channel, [(saffron_variant, 2)])


def _errors(result: dict) -> list[tuple]:
    return [(e["code"], e["field"]) for e in result["errors"]]


# --- checkoutLinesAdd ---------------------------------------------------------------------------


def test_adding_lines_increases_a_line_and_adds_another(graphql, cart, saffron_variant,
                                                       argan_variant):
    result = graphql(ADD, id=checkout_gid(cart), lines=[
        {"variantId": variant_gid(saffron_variant), "quantity": 3},
        {"variantId": variant_gid(argan_variant), "quantity": 1}])["data"]["checkoutLinesAdd"]

    assert result["errors"] == [] and result["checkoutErrors"] == []
    assert [(line["variant"]["id"], line["quantity"]) for line in result["checkout"]["lines"]] == [
        (variant_gid(saffron_variant), 5), (variant_gid(argan_variant), 1)]
    assert quantities(cart) == {saffron_variant.pk: 5, argan_variant.pk: 1}


def test_the_deprecated_token_and_checkout_id_arguments_still_name_the_checkout(
        graphql, cart, saffron_variant):
    line = [{"variantId": variant_gid(saffron_variant), "quantity": 1}]

    by_token = graphql(ADD, token=str(cart.token), lines=line)["data"]["checkoutLinesAdd"]
    by_checkout_id = graphql(ADD, checkoutId=checkout_gid(cart),
                             lines=line)["data"]["checkoutLinesAdd"]

    assert by_token["errors"] == [] and by_checkout_id["errors"] == []
    assert quantities(cart) == {saffron_variant.pk: 4}


@pytest.mark.parametrize(("quantity", "code"), [(0, "ZERO_QUANTITY"),
                                                (9, "INSUFFICIENT_STOCK"),
                                                (49, "QUANTITY_GREATER_THAN_LIMIT")])
def test_a_refused_addition_changes_nothing(graphql, cart, saffron_variant, quantity, code):
    if code == "QUANTITY_GREATER_THAN_LIMIT":
        saffron_variant.stock.quantity = 100
        saffron_variant.stock.save()

    result = graphql(ADD, id=checkout_gid(cart), lines=[
        {"variantId": variant_gid(saffron_variant), "quantity": quantity}])["data"][
        "checkoutLinesAdd"]

    assert [e["code"] for e in result["errors"]] == [code]
    assert result["checkout"] is None
    assert quantities(cart) == {saffron_variant.pk: 2}


def test_adding_a_variant_that_cannot_be_bought_changes_nothing(graphql, channel, cart,
                                                               saffron_variant):
    hidden = make_listed_product(channel=channel).default_variant
    ProductChannelListing.objects.filter(product=hidden.product).update(is_published=False)
    unknown = gid("ProductVariant", 987654)

    result = graphql(ADD, id=checkout_gid(cart), lines=[
        {"variantId": variant_gid(hidden), "quantity": 1},
        {"variantId": unknown, "quantity": 1}])["data"]["checkoutLinesAdd"]

    assert [(e["code"], e["variants"]) for e in result["errors"]] == [
        ("PRODUCT_NOT_PUBLISHED", [variant_gid(hidden)]), ("NOT_FOUND", [unknown])]
    assert quantities(cart) == {saffron_variant.pk: 2}


@pytest.mark.parametrize(("arguments", "code", "field"), [
    ({"id": gid("Checkout", uuid.uuid4())}, "NOT_FOUND", "id"),
    ({"id": "bm9wZQ=="}, "GRAPHQL_ERROR", "id"),
    ({"id": ""}, "GRAPHQL_ERROR", None),
    ({"id": "\x00"}, "GRAPHQL_ERROR", "id"),
    ({"id": gid("Checkout", 1)}, "GRAPHQL_ERROR", "id"),
    ({"id": gid("Order", uuid.uuid4())}, "GRAPHQL_ERROR", "id"),
    ({"token": str(uuid.uuid4())}, "NOT_FOUND", "token"),
    ("both", "GRAPHQL_ERROR", None),
])
def test_an_unknown_or_malformed_checkout_id_is_a_clean_error(graphql, cart, saffron_variant,
                                                              arguments, code, field):
    if arguments == "both":
        arguments = {"id": checkout_gid(cart), "token": str(cart.token)}

    result = graphql(ADD, lines=[{"variantId": variant_gid(saffron_variant), "quantity": 1}],
                     **arguments)["data"]["checkoutLinesAdd"]

    assert _errors(result) == [(code, field)]
    assert quantities(cart) == {saffron_variant.pk: 2}


def test_a_customer_cannot_change_another_customers_checkout(graphql, api_login, channel,
                                                            customer, other_customer,
                                                            saffron_variant):
    theirs = make_checkout(channel, [(saffron_variant, 2)], user=customer)
    api_login(other_customer)

    result = graphql(ADD, id=checkout_gid(theirs), lines=[
        {"variantId": variant_gid(saffron_variant), "quantity": 1}])["data"]["checkoutLinesAdd"]

    assert _errors(result) == [("NOT_FOUND", "id")]
    assert result["errors"][0]["message"] == f"Couldn't resolve to a node: {checkout_gid(theirs)}"
    assert quantities(theirs) == {saffron_variant.pk: 2}


def test_a_guest_cannot_change_a_customers_checkout(graphql, channel, customer,
                                                   saffron_variant):
    theirs = make_checkout(channel, [(saffron_variant, 2)], user=customer)

    result = graphql(ADD, token=str(theirs.token), lines=[
        {"variantId": variant_gid(saffron_variant), "quantity": 1}])["data"]["checkoutLinesAdd"]

    assert _errors(result) == [("NOT_FOUND", "token")]
    assert quantities(theirs) == {saffron_variant.pk: 2}


def test_the_owner_changes_their_checkout(graphql, api_login, channel, customer,
                                          saffron_variant):
    mine = make_checkout(channel, [(saffron_variant, 2)], user=customer)
    api_login(customer)

    result = graphql(ADD, id=checkout_gid(mine), lines=[
        {"variantId": variant_gid(saffron_variant), "quantity": 1}])["data"]["checkoutLinesAdd"]

    assert result["errors"] == []
    assert quantities(mine) == {saffron_variant.pk: 3}


# --- checkoutLinesUpdate ------------------------------------------------------------------------


def test_updating_a_line_by_its_id_sets_its_quantity(graphql, cart, saffron_variant):
    line = cart.lines.get()

    result = graphql(UPDATE, id=checkout_gid(cart), lines=[
        {"lineId": line_gid(line), "quantity": 7}])["data"]["checkoutLinesUpdate"]

    assert result["errors"] == []
    assert result["checkout"]["lines"] == [
        {"id": line_gid(line), "quantity": 7, "variant": {"id": variant_gid(saffron_variant)}}]
    assert quantities(cart) == {saffron_variant.pk: 7}


def test_a_quantity_of_zero_removes_the_line_and_the_deprecated_variant_id_works(
        graphql, cart, saffron_variant):
    result = graphql(UPDATE, id=checkout_gid(cart), lines=[
        {"variantId": variant_gid(saffron_variant), "quantity": 0}])["data"][
        "checkoutLinesUpdate"]

    assert result["errors"] == [] and result["checkout"]["lines"] == []
    assert quantities(cart) == {}


def test_a_line_without_a_quantity_is_left_as_it_is(graphql, cart, saffron_variant):
    line = cart.lines.get()

    result = graphql(UPDATE, id=checkout_gid(cart),
                     lines=[{"lineId": line_gid(line)}])["data"]["checkoutLinesUpdate"]

    assert result["errors"] == []
    assert quantities(cart) == {saffron_variant.pk: 2}


@pytest.mark.parametrize(("quantity", "code"), [(-1, "ZERO_QUANTITY"),
                                                (11, "INSUFFICIENT_STOCK"),
                                                (51, "QUANTITY_GREATER_THAN_LIMIT")])
def test_a_refused_update_changes_nothing(graphql, cart, saffron_variant, quantity, code):
    if code == "QUANTITY_GREATER_THAN_LIMIT":
        saffron_variant.stock.quantity = 100
        saffron_variant.stock.save()
    line = cart.lines.get()

    result = graphql(UPDATE, id=checkout_gid(cart), lines=[
        {"lineId": line_gid(line), "quantity": quantity}])["data"]["checkoutLinesUpdate"]

    assert [e["code"] for e in result["errors"]] == [code]
    assert result["errors"][0]["variants"] == [variant_gid(saffron_variant)]
    assert quantities(cart) == {saffron_variant.pk: 2}


def test_a_line_of_another_checkout_cannot_be_updated(graphql, channel, cart, argan_variant,
                                                      saffron_variant):
    other = make_checkout(channel, [(argan_variant, 1)])
    foreign = line_gid(other.lines.get())

    result = graphql(UPDATE, id=checkout_gid(cart), lines=[
        {"lineId": foreign, "quantity": 5}])["data"]["checkoutLinesUpdate"]

    assert [(e["code"], e["field"], e["lines"]) for e in result["errors"]] == [
        ("INVALID", "lineId", [foreign])]
    assert quantities(cart) == {saffron_variant.pk: 2}
    assert quantities(other) == {argan_variant.pk: 1}


@pytest.mark.parametrize(("line", "code", "field"), [
    ({"lineId": "nope", "quantity": 1}, "GRAPHQL_ERROR", "lineId"),
    ({"lineId": gid("CheckoutLine", 12), "quantity": 1}, "GRAPHQL_ERROR", "lineId"),
    ({"quantity": 1}, "GRAPHQL_ERROR", None),
])
def test_a_malformed_line_id_is_a_clean_error(graphql, cart, saffron_variant, line, code, field):
    result = graphql(UPDATE, id=checkout_gid(cart), lines=[line])["data"]["checkoutLinesUpdate"]

    assert _errors(result) == [(code, field)]
    assert quantities(cart) == {saffron_variant.pk: 2}


# --- checkoutLinesDelete and checkoutLineDelete -------------------------------------------------


def test_deleting_lines_removes_them(graphql, channel, saffron_variant, argan_variant):
    cart = make_checkout(channel, [(saffron_variant, 2), (argan_variant, 1)])
    saffron_line = cart.lines.get(variant=saffron_variant)

    result = graphql(DELETE, id=checkout_gid(cart),
                     linesIds=[line_gid(saffron_line)])["data"]["checkoutLinesDelete"]

    assert result["errors"] == []
    assert [line["variant"]["id"] for line in result["checkout"]["lines"]] == [
        variant_gid(argan_variant)]
    assert quantities(cart) == {argan_variant.pk: 1}


def test_deleting_a_line_that_is_not_in_the_checkout_deletes_nothing(graphql, channel, cart,
                                                                     saffron_variant,
                                                                     argan_variant):
    other = make_checkout(channel, [(argan_variant, 1)])
    mine, foreign = line_gid(cart.lines.get()), line_gid(other.lines.get())

    result = graphql(DELETE, id=checkout_gid(cart),
                     linesIds=[mine, foreign])["data"]["checkoutLinesDelete"]

    assert [(e["code"], e["field"], e["lines"]) for e in result["errors"]] == [
        ("INVALID", "lineIds", [foreign])]
    assert quantities(cart) == {saffron_variant.pk: 2}
    assert CheckoutLine.objects.count() == 2


@pytest.mark.parametrize("line_id", ["", "nope", "\x00", gid("CheckoutLine", 3)])
def test_deleting_a_malformed_line_id_is_a_clean_error(graphql, cart, saffron_variant, line_id):
    result = graphql(DELETE, id=checkout_gid(cart),
                     linesIds=[line_id])["data"]["checkoutLinesDelete"]

    assert _errors(result) == [("GRAPHQL_ERROR", "linesIds")]
    assert quantities(cart) == {saffron_variant.pk: 2}


def test_saleors_deprecated_checkout_line_delete_removes_one_line(graphql, cart):
    result = graphql(LINE_DELETE, id=checkout_gid(cart),
                     lineId=line_gid(cart.lines.get()))["data"]["checkoutLineDelete"]

    assert result["errors"] == [] and result["checkoutErrors"] == []
    assert result["checkout"]["lines"] == []
    assert quantities(cart) == {}


@pytest.mark.parametrize(("line_id", "code"), [(None, "REQUIRED"), ("nope", "GRAPHQL_ERROR")])
def test_checkout_line_delete_without_a_valid_line_changes_nothing(graphql, cart,
                                                                   saffron_variant, line_id,
                                                                   code):
    result = graphql(LINE_DELETE, id=checkout_gid(cart),
                     lineId=line_id)["data"]["checkoutLineDelete"]

    assert _errors(result) == [(code, "lineId")]
    assert quantities(cart) == {saffron_variant.pk: 2}


def test_a_customer_cannot_delete_lines_of_another_customers_checkout(
        graphql, api_login, channel, customer, other_customer, saffron_variant):
    theirs = make_checkout(channel, [(saffron_variant, 2)], user=customer)
    api_login(other_customer)

    result = graphql(DELETE, id=checkout_gid(theirs),
                     linesIds=[line_gid(theirs.lines.get())])["data"]["checkoutLinesDelete"]

    assert _errors(result) == [("NOT_FOUND", "id")]
    assert quantities(theirs) == {saffron_variant.pk: 2}
