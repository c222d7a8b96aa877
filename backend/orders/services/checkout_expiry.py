"""Expiring abandoned checkouts (beat, hourly).

Stock is allocated only when an order is placed (``checkout_complete``), so an abandoned
checkout holds no stock: expiring it deletes the cart and its lines. A checkout that has a
payment transaction is kept (money may be in flight; it is the gateway's to settle).
"""
from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..models import Checkout

BATCH = 500


def checkouts_expire(*, older_than: timedelta | None = None) -> int:
    """Delete checkouts untouched for ``older_than`` (CHECKOUT_EXPIRY_HOURS); returns how many.

    Idempotent and safe next to a buyer: each batch locks its rows (SKIP LOCKED: a checkout
    being completed right now is left alone) and checks the age again under the lock.
    """
    cutoff = timezone.now() - (older_than or timedelta(hours=settings.CHECKOUT_EXPIRY_HOURS))
    deleted = 0
    while True:
        with transaction.atomic():
            tokens = list(Checkout.objects.select_for_update(skip_locked=True, of=("self",))
                          .filter(updated_at__lt=cutoff, payment_transactions__isnull=True)
                          .order_by("pk").values_list("pk", flat=True)[:BATCH])
            if tokens:
                Checkout.objects.filter(pk__in=tokens).delete()
        deleted += len(tokens)
        if len(tokens) < BATCH:
            return deleted
