"""Saleor's transaction API through /graphql/: a Saleor client pays a guest checkout with the
Dummy Payment App or Stripe (the fake server), then checkoutComplete places the order. Every
refusal answers its error code and changes nothing; nobody reaches another customer's checkout
or transaction."""
from __future__ import annotations

import pytest

from backend.orders.models import Checkout, Order
from backend.payments.gateways import DUMMY, STRIPE
from backend.payments.models import TransactionEvent, TransactionItem
from tests.graphql.checkout_helpers import checkout_gid
from tests.graphql.conftest import gid
from tests.orders.conftest import ready_checkout
from tests.payments.conftest import CARD, WEBHOOK_SECRET
from tests.payments.fake_stripe import FakeStripe

pytestmark = pytest.mark.django_db

CHARGE = {"event": {"type": "CHARGE_SUCCESS", "includePspReference": True}}
ERRORS = "errors { field code message }"
TRANSACTION = """transaction { id token actions pspReference name
  authorizedAmount { amount currency } chargedAmount { amount currency }
  refundedAmount { amount } chargePendingAmount { amount }
  events { id type pspReference message amount { amount currency } createdAt } }
transactionEvent { type message pspReference amount { amount } }"""

GATEWAY_INITIALIZE = f"""mutation($id: ID!, $gateways: [PaymentGatewayToInitialize!]) {{
  paymentGatewayInitialize(id: $id, paymentGateways: $gateways) {{
    gatewayConfigs {{ id data errors {{ field code message }} }} {ERRORS} }} }}"""
INITIALIZE = f"""mutation($id: ID!, $gateway: PaymentGatewayToInitialize!, $amount: PositiveDecimal,
                  $key: String, $action: TransactionFlowStrategyEnum) {{
  transactionInitialize(id: $id, paymentGateway: $gateway, amount: $amount,
                        idempotencyKey: $key, action: $action,
                        customerIpAddress: "127.0.0.1") {{
    {TRANSACTION} data {ERRORS} }} }}"""
PROCESS = f"""mutation($id: ID, $token: UUID, $data: JSON) {{
  transactionProcess(id: $id, token: $token, data: $data) {{ {TRANSACTION} data {ERRORS} }} }}"""
COMPLETE = """mutation($id: ID) { checkoutComplete(id: $id) {
  errors { field code message }
  order { id chargeStatus isPaid paymentGateway totalCharged { amount }
          transactions { id chargedAmount { amount } events { type } } } } }"""
CHECKOUT = """query($id: ID!) { checkout(id: $id) {
  chargeStatus authorizeStatus totalBalance { amount }
  transactions { id chargedAmount { amount } events { type } }
  availablePaymentGateways { id config { field value } } } }"""


@pytest.fixture
def fake_stripe():
    with FakeStripe() as fake:
        yield fake


@pytest.fixture
def stripe_settings(settings, fake_stripe):
    """As tests/payments: Stripe's keys, the API base pointing at the fake server, no dummy."""
    settings.STRIPE_SECRET_KEY = fake_stripe.secret_key
    settings.STRIPE_PUBLISHABLE_KEY = fake_stripe.publishable_key
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = fake_stripe.url
    settings.DUMMY_PAYMENTS_ENABLED = False
    return settings


@pytest.fixture
def dummy_allowed(settings):
    settings.DUMMY_PAYMENTS_ENABLED = True
    return settings


@pytest.fixture
def checkout(channel, argan_variant):
    """A guest checkout: 2 x 120.00 + 25.00 of delivery = 265.00 MAD."""
    return ready_checkout(channel, [(argan_variant, 2)])


def _initialize(graphql, checkout, gateway_id=DUMMY, data=None, **variables) -> dict:
    gateway = {"id": gateway_id, "data": CHARGE if data is None else data}
    return graphql(INITIALIZE, id=checkout_gid(checkout), gateway=gateway,
                   **variables)["data"]["transactionInitialize"]


def _nothing_paid(checkout) -> None:
    assert not TransactionItem.objects.exists()
    assert not TransactionEvent.objects.exists()
    assert Checkout.objects.get(token=checkout.token).payment_gateway == checkout.payment_gateway


# --- The Dummy Payment App ------------------------------------------------------------------


def test_a_saleor_client_pays_a_guest_checkout_with_the_dummy_app_then_completes_it(
        graphql, dummy_allowed, checkout):
    configs = graphql(GATEWAY_INITIALIZE, id=checkout_gid(checkout),
                      gateways=[{"id": DUMMY}])["data"]["paymentGatewayInitialize"]
    assert configs == {"errors": [], "gatewayConfigs": [{"id": DUMMY, "data": {},
                                                         "errors": []}]}

    paid = _initialize(graphql, checkout, key="pay-1")

    assert paid["errors"] == []
    item = TransactionItem.objects.get()
    transaction = paid["transaction"]
    assert transaction["id"] == gid("TransactionItem", item.token)
    assert transaction["token"] == str(item.token)
    assert transaction["chargedAmount"] == {"amount": 265.0, "currency": "MAD"}
    assert transaction["authorizedAmount"]["amount"] == 0
    assert transaction["pspReference"] == f"dummy-{item.token.hex}"
    assert transaction["name"] == "Dummy Payment App"
    assert [e["type"] for e in transaction["events"]] == ["CHARGE_SUCCESS"]
    assert paid["transactionEvent"]["type"] == "CHARGE_SUCCESS"
    assert paid["transactionEvent"]["amount"] == {"amount": 265.0}

    seen = graphql(CHECKOUT, id=checkout_gid(checkout))["data"]["checkout"]
    assert (seen["chargeStatus"], seen["authorizeStatus"]) == ("FULL", "FULL")
    assert seen["totalBalance"]["amount"] == 0
    assert seen["transactions"] == [{"id": transaction["id"], "chargedAmount": {"amount": 265.0},
                                     "events": [{"type": "CHARGE_SUCCESS"}]}]

    placed = graphql(COMPLETE, id=checkout_gid(checkout))["data"]["checkoutComplete"]

    assert placed["errors"] == []
    order = placed["order"]
    assert (order["chargeStatus"], order["isPaid"], order["paymentGateway"]) == (
        "FULL", True, DUMMY)
    assert order["totalCharged"]["amount"] == 265.0
    assert [t["id"] for t in order["transactions"]] == [transaction["id"]]
    assert Order.objects.get().charge_status == "full"
    assert not Checkout.objects.filter(token=checkout.token).exists()


def test_the_same_idempotency_key_gives_back_the_same_transaction(graphql, dummy_allowed,
                                                                  checkout):
    first = _initialize(graphql, checkout, key="same")
    again = _initialize(graphql, checkout, key="same")

    assert again["errors"] == []
    assert again["transaction"]["id"] == first["transaction"]["id"]
    assert TransactionItem.objects.count() == 1
    assert TransactionEvent.objects.count() == 1


def test_an_authorization_then_process_charges_nothing_twice(graphql, dummy_allowed, checkout):
    started = _initialize(graphql, checkout, data={"event": {"type": "CHARGE_ACTION_REQUIRED"}})
    assert started["errors"] == []
    assert started["transactionEvent"]["type"] == "CHARGE_ACTION_REQUIRED"

    processed = graphql(PROCESS, id=started["transaction"]["id"],
                        data=CHARGE)["data"]["transactionProcess"]

    assert processed["errors"] == []
    assert processed["transactionEvent"]["type"] == "CHARGE_SUCCESS"
    assert processed["transaction"]["chargedAmount"]["amount"] == 265.0


def test_the_dummy_app_is_refused_with_a_clear_error_when_the_setting_is_off(
        graphql, settings, checkout):
    settings.DUMMY_PAYMENTS_ENABLED = False

    refused = _initialize(graphql, checkout)

    assert refused["transaction"] is None
    [error] = refused["errors"]
    assert (error["code"], error["field"]) == ("INVALID", "paymentGateway")
    assert "DUMMY_PAYMENTS_ENABLED" in error["message"]
    _nothing_paid(checkout)
    configs = graphql(GATEWAY_INITIALIZE, id=checkout_gid(checkout),
                      gateways=[{"id": DUMMY}])["data"]["paymentGatewayInitialize"]
    assert configs["gatewayConfigs"][0]["errors"][0]["code"] == "NOT_FOUND"


@pytest.mark.parametrize(("gateway_id", "data", "variables", "code", "field"), [
    ("saleor.io.unknown-app", CHARGE, {}, "NOT_FOUND", "paymentGateway"),
    (DUMMY, {"event": {"type": "NOT_AN_EVENT"}}, {}, "INVALID", "paymentGateway"),
    (DUMMY, {"nothing": True}, {}, "INVALID", "paymentGateway"),
    (DUMMY, CHARGE, {"key": "  "}, "INVALID", "idempotencyKey"),
    (DUMMY, CHARGE, {"amount": 0}, "INVALID", "amount"),
], ids=["unknown-gateway", "unknown-event", "no-event", "blank-key", "zero-amount"])
def test_transaction_initialize_refusals_change_nothing(graphql, dummy_allowed, checkout,
                                                        gateway_id, data, variables, code,
                                                        field):
    refused = _initialize(graphql, checkout, gateway_id, data, **variables)

    assert refused["transaction"] is None
    assert [(e["code"], e["field"]) for e in refused["errors"]] == [(code, field)]
    _nothing_paid(checkout)


def test_an_idempotency_key_reused_for_another_amount_is_unique(graphql, dummy_allowed,
                                                                checkout):
    _initialize(graphql, checkout, key="k", amount=100)

    refused = _initialize(graphql, checkout, key="k", amount=50)

    assert [(e["code"], e["field"]) for e in refused["errors"]] == [("UNIQUE", "idempotencyKey")]
    assert TransactionItem.objects.count() == 1


@pytest.mark.parametrize(("checkout_id", "code"), [
    ("not-an-id", "GRAPHQL_ERROR"),
    (gid("Order", "5e0a1c2d-0000-4000-8000-000000000000"), "GRAPHQL_ERROR"),
    (gid("Checkout", "5e0a1c2d-0000-4000-8000-000000000000"), "NOT_FOUND"),
], ids=["malformed", "another-type", "unknown-checkout"])
def test_initialize_and_gateway_initialize_refuse_bad_ids(graphql, dummy_allowed, checkout,
                                                          checkout_id, code):
    refused = graphql(INITIALIZE, id=checkout_id, gateway={"id": DUMMY, "data": CHARGE})
    assert [e["code"] for e in refused["data"]["transactionInitialize"]["errors"]] == [code]
    configs = graphql(GATEWAY_INITIALIZE, id=checkout_id)["data"]["paymentGatewayInitialize"]
    assert [e["code"] for e in configs["errors"]] == [code]
    assert configs["gatewayConfigs"] == []
    _nothing_paid(checkout)


def test_a_negative_amount_is_refused_by_the_scalar(graphql, dummy_allowed, checkout):
    body = graphql(INITIALIZE, id=checkout_gid(checkout), gateway={"id": DUMMY, "data": CHARGE},
                   amount=-5)

    assert "cannot be lower than 0" in body["errors"][0]["message"]
    _nothing_paid(checkout)


def test_another_customers_checkout_and_transaction_are_unreachable(
        graphql, api_login, dummy_allowed, channel, argan_variant, customer,
        other_customer):
    theirs = ready_checkout(channel, [(argan_variant, 1)])
    theirs.user = customer
    theirs.save(update_fields=["user"])
    api_login(other_customer)

    refused = _initialize(graphql, theirs)
    assert [(e["code"], e["field"]) for e in refused["errors"]] == [("NOT_FOUND", "id")]
    configs = graphql(GATEWAY_INITIALIZE, id=checkout_gid(theirs))["data"]
    assert configs["paymentGatewayInitialize"]["errors"][0]["code"] == "NOT_FOUND"
    assert not TransactionItem.objects.exists()

    api_login(customer)
    paid = _initialize(graphql, theirs, data={"event": {"type": "CHARGE_ACTION_REQUIRED"}})
    assert paid["errors"] == []
    api_login(other_customer)
    for variables in ({"id": paid["transaction"]["id"]},
                      {"token": paid["transaction"]["token"]}):
        processed = graphql(PROCESS, data=CHARGE, **variables)["data"]["transactionProcess"]
        assert processed["transaction"] is None
        assert processed["errors"][0]["code"] == "NOT_FOUND"
    assert TransactionEvent.objects.count() == 1
    assert TransactionItem.objects.get().charged_amount == 0


@pytest.mark.parametrize(("variables", "code"), [
    ({}, "GRAPHQL_ERROR"),
    ({"id": "bm9wZQ=="}, "GRAPHQL_ERROR"),
    ({"token": "5e0a1c2d-0000-4000-8000-000000000000"}, "NOT_FOUND"),
], ids=["no-id", "malformed", "unknown"])
def test_transaction_process_refuses_unknown_transactions(graphql, dummy_allowed, variables,
                                                          code):
    processed = graphql(PROCESS, data=CHARGE, **variables)["data"]["transactionProcess"]

    assert [e["code"] for e in processed["errors"]] == [code]
    assert processed["transaction"] is None


def test_process_of_a_dummy_transaction_is_refused_once_the_setting_is_off(
        graphql, dummy_allowed, settings, checkout):
    started = _initialize(graphql, checkout, data={"event": {"type": "CHARGE_ACTION_REQUIRED"}})
    settings.DUMMY_PAYMENTS_ENABLED = False

    processed = graphql(PROCESS, id=started["transaction"]["id"],
                        data=CHARGE)["data"]["transactionProcess"]

    assert [e["code"] for e in processed["errors"]] == ["MISSING_PAYMENT_APP"]
    assert TransactionEvent.objects.count() == 1


# --- Stripe, through the fake server --------------------------------------------------------


def test_a_card_payment_through_stripe_then_checkout_complete(graphql, stripe_settings,
                                                              fake_stripe, checkout):
    configs = graphql(GATEWAY_INITIALIZE, id=checkout_gid(checkout),
                      gateways=[{"id": STRIPE}])["data"]["paymentGatewayInitialize"]
    assert configs["gatewayConfigs"] == [{
        "id": STRIPE, "data": {"stripePublishableKey": fake_stripe.publishable_key},
        "errors": []}]
    gateways = graphql(CHECKOUT, id=checkout_gid(checkout))["data"]["checkout"][
        "availablePaymentGateways"]
    stripe = next(g for g in gateways if g["id"] == STRIPE)
    assert stripe["config"] == [{"field": "stripePublishableKey",
                                 "value": fake_stripe.publishable_key}]

    started = _initialize(graphql, checkout, STRIPE, CARD, key="card-1")

    assert started["errors"] == []
    intent_id = started["transaction"]["pspReference"]
    secret = started["data"]["paymentIntent"]["stripeClientSecret"]
    assert secret == fake_stripe.payment_intents[intent_id]["client_secret"]
    assert fake_stripe.payment_intents[intent_id]["amount"] == 26500
    assert started["transaction"]["chargedAmount"]["amount"] == 0
    status, _ = fake_stripe.confirm(intent_id, "pm_card_visa")
    assert status == 200

    processed = graphql(PROCESS, id=started["transaction"]["id"])["data"]["transactionProcess"]

    assert processed["errors"] == []
    assert processed["transaction"]["chargedAmount"]["amount"] == 265.0
    assert processed["transactionEvent"]["type"] == "CHARGE_SUCCESS"
    placed = graphql(COMPLETE, id=checkout_gid(checkout))["data"]["checkoutComplete"]
    assert placed["errors"] == []
    assert (placed["order"]["chargeStatus"], placed["order"]["paymentGateway"]) == (
        "FULL", STRIPE)


def test_a_declined_card_is_recorded_and_the_checkout_stays(graphql, stripe_settings,
                                                            fake_stripe, checkout):
    started = _initialize(graphql, checkout, STRIPE, CARD)
    fake_stripe.confirm(started["transaction"]["pspReference"], "pm_card_visa_chargeDeclined")

    processed = graphql(PROCESS, id=started["transaction"]["id"])["data"]["transactionProcess"]

    assert processed["errors"] == []
    assert processed["transactionEvent"]["type"] == "CHARGE_FAILURE"
    assert processed["transactionEvent"]["message"]
    assert processed["transaction"]["chargedAmount"]["amount"] == 0
    placed = graphql(COMPLETE, id=checkout_gid(checkout))["data"]["checkoutComplete"]
    assert placed["order"] is None
    assert Checkout.objects.filter(token=checkout.token).exists()


def test_stripe_with_bad_data_is_refused(graphql, stripe_settings, fake_stripe, checkout):
    refused = _initialize(graphql, checkout, STRIPE, {"paymentIntent": {"paymentMethod": "sepa"}})

    assert [(e["code"], e["field"]) for e in refused["errors"]] == [("INVALID", "paymentGateway")]
    assert fake_stripe.requests_to("POST", "/v1/payment_intents") == []
    _nothing_paid(checkout)
