"""Saleor's catalog mutations for cooperative staff; each module one topic, each mutation one
service call of ``catalog.services`` (see ``common`` for who may act on what)."""
from __future__ import annotations

import graphene

from .listings import ProductChannelListingUpdate
from .media import ProductMediaCreate, ProductMediaDelete, ProductMediaReorder, ProductMediaUpdate
from .products import ProductCreate, ProductDelete, ProductUpdate
from .translations import ProductTranslate, ProductVariantTranslate
from .variants import (
    ProductVariantChannelListingUpdate,
    ProductVariantCreate,
    ProductVariantDelete,
    ProductVariantStocksUpdate,
    ProductVariantUpdate,
)


class CatalogMutations(graphene.ObjectType):
    product_create = ProductCreate.Field()
    product_update = ProductUpdate.Field()
    product_delete = ProductDelete.Field()
    product_variant_create = ProductVariantCreate.Field()
    product_variant_update = ProductVariantUpdate.Field()
    product_variant_delete = ProductVariantDelete.Field()
    product_variant_stocks_update = ProductVariantStocksUpdate.Field()
    product_variant_channel_listing_update = ProductVariantChannelListingUpdate.Field()
    product_channel_listing_update = ProductChannelListingUpdate.Field()
    product_translate = ProductTranslate.Field()
    product_variant_translate = ProductVariantTranslate.Field()
    product_media_create = ProductMediaCreate.Field()
    product_media_reorder = ProductMediaReorder.Field()
    product_media_update = ProductMediaUpdate.Field()
    product_media_delete = ProductMediaDelete.Field()
