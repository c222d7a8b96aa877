"""Who may see the pro channel: approved business accounts (and network admins)."""
from __future__ import annotations

from typing import Any

from django.core.exceptions import ObjectDoesNotExist

from .models import BusinessStatus


def is_approved_business(user: Any) -> bool:
    """True for an active user whose business account a network admin approved.

    Reads ``user.business_account`` (one query the first time, cached on the user after).
    """
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    try:
        account = user.business_account
    except ObjectDoesNotExist:  # no business account
        return False
    return account.status == BusinessStatus.APPROVED


def may_use_restricted_channel(user: Any, channel: Any) -> bool:
    """A public channel is for everyone; a restricted one for approved buyers only."""
    return not channel.is_restricted or is_approved_business(user)
