"""The outbox: written in the caller's transaction, published after commit, relayed later
when the broker is down, never published twice."""
from __future__ import annotations

import json
import threading
from datetime import timedelta

import pytest
from celery.contrib.testing.worker import start_worker
from django.db import connections, transaction
from django.utils import timezone

from backend.celery import app as celery_app
from backend.graphql.core.ids import to_global_id
from backend.orders.models import Order
from backend.outbox.idempotency import effect_once
from backend.outbox.models import OutboxMessage, OutboxStatus, TaskEffect
from backend.outbox.services import (
    MAX_ATTEMPTS,
    backoff_delay,
    enqueue,
    outbox_publish,
    outbox_purge,
    outbox_relay,
)
from tests.factories.catalog import make_listed_product
from tests.orders.conftest import ready_checkout
from tests.outbox.conftest import CLOSED_PORT_BROKER, REDIS_BROKER, celery_conf, wait_until

CONFIRMATION = "backend.orders.tasks.order_send_confirmation"
COMPLETE = """mutation($id: ID!) { checkoutComplete(id: $id) {
  order { number } errors { field code message } } }"""


def _complete_through_api(client, checkout) -> dict:
    response = client.post("/graphql/", json.dumps({
        "query": COMPLETE, "variables": {"id": to_global_id("Checkout", checkout.token)}}),
        content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()["data"]["checkoutComplete"]


def test_a_rolled_back_transaction_leaves_no_message_and_publishes_nothing(db, mailoutbox):
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue(CONFIRMATION, args=["00000000-0000-0000-0000-000000000000"])
        raise RuntimeError("the caller's work failed")

    assert OutboxMessage.objects.count() == 0
    assert mailoutbox == []


def test_a_message_is_run_eagerly_after_commit_and_marked_done(
        db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        message = enqueue("backend.outbox.tasks.purge_outbox")
        assert OutboxMessage.objects.get().status == OutboxStatus.PENDING  # not before commit
    assert len(callbacks) == 1
    callbacks[0]()

    message.refresh_from_db()
    assert (message.status, message.attempts, message.last_error) == (OutboxStatus.SENT, 1, "")
    assert message.done_at is not None and message.done_by == "eager"


def test_a_dedup_key_writes_one_message_only(db):
    first = enqueue(CONFIRMATION, args=["a"], dedup_key="order-confirmation:a")
    second = enqueue(CONFIRMATION, args=["a"], dedup_key="order-confirmation:a")

    assert first is not None and second is None
    assert list(OutboxMessage.objects.values_list("dedup_key", flat=True)) == [
        "order-confirmation:a"]


def test_arguments_that_are_not_json_are_refused_before_anything_is_written(db):
    with pytest.raises(TypeError):
        enqueue(CONFIRMATION, args=[object()])
    with pytest.raises(TypeError):
        enqueue(None, args=[])
    assert OutboxMessage.objects.count() == 0


def test_a_failing_eager_task_leaves_the_commit_and_goes_back_to_pending(db, caplog):
    message = enqueue(CONFIRMATION, args=["not-a-uuid"])  # the task raises on a bad id
    outbox_publish(message_ids=[message.pk])

    message.refresh_from_db()
    assert message.status == OutboxStatus.PENDING
    assert message.attempts == 1 and message.last_error
    assert message.next_attempt_at > timezone.now()
    assert message.done_at is None


def test_backoff_grows_exponentially_up_to_an_hour():
    assert [backoff_delay(n).total_seconds() for n in (1, 2, 3, 4)] == [5, 10, 20, 40]
    assert backoff_delay(40) == timedelta(hours=1)


def test_the_relay_gives_up_after_the_last_attempt(db):
    message = enqueue(CONFIRMATION, args=["x"])
    OutboxMessage.objects.filter(pk=message.pk).update(attempts=MAX_ATTEMPTS)
    with celery_conf(broker_url=CLOSED_PORT_BROKER, task_always_eager=False):
        assert outbox_relay() == 0
    message.refresh_from_db()
    assert message.status == OutboxStatus.PENDING  # a broker outage does not count as failure
    assert message.attempts == MAX_ATTEMPTS + 1
    outbox_publish(message_ids=[message.pk])  # eager: the task itself fails on a bad id
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED


def test_the_purge_deletes_only_messages_done_long_ago(db):
    old, recent, pending = (enqueue(CONFIRMATION, args=[n]) for n in "abc")
    OutboxMessage.objects.filter(pk=old.pk).update(
        status=OutboxStatus.SENT, done_at=timezone.now() - timedelta(days=8))
    OutboxMessage.objects.filter(pk=recent.pk).update(
        status=OutboxStatus.SENT, done_at=timezone.now())

    assert outbox_purge() == 1
    assert set(OutboxMessage.objects.values_list("pk", flat=True)) == {recent.pk, pending.pk}


def test_an_effect_is_done_once_per_key(db):
    done = []
    for _ in range(2):
        with effect_once("stock-credit:42") as fresh:
            if fresh:
                done.append(1)
    with pytest.raises(RuntimeError), effect_once("rolled-back") as fresh:
        assert fresh
        raise RuntimeError
    with effect_once("rolled-back") as fresh_again:
        pass

    assert done == [1] and fresh_again
    assert TaskEffect.objects.filter(key="stock-credit:42").count() == 1


@pytest.mark.django_db(transaction=True)
def test_broker_down_the_order_completes_and_the_relay_delivers_its_email_once_later(
        client, channel, cooperative, mailoutbox, real_broker):
    product = make_listed_product(channel=channel, cooperative=cooperative, quantity=10)
    checkout = ready_checkout(channel, [(product.default_variant, 2)])

    with celery_conf(broker_url=CLOSED_PORT_BROKER):  # Redis unreachable: connection refused
        result = _complete_through_api(client, checkout)

    assert result["errors"] == []
    order = Order.objects.get(number=result["order"]["number"])
    message = OutboxMessage.objects.get(task_name=CONFIRMATION)
    assert (message.args, message.status, message.attempts) == (
        [str(order.pk)], OutboxStatus.PENDING, 1)
    assert "OperationalError" in message.last_error or "Error" in message.last_error
    assert mailoutbox == []

    # the broker is back: the relay publishes, a real worker sends the email
    with start_worker(celery_app, pool="solo", perform_ping_check=False,
                      queues=[real_broker]) as worker:
        assert outbox_relay(now=timezone.now() + timedelta(hours=2)) >= 1
        wait_until(lambda: OutboxMessage.objects.filter(done_at__isnull=True).count() == 0,
                   what="the worker to run every relayed task")
        assert outbox_relay(now=timezone.now() + timedelta(hours=2)) == 0  # nothing twice
        threading.Event().wait(1.0)

    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert message.done_by in worker.hostname  # run by the worker's node, not "eager"
    confirmations = [m for m in mailoutbox if m.to == [order.user_email]]
    assert len(confirmations) == 1


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_sends_the_order_email_and_makes_the_thumbnails(
        client, channel, cooperative, mailoutbox, real_broker):
    from catalog.models import Thumbnail
    from catalog.services.media import media_add
    from tests.catalog.test_thumbnails import _jpeg

    product = make_listed_product(channel=channel, cooperative=cooperative, quantity=10)
    checkout = ready_checkout(channel, [(product.default_variant, 1)])
    with start_worker(celery_app, pool="solo", perform_ping_check=False,
                      queues=[real_broker]) as worker:
        media = media_add(cooperative_id=cooperative.pk, product_id=product.pk,
                          image=_jpeg(800, 600), alt="Argan")
        result = _complete_through_api(client, checkout)
        assert result["errors"] == []
        wait_until(lambda: OutboxMessage.objects.filter(done_at__isnull=True).count() == 0
                   and OutboxMessage.objects.count() >= 2, what="the worker's tasks")

    done_by = set(OutboxMessage.objects.values_list("done_by", flat=True))
    assert len(done_by) == 1 and done_by.pop() in worker.hostname  # none run "eager"
    assert Thumbnail.objects.filter(media=media).count() == 4
    order = Order.objects.get(number=result["order"]["number"])
    assert [m.to for m in mailoutbox if m.to == [order.user_email]] == [[order.user_email]]


@pytest.mark.django_db(transaction=True)
def test_two_relays_at_once_never_publish_one_message_twice(real_broker):
    import redis

    with celery_conf(broker_url=CLOSED_PORT_BROKER):  # written, not yet published
        for n in range(6):
            enqueue("backend.outbox.tasks.purge_outbox", dedup_key=f"race-{n}")
    later = timezone.now() + timedelta(hours=1)
    # hold the first three rows as if another relay were publishing them
    with transaction.atomic():
        held = list(OutboxMessage.objects.select_for_update().order_by("created_at")
                    .values_list("pk", flat=True)[:3])
        published = []

        def relay() -> None:
            published.append(outbox_relay(now=later))
            connections.close_all()

        thread = threading.Thread(target=relay)
        thread.start()
        thread.join(30)
    assert published == [3]
    assert set(OutboxMessage.objects.filter(status=OutboxStatus.PENDING)
               .values_list("pk", flat=True)) == set(held)
    assert outbox_relay(now=later) == 3
    assert outbox_relay(now=later) == 0
    client = redis.Redis.from_url(REDIS_BROKER)
    assert client.llen(real_broker) == 6  # each message published exactly once
    client.close()
