"""Parcel e-mails, sent by Celery after the step's commit."""
from __future__ import annotations

from celery import shared_task

from .emails import send_shipment_step


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def shipment_step_notify(shipment_id: str, event_id: int) -> bool:
    return send_shipment_step(shipment_id=shipment_id, event_id=event_id)
