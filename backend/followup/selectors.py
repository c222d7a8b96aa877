"""Reads of the follow-up indicators: one cooperative-month, a whole cohort-month, a series.

Computed values come from ``computed.computed_grid``; declared ones from ``DeclaredIndicator``
(None when nothing was declared). Query counts are fixed: see each docstring.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from backend.core.months import month_first

from . import definitions as d
from .computed import computed_grid
from .models import DeclaredIndicator, IndicatorDefinition

Values = dict[str, Decimal | None]


def _declared(ids: list[int], first: date, last: date) -> dict[tuple[int, date], Values]:
    found: dict[tuple[int, date], Values] = {}
    rows = (DeclaredIndicator.objects
            .filter(cooperative_id__in=ids, month__gte=first, month__lte=last,
                    code__in=d.DECLARED_CODES)
            .values_list("cooperative_id", "month", "code", "value"))
    for cooperative_id, month, code, value in rows:
        found.setdefault((cooperative_id, month), {})[code] = value
    return found


def indicators_series(cooperative_ids: Iterable[int], first: date,
                      last: date) -> dict[int, dict[date, Values]]:
    """All indicators (in ``definitions`` order) per cooperative and month. At most ten
    queries, whatever the number of cooperatives and months."""
    first, last = month_first(first), month_first(last)
    ids = sorted(set(cooperative_ids))
    grid = computed_grid(ids, first, last)
    declared = _declared(ids, first, last) if ids else {}
    series: dict[int, dict[date, Values]] = {}
    for cooperative_id, by_month in grid.items():
        series[cooperative_id] = {}
        for month, computed in by_month.items():
            given = declared.get((cooperative_id, month), {})
            series[cooperative_id][month] = {
                code: computed[code] if code in computed else given.get(code)
                for code in d.ALL_CODES}
    return series


def indicators_bulk(cooperative_ids: Iterable[int], month: date) -> dict[int, Values]:
    """Every indicator of each cooperative for one month (a cohort's). At most ten queries."""
    month = month_first(month)
    return {pk: by_month[month]
            for pk, by_month in indicators_series(cooperative_ids, month, month).items()}


def indicators_for(cooperative_id: int, month: date) -> Values:
    """Every indicator of one cooperative for one month, by code. At most ten queries."""
    return indicators_bulk([cooperative_id], month)[cooperative_id]


def definitions_list() -> list[IndicatorDefinition]:
    """The indicator definitions in display order. One query."""
    return list(IndicatorDefinition.objects.order_by("position", "code"))


def definition_get(code: str) -> IndicatorDefinition | None:
    return IndicatorDefinition.objects.filter(code=code).first() if code in d.BY_CODE else None
