"""order(id), orderByToken, me.orders and orderCancel: a customer sees and cancels their own
orders only; network admins see and cancel any open order."""
from __future__ import annotations

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.orders.models import Checkout, Order, OrderStatus
from backend.orders.services.checkout_complete import checkout_complete
from catalog.models import Stock
from tests.factories.catalog import UserFactory
from tests.graphql.conftest import gid
from tests.orders.conftest import ready_checkout

pytestmark = pytest.mark.django_db

ORDER = """query($id: ID!) { order(id: $id) { id number status userEmail user { email }
  total { gross { amount } } lines { productName quantity } token } }"""
BY_TOKEN = """query($token: UUID!) { orderByToken(token: $token) { id number } }"""
MY_ORDERS = """query($first: Int, $after: String) { me { orders(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { number status lines { productName variant { id name } thumbnail { url } }
                 cooperativeDeliveries { price { amount } } } } } } }"""
CANCEL = """mutation($id: ID!) { orderCancel(id: $id) { order { id status canCancel }
  errors { field code message } orderErrors { code } } }"""


def place_order(channel, variant, user=None, quantity: int = 1) -> Order:
    checkout = ready_checkout(channel, [(variant, quantity)])
    if user is not None:
        Checkout.objects.filter(pk=checkout.pk).update(user=user, email=user.email)
    return checkout_complete(checkout_token=checkout.token).order


@pytest.fixture
def their_order(channel, customer, saffron_variant):
    return place_order(channel, saffron_variant, customer, quantity=2)


@pytest.fixture
def staff(db):
    return UserFactory(email="admin@coopstore.ma", is_staff=True)


def test_a_customer_reads_their_order(graphql_data, api_login, customer, their_order):
    api_login(customer)

    order = graphql_data(ORDER, id=gid("Order", their_order.pk))["order"]

    assert order == {"id": gid("Order", their_order.pk), "number": str(their_order.number),
                     "status": "UNFULFILLED", "userEmail": "amina@example.ma",
                     "user": {"email": "amina@example.ma"}, "total": {"gross": {"amount": 145.0}},
                     "lines": [{"productName": "Safran de Taliouine", "quantity": 2}],
                     "token": str(their_order.tracking_token)}


def test_nobody_else_sees_a_customers_account_or_tracking_token(graphql, api_login, client,
                                                                other_customer, their_order):
    """Saleor answers ``order(id:)`` to whoever has the ID (tests/graphql/test_order_by_id.py),
    but not the account behind it; CoopStore keeps the tracking token too."""
    anonymous = graphql(ORDER, id=gid("Order", their_order.pk))
    api_login(other_customer)
    other = graphql(ORDER, id=gid("Order", their_order.pk))

    for body in (anonymous, other):
        assert body["data"]["order"]["user"] is None
        assert body["data"]["order"]["token"] == str(their_order.pk)
        assert [e["path"] for e in body["errors"]] == [["order", "user"]]
        assert str(their_order.tracking_token) not in str(body)


def test_a_network_admin_reads_any_order(graphql_data, api_login, staff, their_order):
    api_login(staff)

    assert graphql_data(ORDER, id=gid("Order", their_order.pk))["order"]["number"] == str(
        their_order.number)


@pytest.mark.parametrize(("order_id", "message"), [
    ("nope", "Invalid ID: nope. Expected: Order."),
    (gid("Order", 3), f"Invalid ID: {gid('Order', 3)}. Expected: Order."),
    (gid("Checkout", uuid.uuid4()), None),
])
def test_a_malformed_order_id_is_a_clean_error(graphql, order_id, message):
    body = graphql(ORDER, id=order_id)

    assert body["data"] == {"order": None}
    if message is None:
        assert body["errors"][0]["message"].endswith("received: Checkout.")
    else:
        assert [e["message"] for e in body["errors"]] == [message]


def test_the_tracking_token_opens_a_guests_order(graphql_data, channel, saffron_variant):
    order = place_order(channel, saffron_variant)

    found = graphql_data(BY_TOKEN, token=str(order.tracking_token))["orderByToken"]
    not_found = graphql_data(BY_TOKEN, token=str(uuid.uuid4()))["orderByToken"]
    by_order_id = graphql_data(BY_TOKEN, token=str(order.pk))["orderByToken"]

    assert found == {"id": gid("Order", order.pk), "number": str(order.number)}
    assert not_found is None and by_order_id is None


def test_me_lists_the_customers_orders_most_recent_first(graphql_data, api_login, channel,
                                                        customer, other_customer,
                                                        saffron_variant):
    mine = [place_order(channel, saffron_variant, customer) for _ in range(3)]
    place_order(channel, saffron_variant, other_customer)
    api_login(customer)

    first = graphql_data(MY_ORDERS, first=2)["me"]["orders"]
    rest = graphql_data(MY_ORDERS, first=2, after=first["pageInfo"]["endCursor"])["me"]["orders"]

    assert first["totalCount"] == 3 and first["pageInfo"]["hasNextPage"] is True
    numbers = [e["node"]["number"] for e in first["edges"] + rest["edges"]]
    assert numbers == [str(o.number) for o in reversed(mine)]
    assert first["edges"][0]["node"]["lines"][0]["variant"]["name"] == "1 g"
    assert first["edges"][0]["node"]["cooperativeDeliveries"] == [{"price": {"amount": 25.0}}]


def test_listing_orders_costs_the_same_for_2_or_6_orders(graphql, api_login, channel, customer,
                                                         saffron_variant, argan_variant):
    counts = []
    for total in (2, 6):
        Order.objects.filter(user=customer).update(user=None)
        for _ in range(total):
            checkout = ready_checkout(channel, [(saffron_variant, 1), (argan_variant, 1)])
            Checkout.objects.filter(pk=checkout.pk).update(user=customer)
            checkout_complete(checkout_token=checkout.token)
            Stock.objects.update(quantity_allocated=0)
        api_login(customer)
        with CaptureQueriesContext(connection) as queries:
            body = graphql(MY_ORDERS, first=10)
        assert len(body["data"]["me"]["orders"]["edges"]) == total
        counts.append(len(queries.captured_queries))

    assert counts[0] == counts[1]


def test_a_customer_cancels_their_order_and_the_stock_is_released(graphql, api_login, customer,
                                                                  their_order, saffron_variant):
    api_login(customer)

    result = graphql(CANCEL, id=gid("Order", their_order.pk))["data"]["orderCancel"]

    assert result["errors"] == [] and result["orderErrors"] == []
    assert result["order"] == {"id": gid("Order", their_order.pk), "status": "CANCELED",
                               "canCancel": False}
    assert Order.objects.get().status == OrderStatus.CANCELED
    assert Stock.objects.get(variant=saffron_variant).quantity_allocated == 0


def test_a_cancelled_order_cannot_be_cancelled_again(graphql, api_login, customer, their_order,
                                                     saffron_variant):
    api_login(customer)
    graphql(CANCEL, id=gid("Order", their_order.pk))

    result = graphql(CANCEL, id=gid("Order", their_order.pk))["data"]["orderCancel"]

    assert [(e["code"], e["field"]) for e in result["errors"]] == [("CANNOT_CANCEL_ORDER", "id")]
    assert result["orderErrors"] == [{"code": "CANNOT_CANCEL_ORDER"}]


def test_a_fulfilled_order_is_no_longer_cancelled_by_its_customer(graphql, api_login, customer,
                                                                  their_order, saffron_variant):
    Order.objects.filter(pk=their_order.pk).update(status=OrderStatus.FULFILLED)
    api_login(customer)

    result = graphql(CANCEL, id=gid("Order", their_order.pk))["data"]["orderCancel"]

    assert [e["code"] for e in result["errors"]] == ["CANNOT_CANCEL_ORDER"]
    assert Order.objects.get().status == OrderStatus.FULFILLED
    assert Stock.objects.get(variant=saffron_variant).quantity_allocated == 2


def test_nobody_cancels_another_customers_order(graphql, api_login, client, other_customer,
                                                their_order, saffron_variant):
    anonymous = graphql(CANCEL, id=gid("Order", their_order.pk))["data"]["orderCancel"]
    api_login(other_customer)
    other = graphql(CANCEL, id=gid("Order", their_order.pk))["data"]["orderCancel"]

    for result in (anonymous, other):
        assert [(e["code"], e["field"]) for e in result["errors"]] == [("NOT_FOUND", "id")]
        assert result["order"] is None
    assert Order.objects.get().status == OrderStatus.UNFULFILLED
    assert Stock.objects.get(variant=saffron_variant).quantity_allocated == 2


def test_a_network_admin_cancels_any_open_order(graphql, api_login, staff, their_order):
    api_login(staff)

    result = graphql(CANCEL, id=gid("Order", their_order.pk))["data"]["orderCancel"]

    assert result["errors"] == [] and result["order"]["status"] == "CANCELED"


@pytest.mark.parametrize(("order_id", "code"), [
    ("nope", "GRAPHQL_ERROR"), ("", "GRAPHQL_ERROR"), ("\x00", "GRAPHQL_ERROR"),
    (gid("Order", uuid.UUID("003aad67-d3bd-4d18-bc83-f900931ae21f")), "NOT_FOUND")])
def test_cancelling_a_malformed_or_unknown_order_is_a_clean_error(graphql, api_login, customer,
                                                                  their_order, order_id, code):
    api_login(customer)

    result = graphql(CANCEL, id=order_id)["data"]["orderCancel"]

    assert [(e["code"], e["field"]) for e in result["errors"]] == [(code, "id")]
    assert Order.objects.get().status == OrderStatus.UNFULFILLED
