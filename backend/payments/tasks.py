"""Thin Celery tasks of payments: load by id, call a service, retry on transient errors."""
from __future__ import annotations

from celery import shared_task
from django.db import OperationalError

from .services.webhooks import stripe_webhook_process


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True,
             max_retries=8)
def stripe_webhook_event_process(event_id: str) -> str | None:
    """Idempotent: a processed event is skipped, so a retried or duplicated task is harmless."""
    return stripe_webhook_process(event_id=event_id)
