"""Cooperative background jobs: thin, idempotent, given ids only."""
from __future__ import annotations

from celery import shared_task
from django.db import transaction


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def low_stock_check(variant_ids: list[int]) -> int:
    """Mark the variants that fell low and email their managers, in one transaction: if the
    email fails the markers roll back and the retry sends it. Returns the emails sent."""
    from .emails import send_low_stock_alert
    from .services.alerts import low_stock_alerts_update

    sent = 0
    with transaction.atomic():
        for cooperative_id, ids in sorted(low_stock_alerts_update(variant_ids=variant_ids).items()):
            sent += send_low_stock_alert(cooperative_id=cooperative_id, variant_ids=ids)
    return sent


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def cooperative_send_status_email(cooperative_id: int, status: str) -> int:
    from .emails import send_status_change

    return send_status_change(cooperative_id=cooperative_id, status=status)
