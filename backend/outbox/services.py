"""Writing, publishing and relaying outbox messages.

``enqueue`` writes the row in the caller's transaction and asks for it to be published once
that transaction commits. Publishing holds the row's lock (``SELECT … FOR UPDATE SKIP
LOCKED``), so the immediate publish and any number of relays never publish one row twice. A
broker that is down leaves the row pending with a growing delay; the relay (beat task every
30 s and ``manage.py relay_outbox``) publishes it later. In the eager embedded mode publishing
runs the task in-process.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from contextlib import ExitStack
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import OutboxMessage, OutboxStatus

logger = logging.getLogger(__name__)

BACKOFF_BASE_SECONDS = 5
BACKOFF_MAX_SECONDS = 3600
MAX_ATTEMPTS = 25
ERROR_MAX_CHARS = 2000


def _app():
    from backend.celery import app

    return app


def _task_name(task: Any) -> str:
    name = task if isinstance(task, str) else getattr(task, "name", None)
    if not name or not isinstance(name, str):
        raise TypeError(f"not a task or task name: {task!r}")
    return name


def backoff_delay(attempts: int) -> timedelta:
    """Exponential: 5 s, 10 s, 20 s … capped at an hour."""
    exponent = max(attempts - 1, 0)
    return timedelta(seconds=min(BACKOFF_BASE_SECONDS * 2 ** min(exponent, 20),
                                 BACKOFF_MAX_SECONDS))


def enqueue(task_name: Any, *, args: Sequence[Any] = (), kwargs: dict[str, Any] | None = None,
            dedup_key: str | None = None) -> OutboxMessage | None:
    """Write the task in the caller's transaction; publish it after commit.

    ``task_name`` is a registered name or the task itself. Arguments must be JSON (ids, not
    objects): checked here, since eager mode would not notice. With a ``dedup_key`` already
    used, nothing is written and None is returned.
    """
    name = _task_name(task_name)
    args, kwargs = list(args), dict(kwargs or {})
    json.dumps([args, kwargs])  # TypeError now rather than in the worker
    message = OutboxMessage(task_name=name, args=args, kwargs=kwargs,
                            dedup_key=(dedup_key or None) and dedup_key[:255])
    if message.dedup_key is None:
        message.save(force_insert=True)
    else:
        OutboxMessage.objects.bulk_create([message], ignore_conflicts=True)  # ON CONFLICT
        if not OutboxMessage.objects.filter(pk=message.pk).exists():
            return None
    message_id = message.pk
    transaction.on_commit(lambda: outbox_publish(message_ids=[message_id]))
    return message


def _publish(message: OutboxMessage, connection) -> None:
    """Hand one message to the broker (raises when it cannot: no retry, short timeouts)."""
    _app().send_task(message.task_name, args=message.args, kwargs=message.kwargs,
                     task_id=str(message.pk), retry=False, connection=connection,
                     queue=_app().conf.task_default_queue)


def _run_eagerly(message: OutboxMessage) -> None:
    app = _app()
    app.loader.import_default_modules()
    app.tasks[message.task_name].apply(args=message.args, kwargs=message.kwargs,
                                       task_id=str(message.pk), throw=True)


def _error_text(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:ERROR_MAX_CHARS]


def _postpone(message_id, exc: BaseException, now: datetime) -> None:
    """Back to pending after a failed attempt, or failed for good after MAX_ATTEMPTS."""
    message = OutboxMessage.objects.filter(pk=message_id).only("attempts").first()
    if message is None:
        return
    failed = message.attempts >= MAX_ATTEMPTS
    OutboxMessage.objects.filter(pk=message_id).update(
        status=OutboxStatus.FAILED if failed else OutboxStatus.PENDING,
        next_attempt_at=now + backoff_delay(message.attempts), last_error=_error_text(exc))


def outbox_publish(*, message_ids: Iterable[Any] | None = None, limit: int = 100,
                   now: datetime | None = None) -> int:
    """Publish pending messages (these ids, or any that are due); returns how many went out.

    Each row is locked while it is published: a row another relay holds is skipped. When the
    broker refuses one message the others are left for later (one timeout per run, not one per
    message).
    """
    now = now or timezone.now()
    eager = bool(_app().conf.task_always_eager)
    rows = OutboxMessage.objects.select_for_update(skip_locked=True).filter(
        status=OutboxStatus.PENDING)
    if message_ids is not None:
        rows = rows.filter(pk__in=list(message_ids))
    else:
        rows = rows.filter(next_attempt_at__lte=now).order_by("next_attempt_at")
    claimed: list[OutboxMessage] = []
    sent = 0
    with transaction.atomic(), ExitStack() as stack:
        connection = None
        for message in rows[:limit]:
            if not eager:
                try:
                    if connection is None:  # one broker connection per batch, read from conf
                        connection = stack.enter_context(_app().connection_for_write())
                    _publish(message, connection)
                except Exception as exc:  # broker down, refused, timed out
                    logger.warning("outbox: %s not published (%s), kept pending",
                                   message.pk, _error_text(exc))
                    OutboxMessage.objects.filter(pk=message.pk).update(
                        attempts=F("attempts") + 1,
                        next_attempt_at=now + backoff_delay(message.attempts + 1),
                        last_error=_error_text(exc))
                    break
                sent += 1
            claimed.append(message)
            OutboxMessage.objects.filter(pk=message.pk).update(
                status=OutboxStatus.SENT, sent_at=timezone.now(), attempts=F("attempts") + 1,
                last_error="")
    if eager:  # outside the lock's transaction, as a worker would run it
        for message in claimed:
            try:
                _run_eagerly(message)
                sent += 1
            except Exception as exc:  # the user's commit stands; the relay tries again
                logger.exception("outbox: eager task %s failed", message.task_name)
                _postpone(message.pk, exc, timezone.now())
    return sent


def outbox_relay(*, limit: int = 100, now: datetime | None = None) -> int:
    """Publish the due pending messages, batch after batch; returns how many went out."""
    total = 0
    while True:
        sent = outbox_publish(limit=limit, now=now)
        total += sent
        if sent < limit:
            return total


def outbox_task_failed(*, message_id: Any, exc: BaseException) -> None:
    """A published task gave up (retries exhausted): pending again, the relay retries later."""
    _postpone(message_id, exc, timezone.now())


def outbox_mark_done(*, message_id: Any, worker: str) -> None:
    OutboxMessage.objects.filter(pk=message_id, done_at__isnull=True).update(
        done_at=timezone.now(), done_by=(worker or "")[:255])


def outbox_requeue(*, message_ids: Iterable[Any]) -> int:
    """Give failed messages a fresh start (admin action)."""
    return OutboxMessage.objects.filter(pk__in=list(message_ids),
                                        status=OutboxStatus.FAILED).update(
        status=OutboxStatus.PENDING, attempts=0, next_attempt_at=timezone.now())


def outbox_purge(*, older_than: timedelta = timedelta(days=7)) -> int:
    """Delete finished messages (their arguments may hold one-time tokens)."""
    deleted, _ = OutboxMessage.objects.filter(
        status=OutboxStatus.SENT, done_at__lt=timezone.now() - older_than).delete()
    return deleted
