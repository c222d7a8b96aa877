"""Enums shared by every domain, with Saleor's names and values."""
from __future__ import annotations

import graphene

from .languages import LANGUAGE_CODES


class OrderDirection(graphene.Enum):
    ASC = "asc"
    DESC = "desc"

    @property
    def description(self) -> str:
        return ("Specifies an ascending sort order." if self == OrderDirection.ASC
                else "Specifies a descending sort order.")


LanguageCodeEnum = graphene.Enum(
    "LanguageCodeEnum", [(code, code) for code in LANGUAGE_CODES],
    description="Language code: content exists in FR (default), AR and EN.")


class ThumbnailFormatEnum(graphene.Enum):
    ORIGINAL = "original"
    AVIF = "avif"
    WEBP = "webp"


class WeightUnitsEnum(graphene.Enum):
    G = "g"
    LB = "lb"
    OZ = "oz"
    KG = "kg"
    TONNE = "tonne"


class StockAvailability(graphene.Enum):
    IN_STOCK = "in_stock"
    OUT_OF_STOCK = "out_of_stock"
