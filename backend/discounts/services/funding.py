"""A cooperative's consent to fund its part of a promotion or voucher.

Only cooperative- or shared-funded promotions need it; without it the pricing leaves the
cooperative's lines undiscounted and the split engine refuses a discount charged to it. A
withdrawal stops new reductions; orders already placed keep what was frozen on them.
"""
from __future__ import annotations

from enum import StrEnum

from django.db import transaction
from django.utils.translation import gettext as _

from backend.core.errors import DomainError

from ..models import FundedBy, FundingAcceptance, Promotion, Voucher


class FundingErrorCode(StrEnum):
    NOT_FOUND = "not_found"
    INVALID = "invalid"


def _target(promotion: Promotion | None, voucher: Voucher | None) -> dict:
    if (promotion is None) == (voucher is None):
        raise DomainError.single(FundingErrorCode.INVALID,
                                 _("Name either a promotion or a voucher."), "promotion")
    target = promotion or voucher
    if target.funded_by == FundedBy.PLATFORM:
        raise DomainError.single(FundingErrorCode.INVALID,
                                 _("The platform funds this promotion alone: nothing to "
                                   "accept."), "promotion")
    return {"promotion": promotion} if promotion else {"voucher": voucher}


@transaction.atomic
def funding_accept(*, cooperative, promotion: Promotion | None = None,
                   voucher: Voucher | None = None, user=None) -> FundingAcceptance:
    """Record that ``cooperative`` funds its part (idempotent)."""
    acceptance, _created = FundingAcceptance.objects.get_or_create(
        cooperative=cooperative, **_target(promotion, voucher),
        defaults={"accepted_by": user})
    return acceptance


@transaction.atomic
def funding_withdraw(*, cooperative, promotion: Promotion | None = None,
                     voucher: Voucher | None = None) -> None:
    deleted, _rows = FundingAcceptance.objects.filter(
        cooperative=cooperative, **_target(promotion, voucher)).delete()
    if not deleted:
        raise DomainError.single(FundingErrorCode.NOT_FOUND,
                                 _("This cooperative had not accepted it."), "promotion")
