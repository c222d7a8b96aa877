"""A member's printable statement of a distribution, in French or Arabic (or English)."""
from __future__ import annotations

from decimal import Decimal

from django.db.models import Sum
from django.template.loader import render_to_string
from django.utils import translation

from backend.core.money import format_money, from_minor_units

from .models import MemberContribution

STATEMENT_LANGUAGES = ("fr", "ar", "en")


def member_statement_context(contribution: MemberContribution, language: str) -> dict:
    distribution = contribution.distribution
    currency = distribution.currency
    total = (distribution.contributions.aggregate(total=Sum("quantity"))["total"]
             or Decimal(0))
    percent = (contribution.quantity * 100 / total).quantize(Decimal("0.01")) if total else 0

    def money(minor: int) -> str:
        return format_money(from_minor_units(minor, currency), currency, language)

    return {
        "language": language,
        "direction": "rtl" if language == "ar" else "ltr",
        "cooperative": distribution.cooperative,
        "member_name": contribution.member.display_name(language),
        "distribution": distribution,
        "unit": distribution.get_unit_display(),
        "quantity": contribution.quantity.normalize(),
        "total_quantity": total.normalize(),
        "percent": percent,
        "reserve_percent": (distribution.reserve_rate * 100).quantize(Decimal("0.01")),
        "share": money(distribution.share_minor),
        "reserve": money(distribution.reserve_minor),
        "distributed": money(distribution.distributed_minor),
        "amount": money(contribution.amount_minor),
    }


def member_statement_html(*, contribution: MemberContribution, language: str = "fr") -> str:
    """The statement as a standalone HTML page to print (or to turn into a PDF)."""
    language = language[:2] if language[:2] in STATEMENT_LANGUAGES else "fr"
    with translation.override(language):
        return render_to_string("fairpay/member_statement.html",
                                member_statement_context(contribution, language))
