"""Distributing a cooperative's share for a period to its members, by their contribution."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from backend.cooperatives.models import Cooperative
from backend.core.errors import DomainError

from ..apportion import apportion
from ..error_codes import FairPayErrorCode
from ..locks import cooperative_for_update
from ..models import (
    ContributionUnit,
    CooperativeFairPay,
    CooperativeMember,
    MemberContribution,
    MemberDistribution,
)
from ..selectors import cooperative_earnings


def _contributions_clean(cooperative: Cooperative,
                         contributions: Mapping) -> dict[CooperativeMember, Decimal]:
    ids = {getattr(member, "pk", member): Decimal(quantity)
           for member, quantity in contributions.items()}
    members = CooperativeMember.objects.filter(cooperative=cooperative).in_bulk(ids)
    if set(members) != set(ids):
        raise DomainError.single(FairPayErrorCode.NOT_FOUND,
                                 _("A contribution names someone who is not a member of the "
                                   "cooperative."), "contributions")
    if any(quantity < 0 or not quantity.is_finite() for quantity in ids.values()):
        raise DomainError.single(FairPayErrorCode.INVALID,
                                 _("A contribution cannot be negative."), "contributions")
    if sum(ids.values()) <= 0:
        raise DomainError.single(FairPayErrorCode.NO_CONTRIBUTIONS,
                                 _("Record at least one contribution."), "contributions")
    return {members[pk]: quantity for pk, quantity in sorted(ids.items())}


def member_distribution_create(*, cooperative: Cooperative, period_start: date,
                               period_end: date, unit: str, contributions: Mapping,
                               currency: str = "MAD", created_by=None) -> MemberDistribution:
    """Split the cooperative's share for the period: its reserve first, the rest by contribution.

    The share is the cooperative's net ledger credit (captures minus refunds) of the period's
    days; ``contributions`` maps members (or their pk) to kg, hours or pieces. Periods of a
    cooperative never overlap. Locks the cooperative row.
    """
    if period_end < period_start:
        raise DomainError.single(FairPayErrorCode.INVALID,
                                 _("The period ends before it starts."), "periodEnd")
    unit = ContributionUnit(unit)
    quantities = _contributions_clean(cooperative, contributions)
    with transaction.atomic():
        cooperative_for_update(cooperative.pk)
        if MemberDistribution.objects.filter(cooperative=cooperative,
                                             period_start__lte=period_end,
                                             period_end__gte=period_start).exists():
            raise DomainError.single(FairPayErrorCode.PERIOD_OVERLAPS,
                                     _("This period overlaps a distribution already made."),
                                     "periodStart")
        share = max(cooperative_earnings(cooperative.pk, period_start, period_end, currency), 0)
        settings = CooperativeFairPay.objects.filter(cooperative=cooperative).first()
        reserve_rate = settings.reserve_rate if settings else Decimal("0")
        seed = f"distribution:{cooperative.pk}:{period_start}:{period_end}"
        parts = apportion(share, [("reserve", reserve_rate), ("members", 1 - reserve_rate)],
                          seed=seed)
        distribution = MemberDistribution.objects.create(
            cooperative=cooperative, period_start=period_start, period_end=period_end,
            unit=unit, currency=currency, share_minor=share, reserve_rate=reserve_rate,
            reserve_minor=parts["reserve"], distributed_minor=parts["members"],
            created_by=created_by)
        amounts = apportion(parts["members"],
                            [(str(member.pk), quantity) for member, quantity in quantities.items()],
                            seed=seed)
        MemberContribution.objects.bulk_create([
            MemberContribution(distribution=distribution, member=member, quantity=quantity,
                               amount_minor=amounts[str(member.pk)])
            for member, quantity in quantities.items()])
    return distribution
