"""Building blocks of the demo pictures: bottles, jars, bowls, heaps, leaves, crafts."""
from __future__ import annotations

import math
import random
from collections.abc import Callable

from .canvas import Canvas, Color, jitter, oval, shade

GOLD = (214, 150, 40)
AMBER = (176, 98, 24)
OLIVE_GOLD = (176, 160, 40)
PAPER = (246, 238, 222)
INK = (70, 52, 40)
GREEN_LEAF = (86, 130, 60)
TERRACOTTA = (178, 92, 56)
CORK = (150, 110, 70)

# A scene draws one still life on a canvas.
Scene = Callable[[Canvas, random.Random], None]


def label(c: Canvas, box: tuple[float, float, float, float], accent: Color) -> None:
    """A paper label with a zellige star and two printed lines."""
    x0, y0, x1, y1 = box
    c.rect(box, PAPER, radius=6)
    c.rect((x0 + 6, y0 + 6, x1 - 6, y1 - 6), outline=accent, width=2, radius=4)
    cx, cy = (x0 + x1) / 2, y0 + (y1 - y0) * 0.38
    c.octagram(cx, cy, (y1 - y0) * 0.18, accent)
    c.circle(cx, cy, (y1 - y0) * 0.07, PAPER)
    for i, frac in enumerate((0.68, 0.8)):
        half = (x1 - x0) * (0.3 if i == 0 else 0.2)
        c.line([(cx - half, y0 + (y1 - y0) * frac), (cx + half, y0 + (y1 - y0) * frac)],
               INK, 3)


def bottle(c: Canvas, cx: float, base: float, w: float, h: float, liquid: Color,
           cap: Color = CORK, accent: Color = TERRACOTTA, tall_neck: bool = True) -> None:
    """A glass bottle of oil or floral water with a label."""
    c.shadow(cx + w * 0.15, base, w * 0.75, w * 0.16)
    shoulder = base - h * (0.7 if tall_neck else 0.8)
    c.rect((cx - w / 2, shoulder, cx + w / 2, base), liquid, radius=w * 0.16)
    c.ellipse((cx - w / 2, shoulder - w * 0.28, cx + w / 2, shoulder + w * 0.28), liquid)
    neck_w = w * 0.17
    neck_top = base - h * 0.95
    c.rect((cx - neck_w, neck_top, cx + neck_w, shoulder), shade(liquid, 0.92))
    c.rect((cx - neck_w * 1.25, neck_top - h * 0.08, cx + neck_w * 1.25, neck_top + 4), cap,
           radius=5)
    # Cylinder shading: a dark side and a glint.
    c.rect((cx + w * 0.3, shoulder + 8, cx + w * 0.46, base - 10), (*shade(liquid, 0.6), 90),
           radius=w * 0.08)
    c.rect((cx - w * 0.38, shoulder + 4, cx - w * 0.3, base - 24), (255, 255, 255, 110),
           radius=6)
    label(c, (cx - w * 0.36, shoulder + h * 0.2, cx + w * 0.36, shoulder + h * 0.52), accent)


def dropper(c: Canvas, cx: float, base: float, w: float, h: float, glass: Color = AMBER,
            accent: Color = TERRACOTTA) -> None:
    """A small cosmetic bottle with a dropper cap."""
    c.shadow(cx + w * 0.15, base, w * 0.8, w * 0.18)
    top = base - h * 0.62
    c.rect((cx - w / 2, top, cx + w / 2, base), glass, radius=w * 0.14)
    c.rect((cx - w * 0.22, top - h * 0.08, cx + w * 0.22, top + 6), shade(glass, 0.8),
           radius=4)
    c.rect((cx - w * 0.28, top - h * 0.18, cx + w * 0.28, top - h * 0.06), (40, 36, 34),
           radius=6)
    c.ellipse((cx - w * 0.2, top - h * 0.38, cx + w * 0.2, top - h * 0.12), (30, 28, 28))
    c.rect((cx - w * 0.38, top + 10, cx - w * 0.3, base - 18), (255, 255, 255, 100), radius=5)
    label(c, (cx - w * 0.38, top + h * 0.16, cx + w * 0.38, top + h * 0.5), accent)


def jar(c: Canvas, cx: float, base: float, w: float, h: float, content: Color,
        lid: Color = (170, 130, 60), cloth: Color | None = None, level: float = 0.85,
        texture: Callable[[Canvas, tuple[float, float, float, float]], None] | None = None,
        accent: Color = TERRACOTTA) -> None:
    """A glass jar (honey, jam, amlou...), optionally with a cloth tied over the lid."""
    c.shadow(cx + w * 0.12, base, w * 0.7, w * 0.15)
    top = base - h
    glass = (228, 232, 230)
    c.rect((cx - w / 2, top + h * 0.1, cx + w / 2, base), glass, radius=w * 0.14)
    fill_top = base - h * 0.9 * level
    c.rect((cx - w / 2 + 5, fill_top, cx + w / 2 - 5, base - 5), content, radius=w * 0.12)
    if texture:
        texture(c, (cx - w / 2 + 12, fill_top + 10, cx + w / 2 - 12, base - 12))
    c.rect((cx + w * 0.28, top + h * 0.2, cx + w * 0.44, base - 12), (*shade(content, 0.6), 70),
           radius=w * 0.06)
    c.rect((cx - w * 0.4, top + h * 0.18, cx - w * 0.32, base - 20), (255, 255, 255, 120),
           radius=5)
    c.rect((cx - w * 0.46, top, cx + w * 0.46, top + h * 0.14), lid, radius=6)
    if cloth:
        c.polygon([(cx - w * 0.62, top + h * 0.2), (cx - w * 0.44, top - h * 0.06),
                   (cx + w * 0.44, top - h * 0.06), (cx + w * 0.62, top + h * 0.2),
                   (cx + w * 0.3, top + h * 0.12), (cx, top + h * 0.22),
                   (cx - w * 0.3, top + h * 0.12)], cloth)
        for i in range(1, 6):
            x = cx - w * 0.5 + i * w / 6
            c.line([(x, top - h * 0.05), (x, top + h * 0.14)], shade(cloth, 1.35), 4)
        c.line([(cx - w * 0.47, top + h * 0.1), (cx + w * 0.47, top + h * 0.1)], INK, 4)
    label(c, (cx - w * 0.34, base - h * 0.55, cx + w * 0.34, base - h * 0.2), accent)


def bowl(c: Canvas, cx: float, rim_y: float, w: float, depth: float, body: Color,
         content: Color | None = None, mound: float = 0.0,
         texture: Callable[[Canvas, tuple[float, float, float, float]], None] | None = None
         ) -> None:
    """A round bowl seen slightly from above, optionally heaped with ``content``."""
    c.shadow(cx + w * 0.08, rim_y + depth * 0.95, w * 0.48, depth * 0.22)
    c.chord((cx - w / 2, rim_y - depth, cx + w / 2, rim_y + depth), 0, 180, body)
    c.rect((cx - w * 0.18, rim_y + depth * 0.9, cx + w * 0.18, rim_y + depth * 1.02),
           shade(body, 0.8), radius=4)
    c.ellipse((cx - w / 2, rim_y - w * 0.12, cx + w / 2, rim_y + w * 0.12), shade(body, 1.12))
    if content is not None:
        inner = (cx - w * 0.46, rim_y - w * 0.1, cx + w * 0.46, rim_y + w * 0.1)
        c.ellipse(inner, content)
        if mound:
            c.chord((inner[0] + w * 0.04, rim_y - mound, inner[2] - w * 0.04, rim_y + mound),
                    180, 360, content)
        if texture:
            texture(c, (inner[0], rim_y - mound, inner[2], inner[3]))
    c.arc((cx - w / 2, rim_y - depth, cx + w / 2, rim_y + depth), 20, 160,
          shade(body, 0.75), 4)


def speckle(rng: random.Random, colors: list[Color], count: int, size: float = 3
            ) -> Callable[[Canvas, tuple[float, float, float, float]], None]:
    """A texture of small dots (grains, powder, crystals) inside a box."""

    def paint(c: Canvas, box: tuple[float, float, float, float]) -> None:
        x0, y0, x1, y1 = box
        cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
        for _ in range(count):
            a, r = rng.uniform(0, 2 * math.pi), math.sqrt(rng.random())
            x, y = cx + rx * r * math.cos(a), cy + ry * r * math.sin(a)
            c.circle(x, y, size * rng.uniform(0.6, 1.3), rng.choice(colors))

    return paint


def leaf(c: Canvas, x: float, y: float, length: float, angle: float,
         color: Color = GREEN_LEAF) -> None:
    c.polygon(oval(x + math.cos(angle) * length / 2, y + math.sin(angle) * length / 2,
                   length / 2, length / 6, angle, taper=0.5), color)
    c.line([(x, y), (x + math.cos(angle) * length * 0.9, y + math.sin(angle) * length * 0.9)],
           shade(color, 0.75), 2)


def sprig(c: Canvas, rng: random.Random, x: float, y: float, length: float, angle: float,
          color: Color = GREEN_LEAF, leaf_size: float = 26) -> None:
    """A herb stem with leaves on both sides."""
    end = (x + math.cos(angle) * length, y + math.sin(angle) * length)
    c.line([(x, y), end], shade(color, 0.7), 4)
    for i in range(1, 8):
        t = i / 8
        px, py = x + (end[0] - x) * t, y + (end[1] - y) * t
        for side in (-1, 1):
            leaf(c, px, py, leaf_size * (1.1 - t * 0.5), angle + side * 0.9,
                 jitter(rng, color, 14))


def pile(c: Canvas, rng: random.Random, cx: float, cy: float, spread_x: float,
         spread_y: float, count: int, draw_one: Callable[[float, float, float], None]) -> None:
    """Heap ``count`` items, back to front, around a centre."""
    items = []
    for _ in range(count):
        x = cx + rng.uniform(-1, 1) * spread_x
        y = cy + rng.uniform(-1, 0.6) * spread_y * (1 - abs(x - cx) / (spread_x * 1.6))
        items.append((y, x, rng.uniform(0, math.pi)))
    for y, x, angle in sorted(items):
        draw_one(x, y, angle)


def date_fruit(c: Canvas, rng: random.Random, base: Color) -> Callable[[float, float, float],
                                                                        None]:
    def one(x: float, y: float, angle: float) -> None:
        color = jitter(rng, base, 14)
        c.polygon(oval(x, y, 42, 22, angle * 0.6 - 0.3), color)
        c.polygon(oval(x - 10, y - 7, 18, 5, angle * 0.6 - 0.3), shade(color, 1.3))

    return one


def almond(c: Canvas, rng: random.Random, base: Color = (176, 116, 70)
           ) -> Callable[[float, float, float], None]:
    def one(x: float, y: float, angle: float) -> None:
        color = jitter(rng, base, 14)
        c.polygon(oval(x, y, 34, 20, angle, taper=0.45), color)
        c.line([(x - 20 * math.cos(angle), y - 20 * math.sin(angle)),
                (x + 20 * math.cos(angle), y + 20 * math.sin(angle))], shade(color, 0.8), 2)

    return one


def round_fruit(c: Canvas, rng: random.Random, base: Color, radius: float,
                stem: bool = False, leafy: bool = False) -> Callable[[float, float, float],
                                                                     None]:
    def one(x: float, y: float, angle: float) -> None:
        color = jitter(rng, base, 12)
        r = radius * rng.uniform(0.9, 1.1)
        c.circle(x, y, r, color)
        c.circle(x - r * 0.35, y - r * 0.35, r * 0.28, shade(color, 1.35))
        if stem:
            c.line([(x, y - r), (x + r * 0.5, y - r * 2.2)], (90, 110, 50), 3)
        if leafy and angle > 2.2:
            leaf(c, x + r * 0.2, y - r * 0.9, r * 1.2, -0.9)

    return one


def argan_nuts(c: Canvas, rng: random.Random, cx: float, cy: float) -> None:
    pile(c, rng, cx, cy, 90, 30, 11, almond(c, rng, (150, 110, 60)))
    for a in (-2.6, -2.2, -0.6):
        leaf(c, cx + 40, cy - 20, 60, a, (70, 110, 60))


def prop_argan(c: Canvas, rng: random.Random) -> None:
    argan_nuts(c, rng, 620, 700)


def prop_petals(c: Canvas, rng: random.Random) -> None:
    for _ in range(14):
        x, y = rng.uniform(460, 740), rng.uniform(640, 760)
        c.polygon(oval(x, y, 22, 14, rng.uniform(0, math.pi), taper=0.3),
                  jitter(rng, (214, 92, 120), 18))


def prop_cactus(c: Canvas, rng: random.Random) -> None:
    c.polygon(oval(650, 560, 70, 110, 0.25), (90, 140, 80))
    for _ in range(10):
        c.circle(rng.uniform(610, 690), rng.uniform(480, 640), 3, (236, 230, 190))
    pile(c, rng, 640, 700, 60, 18, 4, round_fruit(c, rng, (222, 110, 60), 26))


def prop_almonds(c: Canvas, rng: random.Random) -> None:
    pile(c, rng, 630, 700, 80, 24, 10, almond(c, rng))


def threads(rng: random.Random, count: int
            ) -> Callable[[Canvas, tuple[float, float, float, float]], None]:
    def paint(c: Canvas, box: tuple[float, float, float, float]) -> None:
        x0, y0, x1, y1 = box
        for _ in range(count):
            x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
            a = rng.uniform(0, 2 * math.pi)
            length = rng.uniform(14, 30)
            mid = (x + math.cos(a) * length / 2 + rng.uniform(-4, 4),
                   y + math.sin(a) * length / 2 + rng.uniform(-4, 4))
            end = (x + math.cos(a) * length, y + math.sin(a) * length)
            c.line([(x, y), mid, end], jitter(rng, (196, 36, 24), 20), 3)
            c.circle(end[0], end[1], 2.5, (226, 120, 40))

    return paint


def prop_amlou(c: Canvas, rng: random.Random) -> None:
    pile(c, rng, 620, 690, 80, 20, 8, almond(c, rng))


def prop_dates(c: Canvas, rng: random.Random) -> None:
    pile(c, rng, 620, 690, 80, 20, 6, date_fruit(c, rng, (100, 56, 30)))


def prop_tomatoes(c: Canvas, rng: random.Random) -> None:
    pile(c, rng, 620, 690, 80, 20, 6, round_fruit(c, rng, (210, 40, 30), 22, stem=True))


def prop_citrus(c: Canvas, rng: random.Random) -> None:
    pile(c, rng, 620, 690, 70, 18, 3, round_fruit(c, rng, (236, 130, 30), 34, leafy=True))


def prop_berries(c: Canvas, rng: random.Random) -> None:
    pile(c, rng, 620, 690, 70, 18, 7, round_fruit(c, rng, (200, 30, 40), 18, stem=True))


def board(c: Canvas) -> None:
    c.shadow(420, 680, 300, 40)
    c.ellipse((120, 560, 720, 720), (150, 100, 60))
    c.ellipse((130, 556, 710, 706), (190, 140, 90))


def kessa(c: Canvas, cx: float, cy: float) -> None:
    c.shadow(cx + 10, cy + 90, 80, 14)
    c.rect((cx - 70, cy - 80, cx + 70, cy + 90), (70, 60, 60), radius=30)
    for k in range(8):
        c.line([(cx - 60, cy - 60 + k * 20), (cx + 60, cy - 60 + k * 20)], (100, 90, 90), 3)
    c.rect((cx - 70, cy + 60, cx + 70, cy + 90), (190, 60, 50), radius=8)


def rhassoul_stones(c: Canvas, rng: random.Random, cx: float, cy: float,
                    size: float = 1.0) -> None:
    for _ in range(6):
        x, y = cx + rng.uniform(-90, 90) * size, cy + rng.uniform(-20, 30) * size
        pts = [(x + r * math.cos(a), y + r * 0.6 * math.sin(a))
               for a, r in ((k * math.pi / 3, rng.uniform(20, 34) * size) for k in range(6))]
        c.polygon(pts, jitter(rng, (140, 112, 96), 12))


def tagine(c: Canvas, rng: random.Random, cx: float, base: float, w: float, glaze: Color,
           pattern: Color) -> None:
    """A tagine: a shallow glazed dish under a tall conical lid with a knob."""
    c.shadow(cx + 20, base, w * 0.62, w * 0.1)
    c.ellipse((cx - w * 0.47, base - w * 0.15, cx + w * 0.47, base + w * 0.07),
              shade(glaze, 0.7))
    c.ellipse((cx - w * 0.55, base - w * 0.2, cx + w * 0.55, base - w * 0.04), glaze)
    foot, h, r = base - w * 0.1, w * 0.78, w * 0.42

    def half_width(t: float) -> float:
        return r * (1 - t) ** 1.5 + w * 0.02

    left = [(cx - half_width(t), foot - h * t) for t in (k / 14 for k in range(15))]
    cone = left + [(2 * cx - x, y) for x, y in reversed(left)]
    c.polygon(cone, glaze)
    right_shade = [(cx + w * 0.04, foot)] + [(2 * cx - x, y) for x, y in left[:12]][::-1]
    c.polygon(right_shade[::-1] + [(cx + w * 0.04, foot)], (*shade(glaze, 0.6), 70))
    c.rect((cx - r - 4, foot - 10, cx + r + 4, foot + 6), shade(glaze, 0.85), radius=6)
    c.ellipse((cx - w * 0.06, foot - h - w * 0.07, cx + w * 0.06, foot - h + w * 0.03),
              shade(glaze, 0.9))
    for frac, dots in ((0.12, 9), (0.36, 6)):
        y = foot - h * frac
        half = half_width(frac)
        c.line([(cx - half, y), (cx + half, y)], pattern, 4)
        for j in range(dots):
            x = cx - half * 0.85 + (j + 0.5) * 1.7 * half / dots
            c.circle(x, y - h * 0.06, 5, pattern)
    c.line([(cx - r * 0.55, foot - h * 0.08), (cx - w * 0.06, foot - h * 0.8)],
           (255, 255, 255, 90), 7)


def plate(c: Canvas, rng: random.Random, cx: float, cy: float, w: float, base: Color,
          ink: Color) -> None:
    c.shadow(cx + 20, cy + w * 0.2, w * 0.55, w * 0.12)
    c.ellipse((cx - w / 2, cy - w * 0.3, cx + w / 2, cy + w * 0.3), shade(base, 0.9))
    c.ellipse((cx - w * 0.47, cy - w * 0.28, cx + w * 0.47, cy + w * 0.26), base)
    for ring in (0.44, 0.3, 0.12):
        c.ellipse((cx - w * ring, cy - w * ring * 0.6, cx + w * ring, cy + w * ring * 0.6),
                  outline=ink, width=4)
    for k in range(12):
        a = k * math.pi / 6
        c.polygon(oval(cx + math.cos(a) * w * 0.37, cy + math.sin(a) * w * 0.22, 14, 8, a),
                  ink)
    for k in range(8):
        a = k * math.pi / 4
        c.polygon(oval(cx + math.cos(a) * w * 0.2, cy + math.sin(a) * w * 0.12, 22, 9, a,
                       taper=0.5), shade(ink, 1.2))


def carpet(c: Canvas, rng: random.Random, field: Color, motif: Color, border: Color,
           kilim: bool = False) -> None:
    x0, y0, x1, y1 = 190, 120, 610, 700
    c.shadow(400, 705, 240, 20)
    for x in range(x0 + 8, x1 - 4, 14):
        c.line([(x, y1), (x + rng.uniform(-3, 3), y1 + 24)], (236, 226, 200), 3)
        c.line([(x, y0), (x + rng.uniform(-3, 3), y0 - 24)], (236, 226, 200), 3)
    c.rect((x0, y0, x1, y1), border)
    c.rect((x0 + 26, y0 + 26, x1 - 26, y1 - 26), field)
    if kilim:
        colors = [motif, border, (236, 220, 180), shade(field, 0.7)]
        for k, y in enumerate(range(y0 + 40, y1 - 40, 36)):
            c.rect((x0 + 26, y, x1 - 26, y + 18), colors[k % 4])
            for j in range(7):
                x = x0 + 50 + j * 52
                c.polygon([(x, y), (x + 14, y + 9), (x, y + 18), (x - 14, y + 9)],
                          colors[(k + 1) % 4])
        return
    cx = (x0 + x1) / 2
    for k in range(4):
        cy = y0 + 110 + k * 120
        size = 70
        c.polygon([(cx, cy - size), (cx + size * 1.2, cy), (cx, cy + size),
                   (cx - size * 1.2, cy)], motif)
        c.polygon([(cx, cy - size * 0.5), (cx + size * 0.6, cy), (cx, cy + size * 0.5),
                   (cx - size * 0.6, cy)], field)
        c.circle(cx, cy, 10, border)
    for y in range(y0 + 40, y1 - 30, 30):
        c.line([(x0 + 40, y), (x0 + 60, y + 15), (x0 + 40, y + 30)], motif, 4, joint=None)
        c.line([(x1 - 40, y), (x1 - 60, y + 15), (x1 - 40, y + 30)], motif, 4, joint=None)

