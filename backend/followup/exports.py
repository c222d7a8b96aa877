"""The programme report as a spreadsheet (openpyxl) and a PDF (weasyprint), in French or
Arabic, for the monthly committee. Only this module imports weasyprint, lazily: the rest of
the site works without its system libraries (pango)."""
from __future__ import annotations

import re
from io import BytesIO

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from backend.core.pdf import html_to_pdf

from . import definitions as d
from .charts import bars_svg, columns_svg, pairs_svg
from .forms import indicator_name
from .reports import ProgrammeReport

UNIT_LABELS = {"mad": "MAD", "count": "#", "percent": "%"}
SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def _sheet_title(text: str) -> str:
    """A worksheet title Excel accepts: 31 characters, none of []:*?/\\."""
    return SHEET_FORBIDDEN.sub("-", text)[:31]


def report_charts(report: ProgrammeReport, language: str) -> dict:
    """The three charts of the report, as SVG markup in ``language``."""
    code = report.indicator
    with translation.override(language):
        name = indicator_name(code, language)
        return {
            "by_region": bars_svg(report.by_region, code,
                                  _("%(indicator)s by region") % {"indicator": name}, language),
            "trend": columns_svg([(f"{m.month}/{m:%y}", v) for m, v in report.trend], code,
                                 _("%(indicator)s, last 12 months") % {"indicator": name},
                                 language),
            "before_after": pairs_svg(
                [(b.name, b.before, b.after) for b in report.before_after], code,
                _("%(indicator)s before and after the prize") % {"indicator": name},
                (_("before the prize"), _("after the prize")), language),
        }


def report_filename(report: ProgrammeReport, language: str, extension: str) -> str:
    return (f"rapport-{report.programme.slug}-{report.cohort.pk}-{report.month:%Y-%m}-"
            f"{language}.{extension}")


def report_xlsx(report: ProgrammeReport, language: str = "fr") -> bytes:
    """Sheets: the cooperatives' indicators (numbers, not text), before/after the prize, and
    the definitions. Right-to-left sheets in Arabic."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    with translation.override(language):
        book = Workbook()
        sheet = book.active
        sheet.title = _sheet_title(_("Indicators"))
        sheet.append([f"{report.programme.name} — {report.cohort.name} — "
                      f"{date_format(report.month, 'F Y')}"])
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append([])
        header = [_("Cooperative"), _("Region"), _("Prize"), _("Prize awarded on")]
        header += [f"{indicator_name(code, language)} ({UNIT_LABELS[d.BY_CODE[code].unit]})"
                   for code in report.codes]
        sheet.append(header)
        for cell in sheet[3]:
            cell.font = Font(bold=True)
        for row in report.rows:
            sheet.append([row.name, row.region, row.prize, row.awarded_on]
                         + [row.values[code] for code in report.codes])
        sheet.append([_("Cohort"), "", "", None] + [report.totals[code] for code in report.codes])
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        sheet.column_dimensions["A"].width = 34
        prize = book.create_sheet(_sheet_title(_("Before/after the prize")))
        prize.append([indicator_name(report.indicator, language)])
        prize.append([_("Cooperative"), _("Prize awarded on"), _("Monthly average before"),
                      _("Monthly average after"), _("Months before"), _("Months after")])
        for item in report.before_after:
            prize.append([item.name, item.awarded_on, item.before, item.after,
                          item.before_months, item.after_months])
        prize.append([_("Cohort"), None, report.cohort_before, report.cohort_after])
        definitions = book.create_sheet(_sheet_title(_("Definitions")))
        definitions.append([_("Code"), _("Indicator"), _("Unit"), _("Definition")])
        for code in report.codes:
            text = d.BY_CODE[code].text
            definitions.append([code, indicator_name(code, language),
                                UNIT_LABELS[d.BY_CODE[code].unit],
                                text[("fr", "ar", "en").index(language)]
                                if language in ("fr", "ar", "en") else text[0]])
        for worksheet in book.worksheets:
            worksheet.sheet_view.rightToLeft = language == "ar"
        out = BytesIO()
        book.save(out)
    return out.getvalue()


def report_pdf(report: ProgrammeReport, language: str = "fr") -> bytes:
    """The report as an A4 landscape PDF (right to left in Arabic, Debian's Noto fonts)."""
    with translation.override(language):
        html = render_to_string("followup/report_pdf.html", {
            "report": report, "charts": report_charts(report, language), "LANG": language,
            "rtl": language == "ar"})
    return html_to_pdf(html)
