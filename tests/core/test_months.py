"""The project's calendar months: arithmetic across years, local bounds, and the month of a
moment read in Africa/Casablanca (an aware moment converted, a naive one taken as local)."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from backend.core.months import (
    local_zone,
    month_add,
    month_end,
    month_last_day,
    month_of,
    month_parse,
    month_start,
    months_between,
    months_ending,
)


def test_months_ending_counts_back_across_the_year():
    assert months_ending(date(2026, 3, 9), 12) == tuple(
        [date(2025, m, 1) for m in range(4, 13)] + [date(2026, m, 1) for m in (1, 2, 3)])
    assert months_ending(date(2026, 12, 31), 12)[0] == date(2026, 1, 1)
    assert months_ending(date(2026, 1, 15), 13)[0] == date(2025, 1, 1)
    assert months_ending(date(2026, 1, 15), 1) == (date(2026, 1, 1),)
    assert months_ending(date(2026, 1, 15), 0) == ()


def test_month_arithmetic_and_ranges():
    assert month_add(date(2026, 1, 1), -1) == date(2025, 12, 1)
    assert month_add(date(2025, 12, 1), 14) == date(2027, 2, 1)
    assert months_between(date(2025, 11, 20), date(2026, 2, 1)) == [
        date(2025, 11, 1), date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)]
    assert month_last_day(date(2028, 2, 1)) == date(2028, 2, 29)
    assert month_parse("2026-03") == date(2026, 3, 1)
    assert [month_parse(t) for t in ("2026-13", "0000-01", "2026-3", "", None)] == [None] * 5


def test_bounds_are_local_midnights():
    start, end = month_start(date(2026, 1, 20)), month_end(date(2026, 1, 20))
    assert (start.tzinfo, start.replace(tzinfo=None)) == (local_zone(), datetime(2026, 1, 1))
    assert end.replace(tzinfo=None) == datetime(2026, 2, 1)
    assert start.utcoffset() == timedelta(hours=1)  # Casablanca, outside Ramadan


def test_the_month_of_a_moment_is_its_local_month():
    late_utc = datetime(2026, 1, 31, 23, 30, tzinfo=UTC)  # 00:30 on 1 February in Casablanca
    assert month_of(late_utc) == date(2026, 2, 1)
    assert month_of(datetime(2026, 1, 31, 23, 30)) == date(2026, 1, 1)  # naive: already local
    assert month_of(date(2026, 1, 31)) == date(2026, 1, 1)
