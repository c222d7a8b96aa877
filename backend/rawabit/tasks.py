"""Rawabit background jobs: thin, given ids only, enqueued through the outbox."""
from __future__ import annotations

from celery import shared_task


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def opportunity_notify_matches(opportunity_id: int) -> int:
    from .emails import send_opportunity_matches

    return send_opportunity_matches(opportunity_id=opportunity_id)


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def message_notify(message_id: int) -> bool:
    from .emails import send_new_message

    return send_new_message(message_id=message_id)
