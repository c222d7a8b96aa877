"""Reads of the Rawabit board: each selector runs a fixed number of queries."""
from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from .models import Opportunity, OpportunityReply, OpportunityStatus

PAGE_SIZE = 30


@dataclass(frozen=True)
class BoardFilters:
    kind: str = ""
    region_id: int | None = None
    category_id: int | None = None
    status: str = OpportunityStatus.OPEN


def board_list(filters: BoardFilters) -> QuerySet[Opportunity]:
    """The opportunities of the board, newest first (one query when iterated)."""
    rows = (Opportunity.objects.select_related("region", "category", "cooperative",
                                               "posted_by__business_account")
            .annotate(reply_count=Count("replies")))
    if filters.status:
        rows = rows.filter(status=filters.status)
    if filters.kind:
        rows = rows.filter(kind=filters.kind)
    if filters.region_id:
        rows = rows.filter(Q(region_id=filters.region_id) | Q(region__isnull=True))
    if filters.category_id:
        rows = rows.filter(category_id=filters.category_id)
    return rows.order_by("-created_at", "-pk")


def opportunity_get(opportunity_id: int) -> Opportunity | None:
    return (Opportunity.objects.select_related("region", "category", "cooperative",
                                               "posted_by__business_account")
            .filter(pk=opportunity_id).first())


def replies_visible_to(opportunity: Opportunity, user) -> list[OpportunityReply]:
    """The poster (and network admins) see every thread; a replier sees only its own."""
    rows = (OpportunityReply.objects.filter(opportunity=opportunity)
            .select_related("replier__business_account", "replier_cooperative")
            .annotate(message_count=Count("messages")).order_by("-last_message_at", "-pk"))
    if not (opportunity.is_poster(user) or user.is_staff):
        rows = rows.filter(replier=user)
    return list(rows)


def reply_for_party(reply_id: int, user) -> OpportunityReply | None:
    """The thread if the user is one of its two parties or a network admin, else None."""
    reply = (OpportunityReply.objects
             .select_related("opportunity__posted_by__business_account",
                             "opportunity__region", "replier__business_account",
                             "replier_cooperative", "opportunity__cooperative")
             .filter(pk=reply_id).first())
    if reply is None or not (reply.is_party(user) or user.is_staff):
        return None
    return reply


def reply_messages(reply: OpportunityReply) -> list:
    return list(reply.messages.select_related("author").order_by("created_at", "pk"))


def my_opportunities(user) -> list[Opportunity]:
    """What the user posted or replied to (the 'mine' tab), newest first."""
    return list(Opportunity.objects.select_related("region", "category", "cooperative",
                                                   "posted_by__business_account")
                .annotate(reply_count=Count("replies", distinct=True))
                .filter(Q(posted_by=user) | Q(replies__replier=user)).distinct()
                .order_by("-created_at", "-pk")[:PAGE_SIZE])
