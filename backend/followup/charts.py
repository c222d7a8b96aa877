"""Charts of the programme report, drawn by ``backend.core.charts``: the same markup on the
page and in the PDF, hence pixel sizes and a font with Arabic. These functions only print the
values as the indicator reads (``format_indicator``) and choose the report's colours."""
from __future__ import annotations

from decimal import Decimal

from django.utils.safestring import SafeString

from backend.core import charts

from .templatetags.followup import format_indicator

WIDTH = 360
BAR = "#2f6b3b"
AFTER = "#c8702a"
LOOK = charts.Look(font_family="Noto Sans, Noto Sans Arabic, DejaVu Sans, sans-serif",
                   font_size=11, small_font_size=9, fixed_size=True, min_bar=1)
# Bars of 250 px, the label above them, room for the printed value after them.
BARS = {"width": WIDTH, "label_width": 0, "value_width": 110, "bar_height": 12, "look": LOOK}


def bars_svg(items: list[tuple[str, Decimal | None]], code: str, title: str,
             language: str = "fr") -> SafeString:
    """Horizontal bars, one per label (regions)."""
    return charts.horizontal_bars(
        [(label, value, format_indicator(value, code, language)) for label, value in items],
        title=title, colour=BAR, **BARS)


def columns_svg(items: list[tuple[str, Decimal | None]], code: str, title: str,
                language: str = "fr") -> SafeString:
    """Vertical columns, one per month (the indicator's trend)."""
    return charts.vertical_bars(
        [(label, value, f"{label}: {format_indicator(value, code, language)}")
         for label, value in items],
        title=title, width=WIDTH, height=164, colour=BAR, look=LOOK)


def pairs_svg(items: list[tuple[str, Decimal | None, Decimal | None]], code: str, title: str,
              legend: tuple[str, str], language: str = "fr") -> SafeString:
    """Two bars per label: before and after the prize."""
    return charts.grouped_bars(
        [(label, [(before, format_indicator(before, code, language)),
                  (after, format_indicator(after, code, language))])
         for label, before, after in items],
        title=title, colours=(BAR, AFTER), legend=legend, **BARS)
