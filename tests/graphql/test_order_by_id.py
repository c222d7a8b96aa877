"""``order(id:)`` as Saleor answers it: the order's ID (a random UUID) is the credential, so
Saleor's storefront shows its confirmation page with an anonymous query. The account behind the
order (``user``), its payments and CoopStore's own secrets (the tracking token, which opens the
delivery codes) stay with its customer, its tracking link and network admins."""
from __future__ import annotations

import uuid

import pytest

from backend.orders.models import Checkout, Order, OrderStatus
from backend.orders.services.checkout_complete import checkout_complete
from fulfillment.delivery_codes import delivery_code_for_customer
from fulfillment.models import Shipment
from tests.factories.catalog import UserFactory
from tests.graphql.conftest import gid
from tests.orders.conftest import ready_checkout

pytestmark = pytest.mark.django_db

ADDRESS = "firstName lastName streetAddress1 city postalCode phone country { code }"
# The fields of Saleor's storefront confirmation page (src/checkout/graphql/order.graphql).
STOREFRONT = f"""query($id: ID!) {{ order(id: $id) {{
  id number userEmail isPaid channel {{ slug }} chargeStatus authorizeStatus
  discounts {{ type name amount {{ amount currency }} }}
  shippingAddress {{ {ADDRESS} }} billingAddress {{ {ADDRESS} }}
  deliveryMethod {{ __typename }} voucher {{ code }}
  total {{ gross {{ amount currency }} tax {{ amount }} }} shippingPrice {{ gross {{ amount }} }}
  subtotal {{ gross {{ amount }} }} totalBalance {{ amount }} totalCaptured {{ amount }}
  lines {{ id quantity productName variantName totalPrice {{ gross {{ amount }} }}
           unitPrice {{ gross {{ amount }} }} undiscountedUnitPrice {{ gross {{ amount }} }}
           thumbnail(size: 128, format: WEBP) {{ url }}
           variant {{ name product {{ name }} }} }} }} }}"""
SECRETS = """query($id: ID!) { order(id: $id) { number token
  fulfillments { shipment { deliveryCode } } } }"""
USER = """query($id: ID!) { order(id: $id) { number user { email } } }"""
TRANSACTIONS = """query($id: ID!) { order(id: $id) { number transactions { id } } }"""
FAIR_PAY = """query($id: ID!) { order(id: $id) { number fairPay { share } } }"""
PRIVATE = """query($id: ID!) { order(id: $id) { number privateMetadata { key } } }"""
MY_ORDERS = """{ me { orders(first: 10) { totalCount edges { node { id } } } } }"""
CANCEL = """mutation($id: ID!) { orderCancel(id: $id) { order { id status }
  errors { field code } } }"""
COMPLETE = """mutation($id: ID) { checkoutComplete(id: $id) { errors { code }
  order { id token } } }"""
CHECKOUT_ID = """query($id: ID!) { order(id: $id) { checkoutId } }"""


def _place(channel, variant, user=None) -> Order:
    checkout = ready_checkout(channel, [(variant, 2)])
    if user is not None:
        Checkout.objects.filter(pk=checkout.pk).update(user=user, email=user.email)
    return checkout_complete(checkout_token=checkout.token).order


@pytest.fixture
def guest_order(channel, saffron_variant) -> Order:
    return _place(channel, saffron_variant)


@pytest.fixture
def their_order(channel, customer, saffron_variant) -> Order:
    return _place(channel, saffron_variant, customer)


@pytest.fixture
def staff(db):
    return UserFactory(email="admin@coopstore.ma", is_staff=True)


def _denied(body: dict, message_start: str) -> None:
    assert [e["message"].startswith(message_start) for e in body["errors"]] == [True]


def test_anyone_with_a_guest_orders_id_sees_the_storefronts_confirmation(graphql_data,
                                                                        guest_order):
    order = graphql_data(STOREFRONT, id=gid("Order", guest_order.pk))["order"]

    assert order["id"] == gid("Order", guest_order.pk)
    assert order["number"] == str(guest_order.number)
    assert order["userEmail"] == "buyer@example.ma"
    assert order["shippingAddress"]["streetAddress1"] == "12 rue Tiznit"
    assert order["total"]["gross"] == {"amount": float(guest_order.total_amount),
                                       "currency": "MAD"}
    assert [(line["productName"], line["quantity"]) for line in order["lines"]] == [
        ("Safran de Taliouine", 2)]


def test_a_registered_customers_order_is_read_by_its_id_too(graphql_data, api_login,
                                                            other_customer, their_order):
    """Saleor's storefront fetches the confirmation page without the buyer's token, so a
    customer's order answers its ID as well (Saleor does the same)."""
    anonymous = graphql_data(STOREFRONT, id=gid("Order", their_order.pk))["order"]
    api_login(other_customer)
    other = graphql_data(STOREFRONT, id=gid("Order", their_order.pk))["order"]

    assert anonymous == other
    assert anonymous["number"] == str(their_order.number)
    assert anonymous["userEmail"] == "amina@example.ma"


@pytest.mark.parametrize("who", ["anonymous", "other_customer"])
def test_the_tracking_token_and_delivery_code_stay_hidden_from_id_holders(
        graphql_data, api_login, request, guest_order, their_order, who):
    if who != "anonymous":
        api_login(request.getfixturevalue(who))

    for order in (guest_order, their_order):
        seen = graphql_data(SECRETS, id=gid("Order", order.pk))["order"]
        code = delivery_code_for_customer(Shipment.objects.get(order=order))

        assert seen["token"] == str(order.pk) != str(order.tracking_token)
        assert seen["fulfillments"] == [{"shipment": {"deliveryCode": None}}]
        assert code not in str(seen) and str(order.tracking_token) not in str(seen)


def test_the_customer_and_the_tracking_link_keep_the_secrets(graphql_data, api_login, customer,
                                                            guest_order, their_order):
    api_login(customer)
    mine = graphql_data(SECRETS, id=gid("Order", their_order.pk))["order"]
    by_link = graphql_data(
        """query($token: UUID!) { orderByToken(token: $token) { token
           fulfillments { shipment { deliveryCode } } } }""",
        token=str(guest_order.tracking_token))["orderByToken"]

    assert mine["token"] == str(their_order.tracking_token)
    assert mine["fulfillments"] == [{"shipment": {"deliveryCode": delivery_code_for_customer(
        Shipment.objects.get(order=their_order))}}]
    assert by_link["token"] == str(guest_order.tracking_token)
    assert by_link["fulfillments"][0]["shipment"]["deliveryCode"] == delivery_code_for_customer(
        Shipment.objects.get(order=guest_order))


@pytest.mark.parametrize("who", ["anonymous", "other_customer"])
def test_the_account_behind_an_order_is_refused_to_strangers(graphql, api_login, request,
                                                             their_order, who):
    if who != "anonymous":
        api_login(request.getfixturevalue(who))

    body = graphql(USER, id=gid("Order", their_order.pk))

    assert body["data"]["order"] == {"number": str(their_order.number), "user": None}
    _denied(body, "To access this path, you need one of the following permissions: ")
    assert "amina@example.ma" not in str(body)


def test_the_owner_and_a_network_admin_see_the_account(graphql_data, api_login, customer, staff,
                                                       their_order, guest_order):
    api_login(customer)
    mine = graphql_data(USER, id=gid("Order", their_order.pk))["order"]
    api_login(staff)
    admin = graphql_data(USER, id=gid("Order", their_order.pk))["order"]
    guest = graphql_data(USER, id=gid("Order", guest_order.pk))["order"]

    assert mine["user"] == admin["user"] == {"email": "amina@example.ma"}
    assert guest["user"] is None


def test_a_guest_orders_account_is_null_without_an_error(graphql_data, guest_order):
    assert graphql_data(USER, id=gid("Order", guest_order.pk))["order"]["user"] is None


@pytest.mark.parametrize(("query", "message"), [
    (TRANSACTIONS, "To access this path, you need one of the following permissions: "
                   "MANAGE_ORDERS, HANDLE_PAYMENTS"),
    (PRIVATE, "To access this path, you need one of the following permissions: MANAGE_ORDERS"),
    (FAIR_PAY, "To access this path, you need one of the following permissions: "
               "MANAGE_ORDERS, OWNER"),
])
def test_payments_and_private_metadata_are_refused_to_id_holders(graphql, api_login, client,
                                                                 other_customer, guest_order,
                                                                 their_order, query, message):
    for order in (guest_order, their_order):
        anonymous = graphql(query, id=gid("Order", order.pk))
        api_login(other_customer)
        other = graphql(query, id=gid("Order", order.pk))
        client.defaults.pop("HTTP_AUTHORIZATION")

        for body in (anonymous, other):
            # Non-null fields: the order goes null, as in Saleor.
            assert body["data"] == {"order": None}
            assert [e["message"] for e in body["errors"]] == [message]


def test_the_customer_still_sees_their_payments(graphql_data, api_login, customer, their_order):
    api_login(customer)

    assert graphql_data(TRANSACTIONS, id=gid("Order", their_order.pk))["order"][
        "transactions"] == []


@pytest.mark.parametrize(("order_id", "has_error"), [
    (gid("Order", uuid.uuid4()), False),
    (str(uuid.uuid4()), True),
    ("nope", True),
    ("", True),
    (gid("Order", "x" * 5000), True),
    (gid("Order", "\x00"), True),
    ("\x00", True),
    (gid("Checkout", uuid.uuid4()), True),
])
def test_a_wrong_or_malformed_id_is_null_never_a_500(graphql, guest_order, order_id, has_error):
    body = graphql(STOREFRONT, id=order_id)

    assert body.get("data") == {"order": None}
    assert ("errors" in body) is has_error
    assert str(guest_order.number) not in str(body)


def test_me_orders_stay_the_owners_only(graphql, graphql_data, api_login, other_customer,
                                        their_order, guest_order):
    anonymous = graphql(MY_ORDERS)
    api_login(other_customer)
    other = graphql_data(MY_ORDERS)["me"]["orders"]

    assert anonymous["data"] == {"me": None}
    assert other == {"totalCount": 0, "edges": []}


def test_reading_an_order_by_its_id_does_not_let_a_stranger_cancel_it(graphql_data, api_login,
                                                                      client, other_customer,
                                                                      their_order, guest_order):
    for order in (their_order, guest_order):
        anonymous = graphql_data(CANCEL, id=gid("Order", order.pk))["orderCancel"]
        api_login(other_customer)
        other = graphql_data(CANCEL, id=gid("Order", order.pk))["orderCancel"]
        client.defaults.pop("HTTP_AUTHORIZATION")

        assert anonymous == other == {"order": None,
                                      "errors": [{"field": "id", "code": "NOT_FOUND"}]}
        order.refresh_from_db()
        assert order.status == OrderStatus.UNFULFILLED


def test_the_buyer_gets_the_tracking_token_when_completing_not_a_replay_by_checkout_id(
        graphql_data, channel, saffron_variant):
    checkout = ready_checkout(channel, [(saffron_variant, 1)])

    placed = graphql_data(COMPLETE, id=gid("Checkout", checkout.token))["checkoutComplete"]
    order = Order.objects.get(checkout_token=checkout.token)
    # A stranger with the order's ID learns its checkoutId and completes it again.
    checkout_id = graphql_data(CHECKOUT_ID, id=gid("Order", order.pk))["order"]["checkoutId"]
    replay = graphql_data(COMPLETE, id=checkout_id)["checkoutComplete"]

    assert placed["order"] == {"id": gid("Order", order.pk), "token": str(order.tracking_token)}
    assert replay["errors"] == []
    assert replay["order"] == {"id": gid("Order", order.pk), "token": str(order.pk)}
