"""Programme background jobs: thin, idempotent, given ids only."""
from __future__ import annotations

from celery import shared_task


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def action_item_notify(action_item_id: int) -> int:
    """Email the cooperative's managers about a new action item. Returns the emails sent."""
    from .emails import send_action_item_created

    return send_action_item_created(action_item_id=action_item_id)
