"""Periodic tasks of the outbox (beat): relay what is pending, purge what is long done."""
from __future__ import annotations

from celery import shared_task

from .services import outbox_purge, outbox_relay


@shared_task(acks_late=True, ignore_result=True)
def relay_outbox() -> int:
    """Publish the due pending messages; safe to run on many beats at once (SKIP LOCKED)."""
    return outbox_relay()


@shared_task(acks_late=True, ignore_result=True)
def purge_outbox() -> int:
    return outbox_purge()
