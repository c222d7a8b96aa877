"""Declaring the indicators the platform has no record of (members, jobs, trainings...)."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.core.errors import DomainError, ErrorItem
from backend.core.months import month_first, month_of

from . import definitions as d
from .access import can_declare_indicators
from .error_codes import FollowupErrorCode
from .models import DeclaredIndicator

MAX_VALUE = Decimal("999999999")


def _clean(code: str, raw) -> Decimal | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    try:
        value = Decimal(str(raw).strip())
    except (InvalidOperation, ValueError) as exc:
        raise DomainError.single(FollowupErrorCode.INVALID, _("Enter a number."), code) from exc
    if not value.is_finite() or value < 0 or value > MAX_VALUE:
        raise DomainError.single(FollowupErrorCode.INVALID,
                                 _("Enter a number between 0 and 999,999,999."), code)
    if value != value.to_integral_value():
        raise DomainError.single(FollowupErrorCode.INVALID, _("Enter a whole number."), code)
    return value.quantize(Decimal("1"))


def declared_indicators_save(*, cooperative_id: int, month: date, values: Mapping[str, object],
                             user) -> dict[str, Decimal | None]:
    """Store a month's declared values (a blank value withdraws the declaration); refuses
    the whole set, changing nothing, when one value is wrong or the user may not declare."""
    month = month_first(month)
    if not can_declare_indicators(user, cooperative_id):
        raise DomainError.single(FollowupErrorCode.PERMISSION_DENIED,
                                 _("Only the cooperative's managers and its mentor can declare "
                                   "its indicators."))
    if month > month_of(timezone.now()):
        raise DomainError.single(FollowupErrorCode.FUTURE_MONTH,
                                 _("This month has not started yet."), "month")
    unknown = set(values) - set(d.DECLARED_CODES)
    if unknown:
        raise DomainError.single(FollowupErrorCode.NOT_FOUND,
                                 _("Unknown indicator: %(code)s.") % {"code": sorted(unknown)[0]})
    cleaned, errors = {}, []
    for code, raw in values.items():
        try:
            cleaned[code] = _clean(code, raw)
        except DomainError as error:
            errors.extend(error.errors)
    if errors:
        raise DomainError(*errors)
    women, youth, members = (cleaned.get(d.MEMBERS_WOMEN), cleaned.get(d.MEMBERS_YOUTH),
                             cleaned.get(d.MEMBERS))
    if members is not None and any(part is not None and part > members
                                   for part in (women, youth)):
        field = d.MEMBERS_WOMEN if women is not None and women > members else d.MEMBERS_YOUTH
        raise DomainError(ErrorItem(code=FollowupErrorCode.INVALID, field=field,
                                    message=_("Cannot be more than the members.")))
    with transaction.atomic():
        for code, value in cleaned.items():
            if value is None:
                DeclaredIndicator.objects.filter(cooperative_id=cooperative_id, month=month,
                                                 code=code).delete()
            else:
                DeclaredIndicator.objects.update_or_create(
                    cooperative_id=cooperative_id, month=month, code=code,
                    defaults={"value": value, "declared_by": user})
    return cleaned
