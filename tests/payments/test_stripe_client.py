"""The Stripe edge against the fake server: minor units, idempotency keys, error mapping."""
from __future__ import annotations

from decimal import Decimal

import pytest

from backend.payments import stripe_client


def test_a_payment_intent_round_trips_in_minor_units(stripe_settings, fake_stripe):
    intent = stripe_client.payment_intent_create(
        amount=Decimal("189.50"), currency="MAD", metadata={"order": 7},
        idempotency_key="pi-key")

    assert fake_stripe.payment_intents[intent.id]["amount"] == 18950
    assert fake_stripe.payment_intents[intent.id]["metadata"] == {"order": "7"}
    again = stripe_client.payment_intent_retrieve(intent.id)
    assert (again.amount, again.currency, again.status) == (
        Decimal("189.50"), "MAD", "requires_payment_method")


def test_a_replayed_create_returns_the_same_intent(stripe_settings, fake_stripe):
    first = stripe_client.payment_intent_create(amount=Decimal("10"), currency="MAD",
                                                metadata={}, idempotency_key="same")
    second = stripe_client.payment_intent_create(amount=Decimal("10"), currency="MAD",
                                                 metadata={}, idempotency_key="same")

    assert first.id == second.id
    assert len(fake_stripe.payment_intents) == 1


def test_a_key_reused_with_other_parameters_is_refused(stripe_settings, fake_stripe):
    stripe_client.payment_intent_create(amount=Decimal("10"), currency="MAD", metadata={},
                                        idempotency_key="same")

    with pytest.raises(stripe_client.ProviderRequestRefused):
        stripe_client.payment_intent_create(amount=Decimal("11"), currency="MAD", metadata={},
                                            idempotency_key="same")


def test_timeouts_and_5xx_are_retried_then_reported_unavailable(stripe_settings, fake_stripe):
    stripe_settings.STRIPE_MAX_NETWORK_RETRIES = 1
    fake_stripe.fail_next("POST", "/v1/transfers", status=502, times=2)
    fake_stripe.add_account("acct_coop")

    with pytest.raises(stripe_client.ProviderUnavailable):
        stripe_client.transfer_create(amount=Decimal("50"), currency="MAD",
                                      destination="acct_coop", idempotency_key="payout-1",
                                      metadata={})

    attempts = fake_stripe.requests_to("POST", "/v1/transfers")
    assert [(a.status, a.idempotency_key) for a in attempts] == [(502, "payout-1")] * 2


def test_a_connect_transfer_and_an_account(stripe_settings, fake_stripe):
    fake_stripe.add_account("acct_coop", payouts_enabled=False)

    transfer = stripe_client.transfer_create(
        amount=Decimal("1234.56"), currency="MAD", destination="acct_coop",
        idempotency_key="payout-run-3-coop-9", metadata={"payout_run": "3"},
        transfer_group="run-3")
    account = stripe_client.account_retrieve("acct_coop")

    assert (transfer.amount, transfer.currency, transfer.destination) == (
        Decimal("1234.56"), "MAD", "acct_coop")
    assert fake_stripe.transfers[transfer.id]["amount"] == 123456
    [call] = fake_stripe.requests_to("POST", "/v1/transfers")
    assert call.idempotency_key == "payout-run-3-coop-9"
    assert (account.charges_enabled, account.payouts_enabled) == (True, False)
    with pytest.raises(stripe_client.ProviderRequestRefused):
        stripe_client.account_retrieve("acct_missing")


def test_a_wrong_secret_key_is_a_configuration_error(stripe_settings):
    stripe_settings.STRIPE_SECRET_KEY = "sk_test_wrong"

    with pytest.raises(stripe_client.ProviderNotConfigured):
        stripe_client.payment_intent_retrieve("pi_x")


def test_no_secret_key_means_no_call(settings):
    settings.STRIPE_SECRET_KEY = ""

    with pytest.raises(stripe_client.ProviderNotConfigured):
        stripe_client.payment_intent_retrieve("pi_x")
