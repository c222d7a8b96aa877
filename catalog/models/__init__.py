from .categories import Category, CategoryTranslation
from .channels import Channel
from .labels import Label, LabelKind, ProductLabel
from .media import ProductMedia, ProductMediaType, Thumbnail, ThumbnailFormat
from .products import (
    Product,
    ProductChannelListing,
    ProductTranslation,
    ProductType,
    ProductVariant,
    ProductVariantChannelListing,
    ProductVariantTranslation,
    Stock,
)

__all__ = [
    "Category", "CategoryTranslation", "Channel", "Label", "LabelKind", "Product",
    "ProductChannelListing", "ProductLabel", "ProductMedia", "ProductMediaType",
    "ProductTranslation", "ProductType", "ProductVariant", "ProductVariantChannelListing",
    "ProductVariantTranslation", "Stock", "Thumbnail", "ThumbnailFormat",
]
