"""A real Redis broker for the outbox tests: a database number and a queue of this run only."""
from __future__ import annotations

import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from backend.celery import app as celery_app

REDIS_BROKER = os.environ.get("COOPSTORE_TEST_BROKER", "redis://127.0.0.1:6379/5")
CLOSED_PORT_BROKER = "redis://127.0.0.1:1/5"


@contextmanager
def celery_conf(**values) -> Iterator[None]:
    """Change the Celery app's configuration for a block, then put it back."""
    saved = {key: getattr(celery_app.conf, key) for key in values}
    for key, value in values.items():
        setattr(celery_app.conf, key, value)
    try:
        yield
    finally:
        for key, value in saved.items():
            setattr(celery_app.conf, key, value)


@pytest.fixture
def queue_name() -> str:
    return f"coopstore-test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def real_broker(queue_name) -> Iterator[str]:
    """Tasks are published to Redis (not run eagerly), on this test's own queue."""
    with celery_conf(broker_url=REDIS_BROKER, task_always_eager=False,
                     task_default_queue=queue_name):
        yield queue_name
    _drop_queue(queue_name)


def _drop_queue(name: str) -> None:
    import redis

    client = redis.Redis.from_url(REDIS_BROKER)
    client.delete(name, *[f"{name}\x06\x16{p}" for p in range(10)])
    client.close()


def wait_until(predicate: Callable[[], bool], *, timeout: float = 30.0,
               what: str = "condition") -> None:
    """Poll (bounded) until ``predicate`` holds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        threading.Event().wait(0.1)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
