"""Celery tasks of fair pay: thin, idempotent wrappers that load ids and call a service."""
from __future__ import annotations

from celery import shared_task

from .services.payouts import payout_run_create, payout_transfers_send
from .transfers import default_transfer_sender


@shared_task(acks_late=True)
def payout_run_task(currency: str = "MAD") -> int:
    """The periodic payout run; running it again pays nothing already paid."""
    return payout_run_create(currency=currency, send_transfer=default_transfer_sender()).pk


@shared_task(acks_late=True)
def payout_transfers_retry_task() -> int:
    """Periodic: send again the Stripe payouts a temporary error left pending (same keys)."""
    sender = default_transfer_sender()
    return payout_transfers_send(send_transfer=sender) if sender is not None else 0
