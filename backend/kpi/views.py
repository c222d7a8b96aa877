"""``/admin/kpi/``: the network dashboard in the admin's look, for network admins (staff)."""
from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.formats import date_format, number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from backend.core import charts
from backend.core.money import format_money, from_minor_units
from backend.fairpay.models.ledger import AccountKind

from .selectors import Dashboard, dashboard_cached

LOOK = charts.Look(css_class="kpi-chart")  # the page's style sheet colours its text


def _money(dashboard: Dashboard, minor: int, language: str) -> str:
    return format_money(from_minor_units(minor, dashboard.currency), dashboard.currency,
                        language)


def _km(value: Decimal | None) -> str:
    return "–" if value is None else f"{number_format(value, 1)} km"


def _percent(value: Decimal | None) -> str:
    return "–" if value is None else f"{number_format(value, 1)} %"


def dashboard_context(dashboard: Dashboard, language: str) -> dict:
    """Rows of the tables and the charts, formatted for ``language``."""
    def money(minor: int) -> str:
        return _money(dashboard, minor, language)

    month_labels = [date_format(month, "M Y") for month in dashboard.months]
    short_labels = [date_format(month, "M") for month in dashboard.months]
    regions = [{"name": r.localized_name(language), "code": r.code, "total": money(r.total_minor),
                "total_minor": r.total_minor,
                "months": [money(m) for m in r.by_month]} for r in dashboard.regions]
    months = [{"label": label, "sales": money(minor), "sales_minor": minor,
               "average_km": _km(km)}
              for label, minor, km in zip(month_labels, dashboard.by_month,
                                          dashboard.average_km_by_month, strict=True)]
    labels = dict(AccountKind.choices)
    payees = [{"kind": kind, "label": labels.get(kind, kind), "amount": money(amount),
               "amount_minor": amount} for kind, amount in dashboard.payees]
    return {
        "dashboard": dashboard, "regions": regions, "months": months, "payees": payees,
        "total": money(dashboard.total_minor),
        "women_led": money(dashboard.women_led_minor),
        "youth_led": money(dashboard.youth_led_minor),
        "members_distributed": money(dashboard.members_distributed_minor),
        "average_km": _km(dashboard.average_km_per_order),
        "region_chart": charts.horizontal_bars(
            [(r["name"], r["total_minor"], r["total"]) for r in regions],
            title=_("Sales by region"), look=LOOK),
        "month_chart": charts.vertical_bars(
            [(short, m["sales_minor"], f'{m["label"]}: {m["sales"]}')
             for short, m in zip(short_labels, months, strict=True)],
            title=_("Sales by month"), look=LOOK),
        "payee_chart": charts.horizontal_bars(
            [(p["label"], p["amount_minor"], p["amount"]) for p in payees],
            title=_("Fair-pay totals by payee type"), colour=charts.ACCENT_COLOUR, look=LOOK),
        "women_share": _percent(dashboard.women_led_share),
        "youth_share": _percent(dashboard.youth_led_share),
        "women_chart": charts.share_bar(dashboard.women_led_share,
                                        _percent(dashboard.women_led_share),
                                        title=_("Share of sales to women-led cooperatives"),
                                        look=LOOK),
        "youth_chart": charts.share_bar(dashboard.youth_led_share,
                                        _percent(dashboard.youth_led_share),
                                        title=_("Share of sales to youth-led cooperatives"),
                                        look=LOOK),
        "km_chart": charts.vertical_bars(
            [(short, float(km or 0), f'{m["label"]}: {m["average_km"]}')
             for short, m, km in zip(short_labels, months, dashboard.average_km_by_month,
                                     strict=True)],
            title=_("Average food-kilometres per order, by month"), height=160,
            look=LOOK),
    }


def page_language(request: HttpRequest) -> str:
    """``?lang=`` (the page's fr | ar | en links), else the language cookie, else the admin's
    (French): the admin is outside the storefront's language prefixes."""
    languages = {code for code, _name in settings.LANGUAGES}
    for candidate in (request.GET.get("lang", ""),
                      request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")):
        if candidate[:2] in languages:
            return candidate[:2]
    return (get_language() or settings.LANGUAGE_CODE)[:2]


def kpi_dashboard(request: HttpRequest) -> HttpResponse:
    """The numbers of the last 12 months; reached through ``admin.site.admin_view`` (staff)."""
    dashboard = dashboard_cached()
    language = page_language(request)
    with translation.override(language):
        context = {**admin.site.each_context(request), "title": _("Network dashboard"),
                   "languages": settings.LANGUAGES, "page_language": language,
                   **dashboard_context(dashboard, language)}
        response = TemplateResponse(request, "admin/kpi/dashboard.html", context)
        response.render()
    response["Content-Language"] = language
    return response
