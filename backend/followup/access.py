"""Who may read and who may declare a cooperative's follow-up indicators.

Reading follows ``backend.programmes.access.can_view_cooperative`` (its staff, its mentor, a
network admin). Declaring is for the cooperative's managers and its mentor only: members read,
network admins read (they do not speak for a cooperative), other mentors see nothing.
"""
from __future__ import annotations

from typing import Any

from backend.cooperatives.models import CooperativeStaff, StaffRole
from backend.programmes.access import can_view_cooperative, is_mentor_of


def can_read_indicators(user: Any, cooperative_id: int) -> bool:
    return can_view_cooperative(user, cooperative_id)


def can_declare_indicators(user: Any, cooperative_id: int) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if CooperativeStaff.objects.filter(user=user, cooperative_id=cooperative_id,
                                       role=StaffRole.MANAGER).exists():
        return True
    return is_mentor_of(user, cooperative_id)
