"""Row locks of the Rawabit services, in one place: an opportunity is locked before its
status changes or a deal is recorded, so two deals can never be recorded for one."""
from __future__ import annotations

from .models import Deal, Opportunity


def opportunity_lock(opportunity_id: int) -> Opportunity | None:
    """The opportunity, locked ``FOR UPDATE`` (call inside a transaction)."""
    return Opportunity.objects.select_for_update().filter(pk=opportunity_id).first()


def deal_lock(deal_id: int) -> Deal | None:
    """The deal, locked ``FOR UPDATE`` (call inside a transaction)."""
    return Deal.objects.select_for_update().filter(pk=deal_id).first()
