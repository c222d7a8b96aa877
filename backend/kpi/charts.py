"""Inline SVG charts drawn on the server: no JavaScript, no CDN, readable on a phone.

Each function takes labelled numbers and returns safe markup (labels escaped by
``format_html``). Bars scale to the largest value; negative values (a month of refunds) draw
as zero-length bars and keep their printed number.
"""
from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

BAR_COLOUR = "#417690"  # the admin's own blue
ACCENT_COLOUR = "#c2541a"


def _scale(value: float, top: float, length: float) -> float:
    return max(0.0, value) / top * length if top > 0 else 0.0


def _n(value: float) -> str:
    """A coordinate as SVG reads it (``format_html`` escapes arguments into strings)."""
    return f"{value:.1f}"


def horizontal_bars(items: Sequence[tuple[str, float, str]], *, title: str,
                    width: int = 480, label_width: int = 150, bar_height: int = 18,
                    colour: str = BAR_COLOUR) -> SafeString:
    """One bar per (label, value, printed value), largest first as given."""
    top = max((float(value) for _label, value, _text in items), default=0.0)
    gap, value_width = 6, 100
    length = width - label_width - value_width
    height = max(len(items), 1) * (bar_height + gap) + gap
    rows = format_html_join("", (
        '<g transform="translate(0,{})"><text x="{}" y="{}" text-anchor="end">{}</text>'
        '<rect x="{}" y="0" width="{}" height="{}" fill="{}"/>'
        '<text x="{}" y="{}">{}</text></g>'), (
        (gap + i * (bar_height + gap), label_width - 6, bar_height - 5, label,
         label_width, _n(_scale(float(value), top, length)), bar_height, colour,
         _n(label_width + _scale(float(value), top, length) + 4), bar_height - 5, text)
        for i, (label, value, text) in enumerate(items)))
    return format_html(
        '<svg class="kpi-chart" role="img" aria-label="{}" viewBox="0 0 {} {}" '
        'width="100%" font-size="12" direction="ltr"><title>{}</title>{}</svg>',
        title, width, height, title, rows)


def vertical_bars(items: Sequence[tuple[str, float, str]], *, title: str, width: int = 480,
                  height: int = 220, colour: str = BAR_COLOUR) -> SafeString:
    """One column per (label, value, printed value), in the given order (months)."""
    top = max((float(value) for _label, value, _text in items), default=0.0)
    count = max(len(items), 1)
    slot = width / count
    plot = height - 40
    columns = format_html_join("", (
        '<g transform="translate({},0)"><title>{}</title>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>'
        '<text x="{}" y="{}" text-anchor="middle">{}</text></g>'), (
        (_n(i * slot), text, _n(slot * 0.15),
         _n(10 + plot - _scale(float(value), top, plot)), _n(slot * 0.7),
         _n(_scale(float(value), top, plot)), colour, _n(slot / 2), height - 12, label)
        for i, (label, value, text) in enumerate(items)))
    return format_html(
        '<svg class="kpi-chart" role="img" aria-label="{}" viewBox="0 0 {} {}" '
        'width="100%" font-size="11" direction="ltr"><title>{}</title>{}</svg>',
        title, width, height, title, columns)


def share_bar(share: Decimal | None, text: str, *, title: str, width: int = 480,
              colour: str = ACCENT_COLOUR) -> SafeString:
    """A 100 % bar with the share filled in and ``text`` (the share as printed) on it."""
    filled = float(share or 0) / 100 * width
    return format_html(
        '<svg class="kpi-chart" role="img" aria-label="{}" viewBox="0 0 {} 28" width="100%" '
        'font-size="12" direction="ltr"><title>{}</title>'
        '<rect x="0" y="4" width="{}" height="20" fill="#e8e8e8"/>'
        '<rect x="0" y="4" width="{}" height="20" fill="{}"/>'
        '<text x="{}" y="19">{}</text></svg>',
        title, width, title, width, _n(filled), colour, _n(min(filled + 4, width - 60)),
        text)
