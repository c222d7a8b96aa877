"""Calendar months in the project's time zone (Africa/Casablanca): parsing and bounds."""
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
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def months_between(first: date, last: date) -> list[date]:
    """Every month from ``first`` to ``last`` included (1st days)."""
    months, current = [], month_first(first)
    while current <= last:
        months.append(current)
        current = month_add(current, 1)
    return months


def month_start(month: date) -> datetime:
    """The month's first instant, local time."""
    return datetime.combine(month_first(month), time.min, tzinfo=local_zone())


def month_end(month: date) -> datetime:
    """The next month's first instant (exclusive bound)."""
    return month_start(month_add(month_first(month), 1))


def month_last_day(month: date) -> date:
    return date.fromordinal(month_add(month_first(month), 1).toordinal() - 1)


def month_of(moment: datetime | date) -> date:
    """The local month (1st day) of a moment or a day."""
    if isinstance(moment, datetime):
        moment = moment.astimezone(local_zone()).date()
    return moment.replace(day=1)
