"""Still lifes of the food families (oils, honey, saffron, dates, grains, cheese, sea)."""
from __future__ import annotations

import math
import random

from .canvas import Canvas, Color, jitter, oval, shade
from .drawing import (
    CORK,
    GOLD,
    OLIVE_GOLD,
    Scene,
    almond,
    argan_nuts,
    board,
    bottle,
    bowl,
    date_fruit,
    jar,
    pile,
    prop_dates,
    round_fruit,
    speckle,
    sprig,
    threads,
)


def scene_argan_oil(c: Canvas, rng: random.Random) -> None:
    bottle(c, 330, 650, 190, 470, GOLD)
    bowl(c, 560, 600, 150, 50, (236, 226, 206), (224, 158, 50))
    argan_nuts(c, rng, 600, 690)



def scene_olive_oil(c: Canvas, rng: random.Random) -> None:
    bottle(c, 330, 660, 170, 520, OLIVE_GOLD, cap=(60, 80, 40), accent=(80, 110, 50))
    sprig(c, rng, 470, 700, 250, -0.5, (96, 120, 70), 34)
    pile(c, rng, 590, 690, 70, 20, 8, round_fruit(c, rng, (110, 130, 40), 20))



def scene_honey(dark: bool) -> Scene:
    def scene(c: Canvas, rng: random.Random) -> None:
        content = (170, 90, 20) if dark else (230, 160, 40)
        cloth = rng.choice([(190, 60, 50), (60, 100, 150), (200, 150, 60)])
        jar(c, 340, 660, 230, 300, content, cloth=cloth)
        # A wooden dipper resting on the table.
        c.shadow(610, 700, 120, 14)
        c.line([(500, 690), (690, 640)], CORK, 12)
        for i in range(4):
            c.ellipse((660 + i * 14, 610 - i * 4, 700 + i * 14, 660 - i * 4), shade(CORK, 0.9))
        c.polygon(oval(680, 690, 26, 12), content)

    return scene



def scene_honeycomb(c: Canvas, rng: random.Random) -> None:
    r = 36
    for row in range(6):
        for col in range(7):
            x = 170 + col * r * 1.75 + (row % 2) * r * 0.87
            y = 250 + row * r * 1.5
            color = jitter(rng, (226, 160, 40), 16)
            c.polygon([(x + r * math.cos(math.pi / 6 + k * math.pi / 3),
                        y + r * math.sin(math.pi / 6 + k * math.pi / 3)) for k in range(6)],
                      shade(color, 0.8))
            c.polygon([(x + r * 0.8 * math.cos(math.pi / 6 + k * math.pi / 3),
                        y + r * 0.8 * math.sin(math.pi / 6 + k * math.pi / 3)) for k in range(6)],
                      color)
    jar(c, 600, 690, 150, 190, (220, 150, 30), lid=(150, 110, 50))



def scene_saffron(c: Canvas, rng: random.Random) -> None:
    # A small glass jar full of red threads, and threads on a white dish.
    jar(c, 300, 640, 170, 220, (170, 30, 20), lid=(60, 50, 50),
        texture=threads(rng, 60), accent=(150, 40, 90))
    c.shadow(560, 690, 150, 24)
    c.ellipse((410, 640, 710, 730), (246, 244, 238))
    c.ellipse((440, 652, 680, 718), (236, 232, 224))
    threads(rng, 90)(c, (450, 650, 670, 715))



def scene_crocus(c: Canvas, rng: random.Random) -> None:
    for fx, fy in ((260, 420), (420, 380), (570, 440), (350, 560), (520, 590)):
        c.line([(fx, fy + 40), (fx + rng.uniform(-10, 10), 740)], (100, 140, 70), 6)
        for k in range(6):
            a = -math.pi / 2 + (k - 2.5) * 0.45
            c.polygon(oval(fx + math.cos(a) * 44, fy + math.sin(a) * 44 + 20, 46, 20, a,
                           taper=0.4), jitter(rng, (150, 100, 190), 16))
        for k in range(3):
            a = -math.pi / 2 + (k - 1) * 0.35
            c.line([(fx, fy + 20), (fx + math.cos(a) * 60, fy + math.sin(a) * 60)],
                   (200, 30, 24), 5)
        c.circle(fx, fy + 20, 8, (236, 200, 80))



def scene_herbs(c: Canvas, rng: random.Random) -> None:
    color = rng.choice([(90, 130, 60), (110, 140, 80), (80, 120, 90)])
    for k in range(6):
        sprig(c, rng, 300 + k * 12, 720, 300 + k * 10, -1.9 + k * 0.12, color)
    c.line([(300, 660), (380, 650)], (180, 150, 100), 10)
    bowl(c, 580, 640, 200, 60, (236, 228, 214), shade(color, 0.8), 18,
         speckle(rng, [shade(color, 0.6), shade(color, 1.2), (120, 100, 60)], 160, 3))



def scene_spices(c: Canvas, rng: random.Random) -> None:
    colors = [(180, 90, 40), (200, 140, 50), (150, 60, 30), (120, 80, 40)]
    for i, (x, color) in enumerate(zip((250, 420, 590), colors, strict=False)):
        bowl(c, x, 600 + (i % 2) * 40, 170, 55, (226, 212, 190), color, 60,
             speckle(rng, [shade(color, 0.7), shade(color, 1.3)], 120, 3))
    for _ in range(5):
        x, y = rng.uniform(180, 660), rng.uniform(700, 760)
        c.polygon(oval(x, y, 16, 9, rng.uniform(0, 3)), (120, 70, 40))



def scene_dates(base: Color) -> Scene:
    def scene(c: Canvas, rng: random.Random) -> None:
        c.shadow(420, 650, 280, 50)
        c.ellipse((140, 560, 700, 720), (226, 206, 170))
        c.ellipse((170, 575, 670, 700), (214, 190, 150))
        pile(c, rng, 420, 610, 210, 60, 26, date_fruit(c, rng, base))

    return scene



def scene_dates_box(c: Canvas, rng: random.Random) -> None:
    c.shadow(410, 690, 270, 40)
    c.rect((150, 520, 670, 700), (120, 80, 50), radius=10)
    c.rect((165, 530, 655, 688), (236, 220, 190), radius=6)
    one = date_fruit(c, rng, (110, 60, 30))
    for row in range(3):
        for col in range(6):
            x, y = 210 + col * 80, 560 + row * 52
            one(x, y, 0.5)
            c.polygon(oval(x + 4, y - 4, 16, 7, 0.0), (216, 190, 140))



def scene_almonds(c: Canvas, rng: random.Random) -> None:
    bowl(c, 380, 580, 340, 100, (226, 212, 190), (200, 150, 100), 30)
    pile(c, rng, 380, 570, 150, 40, 26, almond(c, rng))
    for a in (-2.4, -2.0):
        sprig(c, rng, 640, 720, 160, a, (110, 140, 80), 22)



def scene_figs(c: Canvas, rng: random.Random) -> None:
    def one(x: float, y: float, angle: float) -> None:
        color = jitter(rng, (130, 90, 60), 14)
        c.polygon(oval(x, y, 40, 30, angle * 0.5 - 0.2, taper=0.35), color)
        c.circle(x - 8, y - 4, 6, shade(color, 1.3))

    c.shadow(420, 660, 260, 40)
    c.rect((170, 590, 670, 700), (190, 150, 100), radius=40)
    pile(c, rng, 420, 620, 200, 50, 18, one)



def scene_cherries(c: Canvas, rng: random.Random) -> None:
    bowl(c, 400, 590, 320, 100, (240, 236, 228), (150, 20, 40), 30)
    pile(c, rng, 400, 570, 130, 40, 22, round_fruit(c, rng, (150, 20, 40), 24, stem=True))



def scene_clementines(c: Canvas, rng: random.Random) -> None:
    c.shadow(410, 700, 290, 40)
    c.rect((130, 560, 690, 710), (190, 150, 100), radius=6)
    for i in range(4):
        c.rect((130, 575 + i * 34, 690, 595 + i * 34), (170, 130, 86))
    pile(c, rng, 410, 540, 230, 40, 18, round_fruit(c, rng, (236, 130, 30), 44, leafy=True))



def scene_olives(color: Color) -> Scene:
    def scene(c: Canvas, rng: random.Random) -> None:
        bowl(c, 400, 590, 340, 110, rng.choice([(200, 110, 60), (70, 120, 100)]), color, 34)
        pile(c, rng, 400, 575, 140, 44, 28, round_fruit(c, rng, color, 20))
        sprig(c, rng, 620, 720, 160, -2.5, (100, 120, 80), 30)

    return scene



def scene_jar(content: Color, cloth: Color | None = None, lid: Color = (170, 130, 60),
              grains: list[Color] | None = None, prop: Scene | None = None) -> Scene:
    def scene(c: Canvas, rng: random.Random) -> None:
        texture = speckle(rng, grains, 90, 6) if grains else None
        jar(c, 360, 660, 240, 300, content, lid=lid, cloth=cloth, texture=texture)
        if prop:
            prop(c, rng)
        else:
            c.shadow(620, 700, 80, 14)
            c.rect((560, 560, 580, 700), (200, 170, 120), radius=8)
            c.ellipse((548, 540, 592, 580), content)

    return scene



def scene_syrup(c: Canvas, rng: random.Random) -> None:
    bottle(c, 340, 660, 170, 440, (90, 40, 20), cap=(40, 30, 20))
    prop_dates(c, rng)



def scene_pollen(c: Canvas, rng: random.Random) -> None:
    jar(c, 340, 660, 230, 280, (226, 150, 40), texture=speckle(
        rng, [(236, 180, 40), (200, 110, 30), (230, 200, 80), (160, 120, 40)], 220, 5))
    bowl(c, 600, 640, 160, 50, (240, 236, 228), (226, 160, 40), 14,
         speckle(rng, [(236, 180, 40), (200, 110, 30)], 70, 4))



def scene_couscous(color: Color) -> Scene:
    def scene(c: Canvas, rng: random.Random) -> None:
        # A wide gasaa bowl heaped with grains, and a jute sack behind.
        c.shadow(600, 650, 120, 20)
        c.polygon([(520, 650), (540, 420), (600, 400), (680, 420), (700, 650)], (176, 140, 90))
        c.polygon([(540, 420), (600, 380), (680, 420), (610, 440)], shade(color, 0.95))
        bowl(c, 360, 600, 420, 110, (160, 90, 50), color, 70, speckle(
            rng, [shade(color, 0.8), shade(color, 1.2), shade(color, 0.9)], 400, 3))

    return scene



def scene_cheese_fresh(c: Canvas, rng: random.Random) -> None:
    board(c)
    for x, y, r in ((330, 590, 130), (520, 630, 95)):
        c.ellipse((x - r, y - r * 0.35, x + r, y + r * 0.55), (236, 232, 220))
        c.ellipse((x - r, y - r * 0.55, x + r, y + r * 0.15), (250, 248, 240))
    sprig(c, rng, 640, 680, 140, -2.6, (90, 130, 60), 22)



def scene_cheese_wheel(c: Canvas, rng: random.Random) -> None:
    board(c)
    rind, paste = (214, 180, 110), (244, 226, 170)
    c.rect((220, 520, 520, 640), rind, radius=20)
    c.ellipse((220, 480, 520, 560), paste)
    c.polygon([(520, 560), (640, 600), (640, 660), (520, 640)], paste)
    c.polygon([(520, 560), (640, 600), (600, 570)], shade(paste, 1.1))
    for _ in range(6):
        c.circle(rng.uniform(250, 490), rng.uniform(495, 545), 5, shade(paste, 0.9))



def scene_jar_cheese(c: Canvas, rng: random.Random) -> None:
    def balls(cv: Canvas, box: tuple[float, float, float, float]) -> None:
        x0, y0, x1, y1 = box
        for row in range(3):
            for col in range(3):
                x = x0 + (col + 0.5) * (x1 - x0) / 3 + rng.uniform(-6, 6)
                y = y0 + (row + 0.5) * (y1 - y0) / 3
                cv.circle(x, y, 30, (246, 242, 226))
                for _ in range(4):
                    cv.circle(x + rng.uniform(-18, 18), y + rng.uniform(-18, 18), 3,
                              (80, 110, 50))

    jar(c, 360, 660, 240, 320, (206, 180, 60), texture=balls)
    sprig(c, rng, 560, 700, 150, -2.3, (90, 130, 60), 18)



def scene_salt(c: Canvas, rng: random.Random) -> None:
    c.shadow(400, 690, 270, 40)
    c.chord((150, 430, 650, 730), 180, 360, (244, 244, 240))
    speckle(rng, [(220, 224, 230), (255, 255, 255), (200, 206, 214)], 260, 4)(
        c, (180, 470, 620, 580))
    c.rect((520, 560, 700, 690), (180, 150, 110), radius=8)
    c.line([(540, 600), (700, 520)], (150, 110, 70), 10)



def scene_salt_bowl(c: Canvas, rng: random.Random) -> None:
    bowl(c, 400, 600, 330, 100, (70, 110, 140), (246, 246, 242), 40, speckle(
        rng, [(222, 226, 232), (255, 255, 255), (210, 214, 220)], 220, 4))
    c.rect((560, 640, 720, 660), (170, 130, 80), radius=8)
    c.ellipse((520, 625, 580, 675), (170, 130, 80))



def scene_fish(c: Canvas, rng: random.Random) -> None:
    c.line([(120, 250), (700, 250)], (130, 100, 70), 10)
    for i in range(4):
        x = 200 + i * 135
        color = jitter(rng, (190, 170, 130), 10)
        c.line([(x, 250), (x, 290)], (120, 100, 80), 3)
        c.polygon(oval(x, 420, 45, 130), color)
        c.polygon([(x, 540), (x - 45, 620), (x + 45, 620)], shade(color, 0.85))
        c.circle(x - 10, 320, 7, (60, 50, 40))
        for k in range(4):
            c.line([(x - 30, 360 + k * 35), (x + 30, 370 + k * 35)], shade(color, 0.9), 2)



def scene_seaweed(c: Canvas, rng: random.Random) -> None:
    def strands(cv: Canvas, box: tuple[float, float, float, float]) -> None:
        x0, y0, x1, y1 = box
        for _ in range(22):
            x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
            pts = [(x + k * 10, y + 8 * math.sin(k + x)) for k in range(6)]
            cv.line(pts, jitter(rng, (70, 90, 50), 20), 5)

    bowl(c, 400, 600, 360, 110, (236, 232, 222), (90, 100, 60), 40, strands)



def scene_dried_tomatoes(c: Canvas, rng: random.Random) -> None:
    def one(x: float, y: float, angle: float) -> None:
        color = jitter(rng, (160, 40, 30), 18)
        c.polygon(oval(x, y, 38, 26, angle, taper=0.2), color)
        c.polygon(oval(x, y, 22, 12, angle), shade(color, 1.25))

    board(c)
    pile(c, rng, 420, 610, 200, 50, 22, one)



def scene_milk_jar(c: Canvas, rng: random.Random) -> None:
    jar(c, 360, 660, 240, 300, (246, 242, 232), lid=(120, 90, 60))
    bowl(c, 600, 640, 160, 50, (190, 140, 90), (250, 248, 240), 14)

