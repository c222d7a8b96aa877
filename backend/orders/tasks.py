"""Order e-mails, sent after commit by Celery in the customer's language."""
from __future__ import annotations

from celery import shared_task

from .emails import send_order_confirmation


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def order_send_confirmation(order_id: str) -> bool:
    return send_order_confirmation(order_id=order_id)


@shared_task(acks_late=True, ignore_result=True)
def checkouts_expire_task() -> int:
    """Periodic: delete abandoned checkouts (they hold no stock; see checkout_expiry)."""
    from .services.checkout_expiry import checkouts_expire

    return checkouts_expire()
