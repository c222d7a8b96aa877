"""Charts of the programme report as inline SVG: no JavaScript, no image files, the same
markup on the page and in the PDF. Pure functions from labelled values to markup."""
from __future__ import annotations

from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .templatetags.followup import format_indicator

WIDTH = 360
BAR = "#2f6b3b"
AFTER = "#c8702a"
FONTS = 'font-family="Noto Sans, Noto Sans Arabic, DejaVu Sans, sans-serif"'
LABEL = f'{FONTS} font-size="11"'
SMALL = f'{FONTS} font-size="9"'


def _scale(values: list[Decimal | None]) -> Decimal:
    return max([v for v in values if v is not None and v > 0] or [Decimal(1)])


def _svg(title: str, height: int, body: list[str]) -> SafeString:
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-label="{escape(title)}" '
        f'direction="ltr" style="direction:ltr">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>")


def _bar(y: int, value: Decimal | None, top: Decimal, colour: str, code: str,
         language: str) -> list[str]:
    width = 0 if value is None or value <= 0 else int(Decimal(250) * value / top)
    return [f'<rect x="0" y="{y}" width="{max(width, 1)}" height="12" fill="{colour}"/>',
            f'<text x="{width + 4}" y="{y + 10}" {LABEL}>'
            f"{escape(format_indicator(value, code, language))}</text>"]


def bars_svg(items: list[tuple[str, Decimal | None]], code: str, title: str,
             language: str = "fr") -> SafeString:
    """Horizontal bars, one per label (regions)."""
    top, body, y = _scale([v for _, v in items]), [], 4
    for label, value in items:
        body.append(f'<text x="0" y="{y + 10}" {LABEL}>{escape(label)}</text>')
        body.extend(_bar(y + 14, value, top, BAR, code, language))
        y += 34
    return _svg(title, max(y, 20), body)


def columns_svg(items: list[tuple[str, Decimal | None]], code: str, title: str,
                language: str = "fr") -> SafeString:
    """Vertical columns, one per month (the indicator's trend)."""
    top, body = _scale([v for _, v in items]), []
    step = WIDTH // max(len(items), 1)
    for index, (label, value) in enumerate(items):
        height = 0 if value is None or value <= 0 else int(Decimal(120) * value / top)
        x = index * step
        body.append(f'<rect x="{x + 2}" y="{140 - height}" width="{step - 4}" '
                    f'height="{max(height, 1)}" fill="{BAR}">'
                    f"<title>{escape(label)}: "
                    f"{escape(format_indicator(value, code, language))}</title></rect>")
        body.append(f'<text x="{x + step // 2}" y="156" text-anchor="middle" {SMALL}>'
                    f"{escape(label)}</text>")
    return _svg(title, 164, body)


def pairs_svg(items: list[tuple[str, Decimal | None, Decimal | None]], code: str, title: str,
              legend: tuple[str, str], language: str = "fr") -> SafeString:
    """Two bars per label: before and after the prize."""
    top = _scale([v for _, before, after in items for v in (before, after)])
    body = [f'<rect x="0" y="2" width="10" height="10" fill="{BAR}"/>',
            f'<text x="14" y="11" {LABEL}>{escape(legend[0])}</text>',
            f'<rect x="150" y="2" width="10" height="10" fill="{AFTER}"/>',
            f'<text x="164" y="11" {LABEL}>{escape(legend[1])}</text>']
    y = 22
    for label, before, after in items:
        body.append(f'<text x="0" y="{y + 10}" {LABEL}>{escape(label)}</text>')
        body.extend(_bar(y + 14, before, top, BAR, code, language))
        body.extend(_bar(y + 28, after, top, AFTER, code, language))
        y += 48
    return _svg(title, y, body)
