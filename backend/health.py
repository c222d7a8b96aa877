"""Liveness and readiness: /healthz reports the database, the cache (Redis) and the broker.

The answer is 200 while the database answers, with ``status`` ``ok`` or ``degraded`` when the
cache or the broker is down: without them pages and orders still work (rate limits let
requests through, the outbox keeps the work for later), so a load balancer should keep
routing to us. It is 503 only when the database is down. Each check has a short timeout.
"""
from __future__ import annotations

import secrets
import time
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse

CHECK_TIMEOUT = 2  # seconds, for the cache and the broker


def _elapsed_ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)


def database_check() -> dict[str, Any]:
    started = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return {"status": "ok", "vendor": connection.vendor}
    except Exception as exc:  # noqa: BLE001 - any failure means "not ready"
        return {"status": "error", "error": exc.__class__.__name__,
                "ms": _elapsed_ms(started)}


def cache_check() -> dict[str, Any]:
    """A write and a read through Django's cache (Redis with ``REDIS_URL``)."""
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    started = time.perf_counter()
    nonce = secrets.token_hex(8)
    try:
        cache.set("healthz:ping", nonce, timeout=10)
        ok = cache.get("healthz:ping") == nonce
    except Exception as exc:  # noqa: BLE001
        return {"status": "error", "backend": backend, "error": exc.__class__.__name__}
    return {"status": "ok" if ok else "error", "backend": backend, "ms": _elapsed_ms(started)}


def broker_check() -> dict[str, Any]:
    """Connect to the Celery broker (kombu) with a short timeout; ``memory://`` in the
    embedded mode, where tasks run eagerly."""
    from kombu import Connection

    url = settings.CELERY_BROKER_URL
    transport = url.split("://", 1)[0]
    started = time.perf_counter()
    try:
        with Connection(url, connect_timeout=CHECK_TIMEOUT,
                        transport_options={"socket_timeout": CHECK_TIMEOUT,
                                           "socket_connect_timeout": CHECK_TIMEOUT,
                                           "max_retries": 0}) as conn:
            conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0,
                                   timeout=CHECK_TIMEOUT)
    except Exception as exc:  # noqa: BLE001
        return {"status": "error", "transport": transport, "error": exc.__class__.__name__}
    return {"status": "ok", "transport": transport, "ms": _elapsed_ms(started)}


def healthz(request: Any) -> JsonResponse:
    """200 when the database answers (``degraded`` if the cache or broker does not), 503
    otherwise, so a load balancer can route around us."""
    database = database_check()
    checks = {"database": database, "cache": cache_check(), "broker": broker_check()}
    if database["status"] != "ok":
        status, code = "error", 503
    elif all(check["status"] == "ok" for check in checks.values()):
        status, code = "ok", 200
    else:
        status, code = "degraded", 200
    return JsonResponse({"status": status, **checks}, status=code)
