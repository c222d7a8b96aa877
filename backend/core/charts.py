"""Bar charts as inline SVG drawn on the server: no JavaScript, no CDN, no image files, the
same markup on a phone, in the admin and in a PDF (weasyprint).

Pure functions from labelled numbers to safe markup (labels and printed values escaped by
``format_html``). Bars scale to the largest positive value; a value that is None or not
positive (a month of refunds) draws as an empty bar and keeps its printed text. A ``Look``
says what differs between the pages that use them: by default (``PAGE``) a chart fills its
container's width in the page's font; a PDF wants pixel sizes and a font that has Arabic.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

Value = int | float | Decimal | None

BAR_COLOUR = "#417690"  # the admin's own blue
ACCENT_COLOUR = "#c2541a"


@dataclass(frozen=True)
class Look:
    css_class: str = ""
    font_family: str = ""  # empty: the page's font
    font_size: int = 12  # labels and printed values
    small_font_size: int = 11  # the labels under columns
    fixed_size: bool = False  # width and height in pixels instead of the container's width
    min_bar: float = 0.0  # an empty bar still draws this long (a visible baseline)


PAGE = Look()


def peak(values: Iterable[Value]) -> float:
    """The largest positive value, 0 when there is none (every bar is then empty)."""
    return max((float(v) for v in values if v is not None and v > 0), default=0.0)


def scaled(value: Value, top: float, length: float) -> float:
    """``value``'s bar length when ``top`` fills ``length``; 0 for None or not positive."""
    if value is None or value <= 0 or top <= 0:
        return 0.0
    return float(value) / top * length


def _n(value: float) -> str:
    """A coordinate as SVG reads it (``format_html`` escapes arguments into strings)."""
    return f"{value:.1f}"


def _join(parts: Iterable[SafeString]) -> SafeString:
    return mark_safe("".join(parts))  # every part comes from format_html


def svg(title: str, width: int, height: int, body: Iterable[SafeString], *, look: Look,
        font_size: int) -> SafeString:
    """The ``<svg>`` element: titled for screen readers, left-to-right even in Arabic pages."""
    css_class = format_html(' class="{}"', look.css_class) if look.css_class else ""
    size = (format_html('width="{}" height="{}"', width, height) if look.fixed_size
            else mark_safe('width="100%"'))
    font = format_html(' font-family="{}"', look.font_family) if look.font_family else ""
    return format_html(
        '<svg{} xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{}" '
        'viewBox="0 0 {} {}" {}{} font-size="{}" direction="ltr" style="direction:ltr">'
        "<title>{}</title>{}</svg>",
        css_class, title, width, height, size, font, font_size, title, _join(body))


def grouped_bars(rows: Sequence[tuple[str, Sequence[tuple[Value, str]]]], *, title: str,
                 colours: Sequence[str] = (BAR_COLOUR,), legend: Sequence[str] = (),
                 width: int = 480, label_width: int = 150, value_width: int = 100,
                 bar_height: int = 18, gap: int = 6, look: Look = PAGE) -> SafeString:
    """Horizontal bars, one row per (label, [(value, printed value), ...]) in the given order,
    the n-th bar of each row in the n-th colour. The label stands left of the bars, or on its
    own line above them when ``label_width`` is 0; ``legend`` names the colours."""
    top = peak(value for _label, bars in rows for value, _text in bars)
    length = width - label_width - value_width
    baseline = round((bar_height + 0.7 * look.font_size) / 2)  # text centred on a bar
    parts, y = [], gap
    if legend:
        step = width / len(legend)
        parts.extend(format_html(
            '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/><text x="{}" y="{}">{}</text>',
            _n(i * step), y, bar_height, bar_height, colour, _n(i * step + bar_height + 4),
            y + baseline, name) for i, (name, colour) in enumerate(zip(legend, colours,
                                                                        strict=False)))
        y += bar_height + gap
    for label, bars in rows:
        if label_width:
            row = [format_html('<text x="{}" y="{}" text-anchor="end">{}</text>',
                               label_width - 6, baseline, label)]
            offset = 0
        else:
            row = [format_html('<text x="0" y="{}">{}</text>', baseline, label)]
            offset = bar_height + 2
        for index, (value, text) in enumerate(bars):
            bar = scaled(value, top, length)
            row.append(format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>'
                '<text x="{}" y="{}">{}</text>',
                label_width, offset, _n(max(bar, look.min_bar)), bar_height,
                colours[index % len(colours)], _n(label_width + bar + 4), offset + baseline,
                text))
            offset += bar_height + 2
        parts.append(format_html('<g transform="translate(0,{})">{}</g>', y, _join(row)))
        y += offset - 2 + gap
    return svg(title, width, max(y, bar_height + 2 * gap), parts, look=look,
               font_size=look.font_size)


def horizontal_bars(items: Sequence[tuple[str, Value, str]], *, title: str,
                    colour: str = BAR_COLOUR, width: int = 480, label_width: int = 150,
                    value_width: int = 100, bar_height: int = 18,
                    look: Look = PAGE) -> SafeString:
    """One bar per (label, value, printed value), in the given order (largest first, say)."""
    return grouped_bars([(label, [(value, text)]) for label, value, text in items],
                        title=title, colours=(colour,), width=width, label_width=label_width,
                        value_width=value_width, bar_height=bar_height, look=look)


def vertical_bars(items: Sequence[tuple[str, Value, str]], *, title: str, width: int = 480,
                  height: int = 220, colour: str = BAR_COLOUR,
                  look: Look = PAGE) -> SafeString:
    """One column per (label, value, printed value), in the given order (months); the printed
    value is the column's tooltip, the label stands under it."""
    top = peak(value for _label, value, _text in items)
    slot = width / max(len(items), 1)
    plot = height - 40
    columns = []
    for i, (label, value, text) in enumerate(items):
        column = max(scaled(value, top, plot), look.min_bar)
        columns.append(format_html(
            '<g transform="translate({},0)"><title>{}</title>'
            '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>'
            '<text x="{}" y="{}" text-anchor="middle">{}</text></g>',
            _n(i * slot), text, _n(slot * 0.15), _n(10 + plot - column), _n(slot * 0.7),
            _n(column), colour, _n(slot / 2), height - 12, label))
    return svg(title, width, height, columns, look=look, font_size=look.small_font_size)


def share_bar(share: Decimal | None, text: str, *, title: str, width: int = 480,
              colour: str = ACCENT_COLOUR, look: Look = PAGE) -> SafeString:
    """A 100 % bar with the share filled in and ``text`` (the share as printed) on it."""
    filled = scaled(share, 100, width)
    return svg(title, width, 28, [format_html(
        '<rect x="0" y="4" width="{}" height="20" fill="#e8e8e8"/>'
        '<rect x="0" y="4" width="{}" height="20" fill="{}"/>'
        '<text x="{}" y="19">{}</text>',
        width, _n(filled), colour, _n(min(filled + 4, width - 60)), text)],
        look=look, font_size=look.font_size)
