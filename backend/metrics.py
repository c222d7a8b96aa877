"""Prometheus metrics and the ``/metrics`` endpoint.

Requests (by method, route name and status) and their latency are recorded by
``backend.core.middleware.RequestObservabilityMiddleware``; orders placed by a ``post_save``
hook on ``Order`` (counted once the transaction commits); task failures by Celery's
``task_failure`` signal. The Celery signals also carry the request id from the web request
that enqueued a task into the worker's logs.

Several gunicorn workers: set ``PROMETHEUS_MULTIPROC_DIR`` to an empty directory writable by
every process (before they start; wipe it at deploy) and ``/metrics`` sums all processes
(prometheus_client's multiprocess mode). Celery workers write there too when they share the
directory; otherwise ``WORKER_METRICS_PORT`` makes each worker serve its own metrics.

``/metrics`` answers only with ``Authorization: Bearer $METRICS_TOKEN`` when that token is
set, and only to loopback clients when it is not.
"""
from __future__ import annotations

import hmac
import logging
import os
from typing import Any

from celery.signals import (
    before_task_publish,
    task_failure,
    task_postrun,
    task_prerun,
    worker_ready,
)
from django.db import transaction
from django.db.models.signals import post_save
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

from backend.core.logs import request_id_clean, request_id_var

logger = logging.getLogger("coopstore.metrics")

HTTP_REQUESTS = Counter("coopstore_http_requests", "HTTP requests answered.",
                        ["method", "route", "status"])
HTTP_LATENCY = Histogram("coopstore_http_request_duration_seconds",
                         "Time to answer an HTTP request.", ["method", "route"],
                         buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))
ORDERS_PLACED = Counter("coopstore_orders_placed", "Orders placed (committed).")
TASK_FAILURES = Counter("coopstore_celery_task_failures", "Celery tasks that raised.", ["task"])

LOOPBACK = {"127.0.0.1", "::1"}
KNOWN_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


def request_observed(*, method: str, route: str, status: int, seconds: float) -> None:
    method = method if method in KNOWN_METHODS else "OTHER"  # bounded label values
    HTTP_REQUESTS.labels(method=method, route=route, status=str(status)).inc()
    HTTP_LATENCY.labels(method=method, route=route).observe(seconds)


def _order_saved(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    """Count a new non-draft order once its transaction commits (a rollback counts nothing)."""
    if created and getattr(instance, "status", "") != "draft":
        transaction.on_commit(ORDERS_PLACED.inc, using=kwargs.get("using"))


post_save.connect(_order_saved, sender="orders.Order", dispatch_uid="coopstore-metrics-orders")


@task_failure.connect(dispatch_uid="coopstore-metrics-task-failure")
def _task_failed(sender: Any = None, **kwargs: Any) -> None:
    TASK_FAILURES.labels(task=getattr(sender, "name", "unknown")).inc()


@before_task_publish.connect(dispatch_uid="coopstore-request-id-publish")
def _task_publishing(headers: dict | None = None, **kwargs: Any) -> None:
    """The enqueuing request's id travels in the task's message headers."""
    request_id = request_id_var.get()
    if request_id and headers is not None:
        headers.setdefault("request_id", request_id)


@task_prerun.connect(dispatch_uid="coopstore-request-id-prerun")
def _task_starting(task: Any = None, **kwargs: Any) -> None:
    request = getattr(task, "request", None)
    value = getattr(request, "request_id", None) or (getattr(request, "headers", None)
                                                      or {}).get("request_id")
    if request_id_clean(value) and not request_id_var.get():
        request._coopstore_request_id_token = request_id_var.set(value)


@task_postrun.connect(dispatch_uid="coopstore-request-id-postrun")
def _task_finished(task: Any = None, **kwargs: Any) -> None:
    token = getattr(getattr(task, "request", None), "_coopstore_request_id_token", None)
    if token is not None:
        request_id_var.reset(token)
        task.request._coopstore_request_id_token = None


@worker_ready.connect(dispatch_uid="coopstore-worker-metrics")
def _worker_ready(**kwargs: Any) -> None:
    port = os.environ.get("WORKER_METRICS_PORT")
    if port and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import start_http_server

        start_http_server(int(port))


def metrics_text() -> bytes:
    """Prometheus' text format: this process, or every process in multiprocess mode."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry)
    return generate_latest(REGISTRY)


def metrics_allowed(request: Any) -> bool:
    from django.conf import settings

    token = getattr(settings, "METRICS_TOKEN", "")
    if token:
        given = request.META.get("HTTP_AUTHORIZATION", "")
        return hmac.compare_digest(given.encode(), f"Bearer {token}".encode())
    return request.META.get("REMOTE_ADDR") in LOOPBACK


def metrics_view(request: Any) -> Any:
    from django.http import HttpResponse

    if not metrics_allowed(request):
        return HttpResponse("Forbidden\n", status=403, content_type="text/plain")
    return HttpResponse(metrics_text(), content_type=CONTENT_TYPE_LATEST)
