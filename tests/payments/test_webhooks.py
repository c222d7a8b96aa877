"""The Stripe webhook endpoint: real signature checks, each event processed exactly once."""
from __future__ import annotations

import json
import logging
import time
from decimal import Decimal

import pytest
import stripe

from backend.orders.models import Checkout, Order
from backend.payments.gateways import STRIPE
from backend.payments.models import StripeWebhookEvent, TransactionEvent, TransactionItem
from backend.payments.services import transaction_initialize
from backend.payments.services.webhooks import stripe_webhook_process
from backend.payments.tasks import stripe_webhook_event_process
from catalog.models import Stock
from tests.payments.conftest import CARD, WEBHOOK_SECRET, WEBHOOK_URL
from tests.payments.fake_stripe import sign

pytestmark = pytest.mark.django_db


def _paid_intent(fake_stripe, checkout, *, decline_first: bool = False) -> str:
    result = transaction_initialize(checkout=checkout, gateway_id=STRIPE, data=CARD,
                                    idempotency_key="web-1")
    intent_id = result.transaction.psp_reference
    if decline_first:
        fake_stripe.confirm(intent_id, "pm_card_visa_chargeDeclined")
    fake_stripe.confirm(intent_id, "pm_card_visa")
    return intent_id


def _snapshot() -> tuple:
    return (Order.objects.count(), StripeWebhookEvent.objects.count(),
            list(TransactionEvent.objects.values_list("type", flat=True)),
            list(TransactionItem.objects.values_list("charged_amount", "order_id")))


def test_our_signature_helper_signs_exactly_as_stripe_does():
    payload = '{"id": "evt_1", "type": "payment_intent.succeeded"}'

    ours = sign(payload, WEBHOOK_SECRET, timestamp=1_700_000_000)

    assert ours == stripe.WebhookSignature.generate_signature_header(
        payload, WEBHOOK_SECRET, timestamp=1_700_000_000)


def test_the_same_webhooks_three_times_and_in_reverse_order_make_one_paid_order(
        stripe_settings, fake_stripe, checkout, deliver):
    """Given a decline then a success on one PaymentIntent, when Stripe delivers both events
    newest first, three times each, then there is one paid order and one charge."""
    _paid_intent(fake_stripe, checkout, decline_first=True)
    failed = fake_stripe.events_of("payment_intent.payment_failed")
    succeeded = fake_stripe.events_of("payment_intent.succeeded")
    assert len(failed) == len(succeeded) == 1

    for event in [*succeeded, *failed] * 3:
        assert deliver(event).status_code == 200

    order = Order.objects.get()
    assert order.charge_status == "full"
    assert order.total_charged_amount == Decimal("225.00")
    item = TransactionItem.objects.get()
    assert item.events.filter(type="CHARGE_SUCCESS").count() == 1
    # The decline arrived after the success of the same PaymentIntent: stale, not recorded.
    assert not item.events.filter(type="CHARGE_FAILURE").exists()
    stored = {e.type: e for e in StripeWebhookEvent.objects.all()}
    assert {t: (e.deliveries, e.processed_at is not None) for t, e in stored.items()} == {
        "payment_intent.succeeded": (3, True), "payment_intent.payment_failed": (3, True)}
    assert "order #" in stored["payment_intent.succeeded"].outcome


def test_in_order_delivery_records_the_decline_then_the_success(stripe_settings, fake_stripe,
                                                                checkout, deliver):
    _paid_intent(fake_stripe, checkout, decline_first=True)

    for event in fake_stripe.events_of("payment_intent.payment_failed") + fake_stripe.events_of(
            "payment_intent.succeeded"):
        deliver(event)

    item = TransactionItem.objects.get()
    assert list(item.events.values_list("type", flat=True)) == [
        "CHARGE_ACTION_REQUIRED", "CHARGE_FAILURE", "CHARGE_SUCCESS"]
    assert Order.objects.get().charge_status == "full"


@pytest.mark.parametrize("tamper", ["body", "secret", "missing", "garbage", "stale"])
def test_a_bad_signature_is_refused_logged_and_changes_nothing(
        stripe_settings, fake_stripe, checkout, deliver, caplog, tamper):
    _paid_intent(fake_stripe, checkout)
    [event] = fake_stripe.events_of("payment_intent.succeeded")
    payload = json.dumps(event).encode()
    before = _snapshot()
    options: dict = {}
    if tamper == "body":
        options = {"signature": sign(payload, WEBHOOK_SECRET),
                   "body": payload.replace(b'"amount": 22500', b'"amount": 1')}
    elif tamper == "secret":
        options = {"secret": "whsec_not_ours"}
    elif tamper == "missing":
        options = {"signature": ""}
    elif tamper == "garbage":
        options = {"signature": "t=1,v1=deadbeef"}
    else:  # a genuine signature replayed after Stripe's five-minute tolerance
        options = {"signature": sign(payload, WEBHOOK_SECRET, timestamp=int(time.time()) - 600)}

    with caplog.at_level(logging.WARNING, logger="backend.payments.views"):
        response = deliver(event, **options)

    assert response.status_code == 400
    assert "Stripe webhook refused" in caplog.text
    assert _snapshot() == before
    assert Checkout.objects.filter(token=checkout.token).exists()


def test_webhooks_are_refused_when_no_endpoint_secret_is_configured(
        stripe_settings, fake_stripe, checkout, deliver):
    _paid_intent(fake_stripe, checkout)
    [event] = fake_stripe.events_of("payment_intent.succeeded")
    stripe_settings.STRIPE_WEBHOOK_SECRET = ""

    assert deliver(event).status_code == 400
    assert not StripeWebhookEvent.objects.exists()


def test_only_post_is_accepted(client):
    assert client.get(WEBHOOK_URL).status_code == 405


def test_a_processed_event_run_again_by_a_retried_task_has_no_second_effect(
        stripe_settings, fake_stripe, checkout, deliver):
    _paid_intent(fake_stripe, checkout)
    deliver(fake_stripe.events_of("payment_intent.succeeded")[0])
    stored = StripeWebhookEvent.objects.get()
    before = _snapshot()

    assert stripe_webhook_event_process.delay(stored.event_id).get() is None
    assert stripe_webhook_process(event_id=stored.event_id) is None

    assert _snapshot() == before


def test_unknown_event_types_are_stored_and_ignored(stripe_settings, fake_stripe, checkout,
                                                    deliver):
    _paid_intent(fake_stripe, checkout)
    [created] = fake_stripe.events_of("payment_intent.created")

    assert deliver(created).status_code == 200

    stored = StripeWebhookEvent.objects.get()
    assert (stored.type, stored.outcome) == ("payment_intent.created", "ignored")
    assert not Order.objects.exists()


def test_an_intent_created_outside_coopstore_is_recorded_as_unknown(stripe_settings, deliver,
                                                                    fake_stripe):
    event = fake_stripe.event("payment_intent.succeeded", {
        "id": "pi_elsewhere", "object": "payment_intent", "amount": 1000, "currency": "mad",
        "status": "succeeded", "amount_received": 1000})

    assert deliver(event).status_code == 200
    assert StripeWebhookEvent.objects.get().outcome == "unknown payment intent pi_elsewhere"


def test_a_paid_checkout_that_can_no_longer_be_ordered_is_reported_not_lost(
        stripe_settings, fake_stripe, checkout, deliver):
    _paid_intent(fake_stripe, checkout)
    Stock.objects.update(quantity=0)  # sold out in the shop while the customer paid

    deliver(fake_stripe.events_of("payment_intent.succeeded")[0])

    stored = StripeWebhookEvent.objects.get()
    assert stored.processed_at is not None
    assert stored.outcome.endswith("order could not be placed (insufficient_stock)")
    item = TransactionItem.objects.get()
    assert item.charged_amount == Decimal("225.00")  # the money is recorded for a refund
    assert not Order.objects.exists()


def test_a_dispute_is_recorded_on_the_transaction(stripe_settings, fake_stripe, checkout,
                                                  deliver):
    intent_id = _paid_intent(fake_stripe, checkout)
    deliver(fake_stripe.events_of("payment_intent.succeeded")[0])
    fake_stripe.open_dispute(intent_id, reason="fraudulent")

    deliver(fake_stripe.events_of("charge.dispute.created")[0])

    item = TransactionItem.objects.get()
    info = item.events.get(type="INFO")
    assert (info.reason_code, info.amount) == ("dispute", Decimal("225.00"))
    assert "fraudulent" in info.message
    assert item.charged_amount == Decimal("225.00")


def test_payment_failed_alone_is_recorded_and_leaves_the_checkout(stripe_settings, fake_stripe,
                                                                  checkout, deliver):
    result = transaction_initialize(checkout=checkout, gateway_id=STRIPE, data=CARD)
    fake_stripe.confirm(result.transaction.psp_reference,
                        "pm_card_visa_chargeDeclinedInsufficientFunds")

    deliver(fake_stripe.events_of("payment_intent.payment_failed")[0])

    failure = TransactionEvent.objects.get(type="CHARGE_FAILURE")
    assert failure.reason_code == "insufficient_funds"
    assert failure.message.startswith("Votre carte est insuffisamment approvisionnée")
    assert failure.source.startswith("webhook evt_")
    assert Checkout.objects.filter(token=checkout.token).exists()
    assert not Order.objects.exists()


def test_the_client_secret_is_not_kept_in_the_stored_event(stripe_settings, fake_stripe,
                                                           checkout, deliver):
    _paid_intent(fake_stripe, checkout)
    [event] = fake_stripe.events_of("payment_intent.succeeded")
    assert "client_secret" in event["data"]["object"]

    deliver(event)

    assert "client_secret" not in StripeWebhookEvent.objects.get().payload["data"]["object"]
