"""Request ids, one structured log line per request, /healthz and /metrics."""
from __future__ import annotations

import json
import logging

import pytest
from django.db import transaction
from django.test import Client
from prometheus_client import REGISTRY

from backend.core.logs import JsonFormatter, RequestIdFilter, request_id_var

pytestmark = pytest.mark.django_db


def _sample(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def test_a_valid_request_id_is_kept_and_echoed(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="edge-1234-abcd")

    assert response["X-Request-ID"] == "edge-1234-abcd"


@pytest.mark.parametrize("given", ["", "x" * 65, "bad id", "id\nInjected: 1", "é", "a_b"])
def test_an_invalid_request_id_is_replaced_by_a_new_one(client, given):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=given)

    assert response["X-Request-ID"] != given
    assert len(response["X-Request-ID"]) == 32 and response["X-Request-ID"].isalnum()


def test_each_request_writes_one_access_line_with_its_id_and_user(client, customer, caplog):
    client.force_login(customer)
    with caplog.at_level(logging.INFO, logger="coopstore.request"):
        response = client.get("/account/", HTTP_X_REQUEST_ID="req-42")

    [record] = [r for r in caplog.records if r.name == "coopstore.request"]
    RequestIdFilter().filter(record)
    line = json.loads(JsonFormatter().format(record))
    assert response.status_code == 200
    assert line["request_id"] == "req-42"
    assert (line["method"], line["path"], line["status"]) == ("GET", "/account/", 200)
    assert line["route"] == "storefront:account" and line["user_id"] == customer.pk
    assert isinstance(line["duration_ms"], float) and line["level"] == "INFO"
    assert request_id_var.get() == ""  # reset after the request


def test_json_lines_carry_the_request_id_of_any_logger_in_the_request():
    token = request_id_var.set("abc-1")
    try:
        record = logging.LogRecord("coopstore.any", logging.WARNING, __file__, 1,
                                   "stock low for %s", ("saffron",), None)
        RequestIdFilter().filter(record)
        line = json.loads(JsonFormatter().format(record))
    finally:
        request_id_var.reset(token)
    assert line["request_id"] == "abc-1" and line["message"] == "stock low for saffron"


def test_healthz_reports_database_cache_and_broker(client):
    body = client.get("/healthz").json()

    assert body["status"] == "ok"
    assert body["database"]["status"] == "ok"
    assert body["cache"]["status"] == "ok" and body["broker"]["status"] == "ok"


def test_healthz_with_redis_and_broker_down_is_degraded_but_up(client, settings):
    closed = "redis://127.0.0.1:1/0"  # nothing listens there
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": closed}}
    settings.CELERY_BROKER_URL = closed

    response = client.get("/healthz")

    body = response.json()
    assert response.status_code == 200 and body["status"] == "degraded"
    assert body["database"]["status"] == "ok"
    assert body["cache"]["status"] == "error" and body["broker"]["status"] == "error"
    assert body["broker"]["transport"] == "redis"


def test_healthz_against_real_redis(client, settings):
    url = "redis://127.0.0.1:6379/6"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": url}}
    settings.CELERY_BROKER_URL = url

    body = client.get("/healthz").json()

    assert body["status"] == "ok"
    assert body["cache"]["backend"] == "RedisCache" and body["broker"]["transport"] == "redis"


def test_metrics_are_served_to_loopback_and_count_requests(client):
    before = _sample("coopstore_http_requests_total", method="GET", route="healthz",
                     status="200")
    client.get("/healthz")

    response = client.get("/metrics", REMOTE_ADDR="127.0.0.1")

    assert response.status_code == 200
    text = response.content.decode()
    assert "coopstore_http_request_duration_seconds_bucket" in text
    assert _sample("coopstore_http_requests_total", method="GET", route="healthz",
                   status="200") == before + 1


def test_metrics_refuse_other_addresses_without_a_token(client):
    response = client.get("/metrics", REMOTE_ADDR="203.0.113.4")

    assert response.status_code == 403
    assert b"coopstore_" not in response.content


def test_metrics_with_a_token_need_it_even_from_loopback(settings):
    settings.METRICS_TOKEN = "s3cret-token"
    client = Client(REMOTE_ADDR="127.0.0.1")

    assert client.get("/metrics").status_code == 403
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 403
    response = client.get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-token",
                          REMOTE_ADDR="203.0.113.4")
    assert response.status_code == 200 and b"coopstore_orders_placed_total" in response.content


def _order(channel, number: int):
    from backend.orders.models import Order

    return Order.objects.create(number=number, channel=channel, currency="MAD",
                                user_email="a@example.ma", subtotal_amount=60,
                                shipping_amount=0, total_amount=60)


def test_orders_placed_are_counted_once_committed(channel, django_capture_on_commit_callbacks):
    before = _sample("coopstore_orders_placed_total")

    with django_capture_on_commit_callbacks(execute=True):
        _order(channel, 990_101)
        with pytest.raises(RuntimeError), transaction.atomic():
            _order(channel, 990_102)
            raise RuntimeError("rolled back")

    assert _sample("coopstore_orders_placed_total") == before + 1


def test_task_failures_are_counted_by_task():
    from celery.signals import task_failure

    class FakeTask:
        name = "catalog.tasks.thumbnails"

    before = _sample("coopstore_celery_task_failures_total", task=FakeTask.name)
    task_failure.send(sender=FakeTask(), task_id="t1", exception=ValueError("x"))

    assert _sample("coopstore_celery_task_failures_total", task=FakeTask.name) == before + 1


def test_a_task_logs_with_the_id_of_the_request_that_enqueued_it():
    from celery.signals import before_task_publish, task_postrun, task_prerun

    headers: dict = {}
    token = request_id_var.set("web-req-7")
    try:
        before_task_publish.send(sender="t", headers=headers, body={})
    finally:
        request_id_var.reset(token)
    assert headers["request_id"] == "web-req-7"

    class Request:
        pass

    class Task:
        request = Request()

    Task.request.headers = headers  # as a worker sees the message
    task_prerun.send(sender=Task, task=Task, task_id="t1")
    seen = request_id_var.get()
    task_postrun.send(sender=Task, task=Task, task_id="t1")
    assert seen == "web-req-7" and request_id_var.get() == ""
