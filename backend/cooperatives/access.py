"""Who may act for which cooperative: the one place that answers it, for pages and the API.

A user may be staff at several cooperatives (rare: a shared accountant); pages act for the one
chosen in the session (``coop_id``), else the first by id. Every dashboard view goes through
``cooperative_staff_required`` so that another cooperative's object is never even looked up
without the caller's cooperative in the query.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from .models import Cooperative, CooperativeStaff, StaffRole

SESSION_KEY = "coop_id"


@dataclass(frozen=True)
class CoopAccess:
    """The cooperative a request acts for, and the caller's role there."""

    cooperative: Cooperative
    role: str

    @property
    def cooperative_id(self) -> int:
        return self.cooperative.pk

    @property
    def is_manager(self) -> bool:
        return self.role == StaffRole.MANAGER


def cooperative_ids_for(user: Any, *, managers_only: bool = False) -> list[int]:
    """Ids of the cooperatives a user is staff of (empty for anonymous users)."""
    if not getattr(user, "is_authenticated", False):
        return []
    rows = CooperativeStaff.objects.filter(user=user)
    if managers_only:
        rows = rows.filter(role=StaffRole.MANAGER)
    return list(rows.order_by("cooperative_id").values_list("cooperative_id", flat=True))


def access_for(user: Any, preferred_cooperative_id: int | None = None) -> CoopAccess | None:
    """The caller's cooperative (the preferred one when they are staff there), or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    memberships = list(CooperativeStaff.objects.filter(user=user)
                       .select_related("cooperative").order_by("cooperative_id"))
    if not memberships:
        return None
    chosen = next((m for m in memberships if m.cooperative_id == preferred_cooperative_id),
                  memberships[0])
    return CoopAccess(cooperative=chosen.cooperative, role=chosen.role)


def request_access(request: HttpRequest) -> CoopAccess | None:
    """The access of a page request, honouring the cooperative chosen in the session."""
    preferred = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    return access_for(request.user, preferred)


def cooperative_staff_required(view: Callable[..., HttpResponse] | None = None, *,
                               managers_only: bool = False) -> Any:
    """Decorator: sign-in required, then 403 unless the user is staff (or manager) somewhere.

    The view finds ``request.coop`` (a ``CoopAccess``) and must scope every query by
    ``request.coop.cooperative_id``; an object of another cooperative is then a 404.
    """

    def decorate(func: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @login_required
        @wraps(func)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            access = request_access(request)
            if access is None or (managers_only and not access.is_manager):
                raise PermissionDenied
            request.coop = access
            return func(request, *args, **kwargs)

        return wrapper

    return decorate(view) if view is not None else decorate
