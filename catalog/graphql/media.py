"""Product photos in the API: Saleor's ``ProductMedia`` and its thumbnail URL rules."""
from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.enums import ThumbnailFormatEnum
from backend.graphql.core.ids import to_global_id
from backend.graphql.core.types import ModelObjectType, Node, ObjectWithMetadata, absolute_url
from catalog.models import ProductMedia as ProductMediaModel
from catalog.thumbnails import thumbnail_url

from .translations import enum_value


class ProductMediaType(graphene.Enum):
    IMAGE = "IMAGE"
    VIDEO = "VIDEO"


def media_url(info: Any, media: ProductMediaModel, size: int | None, fmt: Any) -> str | None:
    """Saleor's rule: size 0 is the original image; otherwise the closest thumbnail."""
    if media.external_url and media.type != "IMAGE":
        return media.external_url
    if size == 0 and media.image:
        return absolute_url(info, media.image.url)
    return absolute_url(info, thumbnail_url(media, size, enum_value(fmt) or "original"))


class ProductMedia(ModelObjectType):
    sort_order = graphene.Int()
    alt = graphene.String(required=True)
    type = ProductMediaType(required=True, description="Type of the product media.")
    oembed_data = graphene.JSONString(required=True)
    url = graphene.String(
        required=True, size=graphene.Int(description="Size of the image: 0 is the original."),
        format=ThumbnailFormatEnum(default_value=ThumbnailFormatEnum.ORIGINAL.value,
                                   description="The format of the image."),
        description="The URL of the media.")
    product_id = graphene.ID(description="Product id the media refers to.")

    class Meta:
        interfaces = (Node, ObjectWithMetadata)
        description = "Represents a product media."

    @staticmethod
    def resolve_oembed_data(_root: Any, _info: Any) -> dict:
        return {}

    @staticmethod
    def resolve_url(root: ProductMediaModel, info: Any, *, size: int | None = None,
                    format: Any = None) -> str:
        return media_url(info, root, size, format) or ""

    @staticmethod
    def resolve_product_id(root: ProductMediaModel, _info: Any) -> str:
        return to_global_id("Product", root.product_id)
