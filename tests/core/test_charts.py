"""The inline SVG charts: labels are escaped, bars scale to the largest value, a negative or
missing value draws as an empty bar and keeps its printed text, and a ``Look`` changes only
the drawing (fixed pixel sizes, a font, a visible baseline for empty bars)."""
from __future__ import annotations

import re
from decimal import Decimal

from backend.core import charts
from backend.followup.charts import pairs_svg


def _widths(svg: str) -> list[float]:
    return [float(w) for w in re.findall(r'<rect x="\d+" y="\d+" width="([\d.]+)"', svg)]


def test_bars_scale_to_the_largest_value_and_labels_are_escaped():
    svg = charts.horizontal_bars([("<b>Souss</b>", 300, "300,00 MAD"), ("Oriental", 150, "150"),
                                  ("Refunds", -20, "-20,00 MAD")], title="Sales & co")

    assert "<b>" not in svg and "&lt;b&gt;Souss&lt;/b&gt;" in svg
    assert 'aria-label="Sales &amp; co"' in svg and 'width="100%"' in svg
    assert _widths(svg) == [230.0, 115.0, 0.0]  # 480 - 150 label - 100 value = 230
    assert "-20,00 MAD" in svg


def test_nothing_sold_draws_empty_bars():
    svg = charts.vertical_bars([("Jan", 0, "0"), ("Fév", None, "–")], title="Ventes")

    assert svg.count("<rect") == 2 and svg.count('height="0.0"') == 2


def test_the_share_bar_fills_its_part():
    svg = charts.share_bar(Decimal("25.0"), "25,0 %", title="Femmes")

    assert 'width="120.0"' in svg and "25,0 %" in svg
    assert 'width="0.0"' in charts.share_bar(None, "–", title="Femmes")


def test_a_look_sets_the_class_the_size_the_font_and_a_baseline_for_empty_bars():
    look = charts.Look(css_class="kpi-chart", font_family="Noto <Sans>", fixed_size=True,
                       min_bar=1)
    svg = charts.horizontal_bars([("A", Decimal("40"), "40"), ("B", None, "–")], title="T",
                                 look=look)

    assert svg.startswith('<svg class="kpi-chart" ')
    assert 'width="480" height="54"' in svg and 'font-family="Noto &lt;Sans&gt;"' in svg
    assert _widths(svg) == [230.0, 1.0]


def test_grouped_bars_share_one_scale_and_name_their_colours():
    svg = pairs_svg([("Coop A", Decimal("10"), Decimal("30")), ("Coop <B>", None, Decimal("5"))],
                    "sales", "Avant/après", ("avant", "après"))

    # Before/after per cooperative on 250 px for 30.00; the legend's swatch in each colour.
    assert _widths(svg) == [83.3, 250.0, 1.0, 41.7]
    assert svg.count('fill="#c8702a"') == 3 and "Coop &lt;B&gt;" in svg
    assert "30,00" in svg and "–" in svg
