"""Calendar months in the project's time zone (``settings.TIME_ZONE``, Africa/Casablanca):
parsing, arithmetic and bounds. Months are ``date`` objects on their 1st day; bounds are aware
datetimes at local midnight, so a query's [start, end) matches what the admin calls a month.
One module for every caller (the follow-up indicators, the KPI dashboard, Rawabit's tables)."""
from __future__ import annotations

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings

MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def month_parse(text: str) -> date | None:
    """``2026-03`` → 2026-03-01; None for anything else (bad format, month 13, year 0)."""
    match = MONTH_RE.match(text or "")
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        return None
    return date(year, month, 1)


def month_first(day: date) -> date:
    return day.replace(day=1)


def month_add(month: date, count: int) -> date:
    """The 1st day of the month ``count`` months after ``month``'s (before when negative)."""
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def months_between(first: date, last: date) -> list[date]:
    """Every month from ``first`` to ``last`` included (1st days)."""
    months, current = [], month_first(first)
    while current <= last:
        months.append(current)
        current = month_add(current, 1)
    return months


def months_ending(day: date, count: int) -> tuple[date, ...]:
    """The ``count`` months up to and including ``day``'s, oldest first (1st days)."""
    if count <= 0:
        return ()
    return tuple(months_between(month_add(month_first(day), 1 - count), day))


def month_start(month: date) -> datetime:
    """The month's first instant, local time."""
    return datetime.combine(month_first(month), time.min, tzinfo=local_zone())


def month_end(month: date) -> datetime:
    """The next month's first instant (exclusive bound)."""
    return month_start(month_add(month_first(month), 1))


def month_last_day(month: date) -> date:
    return date.fromordinal(month_add(month_first(month), 1).toordinal() - 1)


def month_of(moment: datetime | date) -> date:
    """The local month (1st day) of a moment or a day. A naive datetime is read as local time
    already (Django's reading of a naive value), not as the machine's zone."""
    if isinstance(moment, datetime):
        if moment.tzinfo is not None and moment.utcoffset() is not None:
            moment = moment.astimezone(local_zone())
        moment = moment.date()
    return moment.replace(day=1)
