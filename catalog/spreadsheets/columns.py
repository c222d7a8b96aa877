"""The columns of the catalog spreadsheet: fixed technical headers, plus two per channel.

Headers are the same in every language (a sheet exported in Arabic re-imports in French), lower
case ASCII, one row per variant. Product columns repeat on every variant row of the product.
"""
from __future__ import annotations

from dataclasses import dataclass

PRODUCT_SLUG = "product_slug"
SKU = "sku"

# (header, belongs to the product rather than the variant, max length of the cell)
BASE_COLUMNS: list[tuple[str, bool, int]] = [
    (PRODUCT_SLUG, True, 255),
    ("product_name_fr", True, 250),
    ("product_name_ar", True, 250),
    ("product_name_en", True, 250),
    ("category_slug", True, 255),
    ("labels", True, 1000),
    ("description_fr", True, 5000),
    (SKU, False, 255),
    ("variant_name", False, 255),
    ("weight_grams", False, 12),
    ("stock", False, 12),
    ("low_stock_threshold", False, 12),
]
PRICE_PREFIX = "price_"
PUBLISHED_PREFIX = "published_"
NUMBER_CELL_LIMIT = 20
MAX_CELL_CHARS = 5000
PRODUCT_COLUMNS = {name for name, is_product, _limit in BASE_COLUMNS if is_product}
REQUIRED_COLUMNS = (PRODUCT_SLUG, SKU)


@dataclass(frozen=True)
class ChannelColumns:
    channel_id: int
    slug: str
    currency: str

    @property
    def price(self) -> str:
        return f"{PRICE_PREFIX}{self.slug}"

    @property
    def published(self) -> str:
        return f"{PUBLISHED_PREFIX}{self.slug}"


def headers_for(channels: list[ChannelColumns]) -> list[str]:
    """The header row of an export: the base columns, then price and published per channel."""
    return ([name for name, _p, _l in BASE_COLUMNS] + [c.price for c in channels]
            + [c.published for c in channels])


def cell_limit(header: str) -> int:
    for name, _is_product, limit in BASE_COLUMNS:
        if name == header:
            return limit
    return NUMBER_CELL_LIMIT


TRUE_WORDS = {"yes", "oui", "نعم", "1", "true", "vrai", "x"}
FALSE_WORDS = {"no", "non", "لا", "0", "false", "faux"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """Quote a text cell a spreadsheet would run as a formula (CSV/formula injection)."""
    if value and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def unneutralise(value: str) -> str:
    """Undo ``neutralise`` so an exported sheet re-imports unchanged."""
    if len(value) > 1 and value[0] == "'" and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value
