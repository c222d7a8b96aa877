"""Giving a new account the orders its owner placed as a guest with the same e-mail."""
from __future__ import annotations

from django.db import transaction

from ..models import Order


@transaction.atomic
def orders_claim_for_user(*, user) -> int:
    """Attach to ``user`` the guest orders (no user) placed with their e-mail; returns how many.

    Orders of another account are never moved, whatever their e-mail.
    """
    email = (user.email or "").strip()
    if not email:
        return 0
    return Order.objects.filter(user__isnull=True, user_email__iexact=email).update(user=user)
