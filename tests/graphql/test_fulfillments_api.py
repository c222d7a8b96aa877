"""``Order.fulfillments`` in Saleor's shape over CoopStore's shipments (one per cooperative's
parcel), with the ``shipment`` extension; the delivery code is for the order's customer only."""
from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from graphql import build_schema

from backend.orders.graphql.fulfillments import FULFILLMENT_STATUS_OF_SHIPMENT, FulfillmentStatus
from backend.orders.models import Order
from backend.orders.services.checkout_complete import checkout_complete
from fulfillment.delivery_codes import delivery_code_for_customer
from fulfillment.models import Shipment, ShipmentStatus
from fulfillment.services.shipments import ShipmentActor, shipment_transition
from tests.factories.catalog import UserFactory
from tests.graphql.conftest import gid
from tests.graphql.test_schema import SHARED
from tests.orders.conftest import ready_checkout

pytestmark = pytest.mark.django_db

FULFILLMENTS = """fulfillments { id fulfillmentOrder status statusDisplay trackingNumber created
  metadata { key }
  lines { id quantity orderLine { id productName } }
  shipment { status statusDisplay trackingNumber partnerName distanceKm deliveryCode
             cooperative { name } events { status date place } } }"""
ORDER = f"query($id: ID!) {{ order(id: $id) {{ id {FULFILLMENTS} }} }}"
BY_TOKEN = f"query($token: UUID!) {{ orderByToken(token: $token) {{ id {FULFILLMENTS} }} }}"
MY_ORDERS = f"query {{ me {{ orders(first: 10) {{ edges {{ node {{ id {FULFILLMENTS} }} }} }} }} }}"


def _place(channel, variants, user=None) -> Order:
    checkout = ready_checkout(channel, variants)
    if user is not None:
        checkout.user = user
        checkout.save(update_fields=["user"])
    return checkout_complete(checkout_token=checkout.token).order


@pytest.fixture
def order(channel, customer, saffron_variant, argan_variant) -> Order:
    return _place(channel, [(saffron_variant, 2), (argan_variant, 1)], customer)


def test_the_customer_sees_one_fulfillment_per_parcel_with_its_journey_and_code(
        graphql, api_login, order, customer):
    api_login(customer)

    fulfillments = graphql(ORDER, id=gid("Order", order.pk))["data"]["order"]["fulfillments"]

    shipments = list(Shipment.objects.filter(order=order).order_by("created_at", "pk"))
    assert [f["id"] for f in fulfillments] == [gid("Fulfillment", s.pk) for s in shipments]
    assert [f["fulfillmentOrder"] for f in fulfillments] == [1, 2]
    assert {f["status"] for f in fulfillments} == {"WAITING_FOR_APPROVAL"}
    assert [f["trackingNumber"] for f in fulfillments] == [s.tracking_number for s in shipments]
    by_cooperative = {f["shipment"]["cooperative"]["name"]: f for f in fulfillments}
    saffron = by_cooperative["Coopérative Safran"]
    assert [(line["quantity"], line["orderLine"]["productName"]) for line in saffron["lines"]] == [
        (2, "Safran de Taliouine")]
    shipment = saffron["shipment"]
    assert shipment["status"] == "AWAITING_PREPARATION"
    assert shipment["partnerName"] == "Coursier national (tests)"
    assert shipment["distanceKm"] > 0
    assert [e["status"] for e in shipment["events"]] == ["AWAITING_PREPARATION"]
    assert shipment["events"][0]["place"]
    saffron_row = next(s for s in shipments if s.tracking_number == saffron["trackingNumber"])
    assert shipment["deliveryCode"] == delivery_code_for_customer(saffron_row)


def test_a_step_of_the_cooperative_shows_in_the_shipment(graphql, api_login, order, customer):
    shipment = Shipment.objects.filter(order=order).first()
    shipment_transition(shipment_id=shipment.pk, to_status=ShipmentStatus.READY_FOR_PICKUP,
                        actor=ShipmentActor.for_cooperative(shipment.cooperative_id))
    api_login(customer)

    fulfillments = graphql(ORDER, id=gid("Order", order.pk))["data"]["order"]["fulfillments"]

    [moved] = [f for f in fulfillments if f["id"] == gid("Fulfillment", shipment.pk)]
    assert moved["status"] == "WAITING_FOR_APPROVAL"
    assert moved["shipment"]["status"] == "READY_FOR_PICKUP"
    assert [e["status"] for e in moved["shipment"]["events"]] == [
        "AWAITING_PREPARATION", "READY_FOR_PICKUP"]


@pytest.mark.parametrize("status", [s.value for s in ShipmentStatus])
def test_every_shipment_state_maps_to_a_saleor_fulfillment_status(status):
    reference = SHARED / "reference" / "saleor-schema.graphql"
    if not reference.exists():
        pytest.skip("Saleor's reference schema is in ../shared, which a user's clone lacks")
    saleor = build_schema(reference.read_text(),
                          assume_valid=True).type_map["FulfillmentStatus"]

    mapped = FULFILLMENT_STATUS_OF_SHIPMENT[ShipmentStatus(status)]

    assert mapped.name in saleor.values
    assert {member.name for member in FulfillmentStatus} <= set(saleor.values)


def test_a_cancelled_parcel_is_canceled_and_its_code_is_gone(graphql, api_login, order,
                                                            customer):
    Shipment.objects.filter(order=order).update(status=ShipmentStatus.CANCELED)
    api_login(customer)

    fulfillments = graphql(ORDER, id=gid("Order", order.pk))["data"]["order"]["fulfillments"]

    assert {f["status"] for f in fulfillments} == {"CANCELED"}
    assert {f["shipment"]["deliveryCode"] for f in fulfillments} == {None}


def test_staff_see_the_fulfillments_but_never_the_delivery_code(graphql, api_login, order):
    api_login(UserFactory(email="admin@coopstore.ma", is_staff=True))

    fulfillments = graphql(ORDER, id=gid("Order", order.pk))["data"]["order"]["fulfillments"]

    assert len(fulfillments) == 2
    assert {f["shipment"]["deliveryCode"] for f in fulfillments} == {None}


def test_another_customer_reaches_neither_the_order_nor_its_codes(graphql, api_login, order,
                                                                 other_customer):
    api_login(other_customer)

    # The order's ID opens the order (Saleor), never its codes.
    by_id = graphql(ORDER, id=gid("Order", order.pk))["data"]["order"]
    assert [f["shipment"]["deliveryCode"] for f in by_id["fulfillments"]] == [None, None]
    assert graphql(MY_ORDERS)["data"]["me"]["orders"]["edges"] == []
    # The tracking link of a customer's order shows the journey, not the code.
    seen = graphql(BY_TOKEN, token=str(order.tracking_token))["data"]["orderByToken"]
    assert {f["shipment"]["deliveryCode"] for f in seen["fulfillments"]} == {None}


def test_a_guest_sees_the_code_through_the_tracking_link_only(graphql, channel, argan_variant):
    order = _place(channel, [(argan_variant, 1)])
    shipment = Shipment.objects.get(order=order)

    seen = graphql(BY_TOKEN, token=str(order.tracking_token))["data"]["orderByToken"]

    assert [f["shipment"]["deliveryCode"] for f in seen["fulfillments"]] == [
        delivery_code_for_customer(shipment)]
    # Saleor answers an anonymous order(id:) (the confirmation page), but the code stays
    # behind the tracking link.
    by_id = graphql(ORDER, id=gid("Order", order.pk))
    assert "errors" not in by_id
    assert [f["shipment"]["deliveryCode"] for f in by_id["data"]["order"]["fulfillments"]] == [
        None]
    assert delivery_code_for_customer(shipment) not in str(by_id)


def test_my_orders_fulfillments_cost_the_same_queries_for_1_or_3_orders(
        graphql_data, api_login, channel, customer, saffron_variant, argan_variant):
    _place(channel, [(argan_variant, 1)], customer)
    api_login(customer)
    with CaptureQueriesContext(connection) as small:
        graphql_data(MY_ORDERS)
    _place(channel, [(saffron_variant, 1)], customer)
    _place(channel, [(saffron_variant, 1), (argan_variant, 1)], customer)
    with CaptureQueriesContext(connection) as large:
        data = graphql_data(MY_ORDERS)

    edges = data["me"]["orders"]["edges"]
    assert sum(len(e["node"]["fulfillments"]) for e in edges) == 4
    assert len(large) == len(small)


