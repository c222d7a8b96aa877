"""Delivery of each cooperative's parcel: deliveryOptionsCalculate (Saleor's whole-basket
choices), Checkout.deliveryGroups (CoopStore's per-parcel options) and
checkoutDeliveryMethodUpdate with either kind of ID."""
from __future__ import annotations

import base64
import uuid
from decimal import Decimal

import pytest

from backend.orders.models import CheckoutDelivery
from tests.factories.fulfillment import make_partner
from tests.graphql.checkout_helpers import ERRORS, checkout_gid, make_checkout, ship_to_agadir
from tests.graphql.conftest import gid

pytestmark = pytest.mark.django_db

CALCULATE = """mutation($id: ID!) { deliveryOptionsCalculate(id: $id) {
  errors { field code message }
  deliveries { id shippingMethod { id name active price { amount currency }
                                   minimumDeliveryDays maximumDeliveryDays } } } }"""
GROUPS = """query($id: ID!) { checkout(id: $id) {
  delivery { id shippingMethod { id price { amount } } }
  shippingMethods { id }
  shippingPrice { gross { amount } } totalPrice { gross { amount } }
  deliveryGroups { cooperative { name } lines { quantity } subtotal { amount }
    options { id price { amount } shortCircuitLevel distanceKm legs { partner { slug } } }
    selected { id price { amount } shortCircuitLevel partnerNames cooperative { name } } } } }"""
CHOOSE = f"""mutation($id: ID!, $method: ID) {{
  checkoutDeliveryMethodUpdate(id: $id, deliveryMethodId: $method) {{ {ERRORS}
    checkout {{ delivery {{ id }} shippingPrice {{ gross {{ amount }} }} }} }} }}"""


@pytest.fixture
def network(courier):
    """The national courier (25.00 a parcel) and a regional partner of Souss-Massa."""
    make_partner(regions=("MA-09",), slug="souss-express", name="Souss Express")
    return courier


@pytest.fixture
def two_parcels(channel, network, saffron_variant, argan_variant):
    """A guest basket from Taliouine and Agadir, shipped to Agadir."""
    return ship_to_agadir(make_checkout(channel, [(saffron_variant, 2), (argan_variant, 1)]))


def _calculate(graphql, checkout) -> dict:
    return graphql(CALCULATE, id=checkout_gid(checkout))["data"]["deliveryOptionsCalculate"]


def _groups(graphql_data, checkout) -> dict:
    return graphql_data(GROUPS, id=checkout_gid(checkout))["checkout"]


def _choose(graphql, checkout, method) -> dict:
    return graphql(CHOOSE, id=checkout_gid(checkout),
                   method=method)["data"]["checkoutDeliveryMethodUpdate"]


def test_nothing_is_offered_before_a_shipping_address(graphql, graphql_data, channel, network,
                                                      saffron_variant):
    cart = make_checkout(channel, [(saffron_variant, 1)])

    assert _calculate(graphql, cart) == {"errors": [], "deliveries": []}
    groups = _groups(graphql_data, cart)["deliveryGroups"]
    assert [(g["cooperative"]["name"], g["options"], g["selected"]) for g in groups] == [
        ("Coopérative Safran", [], None)]


def test_each_cooperatives_parcel_has_its_own_options(graphql_data, two_parcels):
    checkout = _groups(graphql_data, two_parcels)

    groups = checkout["deliveryGroups"]
    assert [(g["cooperative"]["name"], g["lines"], g["subtotal"]) for g in groups] == [
        ("Coopérative Safran", [{"quantity": 2}], {"amount": 120.0}),
        ("Coopérative Argan", [{"quantity": 1}], {"amount": 120.0})]
    for group in groups:
        assert group["options"] and group["selected"] is None
        assert {o["legs"][0]["partner"]["slug"] for o in group["options"]} <= {
            "souss-express", "coopstore-test-courier"}
    assert checkout["delivery"] is None


def test_a_one_cooperative_basket_offers_each_of_its_options(graphql, graphql_data, channel,
                                                             network, saffron_variant):
    cart = ship_to_agadir(make_checkout(channel, [(saffron_variant, 1)]))
    options = _groups(graphql_data, cart)["deliveryGroups"][0]["options"]

    deliveries = _calculate(graphql, cart)["deliveries"]

    assert len(deliveries) == len(options) == 2
    assert [d["shippingMethod"]["price"]["amount"] for d in deliveries] == [
        o["price"]["amount"] for o in options]
    assert all(d["shippingMethod"]["active"] for d in deliveries)


def test_a_several_cooperative_basket_offers_whole_basket_choices_best_first(
        graphql, graphql_data, two_parcels):
    best = [g["options"][0]["price"]["amount"]
            for g in _groups(graphql_data, two_parcels)["deliveryGroups"]]

    result = _calculate(graphql, two_parcels)

    assert result["errors"] == []
    recommended = result["deliveries"][0]["shippingMethod"]
    assert recommended["price"] == {"amount": sum(best), "currency": "MAD"}
    assert "2" in recommended["name"]
    assert [d["shippingMethod"]["id"] for d in result["deliveries"]] == [
        m["id"] for m in _groups(graphql_data, two_parcels)["shippingMethods"]]


def test_a_whole_basket_delivery_sets_every_parcel(graphql, graphql_data, two_parcels):
    chosen = _calculate(graphql, two_parcels)["deliveries"][0]

    result = _choose(graphql, two_parcels, chosen["id"])

    assert result["errors"] == []
    assert result["checkout"]["delivery"] == {"id": chosen["id"]}
    price = chosen["shippingMethod"]["price"]["amount"]
    assert result["checkout"]["shippingPrice"]["gross"]["amount"] == price
    assert CheckoutDelivery.objects.filter(checkout=two_parcels).count() == 2
    checkout = _groups(graphql_data, two_parcels)
    assert checkout["totalPrice"]["gross"]["amount"] == 240.0 + price
    assert [g["selected"]["id"] for g in checkout["deliveryGroups"]] == [
        g["options"][0]["id"] for g in checkout["deliveryGroups"]]


def test_the_deprecated_shipping_method_id_works_as_well(graphql, two_parcels):
    method = _calculate(graphql, two_parcels)["deliveries"][0]["shippingMethod"]["id"]

    result = _choose(graphql, two_parcels, method)

    assert result["errors"] == []
    assert CheckoutDelivery.objects.filter(checkout=two_parcels).count() == 2


def test_one_parcels_option_sets_that_parcel_only(graphql, graphql_data, two_parcels):
    groups = _groups(graphql_data, two_parcels)["deliveryGroups"]
    option = groups[1]["options"][-1]

    result = _choose(graphql, two_parcels, option["id"])

    assert result["errors"] == []
    assert result["checkout"]["delivery"] is None  # the other parcel has none yet
    assert result["checkout"]["shippingPrice"]["gross"]["amount"] == option["price"]["amount"]
    selected = [g["selected"] for g in _groups(graphql_data, two_parcels)["deliveryGroups"]]
    assert selected[0] is None
    assert selected[1]["id"] == option["id"]
    assert selected[1]["cooperative"] == {"name": "Coopérative Argan"}
    assert selected[1]["price"] == option["price"]
    assert selected[1]["partnerNames"]


@pytest.mark.parametrize(("method", "code"), [
    (None, "REQUIRED"),
    ("nope", "GRAPHQL_ERROR"),
    ("\x00", "GRAPHQL_ERROR"),
    (gid("Warehouse", uuid.uuid4()), "INVALID"),
    (gid("CheckoutDelivery", "++"), "INVALID"),
    (gid("DeliveryOption", "999/1"), "DELIVERY_METHOD_NOT_APPLICABLE"),
    (gid("DeliveryOption", "bad id"), "INVALID"),
])
def test_a_delivery_method_that_is_not_offered_is_refused(graphql, two_parcels, method, code):
    result = _choose(graphql, two_parcels, method)

    assert [(e["code"], e["field"]) for e in result["errors"]] == [(code, "deliveryMethodId")]
    assert not CheckoutDelivery.objects.exists()


def test_a_route_that_is_not_offered_to_a_cooperative_in_the_cart_is_refused(graphql,
                                                                             two_parcels):
    cooperative_pk = two_parcels.lines.first().variant.product.cooperative_id

    result = _choose(graphql, two_parcels, gid("DeliveryOption", f"{cooperative_pk}/987654"))

    assert [e["code"] for e in result["errors"]] == ["DELIVERY_METHOD_NOT_APPLICABLE"]
    assert not CheckoutDelivery.objects.exists()


def test_a_whole_basket_choice_with_one_bad_parcel_sets_no_parcel(graphql, graphql_data,
                                                                  two_parcels):
    good = _groups(graphql_data, two_parcels)["deliveryGroups"][0]["options"][0]["id"]
    option_id = base64.b64decode(good).decode().partition(":")[2]

    result = _choose(graphql, two_parcels, gid("CheckoutDelivery", f"{option_id}+999/1"))

    assert [e["code"] for e in result["errors"]] == ["DELIVERY_METHOD_NOT_APPLICABLE"]
    assert not CheckoutDelivery.objects.exists()


def test_a_delivery_needs_a_shipping_address(graphql, channel, network, saffron_variant):
    cart = make_checkout(channel, [(saffron_variant, 1)])
    cooperative_pk = saffron_variant.product.cooperative_id

    result = _choose(graphql, cart, gid("DeliveryOption", f"{cooperative_pk}/1"))

    assert [(e["code"], e["field"]) for e in result["errors"]] == [
        ("SHIPPING_ADDRESS_NOT_SET", "shippingAddress")]


@pytest.mark.parametrize(("checkout_id", "code"), [
    (gid("Checkout", uuid.uuid4()), "NOT_FOUND"), ("nope", "GRAPHQL_ERROR"),
    ("", "GRAPHQL_ERROR")])
def test_calculating_for_an_unknown_checkout_is_a_clean_error(graphql, checkout_id, code):
    result = graphql(CALCULATE, id=checkout_id)["data"]["deliveryOptionsCalculate"]

    assert [e["code"] for e in result["errors"]] == [code]
    assert result["deliveries"] == []


def test_another_customers_checkout_gets_no_delivery_and_none_is_set(
        graphql, api_login, channel, network, customer, other_customer, saffron_variant):
    theirs = ship_to_agadir(make_checkout(channel, [(saffron_variant, 1)], user=customer))
    api_login(other_customer)
    cooperative_pk = saffron_variant.product.cooperative_id

    calculated = _calculate(graphql, theirs)
    chosen = _choose(graphql, theirs, gid("DeliveryOption", f"{cooperative_pk}/1"))

    assert [e["code"] for e in calculated["errors"]] == ["NOT_FOUND"]
    assert calculated["deliveries"] == []
    assert [e["code"] for e in chosen["errors"]] == ["NOT_FOUND"]
    assert not CheckoutDelivery.objects.exists()


def test_the_chosen_price_is_what_the_checkout_charges(graphql, graphql_data, two_parcels):
    _choose(graphql, two_parcels, _calculate(graphql, two_parcels)["deliveries"][0]["id"])

    stored = sum(CheckoutDelivery.objects.values_list("price_amount", flat=True), Decimal(0))

    assert _groups(graphql_data, two_parcels)["shippingPrice"]["gross"]["amount"] == float(stored)
