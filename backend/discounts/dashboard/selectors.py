"""What a cooperative is asked to fund: cooperative-funded and shared promotions and vouchers.

Two queries whatever the number of rows (one for promotions, one for vouchers), each with the
cooperative's own acceptance as a subquery: another cooperative's acceptance is never read.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from ..models import FundedBy, FundingAcceptance, Promotion, Voucher

PROMOTION, VOUCHER = "promotion", "voucher"


@dataclass(frozen=True)
class FundingRequest:
    """One promotion or voucher asking for the cooperative's part, and its answer."""

    kind: str  # PROMOTION or VOUCHER
    pk: object
    name: str
    funded_by: str
    funded_by_label: str
    cooperative_percent: Decimal  # the cooperative's share of each reduction on its lines
    start_date: datetime
    end_date: datetime | None
    accepted: bool
    accepted_at: datetime | None
    running: bool


def _asking(model, cooperative_id: int, now: datetime) -> QuerySet:
    mine = FundingAcceptance.objects.filter(cooperative_id=cooperative_id,
                                            **{model._meta.model_name: OuterRef("pk")})
    return (model.objects.filter(Q(end_date__isnull=True) | Q(end_date__gt=now))
            .exclude(funded_by=FundedBy.PLATFORM)
            .annotate(accepted=Exists(mine),
                      accepted_at=Subquery(mine.values("accepted_at")[:1]))
            .order_by("start_date", "pk"))


def funding_requests_for(*, cooperative_id: int,
                         now: datetime | None = None) -> list[FundingRequest]:
    """Promotions then vouchers not ended yet that a cooperative may fund (two queries)."""
    now = now or timezone.now()
    rows = []
    for kind, model in ((PROMOTION, Promotion), (VOUCHER, Voucher)):
        for obj in _asking(model, cooperative_id, now):
            rows.append(FundingRequest(
                kind=kind, pk=obj.pk, name=obj.name or str(obj), funded_by=obj.funded_by,
                funded_by_label=obj.get_funded_by_display(),
                cooperative_percent=Decimal(100) - obj.platform_percent(),
                start_date=obj.start_date, end_date=obj.end_date, accepted=obj.accepted,
                accepted_at=obj.accepted_at, running=obj.is_running(now)))
    return rows


def funding_target(*, kind: str, pk: str) -> Promotion | Voucher | None:
    """A promotion or voucher that asks cooperatives for funding, or None (bad id, unknown,
    funded by the platform alone)."""
    import uuid

    model = {PROMOTION: Promotion, VOUCHER: Voucher}.get(kind)
    if model is None or not pk or len(pk) > 64:
        return None
    try:
        key = uuid.UUID(pk) if model is Promotion else int(pk)
    except (TypeError, ValueError):
        return None
    if model is Voucher and not 0 < key < 2**31:
        return None
    return model.objects.exclude(funded_by=FundedBy.PLATFORM).filter(pk=key).first()
