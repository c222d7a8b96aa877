"""A small hand-drawn map of Morocco as inline SVG: no tiles, no request, a few hundred bytes.

The outline is a simplified polygon (about 50 points) of the kingdom with its 12 regions,
projected equirectangularly around 29°N so shapes keep their proportions.
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

# (longitude, latitude), clockwise from Cap Spartel: the Mediterranean coast, the eastern and
# southern borders, then the Atlantic coast back north.
OUTLINE: tuple[tuple[float, float], ...] = (
    (-5.92, 35.79), (-5.40, 35.92), (-5.28, 35.65), (-4.70, 35.21), (-3.93, 35.25),
    (-3.35, 35.20), (-2.97, 35.43), (-2.93, 35.17), (-2.21, 35.09), (-1.80, 34.90),
    (-1.75, 34.45), (-1.68, 33.70), (-1.50, 32.90), (-1.02, 32.42), (-1.25, 32.08),
    (-2.50, 31.95), (-3.70, 31.65), (-3.65, 30.85), (-5.60, 29.85), (-7.60, 29.38),
    (-8.67, 28.70), (-8.67, 26.00), (-12.00, 26.00), (-12.00, 23.45), (-13.10, 22.80),
    (-13.00, 21.33), (-16.95, 21.33), (-17.05, 20.77), (-16.90, 21.90), (-16.50, 22.40),
    (-16.00, 23.40), (-15.95, 23.70), (-15.00, 25.30), (-14.50, 26.13), (-13.20, 27.15),
    (-12.90, 27.95), (-11.50, 28.40), (-11.10, 28.80), (-10.18, 29.37), (-9.75, 29.85),
    (-9.60, 30.42), (-9.86, 30.63), (-9.78, 31.51), (-9.24, 32.30), (-9.27, 32.55),
    (-8.50, 33.25), (-7.60, 33.60), (-6.84, 34.03), (-6.58, 34.27), (-6.15, 35.19),
    (-6.03, 35.47),
)

WEST, EAST, SOUTH, NORTH = -17.4, -0.8, 20.5, 36.2
SCALE = 20.0
X_FACTOR = math.cos(math.radians(29.0))
WIDTH = round((EAST - WEST) * X_FACTOR * SCALE)
HEIGHT = round((NORTH - SOUTH) * SCALE)


def project(longitude: float, latitude: float) -> tuple[float, float]:
    """SVG coordinates of a point, north up."""
    x = (float(longitude) - WEST) * X_FACTOR * SCALE
    y = (NORTH - float(latitude)) * SCALE
    return round(x, 1), round(y, 1)


OUTLINE_PATH = "M" + " L".join(f"{x} {y}" for x, y in (project(*p) for p in OUTLINE)) + " Z"


@dataclass(frozen=True)
class MapDot:
    latitude: float
    longitude: float
    label: str
    url: str = ""
    current: bool = False


def _dot(dot: MapDot) -> SafeString:
    x, y = project(dot.longitude, dot.latitude)
    circle = format_html('<circle class="{}" cx="{}" cy="{}" r="{}"><title>{}</title></circle>',
                         "dot is-current" if dot.current else "dot", x, y,
                         7 if dot.current else 5, dot.label)
    if dot.url:
        return format_html('<a href="{}">{}</a>', dot.url, circle)
    return circle


def morocco_svg(*, title: str, dots: Iterable[MapDot] = (),
                marker: tuple[float, float] | None = None, css_class: str = "map") -> SafeString:
    """The outline, optional dots (links where they have a URL) and a pin at ``marker``."""
    pin = SafeString("")
    if marker is not None:
        x, y = project(marker[1], marker[0])
        pin = format_html(
            '<g class="pin" transform="translate({} {})">'
            '<circle r="16" class="pin-halo"/><circle r="6"/></g>', x, y)
    return format_html(
        '<svg class="{}" viewBox="0 0 {} {}" role="img" aria-label="{}" '
        'xmlns="http://www.w3.org/2000/svg"><title>{}</title>'
        '<path class="land" d="{}"/>{}{}</svg>',
        css_class, WIDTH, HEIGHT, title, title, OUTLINE_PATH,
        format_html_join("", "{}", ((_dot(d),) for d in dots)), pin,
    )
