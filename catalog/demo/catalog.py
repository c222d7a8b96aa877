"""All product templates, by key."""
from __future__ import annotations

from .specs import ProductSpec
from .templates_care_crafts import COSMETICS, CRAFTS
from .templates_food import HONEY, OILS, SAFFRON_AND_HERBS
from .templates_pantry import DAIRY, DATES_AND_FRUIT, GRAINS, SEA, SPREADS_AND_JAMS

TEMPLATES: dict[str, ProductSpec] = {
    spec.key: spec
    for group in (OILS, SAFFRON_AND_HERBS, HONEY, DATES_AND_FRUIT, SPREADS_AND_JAMS, GRAINS,
                  DAIRY, SEA, COSMETICS, CRAFTS)
    for spec in group
}
