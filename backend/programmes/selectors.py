"""Reads of the mentor space and the cooperative's follow-up, in a fixed number of queries."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch

from backend.cooperatives.models import Cooperative

from .models import ActionItem, Enrollment, FollowUpNote

NOTES_SHOWN = 50
ITEMS_SHOWN = 100


@dataclass(frozen=True)
class MentoredCooperative:
    cooperative: Cooperative
    enrollments: list[Enrollment]  # with cohort and programme, newest year first
    open_items: int


def mentor_cooperatives(*, user: Any) -> list[MentoredCooperative]:
    """The cooperatives a user mentors, by name, each with its programmes. 3 queries,
    however many cooperatives and enrolments."""
    if not getattr(user, "is_authenticated", False):
        return []
    from django.db.models import Count, Q

    enrollments = (Enrollment.objects.filter(mentor=user)
                   .select_related("cohort__programme").order_by("-year", "cohort__name"))
    cooperatives = (Cooperative.objects.filter(enrollments__mentor=user).distinct()
                    .annotate(open_items=Count("action_items",
                                               filter=Q(action_items__done_at__isnull=True),
                                               distinct=True))
                    .prefetch_related(Prefetch("enrollments", queryset=enrollments,
                                               to_attr="mentor_enrollments"))
                    .select_related("region")
                    .order_by("name", "pk"))
    return [MentoredCooperative(cooperative=c, enrollments=c.mentor_enrollments,
                                open_items=c.open_items) for c in cooperatives]


def mentored_cooperative(*, user: Any, slug: str) -> MentoredCooperative | None:
    """One cooperative the user mentors, by slug, or None (then the page is a 404). 2 queries."""
    if not getattr(user, "is_authenticated", False) or not isinstance(slug, str):
        return None
    enrollments = (Enrollment.objects.filter(mentor=user)
                   .select_related("cohort__programme").order_by("-year", "cohort__name"))
    cooperative = (Cooperative.objects.filter(slug=slug, enrollments__mentor=user).distinct()
                   .prefetch_related(Prefetch("enrollments", queryset=enrollments,
                                              to_attr="mentor_enrollments"))
                   .first())
    if cooperative is None:
        return None
    return MentoredCooperative(cooperative=cooperative,
                               enrollments=cooperative.mentor_enrollments, open_items=0)


@dataclass(frozen=True)
class FollowUp:
    notes: list[FollowUpNote]
    open_items: list[ActionItem]
    done_items: list[ActionItem]


def followup_for(*, cooperative_id: int) -> FollowUp:
    """A cooperative's notes (newest first) and action items (open by due date, then the
    done ones, latest first). 2 queries; never another cooperative's rows."""
    notes = list(FollowUpNote.objects.filter(cooperative_id=cooperative_id)
                 .select_related("author").order_by("-created_at", "-pk")[:NOTES_SHOWN])
    items = list(ActionItem.objects.filter(cooperative_id=cooperative_id)
                 .select_related("author", "done_by").order_by("due_on", "pk")[:ITEMS_SHOWN])
    open_items = [i for i in items if i.done_at is None]
    done_items = sorted((i for i in items if i.done_at is not None),
                        key=lambda i: i.done_at, reverse=True)
    return FollowUp(notes=notes, open_items=open_items, done_items=done_items)
