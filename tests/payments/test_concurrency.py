"""Real parallel database connections: the browser and Stripe's webhooks racing on one
payment make one order; and the webhook task runs on a real Celery worker (JSON arguments)."""
from __future__ import annotations

import json
import threading

import pytest
from django.db import connection

from backend.celery import app as celery_app
from backend.orders.models import Order
from backend.orders.services.checkout_complete import checkout_complete
from backend.payments import hooks
from backend.payments.gateways import STRIPE
from backend.payments.models import StripeWebhookEvent, TransactionEvent, TransactionItem
from backend.payments.services import transaction_initialize, transaction_process
from backend.payments.services.webhooks import stripe_webhook_receive
from tests.factories.catalog import ChannelFactory, make_listed_product
from tests.orders.conftest import ready_checkout
from tests.payments.conftest import CARD, WEBHOOK_URL
from tests.payments.fake_stripe import sign

pytestmark = pytest.mark.django_db(transaction=True)


def _paid_checkout(fake_stripe):
    channel = ChannelFactory()
    product = make_listed_product(channel=channel, price="100.00")
    checkout = ready_checkout(channel, [(product.default_variant, 2)])
    result = transaction_initialize(checkout=checkout, gateway_id=STRIPE, data=CARD,
                                    idempotency_key="race")
    fake_stripe.confirm(result.transaction.psp_reference)
    return checkout, result.transaction


def test_the_browser_and_three_webhook_deliveries_racing_make_one_order(stripe_settings,
                                                                        fake_stripe):
    checkout, item = _paid_checkout(fake_stripe)
    [event] = fake_stripe.events_of("payment_intent.succeeded")
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def browser() -> None:
        barrier.wait()
        transaction_process(transaction_token=item.token)
        checkout_complete(checkout_token=checkout.token)

    def webhook() -> None:
        barrier.wait()
        stripe_webhook_receive(event=json.loads(json.dumps(event)))

    def run(target) -> None:
        try:
            target()
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(t,))
               for t in (browser, webhook, webhook, webhook)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert errors == []
    order = Order.objects.get()
    assert order.charge_status == "full"
    assert TransactionEvent.objects.filter(type="CHARGE_SUCCESS").count() == 1
    assert TransactionItem.objects.get().order_id == order.pk
    stored = StripeWebhookEvent.objects.get()
    assert stored.deliveries == 3 and stored.processed_at is not None


def test_the_webhook_task_runs_on_a_real_celery_worker(stripe_settings, fake_stripe, client):
    from celery.contrib.testing.worker import start_worker

    checkout, item = _paid_checkout(fake_stripe)
    [event] = fake_stripe.events_of("payment_intent.succeeded")
    payload = json.dumps(event).encode()
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    charged_in: list[str] = []

    def listener(movement: hooks.MoneyMovement) -> None:
        charged_in.append(threading.current_thread().name)

    hooks.register_money_listener(listener)
    try:
        # Name the queue: a worker started earlier with `queues=[...]` narrows the app's
        # cached consume-from set, and a worker started without it would inherit that.
        with start_worker(celery_app, pool="solo", perform_ping_check=False,
                          queues=[celery_app.conf.task_default_queue]):
            response = client.post(WEBHOOK_URL, data=payload, content_type="application/json",
                                   HTTP_STRIPE_SIGNATURE=sign(payload, stripe_settings
                                                              .STRIPE_WEBHOOK_SECRET))
            assert response.status_code == 200
            for _ in range(600):  # up to 60 s: a loaded CI machine starts workers slowly
                if StripeWebhookEvent.objects.filter(processed_at__isnull=False).exists():
                    break
                threading.Event().wait(0.1)
    finally:
        celery_app.conf.task_always_eager = eager
        hooks.unregister_money_listener(listener)

    assert StripeWebhookEvent.objects.get().processed_at is not None
    assert Order.objects.get().charge_status == "full"
    assert len(charged_in) == 1
    assert charged_in != [threading.main_thread().name]  # the worker did it, not the request
