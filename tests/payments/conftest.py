"""Fixtures: the fake Stripe server, Stripe settings pointing at it, checkouts ready to pay,
and a helper delivering webhooks signed exactly as Stripe signs them."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from backend.payments import hooks
from tests.factories.catalog import make_listed_product
from tests.orders.conftest import ready_checkout
from tests.payments.fake_stripe import FakeStripe, sign

WEBHOOK_SECRET = "whsec_coopstore_test"
WEBHOOK_URL = "/webhooks/stripe/"
CARD = {"paymentIntent": {"paymentMethod": "card"}}


@pytest.fixture
def fake_stripe() -> Iterator[FakeStripe]:
    with FakeStripe() as fake:
        yield fake


@pytest.fixture
def stripe_settings(settings, fake_stripe: FakeStripe):
    settings.STRIPE_SECRET_KEY = fake_stripe.secret_key
    settings.STRIPE_PUBLISHABLE_KEY = fake_stripe.publishable_key
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = fake_stripe.url
    settings.DUMMY_PAYMENTS_ENABLED = False
    return settings


@pytest.fixture
def argan(channel):
    return make_listed_product(channel=channel, price="100.00", name="Huile d'argan")


@pytest.fixture
def checkout(channel, argan):
    """Two bottles at 100.00 plus 25.00 of delivery: 225.00 MAD to pay."""
    return ready_checkout(channel, [(argan.default_variant, 2)])


@pytest.fixture
def deliver(client, django_capture_on_commit_callbacks) -> Callable[..., Any]:
    """POST a Stripe event to the webhook endpoint, signed with the endpoint secret, and run
    what it queued after commit (the Celery task, eager here)."""

    def _deliver(event: dict[str, Any], *, secret: str = WEBHOOK_SECRET,
                 signature: str | None = None, body: bytes | None = None):
        payload = body if body is not None else json.dumps(event).encode()
        header = signature if signature is not None else sign(payload, secret)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(WEBHOOK_URL, data=payload, content_type="application/json",
                               HTTP_STRIPE_SIGNATURE=header)

    return _deliver


@pytest.fixture
def money_movements() -> Iterator[list[hooks.MoneyMovement]]:
    """What the fair-pay ledger would be told."""
    seen: list[hooks.MoneyMovement] = []
    hooks.register_money_listener(seen.append)
    yield seen
    hooks.unregister_money_listener(seen.append)
