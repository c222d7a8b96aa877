"""Posting and closing opportunities; matching parties are told by email after commit."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.core.errors import DomainError, ErrorItem
from backend.outbox.services import enqueue

from ..access import Party
from ..error_codes import RawabitErrorCode as Code
from ..locks import opportunity_lock
from ..models import Opportunity, OpportunityKind, OpportunityStatus, QuantityUnit

MAX_TEXT = 5000


def _clean_text(value: str | None, *, limit: int) -> str:
    return (value or "").replace("\x00", "").strip()[:limit]


def opportunity_post(*, party: Party, kind: str, title: str, description: str = "",
                     category=None, product_text: str = "", quantity: Decimal | None = None,
                     unit: str = QuantityUnit.UNIT, period_from: date | None = None,
                     period_to: date | None = None, region=None) -> Opportunity:
    """Post an offer or a request for the party; matching parties get one email each."""
    title = _clean_text(title, limit=200)
    product_text = _clean_text(product_text, limit=200)
    errors = []
    if kind not in OpportunityKind.values:
        errors.append(ErrorItem(Code.INVALID, _("Choose an offer or a request."), "kind"))
    if not title:
        errors.append(ErrorItem(Code.REQUIRED, _("This field is required."), "title"))
    if category is None and not product_text:
        errors.append(ErrorItem(Code.REQUIRED, _("Give a product category or describe the "
                                                 "product or service."), "product_text"))
    if unit not in QuantityUnit.values:
        errors.append(ErrorItem(Code.INVALID, _("Choose a unit."), "unit"))
    if quantity is not None and (quantity < 0 or quantity >= Decimal("1e9")):
        errors.append(ErrorItem(Code.INVALID, _("Enter a quantity between 0 and 999,999,999."),
                                "quantity"))
    if period_from and period_to and period_to < period_from:
        errors.append(ErrorItem(Code.INVALID, _("The period ends before it starts."),
                                "period_to"))
    if errors:
        raise DomainError(*errors)
    with transaction.atomic():
        opportunity = Opportunity.objects.create(
            kind=kind, title=title, description=_clean_text(description, limit=MAX_TEXT),
            category=category, product_text=product_text, quantity=quantity, unit=unit,
            period_from=period_from, period_to=period_to, region=region,
            posted_by=party.user, cooperative=party.cooperative)
        enqueue("backend.rawabit.tasks.opportunity_notify_matches", args=[opportunity.pk],
                dedup_key=f"rawabit-opportunity-{opportunity.pk}")
    return opportunity


def opportunity_close(*, user, opportunity_id: int) -> Opportunity:
    """The poster closes an open opportunity without a deal."""
    with transaction.atomic():
        opportunity = opportunity_lock(opportunity_id)
        if opportunity is None or not opportunity.is_poster(user):
            raise DomainError.single(Code.NOT_FOUND, _("Opportunity not found."))
        if not opportunity.is_open:
            raise DomainError.single(Code.NOT_OPEN, _("This opportunity is no longer open."))
        opportunity.status = OpportunityStatus.CLOSED
        opportunity.closed_at = timezone.now()
        opportunity.save(update_fields=["status", "closed_at"])
    return opportunity
