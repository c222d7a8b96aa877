"""checkout(id | token): a customer's checkout is theirs alone, a guest's belongs to whoever
has its ID; malformed IDs are clean errors; line problems are Saleor's union."""
from __future__ import annotations

import uuid

import pytest

from catalog.models import ProductChannelListing, Stock
from tests.graphql.checkout_helpers import (
    CHECKOUT_FIELDS,
    checkout_gid,
    line_gid,
    make_checkout,
    variant_gid,
)
from tests.graphql.conftest import gid

pytestmark = pytest.mark.django_db

CHECKOUT = f"""query($id: ID, $token: UUID) {{ checkout(id: $id, token: $token) {{
  {CHECKOUT_FIELDS} }} }}"""
PROBLEMS = """query($id: ID!) { checkout(id: $id) {
  problems { __typename
    ... on CheckoutLineProblemInsufficientStock { availableQuantity line { id } variant { id } }
    ... on CheckoutLineProblemVariantNotAvailable { line { id } } }
  lines { problems { __typename } } } }"""


def test_a_guest_checkout_is_read_by_id_or_by_token(graphql_data, channel, saffron_variant):
    cart = make_checkout(channel, [(saffron_variant, 2)])

    by_id = graphql_data(CHECKOUT, id=checkout_gid(cart))["checkout"]
    by_token = graphql_data(CHECKOUT, token=str(cart.token))["checkout"]

    assert by_id == by_token
    assert by_id["id"] == checkout_gid(cart) and by_id["token"] == str(cart.token)
    assert by_id["lines"][0]["variant"]["id"] == variant_gid(saffron_variant)
    assert by_id["totalPrice"]["gross"] == {"amount": 120.0, "currency": "MAD"}


def test_a_customers_checkout_is_read_by_that_customer_only(graphql, graphql_data, api_login,
                                                            client, channel, customer,
                                                            other_customer, saffron_variant):
    theirs = make_checkout(channel, [(saffron_variant, 2)], user=customer)

    anonymous = graphql_data(CHECKOUT, id=checkout_gid(theirs))["checkout"]
    api_login(other_customer)
    other = graphql_data(CHECKOUT, id=checkout_gid(theirs))["checkout"]
    by_token = graphql_data(CHECKOUT, token=str(theirs.token))["checkout"]
    api_login(customer)
    owner = graphql_data(CHECKOUT, id=checkout_gid(theirs))["checkout"]

    assert anonymous is None and other is None and by_token is None
    assert owner["user"] == {"id": gid("User", customer.pk), "email": "amina@example.ma"}


def test_a_session_cookie_does_not_authenticate_the_api(graphql_data, client, channel,
                                                        customer, saffron_variant):
    theirs = make_checkout(channel, [(saffron_variant, 2)], user=customer)
    client.force_login(customer)

    assert graphql_data(CHECKOUT, id=checkout_gid(theirs))["checkout"] is None


def test_an_unknown_checkout_is_null(graphql_data):
    assert graphql_data(CHECKOUT, id=gid("Checkout", uuid.uuid4()))["checkout"] is None


@pytest.mark.parametrize(("checkout_id", "message"), [
    ("nope", "Invalid ID: nope. Expected: Checkout."),
    ("\x00", "Invalid ID: \\x00. Expected: Checkout."),
    (gid("Checkout", 12), f"Invalid ID: {gid('Checkout', 12)}. Expected: Checkout."),
    (gid("Product", 12), f"Invalid ID: {gid('Product', 12)}. Expected: Checkout, received: "
                         "Product."),
])
def test_a_malformed_id_is_a_clean_error(graphql, checkout_id, message):
    body = graphql(CHECKOUT, id=checkout_id)

    assert [error["message"] for error in body["errors"]] == [message]
    assert body["data"] == {"checkout": None}


@pytest.mark.parametrize("arguments", [{}, {"id": "", "token": None}, "both"])
def test_exactly_one_of_id_and_token_is_required(graphql, channel, saffron_variant, arguments):
    if arguments == "both":
        cart = make_checkout(channel, [(saffron_variant, 1)])
        arguments = {"id": checkout_gid(cart), "token": str(cart.token)}

    body = graphql(CHECKOUT, **arguments)

    assert body["errors"][0]["message"] in (
        "At least one of arguments is required: 'id', 'token'.",
        "Argument 'id' cannot be combined with 'token'")


def test_a_malformed_token_is_refused_before_running(graphql):
    body = graphql(CHECKOUT, token="not-a-uuid")

    assert body["errors"] and body.get("data") is None


def test_lines_that_cannot_be_bought_are_problems(graphql_data, channel, saffron_variant,
                                                  argan_variant):
    cart = make_checkout(channel, [(saffron_variant, 3), (argan_variant, 1)])
    Stock.objects.filter(variant=saffron_variant).update(quantity=2)
    ProductChannelListing.objects.filter(product=argan_variant.product).update(
        is_published=False)
    saffron_line, argan_line = (cart.lines.get(variant=saffron_variant),
                                cart.lines.get(variant=argan_variant))

    checkout = graphql_data(PROBLEMS, id=checkout_gid(cart))["checkout"]

    assert checkout["problems"] == [
        {"__typename": "CheckoutLineProblemInsufficientStock", "availableQuantity": 2,
         "line": {"id": line_gid(saffron_line)}, "variant": {"id": variant_gid(saffron_variant)}},
        {"__typename": "CheckoutLineProblemVariantNotAvailable",
         "line": {"id": line_gid(argan_line)}}]
    assert [line["problems"] for line in checkout["lines"]] == [
        [{"__typename": "CheckoutLineProblemInsufficientStock"}],
        [{"__typename": "CheckoutLineProblemVariantNotAvailable"}]]
