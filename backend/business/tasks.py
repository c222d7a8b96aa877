"""Business-account e-mails, sent after commit (through the outbox) in the applicant's language."""
from __future__ import annotations

from celery import shared_task

from .emails import send_business_decision


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def business_account_send_decision(account_id: int) -> bool:
    return send_business_decision(account_id=account_id)
