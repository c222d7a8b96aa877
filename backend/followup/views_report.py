"""The programmes' monthly report for network admins at /admin/programmes/report/, with its
XLSX and PDF exports in French or Arabic. Thin: parse the query, one selector, render."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from backend.core.months import month_of, month_parse
from backend.programmes.models import Cohort

from . import definitions as d
from .exports import report_charts, report_filename, report_pdf, report_xlsx
from .forms import indicator_name
from .reports import ProgrammeReport, cohort_find, programme_report, programmes_with_cohorts

LANGUAGES = ("fr", "ar", "en")
EXPORT_LANGUAGES = ("fr", "ar")


@dataclass(frozen=True)
class ReportQuery:
    cohort: Cohort | None
    month: date
    indicator: str
    language: str


def _query(request: HttpRequest, languages=LANGUAGES) -> ReportQuery:
    """The report's parameters; anything malformed falls back to a default (never a 500)."""
    raw = request.GET.get("cohort", "")
    cohort = cohort_find(int(raw)) if raw.isascii() and raw.isdigit() and len(raw) < 10 else None
    month = month_parse(request.GET.get("month", "")) or month_of(timezone.now())
    indicator = request.GET.get("indicator", d.SALES)
    language = request.GET.get("lang", "")
    if language not in languages:
        current = (translation.get_language() or "fr")[:2]
        language = current if current in languages else "fr"
    return ReportQuery(cohort=cohort, month=month,
                       indicator=indicator if indicator in d.BY_CODE else d.SALES,
                       language=language)


def _report(query: ReportQuery) -> ProgrammeReport:
    if query.cohort is None:
        raise Http404
    return programme_report(cohort=query.cohort, month=query.month, indicator=query.indicator,
                            language=query.language)


@staff_member_required
def report_page(request: HttpRequest) -> HttpResponse:
    query = _query(request)
    programmes = programmes_with_cohorts()
    if query.cohort is None and "cohort" not in request.GET:
        first = next((c for p in programmes for c in p.cohorts.all()), None)
        query = ReportQuery(first and cohort_find(first.pk), query.month, query.indicator,
                            query.language)
    with translation.override(query.language):
        report = _report(query) if query.cohort else None
        return render(request, "followup/report.html", {
            "query": query, "programmes": programmes, "report": report,
            "charts": report_charts(report, query.language) if report else None,
            "indicators": [(code, indicator_name(code, query.language))
                           for code in d.ALL_CODES],
            "export_query": (f"cohort={query.cohort.pk}&month={query.month:%Y-%m}"
                             f"&indicator={query.indicator}") if query.cohort else "",
            "title": _("Programmes' monthly report")})


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@staff_member_required
def report_xlsx_download(request: HttpRequest) -> HttpResponse:
    query = _query(request, EXPORT_LANGUAGES)
    report = _report(query)
    return _download(report_xlsx(report, query.language),
                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                     report_filename(report, query.language, "xlsx"))


@staff_member_required
def report_pdf_download(request: HttpRequest) -> HttpResponse:
    query = _query(request, EXPORT_LANGUAGES)
    report = _report(query)
    return _download(report_pdf(report, query.language), "application/pdf",
                     report_filename(report, query.language, "pdf"))
