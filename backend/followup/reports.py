"""The monthly report of a programme's cohort for its committee: every cooperative's
indicators for the month, the cohort's totals, and the three views the committee asks for
(by region, the indicator's trend, before and after the prize).

``programme_report`` costs eleven queries whatever the cohort's size: its enrolments with
cooperatives and regions, and one ``indicators_series`` over every month the views need
(``selectors``).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from backend.core.months import month_add, month_first, month_of
from backend.programmes.models import Cohort, Enrollment, Programme

from . import definitions as d
from .selectors import indicators_series

TREND_MONTHS = 12
PRIZE_WINDOW = 6  # months before and after the prize's month
OLDEST = 48  # months before the report's month the series may reach back
AVERAGED = frozenset({d.SHORT_CIRCUIT_SHARE, d.AVERAGE_MEMBER_INCOME})
HUNDREDTH = Decimal("0.01")


@dataclass(frozen=True)
class ReportRow:
    cooperative_id: int
    name: str
    slug: str
    region: str
    prize: str
    awarded_on: date | None
    values: dict[str, Decimal | None]


@dataclass(frozen=True)
class BeforeAfter:
    name: str
    awarded_on: date
    before: Decimal | None
    after: Decimal | None
    before_months: int
    after_months: int


@dataclass(frozen=True)
class ProgrammeReport:
    programme: Programme
    cohort: Cohort
    month: date
    indicator: str
    codes: tuple[str, ...]
    rows: list[ReportRow]
    totals: dict[str, Decimal | None]
    by_region: list[tuple[str, Decimal | None]]
    trend: list[tuple[date, Decimal | None]]
    before_after: list[BeforeAfter]
    cohort_before: Decimal | None
    cohort_after: Decimal | None


def combine(code: str, values: list[Decimal | None]) -> Decimal | None:
    """Pure: the cohort's value of an indicator: the sum, or the mean for shares and
    averages; None when no cooperative has a value."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    if code in AVERAGED:
        return (sum(present, Decimal(0)) / len(present)).quantize(HUNDREDTH, ROUND_HALF_UP)
    return sum(present, Decimal(0))


def _mean(values: list[Decimal | None]) -> Decimal | None:
    present = [v for v in values if v is not None]
    if not present:
        return None
    return (sum(present, Decimal(0)) / len(present)).quantize(HUNDREDTH, ROUND_HALF_UP)


def prize_windows(awarded_on: date, month: date) -> tuple[list[date], list[date]]:
    """Pure: the months before the prize's month, and after it up to the report's month."""
    award = month_of(awarded_on)
    before = [month_add(award, -i) for i in range(PRIZE_WINDOW, 0, -1)]
    after = [m for m in (month_add(award, i) for i in range(1, PRIZE_WINDOW + 1)) if m <= month]
    return before, after


def cohort_find(cohort_id: int) -> Cohort | None:
    return Cohort.objects.select_related("programme").filter(pk=cohort_id).first()


def programmes_with_cohorts() -> list[Programme]:
    """Every programme with its cohorts, for the report's pickers. Two queries."""
    return list(Programme.objects.prefetch_related("cohorts").order_by("name"))


def programme_report(*, cohort: Cohort, month: date, indicator: str = d.SALES,
                     language: str = "fr") -> ProgrammeReport:
    """The cohort's report for ``month`` (see the module's docstring)."""
    month = month_first(month)
    indicator = indicator if indicator in d.BY_CODE else d.SALES
    enrollments = list(Enrollment.objects.filter(cohort=cohort)
                       .select_related("cooperative__region").order_by("cooperative__name"))
    awards = [e.prize_awarded_on for e in enrollments if e.prize_awarded_on]
    first = month_add(month, -(TREND_MONTHS - 1))
    if awards:
        first = min(first, month_add(month_of(min(awards)), -PRIZE_WINDOW))
    first = max(first, month_add(month, -OLDEST))
    series = indicators_series([e.cooperative_id for e in enrollments], first, month)
    rows = [ReportRow(cooperative_id=e.cooperative_id, name=e.cooperative.name,
                      slug=e.cooperative.slug,
                      region=e.cooperative.region.localized_name(language), prize=e.prize,
                      awarded_on=e.prize_awarded_on, values=series[e.cooperative_id][month])
            for e in enrollments]
    totals = {code: combine(code, [row.values[code] for row in rows]) for code in d.ALL_CODES}
    regions: dict[str, list] = defaultdict(list)
    for row in rows:
        regions[row.region].append(row.values[indicator])
    by_region = sorted(((name, combine(indicator, values)) for name, values in regions.items()),
                       key=lambda item: item[0])
    trend = [(m, combine(indicator, [series[r.cooperative_id][m][indicator] for r in rows]))
             for m in (month_add(month, -i) for i in range(TREND_MONTHS - 1, -1, -1))]
    before_after = []
    for row in rows:
        if row.awarded_on is None:
            continue
        before, after = prize_windows(row.awarded_on, month)
        known = series[row.cooperative_id]
        before_after.append(BeforeAfter(
            name=row.name, awarded_on=row.awarded_on,
            before=_mean([known[m][indicator] for m in before if m in known]),
            after=_mean([known[m][indicator] for m in after if m in known]),
            before_months=sum(m in known for m in before), after_months=len(after)))
    return ProgrammeReport(
        programme=cohort.programme, cohort=cohort, month=month, indicator=indicator,
        codes=d.ALL_CODES, rows=rows, totals=totals, by_region=by_region, trend=trend,
        before_after=before_after, cohort_before=_mean([b.before for b in before_after]),
        cohort_after=_mean([b.after for b in before_after]))
