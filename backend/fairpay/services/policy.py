"""Split policy versions: which one applies, and how a new version is published."""
from __future__ import annotations

from datetime import UTC, datetime

from django.db import IntegrityError, transaction
from django.db.models import Max

from ..models import SplitPolicy
from ..selectors import split_policy_in_force

EPOCH = datetime(2020, 1, 1, tzinfo=UTC)


def split_policy_for(at: datetime) -> SplitPolicy:
    """The version in force at ``at``; the first version if none had started yet.

    With no policy at all (a fresh database), version 1 is created with the published
    defaults, so an order can always be split.
    """
    policy = split_policy_in_force(at)
    if policy is not None:
        return policy
    earliest = SplitPolicy.objects.order_by("effective_from", "version").first()
    if earliest is not None:
        return earliest
    try:
        with transaction.atomic():
            return SplitPolicy.objects.create(version=1, effective_from=EPOCH,
                                              notes="Published defaults of issue 6.")
    except IntegrityError:
        return SplitPolicy.objects.get(version=1)


def split_policy_next_version() -> int:
    return (SplitPolicy.objects.aggregate(top=Max("version"))["top"] or 0) + 1


def split_policy_is_used(policy: SplitPolicy) -> bool:
    """A version that split an order is frozen: changes go into a new version."""
    return policy.pk is not None and policy.order_splits.exists()
