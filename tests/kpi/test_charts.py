"""The inline SVG charts: labels are escaped, bars scale to the largest value, a negative
month (refunds) draws as an empty bar and keeps its printed number."""
from __future__ import annotations

import re
from decimal import Decimal

from backend.kpi import charts


def _widths(svg: str) -> list[float]:
    return [float(w) for w in re.findall(r'<rect x="\d+" y="0" width="([\d.]+)"', svg)]


def test_bars_scale_to_the_largest_value_and_labels_are_escaped():
    svg = charts.horizontal_bars([("<b>Souss</b>", 300, "300,00 MAD"), ("Oriental", 150, "150"),
                                  ("Refunds", -20, "-20,00 MAD")], title="Sales & co")

    assert "<b>" not in svg and "&lt;b&gt;Souss&lt;/b&gt;" in svg
    assert 'aria-label="Sales &amp; co"' in svg
    assert _widths(svg) == [230.0, 115.0, 0.0]  # 480 - 150 label - 100 value = 230
    assert "-20,00 MAD" in svg


def test_nothing_sold_draws_empty_bars():
    svg = charts.vertical_bars([("Jan", 0, "0"), ("Fév", 0, "0")], title="Ventes")

    assert svg.count("<rect") == 2 and 'height="0.0"' in svg


def test_the_share_bar_fills_its_part():
    svg = charts.share_bar(Decimal("25.0"), "25,0 %", title="Femmes")

    assert 'width="120.0"' in svg and "25,0 %" in svg
    assert 'width="0.0"' in charts.share_bar(None, "–", title="Femmes")
