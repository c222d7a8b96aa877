"""Who is told about a new opportunity (read-only; the email task calls it).

Cooperatives whose catalog has a product in the opportunity's category (or its
sub-categories), or whose product names contain a word of its product text, or that are
located in its region; and, for an offer, the approved business accounts of its region (every
one for a national offer). Never the poster, nor the poster's own cooperative.
"""
from __future__ import annotations

import re

from django.db.models import Q

from backend.cooperatives.models import Cooperative, CooperativeStaff, StaffRole

from .models import Opportunity, OpportunityKind

STOP_WORDS = frozenset({
    "les", "des", "une", "pour", "avec", "aux", "sur", "par", "dans", "qui", "que", "est",
    "the", "and", "for", "with", "from", "bio", "من", "في", "على", "إلى", "مع"})


def keywords(text: str) -> list[str]:
    """Distinct lower-case words of three letters or more, minus common short words."""
    seen: list[str] = []
    for word in re.findall(r"\w{3,}", (text or "").lower()):
        if word not in STOP_WORDS and not word.isdigit() and word not in seen:
            seen.append(word)
    return seen[:10]


def matching_cooperative_ids(opportunity: Opportunity) -> list[int]:
    condition = Q()
    if opportunity.category_id is not None:
        category_ids = list(opportunity.category.get_descendants(include_self=True)
                            .values_list("pk", flat=True))
        condition |= Q(products__category_id__in=category_ids)
    for word in keywords(opportunity.product_text):
        condition |= Q(products__name__icontains=word)
    if opportunity.region_id is not None:
        condition |= Q(region_id=opportunity.region_id)
    if not condition:
        return []
    rows = Cooperative.objects.approved().filter(condition)
    if opportunity.cooperative_id is not None:
        rows = rows.exclude(pk=opportunity.cooperative_id)
    return sorted(set(rows.values_list("pk", flat=True)))


def _in_region(region_id: int) -> Q:
    """A business account's city is free text: it is in the region when it names one of the
    region's cities (in any of the three languages, case aside)."""
    from fulfillment.models import City

    condition = Q(pk__in=[])
    for names in City.objects.filter(region_id=region_id).values_list("name", "name_ar",
                                                                      "name_en"):
        for name in {n.strip() for n in names if n and n.strip()}:
            condition |= Q(city__iexact=name)
    return condition


def _business_users(opportunity: Opportunity) -> list:
    try:
        from backend.business.models import BusinessAccount
    except ImportError:  # pragma: no cover - the business app ships with the network issue
        return []
    rows = BusinessAccount.objects.filter(status="approved", user__is_active=True)
    if opportunity.region_id is not None:
        rows = rows.filter(_in_region(opportunity.region_id))
    return [account.user for account in rows.select_related("user").order_by("pk")]


def recipients(opportunity: Opportunity) -> list:
    """The users to email, each once, in a stable order."""
    cooperative_ids = matching_cooperative_ids(opportunity)
    users = [staff.user for staff in CooperativeStaff.objects.filter(
        cooperative_id__in=cooperative_ids, role=StaffRole.MANAGER, user__is_active=True)
        .select_related("user").order_by("cooperative_id", "pk")]
    if opportunity.kind == OpportunityKind.OFFER:
        users += _business_users(opportunity)
    seen: set[int] = {opportunity.posted_by_id}
    unique = []
    for user in users:
        if user.pk not in seen:
            seen.add(user.pk)
            unique.append(user)
    return unique
