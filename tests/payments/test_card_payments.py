"""Card payments end to end: transactionInitialize → Stripe.js confirm (simulated against the fake
server) → transactionProcess or the signed webhook → one paid order."""
from __future__ import annotations

from decimal import Decimal

import pytest

from backend.core.errors import DomainError
from backend.orders.models import Checkout, Order
from backend.orders.services.checkout_complete import checkout_complete
from backend.payments.error_codes import TransactionInitializeErrorCode
from backend.payments.gateways import STRIPE, available_gateways
from backend.payments.models import TransactionEvent, TransactionItem
from backend.payments.services import (
    payment_gateway_initialize,
    transaction_initialize,
    transaction_process,
)
from tests.payments.conftest import CARD

pytestmark = pytest.mark.django_db


def _start(checkout, key: str = "pay-1", **kwargs):
    return transaction_initialize(checkout=checkout, gateway_id=STRIPE, data=CARD,
                                  idempotency_key=key, **kwargs)


def test_payment_gateway_initialize_answers_the_publishable_key(stripe_settings, checkout):
    configs = payment_gateway_initialize(checkout=checkout, gateways=[{"id": STRIPE}])

    assert [(c.id, c.data, c.errors) for c in configs] == [
        (STRIPE, {"stripePublishableKey": stripe_settings.STRIPE_PUBLISHABLE_KEY}, [])]


def test_without_keys_the_card_gateway_is_hidden_and_refused(settings, checkout):
    settings.STRIPE_SECRET_KEY = settings.STRIPE_PUBLISHABLE_KEY = ""

    assert STRIPE not in [g.id for g in available_gateways("MAD")]
    [config] = payment_gateway_initialize(checkout=checkout, gateways=[{"id": STRIPE}])
    assert config.data is None and config.errors[0].code == "not_found"
    with pytest.raises(DomainError) as refused:
        _start(checkout)
    assert refused.value.errors[0].code == TransactionInitializeErrorCode.NOT_FOUND
    assert not TransactionItem.objects.exists()


def test_initialize_creates_a_payment_intent_in_minor_units_with_an_idempotency_key(
        stripe_settings, fake_stripe, checkout):
    result = _start(checkout)

    [intent] = fake_stripe.payment_intents.values()
    assert intent["amount"] == 22500
    assert intent["currency"] == "mad"
    assert intent["payment_method_types"] == ["card"]
    assert intent["metadata"]["checkout"] == str(checkout.token)
    assert intent["metadata"]["transaction"] == str(result.transaction.token)
    [create] = fake_stripe.requests_to("POST", "/v1/payment_intents")
    assert create.idempotency_key == f"coopstore-pi-{result.transaction.token}"
    assert result.data == {"paymentIntent": {"stripeClientSecret": intent["client_secret"]}}
    assert result.event.type == "CHARGE_ACTION_REQUIRED"
    assert result.transaction.psp_reference == intent["id"]
    assert result.transaction.charged_amount == 0
    checkout.refresh_from_db()
    assert checkout.payment_gateway == STRIPE


def test_the_same_idempotency_key_returns_the_same_transaction_and_payment_intent(
        stripe_settings, fake_stripe, checkout):
    first = _start(checkout)
    second = _start(checkout)

    assert second.transaction.pk == first.transaction.pk
    assert second.data == first.data
    assert len(fake_stripe.payment_intents) == 1
    assert TransactionItem.objects.count() == 1
    assert TransactionEvent.objects.count() == 1


def test_the_same_idempotency_key_for_another_amount_is_refused(stripe_settings, checkout):
    _start(checkout)

    with pytest.raises(DomainError) as refused:
        _start(checkout, amount="10.00")

    assert refused.value.errors[0].code == TransactionInitializeErrorCode.UNIQUE
    assert TransactionItem.objects.count() == 1


def test_card_payment_end_to_end_when_the_browser_never_comes_back(
        stripe_settings, fake_stripe, checkout, deliver, money_movements):
    """Given a PaymentIntent confirmed in the browser, when only Stripe's signed webhook
    arrives, then the order is placed and fully paid."""
    result = _start(checkout)
    intent_id = result.transaction.psp_reference
    status, _ = fake_stripe.confirm(intent_id, "pm_card_visa")
    assert status == 200

    [succeeded] = fake_stripe.events_of("payment_intent.succeeded")
    response = deliver(succeeded)

    assert response.status_code == 200
    order = Order.objects.get()
    assert order.checkout_token == checkout.token
    assert order.total_amount == Decimal("225.00")
    assert order.total_charged_amount == Decimal("225.00")
    assert order.charge_status == "full"
    assert order.authorize_status == "full"
    assert order.payment_gateway == STRIPE
    assert not Checkout.objects.filter(token=checkout.token).exists()
    item = TransactionItem.objects.get()
    assert item.order_id == order.pk
    assert item.charged_amount == Decimal("225.00")
    assert item.available_actions == ["REFUND"]
    assert list(item.events.values_list("type", flat=True)) == [
        "CHARGE_ACTION_REQUIRED", "CHARGE_SUCCESS"]
    assert [(m.kind, m.amount, m.order_id) for m in money_movements] == [
        ("charge", Decimal("225.00"), str(order.pk))]


def test_card_payment_when_the_browser_comes_back_then_the_webhook_adds_nothing(
        stripe_settings, fake_stripe, checkout, deliver):
    result = _start(checkout)
    fake_stripe.confirm(result.transaction.psp_reference)

    processed = transaction_process(transaction_token=result.transaction.token)
    assert processed.event.type == "CHARGE_SUCCESS"
    assert processed.transaction.charged_amount == Decimal("225.00")
    order = checkout_complete(checkout_token=checkout.token).order
    deliver(fake_stripe.events_of("payment_intent.succeeded")[0])

    assert Order.objects.count() == 1
    order.refresh_from_db()
    assert order.charge_status == "full"
    assert order.total_charged_amount == Decimal("225.00")
    item = TransactionItem.objects.get()
    assert item.order_id == order.pk
    assert item.events.filter(type="CHARGE_SUCCESS").count() == 1


def test_process_again_after_success_does_not_ask_stripe_again(stripe_settings, fake_stripe,
                                                              checkout):
    result = _start(checkout)
    fake_stripe.confirm(result.transaction.psp_reference)
    transaction_process(transaction_token=result.transaction.token)
    asked = len(fake_stripe.requests)

    again = transaction_process(transaction_token=result.transaction.token)

    assert again.event.type == "CHARGE_SUCCESS"
    assert len(fake_stripe.requests) == asked


def test_a_3d_secure_payment_waits_for_the_customer_then_succeeds(stripe_settings, fake_stripe,
                                                                  checkout):
    result = _start(checkout)
    intent_id = result.transaction.psp_reference
    status, intent = fake_stripe.confirm(intent_id, "pm_card_threeDSecure2Required")
    assert (status, intent["status"]) == (200, "requires_action")

    waiting = transaction_process(transaction_token=result.transaction.token)
    assert waiting.event.type == "CHARGE_ACTION_REQUIRED"
    assert waiting.data["paymentIntent"]["status"] == "requires_action"
    assert waiting.data["paymentIntent"]["stripeClientSecret"] == intent["client_secret"]
    assert waiting.transaction.charged_amount == 0

    fake_stripe.complete_action(intent_id)
    done = transaction_process(transaction_token=result.transaction.token)

    assert done.event.type == "CHARGE_SUCCESS"
    assert done.transaction.charged_amount == Decimal("225.00")


@pytest.mark.parametrize(("language", "expected"), [
    ("fr", "Votre carte est insuffisamment approvisionnée. Veuillez essayer une autre carte."),
    ("ar", "رصيد بطاقتك غير كافٍ. يرجى تجربة بطاقة أخرى."),
    ("en", "Your card has insufficient funds. Please try another card."),
])
def test_a_declined_card_is_explained_in_the_customers_language(
        stripe_settings, fake_stripe, checkout, language, expected):
    checkout.language_code = language
    checkout.save(update_fields=["language_code"])
    result = _start(checkout)
    status, body = fake_stripe.confirm(result.transaction.psp_reference,
                                       "pm_card_visa_chargeDeclinedInsufficientFunds")
    assert (status, body["error"]["decline_code"]) == (402, "insufficient_funds")

    processed = transaction_process(transaction_token=result.transaction.token)

    assert processed.event.type == "CHARGE_FAILURE"
    assert processed.event.message == expected
    assert processed.event.reason_code == "insufficient_funds"
    assert processed.transaction.charged_amount == 0
    assert Checkout.objects.filter(token=checkout.token).exists()


def test_a_stolen_card_gets_the_generic_message_in_arabic(stripe_settings, fake_stripe,
                                                          checkout):
    result = _start(checkout)
    fake_stripe.confirm(result.transaction.psp_reference, "pm_card_visa_chargeDeclinedStolenCard")

    processed = transaction_process(transaction_token=result.transaction.token, language="ar")

    assert processed.event.message == ("تم رفض بطاقتك. يرجى تجربة بطاقة أخرى أو الدفع عند "
                                       "الاستلام.")


def test_a_declined_checkout_cannot_be_completed_and_keeps_its_stock(stripe_settings,
                                                                     fake_stripe, checkout):
    result = _start(checkout)
    fake_stripe.confirm(result.transaction.psp_reference, "pm_card_visa_chargeDeclined")
    transaction_process(transaction_token=result.transaction.token)

    with pytest.raises(DomainError) as refused:
        checkout_complete(checkout_token=checkout.token)

    assert refused.value.errors[0].code == "checkout_not_fully_paid"
    assert not Order.objects.exists()
    line = checkout.lines.get()
    line.variant.stock.refresh_from_db()
    assert line.variant.stock.quantity_allocated == 0


def test_a_stripe_500_on_create_is_retried_with_the_same_idempotency_key(
        stripe_settings, fake_stripe, checkout):
    fake_stripe.fail_next("POST", "/v1/payment_intents", status=500, times=1)

    result = _start(checkout)

    attempts = fake_stripe.requests_to("POST", "/v1/payment_intents")
    assert [a.status for a in attempts] == [500, 200]
    assert len({a.idempotency_key for a in attempts}) == 1
    assert attempts[0].idempotency_key == f"coopstore-pi-{result.transaction.token}"
    assert len(fake_stripe.payment_intents) == 1
    assert result.event.type == "CHARGE_ACTION_REQUIRED"


def test_stripe_down_records_a_failure_and_the_same_key_resumes_the_same_intent(
        stripe_settings, fake_stripe, checkout):
    stripe_settings.STRIPE_MAX_NETWORK_RETRIES = 1
    fake_stripe.fail_next("POST", "/v1/payment_intents", status=503, times=2)

    failed = _start(checkout)
    assert failed.event.type == "CHARGE_FAILURE"
    assert failed.event.message == ("Le service de paiement par carte est indisponible. "
                                    "Veuillez réessayer dans un instant.")
    assert failed.data is None

    resumed = _start(checkout)

    assert resumed.transaction.pk == failed.transaction.pk
    assert resumed.event.type == "CHARGE_ACTION_REQUIRED"
    keys = {a.idempotency_key for a in fake_stripe.requests_to("POST", "/v1/payment_intents")}
    assert keys == {f"coopstore-pi-{failed.transaction.token}"}
    assert len(fake_stripe.payment_intents) == 1
