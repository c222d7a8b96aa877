"""Product photo mutations: upload (multipart), reorder, alt text, delete.

The upload itself is checked by ``catalog.services.media.media_add`` (a real image, size and
pixel limits, re-encoded without EXIF/GPS); external media URLs (oEmbed videos) are not
offered by CoopStore and are refused with Saleor's ``UNSUPPORTED_MEDIA_PROVIDER``.
"""
from __future__ import annotations

from typing import Any

import graphene
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext as _

from backend.core.errors import DomainError
from backend.graphql.core.errors import ProductError
from backend.graphql.core.types import NonNullList
from backend.graphql.core.uploads import uploaded_file_or_none
from catalog.graphql.media import ProductMedia
from catalog.graphql.types import Product
from catalog.models import Product as ProductModel
from catalog.services.media import media_add, media_delete, media_reorder, media_set_alt

from .common import (
    Code,
    catalog_caller,
    error,
    failure,
    media_target,
    pks_of,
    product_context,
    product_target,
    success,
)
from .inputs import ProductMediaCreateInput, ProductMediaUpdateInput
from .products import ProductErrors


def _image_of(data: dict[str, Any]) -> Any:
    """The uploaded file of the input; refuses a URL or a value that is not a file part."""
    image, media_url = data.get("image"), data.get("media_url")
    if image is None and not media_url:
        raise error(Code.REQUIRED, _("Image or external URL is required."), "input")
    if image is not None and media_url:
        raise error(Code.DUPLICATED_INPUT_ITEM, _("Either image or external URL is required."),
                    "input")
    if media_url:
        raise error(Code.UNSUPPORTED_MEDIA_PROVIDER,
                    _("Only uploaded photos are supported, not external media."), "mediaUrl")
    upload = uploaded_file_or_none(image)
    if upload is None:
        raise error(Code.INVALID, _("Send the photo as a file part of a multipart request."),
                    "image")
    return upload


def _product(pk: int) -> ProductModel | None:
    return ProductModel.objects.filter(pk=pk).first()


class ProductMediaCreate(ProductErrors, graphene.Mutation):
    product = graphene.Field(Product)
    media = graphene.Field(ProductMedia)

    class Arguments:
        input = ProductMediaCreateInput(required=True, description="Fields required to create a "
                                        "product media.")

    class Meta:
        description = ("Create a media object (a photo) for the product, sent as a multipart "
                       "request (https://github.com/jaydenseric/graphql-multipart-request-spec). "
                       "Requires the staff of the product's cooperative (or a network admin).")

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, input: dict[str, Any]) -> Any:
        caller = catalog_caller(info)
        try:
            cooperative_id, product_pk = product_target(caller, input.get("product"), "product")
            upload = _image_of(input)
            media = media_add(cooperative_id=cooperative_id, product_id=product_pk,
                              image=upload, alt=input.get("alt") or "")
        except DomainError as exc:
            return failure(cls, exc, ProductError, Code, product=None, media=None)
        return success(cls, product=product_context(_product(product_pk)), media=media)


class ProductMediaReorder(ProductErrors, graphene.Mutation):
    product = graphene.Field(Product)
    media = NonNullList(ProductMedia)

    class Arguments:
        media_ids = NonNullList(graphene.ID, required=True, description="IDs of a product media "
                                "in the desired order.")
        product_id = graphene.ID(required=True, description="ID of product that media order "
                                 "will be altered.")

    class Meta:
        description = ("Changes ordering of the product media. Requires the staff of the "
                       "product's cooperative (or a network admin).")

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, product_id: str, media_ids: list) -> Any:
        caller = catalog_caller(info)
        try:
            cooperative_id, product_pk = product_target(caller, product_id, "productId")
            media = media_reorder(cooperative_id=cooperative_id, product_id=product_pk,
                                  media_ids=pks_of(media_ids, "ProductMedia", "mediaIds"))
            prefetch_related_objects(media, "thumbnails")  # their URLs, in one query
        except DomainError as exc:
            return failure(cls, exc, ProductError, Code, product=None, media=None)
        return success(cls, product=product_context(_product(product_pk)), media=media)


class ProductMediaUpdate(ProductErrors, graphene.Mutation):
    product = graphene.Field(Product)
    media = graphene.Field(ProductMedia)

    class Arguments:
        id = graphene.ID(required=True, description="ID of a product media to update.")
        input = ProductMediaUpdateInput(required=True, description="Fields required to update a "
                                        "product media.")

    class Meta:
        description = ("Updates a product media (its alt text). Requires the staff of the "
                       "product's cooperative (or a network admin).")

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, id: str, input: dict[str, Any]) -> Any:
        caller = catalog_caller(info)
        try:
            cooperative_id, media_pk = media_target(caller, id)
            media = media_set_alt(cooperative_id=cooperative_id, media_id=media_pk,
                                  alt=input.get("alt") or "")
        except DomainError as exc:
            return failure(cls, exc, ProductError, Code, product=None, media=None)
        return success(cls, product=product_context(_product(media.product_id)), media=media)


class ProductMediaDelete(ProductErrors, graphene.Mutation):
    product = graphene.Field(Product)
    media = graphene.Field(ProductMedia)

    class Arguments:
        id = graphene.ID(required=True, description="ID of a product media to delete.")

    class Meta:
        description = ("Deletes a product media. Requires the staff of the product's "
                       "cooperative (or a network admin).")

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, id: str) -> Any:
        caller = catalog_caller(info)
        try:
            cooperative_id, media_pk = media_target(caller, id)
            media = media_delete(cooperative_id=cooperative_id, media_id=media_pk)
        except DomainError as exc:
            return failure(cls, exc, ProductError, Code, product=None, media=None)
        return success(cls, product=product_context(_product(media.product_id)), media=media)
