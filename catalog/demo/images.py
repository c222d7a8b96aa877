"""Product pictures drawn at seed time: one recognisable still life per product family.

``render(picture, seed, index)`` returns an 800 × 800 JPEG. The same arguments always give the
same picture (a ``random.Random`` seeded with a string); ``index`` 1 is an alternative view
(the raw material of the family where it has a telling one, else a closer look).
"""
from __future__ import annotations

import io
import math
import random

from PIL import Image, ImageDraw

from . import drawing
from . import scenes_care_crafts as care
from . import scenes_food as food
from .canvas import Canvas, Color
from .drawing import AMBER, TERRACOTTA, Scene

BACKDROPS: list[tuple[Color, Color]] = [
    ((240, 226, 204), (170, 120, 80)),  # cream wall, walnut table
    ((226, 196, 170), (238, 230, 214)),  # terracotta wash, linen
    ((214, 226, 222), (190, 150, 110)),  # pale sage, oak
    ((236, 218, 190), (120, 86, 60)),  # sand, dark wood
    ((222, 230, 240), (244, 240, 232)),  # pale blue, white marble
    ((244, 232, 220), (196, 160, 120)),  # warm white, cedar
]


SCENES: dict[str, Scene] = {
    "argan_oil": food.scene_argan_oil,
    "olive_oil": food.scene_olive_oil,
    "dropper_argan": care.scene_dropper(AMBER, TERRACOTTA, drawing.prop_argan),
    "dropper_rose": care.scene_dropper((190, 120, 140), (200, 80, 110), drawing.prop_petals),
    "dropper_cactus": care.scene_dropper((120, 70, 40), (90, 140, 80), drawing.prop_cactus),
    "dropper_almond": care.scene_dropper((190, 150, 90), (150, 100, 60), drawing.prop_almonds),
    "honey": food.scene_honey(dark=False),
    "honey_dark": food.scene_honey(dark=True),
    "pollen": food.scene_pollen,
    "saffron": food.scene_saffron,
    "herbs": food.scene_herbs,
    "spices": food.scene_spices,
    "dates": food.scene_dates((110, 60, 30)),
    "dates_light": food.scene_dates((176, 110, 50)),
    "dates_box": food.scene_dates_box,
    "almonds": food.scene_almonds,
    "figs": food.scene_figs,
    "cherries": food.scene_cherries,
    "clementines": food.scene_clementines,
    "olives": food.scene_olives((110, 130, 40)),
    "olives_black": food.scene_olives((50, 36, 40)),
    "jar_amlou": food.scene_jar((140, 80, 40), cloth=(190, 60, 50), prop=drawing.prop_amlou),
    "jar_date_paste": food.scene_jar((90, 46, 24), prop=drawing.prop_dates),
    "jar_jam_red": food.scene_jar((170, 30, 40), cloth=(200, 60, 60), prop=drawing.prop_berries),
    "jar_jam_dark": food.scene_jar((110, 50, 60), cloth=(120, 80, 140)),
    "jar_marmalade": food.scene_jar((230, 120, 30), cloth=(230, 170, 50), prop=drawing.prop_citrus),
    "jar_tomato": food.scene_jar((200, 40, 30), lid=(60, 90, 50),
                            grains=[(230, 70, 50), (170, 30, 20)], prop=drawing.prop_tomatoes),
    "jar_cheese": food.scene_jar_cheese,
    "jar_milk": food.scene_milk_jar,
    "syrup": food.scene_syrup,
    "couscous": food.scene_couscous((226, 196, 120)),
    "couscous_barley": food.scene_couscous((190, 160, 110)),
    "couscous_corn": food.scene_couscous((236, 190, 70)),
    "cheese_fresh": food.scene_cheese_fresh,
    "cheese_wheel": food.scene_cheese_wheel,
    "salt": food.scene_salt,
    "salt_bowl": food.scene_salt_bowl,
    "dried_fish": food.scene_fish,
    "seaweed": food.scene_seaweed,
    "dried_tomatoes": food.scene_dried_tomatoes,
    "rose_water": care.scene_rose_water,
    "rose_buds": care.scene_rose_buds,
    "soap_argan": care.scene_soap((226, 190, 120), (150, 100, 50)),
    "soap_rose": care.scene_soap((236, 180, 190), (190, 80, 110)),
    "soap_cactus": care.scene_soap((200, 150, 170), (110, 140, 80)),
    "soap_milk": care.scene_soap((244, 238, 224), (180, 150, 110)),
    "soap_saffron": care.scene_soap((236, 170, 70), (180, 50, 30)),
    "black_soap": care.scene_black_soap,
    "kessa": care.scene_kessa,
    "rhassoul": care.scene_rhassoul,
    "rhassoul_stones": care.scene_rhassoul_stones,
    "henna": care.scene_henna,
    "cream_jar": care.scene_cream((244, 236, 220)),
    "cream_jar_pink": care.scene_cream((244, 206, 210)),
    "tagine_brown": care.scene_tagine((150, 80, 40), (236, 200, 120)),
    "tagine_green": care.scene_tagine((40, 110, 60), (200, 220, 150)),
    "plate_brown": care.scene_plate((226, 190, 140), (140, 70, 40)),
    "plate_blue": care.scene_plate((244, 244, 240), (30, 70, 160)),
    "bowls_brown": care.scene_bowls((170, 100, 50), (236, 200, 120)),
    "bowls_blue": care.scene_bowls((240, 240, 236), (30, 70, 160)),
    "bowls_green": care.scene_bowls((40, 110, 60), (190, 210, 140)),
    "jar_pottery_green": care.scene_pottery_jar,
    "carpet_red": care.scene_carpet((170, 40, 40), (236, 210, 160), (60, 40, 40)),
    "carpet_dark": care.scene_carpet((50, 40, 40), (190, 50, 40), (170, 40, 40)),
    "carpet_kilim": care.scene_carpet((200, 120, 60), (40, 70, 120), (160, 40, 40), kilim=True),
    "cushion": care.scene_cushion,
    "pouf": care.scene_pouf,
    "bag": care.scene_bag,
    "babouches": care.scene_babouches,
}


ALTERNATIVES: dict[str, Scene] = {
    "honey": food.scene_honeycomb,
    "honey_dark": food.scene_honeycomb,
    "saffron": food.scene_crocus,
}


def render(picture: str, seed: str, index: int = 0) -> bytes:
    """The JPEG picture of one product; ``index`` 1 gives an alternative view."""
    rng = random.Random(f"{seed}:{index}")
    backdrop = BACKDROPS[rng.randrange(len(BACKDROPS))]
    if index:
        backdrop = BACKDROPS[(BACKDROPS.index(backdrop) + 2) % len(BACKDROPS)]
    alternative = ALTERNATIVES.get(picture) if index else None
    canvas = Canvas(*backdrop)
    (alternative or SCENES[picture])(canvas, rng)
    # The alternative view of a family without its own scene comes closer to the product.
    return canvas.jpeg(zoom=1.3 if index and alternative is None else 1.0)


LOGO_COLORS: list[Color] = [(178, 92, 56), (60, 110, 90), (40, 80, 140), (150, 60, 90),
                            (190, 140, 40), (90, 70, 130), (120, 90, 50), (30, 110, 120)]


def render_logo(seed: str) -> bytes:
    """A round 256 × 256 PNG emblem for a cooperative: a coloured seal with a zellige star."""
    rng = random.Random(f"logo:{seed}")
    color = LOGO_COLORS[rng.randrange(len(LOGO_COLORS))]
    size = 512
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, size - 8, size - 8), fill=color)
    draw.ellipse((40, 40, size - 40, size - 40), outline=(250, 244, 232), width=10)
    centre, radius = size / 2, size * 0.27
    for offset in (math.pi / 4, 0.0):
        draw.polygon([(centre + radius * math.cos(offset + k * math.pi / 2),
                       centre + radius * math.sin(offset + k * math.pi / 2)) for k in range(4)],
                     fill=(250, 244, 232))
    draw.ellipse((centre - radius * 0.45, centre - radius * 0.45, centre + radius * 0.45,
                  centre + radius * 0.45), fill=color)
    for k in range(rng.randint(5, 8)):
        angle = 2 * math.pi * k / 8 + rng.uniform(-0.1, 0.1)
        x, y = centre + size * 0.39 * math.cos(angle), centre + size * 0.39 * math.sin(angle)
        draw.ellipse((x - 7, y - 7, x + 7, y + 7), fill=(250, 244, 232))
    buffer = io.BytesIO()
    image.reduce(2).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()

