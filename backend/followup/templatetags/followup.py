"""Template helpers of the follow-up pages: an indicator's value as its unit reads, and the
indicators block included on the mentor's and the cooperative's follow-up pages."""
from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal
from django import template
from django.utils import timezone
from django.utils.translation import get_language

from backend.core.money import BABEL_LOCALES, format_money
from backend.core.months import month_add, month_of

from .. import definitions as d
from ..access import can_declare_indicators
from ..forms import indicator_name
from ..selectors import indicators_series

register = template.Library()


def format_indicator(value: Decimal | None, code: str, language: str | None = None) -> str:
    """``1 234,50 MAD``, ``12``, ``50,0 %``; an en dash when there is no value."""
    if value is None:
        return "–"
    language = (language or get_language() or "fr")[:2]
    unit = d.BY_CODE[code].unit if code in d.BY_CODE else "count"
    if unit == "mad":
        return format_money(value, "MAD", language)
    locale = BABEL_LOCALES.get(language, "fr_MA")
    if unit == "percent":
        return f"{format_decimal(value, format='#,##0.0', locale=locale)} %"
    return format_decimal(value, format="#,##0.##", locale=locale)


@register.filter
def indicator_value(value, code: str) -> str:
    return format_indicator(value, code)


@register.filter
def indicator_label(code: str) -> str:
    return indicator_name(code)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.inclusion_tag("followup/_indicator_table.html", takes_context=True)
def cooperative_indicators(context, cooperative, viewer: str = "coop"):
    """This month's and last month's indicators of ``cooperative`` (ten queries)."""
    this_month = month_of(timezone.now())
    last_month = month_add(this_month, -1)
    series = indicators_series([cooperative.pk], last_month, this_month)[cooperative.pk]
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"cooperative": cooperative, "viewer": viewer,
            "months": [last_month, this_month],
            "rows": [(code, [series[last_month][code], series[this_month][code]])
                     for code in d.ALL_CODES],
            "can_declare": bool(user) and can_declare_indicators(user, cooperative.pk),
            "request": request}
