"""checkoutEmailUpdate, checkoutShippingAddressUpdate, checkoutBillingAddressUpdate and
CoopStore's checkoutPaymentMethodUpdate."""
from __future__ import annotations

import pytest

from backend.orders.models import Checkout, CheckoutDelivery
from tests.graphql.checkout_helpers import ERRORS, checkout_gid, make_checkout, ship_to_agadir

pytestmark = pytest.mark.django_db

ADDRESS_FIELDS = """firstName lastName streetAddress1 city postalCode phone countryArea
                    country { code country }"""
EMAIL = f"""mutation($id: ID!, $email: String!) {{
  checkoutEmailUpdate(id: $id, email: $email) {{ {ERRORS} checkoutErrors {{ code }}
    checkout {{ email }} }} }}"""
SHIPPING = f"""mutation($id: ID!, $address: AddressInput!) {{
  checkoutShippingAddressUpdate(id: $id, shippingAddress: $address, saveAddress: false,
                                validationRules: {{checkRequiredFields: true}}) {{
    {ERRORS} addressErrors: errors {{ addressType }}
    checkout {{ shippingAddress {{ {ADDRESS_FIELDS} }} deliveryGroups {{ selected {{ id }} }} }}
  }} }}"""
BILLING = f"""mutation($id: ID!, $address: AddressInput!) {{
  checkoutBillingAddressUpdate(id: $id, billingAddress: $address) {{
    {ERRORS} addressErrors: errors {{ addressType }}
    checkout {{ billingAddress {{ {ADDRESS_FIELDS} }} }} }} }}"""
PAYMENT = f"""mutation($id: ID!, $gateway: ID!) {{
  checkoutPaymentMethodUpdate(id: $id, paymentGateway: $gateway) {{ {ERRORS}
    checkout {{ paymentGateway availablePaymentGateways {{ id name currencies }} }} }} }}"""

AGADIR = {"firstName": "Amina", "lastName": "Ait Ali", "streetAddress1": "12 rue de Tiznit",
          "city": "agadir", "phone": "06 12 34 56 78", "country": "MA"}


@pytest.fixture
def cart(channel, saffron_variant):
    return make_checkout(channel, [(saffron_variant, 1)])


def _codes(result: dict) -> list[tuple]:
    return [(e["code"], e["field"]) for e in result["errors"]]


def test_the_email_is_updated_in_lower_case(graphql, cart):
    result = graphql(EMAIL, id=checkout_gid(cart),
                     email="Yassine@Example.MA")["data"]["checkoutEmailUpdate"]

    assert result["errors"] == [] and result["checkoutErrors"] == []
    assert result["checkout"] == {"email": "yassine@example.ma"}
    assert Checkout.objects.get().email == "yassine@example.ma"


@pytest.mark.parametrize(("email", "code"), [("", "REQUIRED"), ("nope", "INVALID"),
                                             ("a@b", "INVALID")])
def test_a_refused_email_leaves_the_old_one(graphql, cart, email, code):
    result = graphql(EMAIL, id=checkout_gid(cart), email=email)["data"]["checkoutEmailUpdate"]

    assert _codes(result) == [(code, "email")]
    assert Checkout.objects.get().email == "buyer@example.ma"


def test_the_shipping_address_is_validated_and_normalised(graphql, cart):
    result = graphql(SHIPPING, id=checkout_gid(cart),
                     address=AGADIR)["data"]["checkoutShippingAddressUpdate"]

    assert result["errors"] == []
    assert result["checkout"]["shippingAddress"] == {
        "firstName": "Amina", "lastName": "Ait Ali", "streetAddress1": "12 rue de Tiznit",
        "city": "AGADIR", "postalCode": "80000", "phone": "+212612345678", "countryArea": "",
        "country": {"code": "MA", "country": "Morocco"}}
    assert Checkout.objects.get().shipping_address.city_ref.slug == "agadir"


@pytest.mark.parametrize(("change", "code", "field"), [
    ({"city": "Atlantis"}, "INVALID", "city"),
    ({"city": ""}, "REQUIRED", "city"),
    ({"streetAddress1": ""}, "REQUIRED", "streetAddress1"),
    ({"phone": "12"}, "INVALID", "phone"),
    ({"country": "FR"}, "INVALID", "country"),
    ({"firstName": "x" * 300}, "INVALID", "firstName"),
])
def test_a_refused_shipping_address_changes_nothing(graphql, cart, change, code, field):
    result = graphql(SHIPPING, id=checkout_gid(cart),
                     address={**AGADIR, **change})["data"]["checkoutShippingAddressUpdate"]

    assert (code, field) in _codes(result)
    assert {e["addressType"] for e in result["addressErrors"]} == {"SHIPPING"}
    assert result["checkout"] is None
    assert Checkout.objects.get().shipping_address is None


def test_an_unknown_city_suggests_close_names(graphql, cart):
    result = graphql(SHIPPING, id=checkout_gid(cart), address={**AGADIR, "city": "Agadri"})[
        "data"]["checkoutShippingAddressUpdate"]

    assert " ".join(result["errors"][0]["message"].replace("\u00a0", " ").split()).endswith(
        "Agadir ?")  # French, the default (typographic spaces allowed)


def test_a_nul_character_in_an_address_is_removed(graphql, cart):
    result = graphql(SHIPPING, id=checkout_gid(cart), address={**AGADIR, "lastName": "Ait\x00"})[
        "data"]["checkoutShippingAddressUpdate"]

    assert result["errors"] == []
    assert Checkout.objects.get().shipping_address.last_name == "Ait"


def test_a_new_city_drops_the_chosen_deliveries(graphql, cart, courier):
    ship_to_agadir(cart)
    CheckoutDelivery.objects.create(checkout=cart, cooperative=cart.lines.get().variant.product
                                    .cooperative, option_id="1/1", price_amount="25.00",
                                    short_circuit_level="REGIONAL")

    result = graphql(SHIPPING, id=checkout_gid(cart), address={**AGADIR, "city": "Marrakech"})[
        "data"]["checkoutShippingAddressUpdate"]

    assert result["errors"] == []
    assert result["checkout"]["deliveryGroups"] == [{"selected": None}]
    assert not CheckoutDelivery.objects.exists()


def test_the_billing_address_is_set_and_refusals_name_the_billing_address(graphql, cart):
    done = graphql(BILLING, id=checkout_gid(cart),
                   address=AGADIR)["data"]["checkoutBillingAddressUpdate"]
    refused = graphql(BILLING, id=checkout_gid(cart), address={**AGADIR, "city": "Atlantis"})[
        "data"]["checkoutBillingAddressUpdate"]

    assert done["errors"] == [] and done["checkout"]["billingAddress"]["city"] == "AGADIR"
    assert _codes(refused) == [("INVALID", "city")]
    assert [e["addressType"] for e in refused["addressErrors"]] == ["BILLING"]
    assert Checkout.objects.get().billing_address.city == "AGADIR"


def test_cash_on_delivery_is_offered_and_chosen(graphql, cart, settings):
    settings.DUMMY_PAYMENTS_ENABLED = False

    result = graphql(PAYMENT, id=checkout_gid(cart),
                     gateway="coopstore.cash-on-delivery")["data"]["checkoutPaymentMethodUpdate"]

    assert result["errors"] == []
    assert result["checkout"]["paymentGateway"] == "coopstore.cash-on-delivery"
    assert [g["id"] for g in result["checkout"]["availablePaymentGateways"]] == [
        "coopstore.cash-on-delivery"]
    assert result["checkout"]["availablePaymentGateways"][0]["currencies"] == ["MAD"]
    assert Checkout.objects.get().payment_gateway == "coopstore.cash-on-delivery"


@pytest.mark.parametrize("gateway", ["bitcoin", "saleor.io.dummy-payment-app", "\x00", ""])
def test_a_gateway_that_is_not_offered_is_refused(graphql, cart, settings, gateway):
    settings.DUMMY_PAYMENTS_ENABLED = False

    result = graphql(PAYMENT, id=checkout_gid(cart),
                     gateway=gateway)["data"]["checkoutPaymentMethodUpdate"]

    assert _codes(result) == [("PAYMENT_ERROR", "paymentGateway")]
    assert Checkout.objects.get().payment_gateway == ""


def test_the_dummy_gateway_is_offered_only_where_the_demo_setting_allows_it(graphql, cart,
                                                                           settings):
    settings.DUMMY_PAYMENTS_ENABLED = True

    result = graphql(PAYMENT, id=checkout_gid(cart),
                     gateway="saleor.io.dummy-payment-app")["data"]["checkoutPaymentMethodUpdate"]

    assert result["errors"] == []
    assert "saleor.io.dummy-payment-app" in [
        g["id"] for g in result["checkout"]["availablePaymentGateways"]]


def test_another_customers_checkout_details_cannot_be_changed(graphql, api_login, channel,
                                                              customer, other_customer,
                                                              saffron_variant):
    theirs = make_checkout(channel, [(saffron_variant, 1)], user=customer,
                           email="amina@example.ma")
    api_login(other_customer)

    results = [
        graphql(EMAIL, id=checkout_gid(theirs), email="x@example.ma")["data"][
            "checkoutEmailUpdate"],
        graphql(SHIPPING, id=checkout_gid(theirs), address=AGADIR)["data"][
            "checkoutShippingAddressUpdate"],
        graphql(BILLING, id=checkout_gid(theirs), address=AGADIR)["data"][
            "checkoutBillingAddressUpdate"],
        graphql(PAYMENT, id=checkout_gid(theirs), gateway="coopstore.cash-on-delivery")[
            "data"]["checkoutPaymentMethodUpdate"],
    ]

    assert [_codes(result) for result in results] == [[("NOT_FOUND", "id")]] * 4
    theirs.refresh_from_db()
    assert (theirs.email, theirs.shipping_address_id, theirs.billing_address_id,
            theirs.payment_gateway) == ("amina@example.ma", None, None, "")
