from .attributes import (
    AssignedProductAttributeValue,
    AssignedVariantAttributeValue,
    Attribute,
    AttributeInputType,
    AttributeProduct,
    AttributeTranslation,
    AttributeValue,
    AttributeValueTranslation,
    AttributeVariant,
)
from .categories import Category, CategoryTranslation
from .channels import Channel
from .collections import (
    Collection,
    CollectionChannelListing,
    CollectionProduct,
    CollectionTranslation,
)
from .imports import CatalogImportFormat, CatalogImportJob, CatalogImportStatus
from .labels import Label, LabelKind, ProductLabel
from .lots import StockLot
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
    "CatalogImportFormat", "CatalogImportJob", "CatalogImportStatus",
    "Category", "CategoryTranslation", "Channel", "Label", "LabelKind", "Product",
    "ProductChannelListing", "ProductLabel", "ProductMedia", "ProductMediaType",
    "ProductTranslation", "ProductType", "ProductVariant", "ProductVariantChannelListing",
    "ProductVariantTranslation", "Stock", "StockLot", "Thumbnail", "ThumbnailFormat",
]
__all__ += [
    "AssignedProductAttributeValue", "AssignedVariantAttributeValue", "Attribute",
    "AttributeInputType", "AttributeProduct", "AttributeTranslation", "AttributeValue",
    "AttributeValueTranslation", "AttributeVariant", "Collection", "CollectionChannelListing",
    "CollectionProduct", "CollectionTranslation",
]
