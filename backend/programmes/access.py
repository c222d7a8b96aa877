"""Who may read a cooperative's follow-up: its staff, its mentor(s), or a network admin.

A mentor is any user named ``mentor`` on an enrolment; the access follows the enrolments, so a
mentor reassigned elsewhere loses it at once. Mentors only read and write notes/action items;
the /coop/ pages stay for the cooperative's staff.
"""
from __future__ import annotations

from typing import Any

from backend.cooperatives.models import CooperativeStaff

from .models import Enrollment


def mentored_cooperative_ids(user: Any) -> list[int]:
    """Ids of the cooperatives a user mentors (empty for anonymous users), ascending."""
    if not getattr(user, "is_authenticated", False):
        return []
    return list(
        Enrollment.objects.filter(mentor=user)
        .order_by("cooperative_id").values_list("cooperative_id", flat=True).distinct()
    )


def is_mentor_of(user: Any, cooperative_id: int) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return Enrollment.objects.filter(mentor=user, cooperative_id=cooperative_id).exists()


def can_view_cooperative(user: Any, cooperative_id: int) -> bool:
    """True for the cooperative's staff, its mentor, or a network admin (``is_staff``)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_staff:
        return True
    if CooperativeStaff.objects.filter(user=user, cooperative_id=cooperative_id).exists():
        return True
    return is_mentor_of(user, cooperative_id)
