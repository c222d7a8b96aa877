"""Who uses the Rawabit board, and as which party.

Cooperative staff act for their cooperative (the one chosen in the session, see
``backend.cooperatives.access``); approved business accounts act for themselves; network
admins (``is_staff``) read everything but post only if they are also one of the above.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

from backend.cooperatives.access import access_for, request_access
from backend.cooperatives.models import Cooperative


def is_approved_business(user: Any) -> bool:
    """h6's answer (``backend.business.access``); False while that app is absent."""
    try:
        from backend.business.access import is_approved_business as answer
    except ImportError:  # pragma: no cover - the business app ships with the network issue
        return False
    return bool(answer(user))


@dataclass(frozen=True)
class Party:
    """The side a user acts for: a cooperative, or (``cooperative`` None) a business account."""

    user: Any
    cooperative: Cooperative | None

    @property
    def cooperative_id(self) -> int | None:
        return self.cooperative.pk if self.cooperative is not None else None

    @property
    def is_business(self) -> bool:
        return self.cooperative is None


def party_for(user: Any, preferred_cooperative_id: int | None = None) -> Party | None:
    """The party of a user, or None when the user may not post nor reply."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    access = access_for(user, preferred_cooperative_id)
    if access is not None and access.cooperative.is_approved:
        return Party(user=user, cooperative=access.cooperative)
    if is_approved_business(user):
        return Party(user=user, cooperative=None)
    return None


def request_party(request: HttpRequest) -> Party | None:
    access = request_access(request)
    return party_for(request.user, access.cooperative_id if access else None)


def is_network_admin(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.is_staff)
