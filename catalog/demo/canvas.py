"""A small drawing canvas for the demo product pictures (Pillow only, nothing downloaded).

Shapes are given in design units on an 800 × 800 square and drawn at twice that size, then
halved, which smooths their edges. Opaque fills are cheap; translucent ones are kept small.
"""
from __future__ import annotations

import functools
import io
import math
import random
from collections.abc import Iterable, Sequence

from PIL import Image, ImageDraw, ImageFilter

SIZE = 800
SCALE = 2
JPEG_QUALITY = 80

Color = tuple[int, ...]
Point = tuple[float, float]


def mix(a: Color, b: Color, t: float) -> Color:
    """The colour ``t`` of the way from ``a`` to ``b``."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=False))


def shade(color: Color, factor: float) -> Color:
    """Darker (factor < 1) or lighter (factor > 1, towards white) version of ``color``."""
    if factor <= 1:
        return tuple(round(c * factor) for c in color[:3])
    return mix(color[:3], (255, 255, 255), min(factor - 1, 1))


def jitter(rng: random.Random, color: Color, amount: int = 12) -> Color:
    return tuple(max(0, min(255, c + rng.randint(-amount, amount))) for c in color[:3])


def oval(cx: float, cy: float, rx: float, ry: float, angle: float = 0.0, points: int = 28,
         taper: float = 0.0) -> list[Point]:
    """Polygon of a rotated ellipse; ``taper`` > 0 narrows one end (almonds, figs, drops)."""
    cos_a, sin_a = math.cos(angle), math.sin(angle)
    result = []
    for i in range(points):
        t = 2 * math.pi * i / points
        x, y = rx * math.cos(t), ry * math.sin(t)
        if taper:
            y *= 1 - taper * (1 + math.cos(t)) / 2
        result.append((cx + x * cos_a - y * sin_a, cy + x * sin_a + y * cos_a))
    return result


@functools.lru_cache(maxsize=16)
def _backdrop(wall: Color, table: Color, horizon: float) -> Image.Image:
    """A wall with a vertical gradient over a table top; cached, callers copy it."""
    px = SIZE * SCALE
    edge = int(horizon * SCALE)
    wall_top, wall_bottom = shade(wall, 1.18), shade(wall, 0.9)
    table_top, table_bottom = shade(table, 1.08), shade(table, 0.82)
    rim = shade(table, 1.2)
    column = []
    for y in range(px):
        if y < edge:
            column.append(mix(wall_top, wall_bottom, y / edge))
        elif y < edge + 3 * SCALE:
            column.append(rim)
        else:
            column.append(mix(table_top, table_bottom, (y - edge) / (px - edge)))
    strip = Image.new("RGB", (1, px))
    strip.putdata(column)
    return strip.resize((px, px), Image.Resampling.NEAREST)


class Canvas:
    """An 800 × 800 picture with a wall and a table top, drawn at double resolution."""

    def __init__(self, wall: Color, table: Color, horizon: float = 560) -> None:
        self.px = SIZE * SCALE
        self._empty = _backdrop(tuple(wall), tuple(table), horizon)
        self.image = self._empty.copy()
        self.draw = ImageDraw.Draw(self.image)
        self.glaze = ImageDraw.Draw(self.image, "RGBA")
        self._box = [float(SIZE), float(SIZE), 0.0, 0.0]  # what was drawn, shadows aside

    def _grow(self, xs: Iterable[float], ys: Iterable[float], pad: float = 0) -> None:
        xs, ys = list(xs), list(ys)
        box = self._box
        box[0], box[1] = min(box[0], min(xs) - pad), min(box[1], min(ys) - pad)
        box[2], box[3] = max(box[2], max(xs) + pad), max(box[3], max(ys) + pad)
    # coordinates --------------------------------------------------------------------------
    @staticmethod
    def _s(values: Iterable[float]) -> list[float]:
        return [v * SCALE for v in values]

    def _pts(self, points: Sequence[Point]) -> list[tuple[float, float]]:
        return [(x * SCALE, y * SCALE) for x, y in points]

    # shapes ---------------------------------------------------------------------------------
    def ellipse(self, box: Sequence[float], fill: Color | None = None,
                outline: Color | None = None, width: float = 0) -> None:
        self._grow(box[0::2], box[1::2])
        drawer = self.glaze if fill is not None and len(fill) == 4 else self.draw
        drawer.ellipse(self._s(box), fill=fill, outline=outline,
                       width=max(1, round(width * SCALE)) if outline else 0)

    def circle(self, cx: float, cy: float, r: float, fill: Color,
               outline: Color | None = None, width: float = 0) -> None:
        self.ellipse((cx - r, cy - r, cx + r, cy + r), fill, outline, width)

    def rect(self, box: Sequence[float], fill: Color | None = None, radius: float = 0,
             outline: Color | None = None, width: float = 0) -> None:
        self._grow(box[0::2], box[1::2])
        drawer = self.glaze if fill is not None and len(fill) == 4 else self.draw
        drawer.rounded_rectangle(self._s(box), radius=radius * SCALE, fill=fill,
                                 outline=outline,
                                 width=max(1, round(width * SCALE)) if outline else 0)

    def polygon(self, points: Sequence[Point], fill: Color,
                outline: Color | None = None) -> None:
        self._grow((p[0] for p in points), (p[1] for p in points))
        drawer = self.glaze if len(fill) == 4 else self.draw
        drawer.polygon(self._pts(points), fill=fill, outline=outline)

    def line(self, points: Sequence[Point], fill: Color, width: float,
             joint: str | None = "curve") -> None:
        self._grow((p[0] for p in points), (p[1] for p in points), width / 2)
        drawer = self.glaze if len(fill) == 4 else self.draw
        drawer.line(self._pts(points), fill=fill, width=max(1, round(width * SCALE)),
                    joint=joint)

    def pieslice(self, box: Sequence[float], start: float, end: float, fill: Color) -> None:
        self._grow(box[0::2], box[1::2])
        self.draw.pieslice(self._s(box), start, end, fill=fill)

    def chord(self, box: Sequence[float], start: float, end: float, fill: Color) -> None:
        self._grow(box[0::2], box[1::2])
        self.draw.chord(self._s(box), start, end, fill=fill)

    def arc(self, box: Sequence[float], start: float, end: float, fill: Color,
            width: float) -> None:
        self._grow(box[0::2], box[1::2])
        self.draw.arc(self._s(box), start, end, fill=fill, width=max(1, round(width * SCALE)))

    def shadow(self, cx: float, cy: float, rx: float, ry: float, strength: int = 90) -> None:
        """A soft elliptic shadow on the table, blurred at low resolution (cheap)."""
        pad = max(rx, ry) * 0.6
        box = (cx - rx - pad, cy - ry - pad, cx + rx + pad, cy + ry + pad)
        w, h = int((box[2] - box[0]) / 4) + 1, int((box[3] - box[1]) / 4) + 1
        mask = Image.new("L", (w, h), 0)
        ImageDraw.Draw(mask).ellipse(
            (pad / 4, pad / 4, w - pad / 4, h - pad / 4), fill=strength)
        mask = mask.filter(ImageFilter.GaussianBlur(max(2, pad / 10)))
        size = (int((box[2] - box[0]) * SCALE), int((box[3] - box[1]) * SCALE))
        mask = mask.resize(size, Image.Resampling.BILINEAR)
        self.image.paste((40, 28, 18), (int(box[0] * SCALE), int(box[1] * SCALE)), mask)

    def octagram(self, cx: float, cy: float, r: float, fill: Color) -> None:
        """The eight-pointed star of Moroccan zellige, used on labels and lids."""
        square = [(cx + r * math.cos(a), cy + r * math.sin(a))
                  for a in (math.pi / 4 + i * math.pi / 2 for i in range(4))]
        diamond = [(cx + r * math.cos(a), cy + r * math.sin(a))
                   for a in (i * math.pi / 2 for i in range(4))]
        self.polygon(square, fill)
        self.polygon(diamond, fill)

    # output ---------------------------------------------------------------------------------
    def subject_box(self) -> tuple[float, float, float, float]:
        """Bounding box (design units) of every shape drawn, shadows aside."""
        x0, y0, x1, y1 = self._box
        if x1 <= x0 or y1 <= y0:
            return 0.0, 0.0, float(SIZE), float(SIZE)
        return max(x0, 0), max(y0, 0), min(x1, SIZE), min(y1, SIZE)

    def framed(self, zoom: float = 1.0) -> tuple[float, float, float, float]:
        """A square around the subject with some air (``zoom`` > 1 comes closer)."""
        x0, y0, x1, y1 = self.subject_box()
        side = max(x1 - x0, y1 - y0) * 1.22 / zoom
        side = max(min(side, SIZE), 420)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2 + side * 0.03
        left = min(max(cx - side / 2, 0), SIZE - side)
        top = min(max(cy - side / 2, 0), SIZE - side)
        return left, top, left + side, top + side

    def jpeg(self, zoom: float | None = 1.0) -> bytes:
        """The picture at 800 × 800 as JPEG bytes, framed on its subject (``None``: as drawn)."""
        if zoom is None:
            picture = self.image.reduce(SCALE)
        else:
            box = tuple(round(v * SCALE) for v in self.framed(zoom))
            picture = self.image.resize((SIZE, SIZE), Image.Resampling.BILINEAR, box=box,
                                        reducing_gap=2.0)
        buffer = io.BytesIO()
        picture.save(buffer, format="JPEG", quality=JPEG_QUALITY)
        return buffer.getvalue()
