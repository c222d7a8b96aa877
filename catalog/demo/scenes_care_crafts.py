"""Still lifes of the cosmetics and crafts families."""
from __future__ import annotations

import math
import random
from collections.abc import Callable

from .canvas import Canvas, Color, jitter, oval, shade
from .drawing import (
    Scene,
    board,
    bottle,
    bowl,
    carpet,
    dropper,
    kessa,
    leaf,
    pile,
    plate,
    prop_argan,
    prop_petals,
    rhassoul_stones,
    speckle,
    tagine,
)


def scene_dropper(glass: Color, accent: Color, prop: Callable[[Canvas, random.Random], None]
                  ) -> Scene:
    def scene(c: Canvas, rng: random.Random) -> None:
        dropper(c, 330, 640, 150, 340, glass, accent)
        dropper(c, 500, 660, 110, 250, shade(glass, 0.9), accent)
        prop(c, rng)

    return scene



def scene_rose_water(c: Canvas, rng: random.Random) -> None:
    bottle(c, 330, 660, 170, 500, (244, 190, 200), cap=(200, 170, 90), accent=(200, 80, 110))
    prop_petals(c, rng)



def scene_rose_buds(c: Canvas, rng: random.Random) -> None:
    def bud(x: float, y: float, angle: float) -> None:
        color = jitter(rng, (190, 60, 90), 20)
        c.polygon(oval(x, y, 20, 14, angle, taper=0.3), color)
        c.polygon(oval(x - 12 * math.cos(angle), y - 12 * math.sin(angle), 8, 7, angle),
                  (110, 120, 60))

    bowl(c, 400, 590, 340, 100, (240, 236, 230), (170, 60, 80), 34)
    pile(c, rng, 400, 570, 140, 40, 40, bud)
    prop_petals(c, rng)



def scene_soap(color: Color, mark: Color) -> Scene:
    def scene(c: Canvas, rng: random.Random) -> None:
        c.shadow(420, 680, 260, 36)
        for i, (x, y) in enumerate(((300, 620), (520, 640), (410, 520))):
            tone = jitter(rng, color, 8)
            c.rect((x - 110, y - 40, x + 110, y + 40), shade(tone, 0.82), radius=24)
            c.rect((x - 110, y - 56, x + 110, y + 14), tone, radius=24)
            c.circle(x, y - 22, 26, shade(tone, 0.9), outline=mark, width=3)
            if i == 2:
                c.octagram(x, y - 22, 12, mark)

    return scene



def scene_black_soap(c: Canvas, rng: random.Random) -> None:
    bowl(c, 380, 600, 320, 100, (220, 210, 196), (60, 40, 24), 20, speckle(
        rng, [(80, 56, 34), (46, 30, 18)], 80, 6))
    kessa(c, 600, 620)



def scene_kessa(c: Canvas, rng: random.Random) -> None:
    kessa(c, 320, 580)
    kessa(c, 520, 600)



def scene_rhassoul(c: Canvas, rng: random.Random) -> None:
    color = (150, 120, 100)
    bowl(c, 360, 600, 330, 100, (226, 214, 198), color, 40, speckle(
        rng, [shade(color, 0.85), shade(color, 1.15)], 200, 4))
    rhassoul_stones(c, rng, 600, 690)



def scene_rhassoul_stones(c: Canvas, rng: random.Random) -> None:
    board(c)
    rhassoul_stones(c, rng, 440, 610, 1.9)
    rhassoul_stones(c, rng, 380, 650, 1.6)



def scene_henna(c: Canvas, rng: random.Random) -> None:
    color = (120, 130, 60)
    bowl(c, 380, 600, 340, 100, (200, 120, 80), color, 36, speckle(
        rng, [shade(color, 0.8), shade(color, 1.2)], 180, 4))
    for a in (-2.6, -2.2, -1.9):
        leaf(c, 640, 720, 80, a, (90, 130, 60))



def scene_cream(color: Color) -> Scene:
    def scene(c: Canvas, rng: random.Random) -> None:
        for x, w, h in ((320, 240, 150), (540, 170, 110)):
            c.shadow(x + 20, 680, w * 0.6, 20)
            c.rect((x - w / 2, 680 - h, x + w / 2, 680), color, radius=20)
            c.rect((x - w / 2 - 6, 680 - h - 40, x + w / 2 + 6, 680 - h + 10), (200, 170, 100),
                   radius=14)
            c.octagram(x, 680 - h / 2 + 5, h * 0.2, shade(color, 0.8))
        if color[0] > color[2] + 20:
            prop_petals(c, rng)
        else:
            prop_argan(c, rng)

    return scene



def scene_tagine(glaze: Color, pattern: Color) -> Scene:
    def scene(c: Canvas, rng: random.Random) -> None:
        tagine(c, rng, 400, 660, 460, jitter(rng, glaze, 10), pattern)

    return scene



def scene_plate(base: Color, ink: Color) -> Scene:
    def scene(c: Canvas, rng: random.Random) -> None:
        plate(c, rng, 400, 560, 560, base, ink)

    return scene



def scene_bowls(body: Color, ink: Color) -> Scene:
    def scene(c: Canvas, rng: random.Random) -> None:
        for x, y, w in ((270, 560, 250), (530, 580, 250), (400, 660, 260)):
            tone = jitter(rng, body, 8)
            bowl(c, x, y, w, 90, tone, shade(tone, 0.8))
            for k in range(6):
                c.circle(x - w * 0.38 + k * w * 0.15, y + 45, 7, ink)

    return scene



def scene_pottery_jar(c: Canvas, rng: random.Random) -> None:
    glaze = jitter(rng, (40, 110, 60), 10)
    c.shadow(420, 700, 170, 30)
    profile = [(400 + 150 * math.sin(math.pi * t) ** 0.8 * (0.55 + 0.45 * t), 700 - 520 * t)
               for t in (k / 20 for k in range(21))]
    left = [(800 - x, y) for x, y in profile]
    c.polygon(profile + list(reversed(left)), glaze)
    c.rect((345, 170, 455, 200), shade(glaze, 0.8), radius=6)
    for ear in (-1, 1):
        c.arc((400 + ear * 120 - 50, 240, 400 + ear * 120 + 50, 360), 0, 360,
              shade(glaze, 0.8), 12)
    c.polygon([(300, 640), (340, 300), (360, 300), (330, 640)], (255, 255, 255, 60))



def scene_carpet(field: Color, motif: Color, border: Color, kilim: bool = False) -> Scene:
    def scene(c: Canvas, rng: random.Random) -> None:
        carpet(c, rng, jitter(rng, field, 10), motif, border, kilim)

    return scene



def scene_cushion(c: Canvas, rng: random.Random) -> None:
    palette = rng.choice([((180, 50, 40), (236, 200, 120)), ((50, 80, 120), (220, 180, 90)),
                          ((120, 60, 90), (236, 210, 170))])
    for x, y, s in ((300, 520, 260), (520, 580, 230)):
        c.shadow(x + 20, y + s / 2, s * 0.55, 20)
        c.rect((x - s / 2, y - s / 2, x + s / 2, y + s / 2), palette[0], radius=40)
        for k in range(3):
            yy = y - s / 3 + k * s / 3
            c.polygon([(x, yy - 30), (x + 50, yy), (x, yy + 30), (x - 50, yy)], palette[1])
        c.rect((x - s / 2 + 14, y - s / 2 + 14, x + s / 2 - 14, y + s / 2 - 14),
               outline=palette[1], width=4, radius=30)



def scene_pouf(c: Canvas, rng: random.Random) -> None:
    leather = rng.choice([(170, 100, 50), (120, 60, 40), (200, 150, 80)])
    c.shadow(420, 690, 260, 36)
    c.rect((160, 440, 640, 680), shade(leather, 0.85), radius=70)
    c.ellipse((160, 380, 640, 520), leather)
    for k in range(8):
        a = k * math.pi / 4
        c.polygon(oval(400 + math.cos(a) * 120, 450 + math.sin(a) * 36, 50, 14, a * 0.2),
                  (240, 220, 170))
    c.circle(400, 450, 26, (240, 220, 170))
    for k in range(9):
        c.arc((180 + k * 50, 560, 230 + k * 50, 620), 0, 180, (240, 220, 170), 4)



def scene_bag(c: Canvas, rng: random.Random) -> None:
    leather = rng.choice([(160, 96, 50), (110, 70, 40)])
    c.shadow(420, 700, 230, 30)
    c.arc((290, 180, 510, 420), 180, 360, shade(leather, 0.8), 16)
    c.polygon([(210, 320), (590, 320), (630, 700), (170, 700)], leather)
    c.line([(190, 360), (610, 360)], shade(leather, 0.8), 6)
    c.rect((340, 440, 460, 520), shade(leather, 1.2), radius=10)
    c.octagram(400, 480, 28, shade(leather, 0.7))



def scene_babouches(c: Canvas, rng: random.Random) -> None:
    color = rng.choice([(230, 180, 40), (200, 60, 50), (236, 220, 180)])
    for x, y, flip in ((300, 560, 1), (500, 610, -1)):
        c.shadow(x, y + 60, 120, 20)
        pts = oval(x, y, 150, 62, 0.05 * flip, taper=0.55)
        c.polygon(pts, color)
        c.polygon(oval(x - 40 * flip, y - 8, 80, 34, 0.05 * flip), shade(color, 0.6))
        c.octagram(x + 60 * flip, y, 16, shade(color, 0.75))

