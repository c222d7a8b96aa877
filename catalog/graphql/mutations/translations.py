"""``productTranslate`` and ``productVariantTranslate``: texts in Arabic and English.

French is the language of the product itself, so translating into French edits the product.
Translated slugs are not kept (one address per product): ``TranslationInput.slug`` is ignored.
"""
from __future__ import annotations

from typing import Any

import graphene

from backend.core.errors import DomainError
from backend.graphql.core.enums import LanguageCodeEnum
from backend.graphql.core.types import NonNullList
from catalog.graphql.translations import enum_value
from catalog.graphql.types import Product, ProductVariant
from catalog.models import ProductVariant as VariantModel
from catalog.services.translations import product_translation_set, variant_translation_set

from .common import (
    DEPRECATED_ERRORS,
    catalog_caller,
    failure,
    product_context,
    product_target,
    success,
    variant_context,
    variant_target,
)
from .errors import TranslationError, TranslationErrorCode
from .inputs import NameTranslationInput, TranslationInput


class TranslationErrors:
    translation_errors = NonNullList(TranslationError, required=True,
                                     deprecation_reason=DEPRECATED_ERRORS)
    errors = NonNullList(TranslationError, required=True)


def _texts(data: dict[str, Any]) -> dict[str, Any]:
    """The service's keyword arguments for the texts the client sent (null = empty)."""
    fields: dict[str, Any] = {}
    for key in ("name", "description", "seo_title", "seo_description"):
        if key in data:
            fields[key] = data[key] if data[key] is not None else (
                {} if key == "description" else "")
    return fields


class ProductTranslate(TranslationErrors, graphene.Mutation):
    product = graphene.Field(Product)

    class Arguments:
        id = graphene.ID(required=True, description="Product ID or ProductTranslatableContent "
                         "ID.")
        input = TranslationInput(required=True, description="Fields required to update product "
                                 "translations.")
        language_code = graphene.Argument(LanguageCodeEnum, required=True,
                                          description="Translation language code.")

    class Meta:
        description = ("Creates/updates translations for a product. Requires the staff of the "
                       "product's cooperative (or a network admin).")

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, id: str, input: dict[str, Any],
               language_code: Any) -> Any:
        caller = catalog_caller(info)
        try:
            cooperative_id, pk = product_target(caller, id)
            product = product_translation_set(
                cooperative_id=cooperative_id, product_id=pk,
                language_code=str(enum_value(language_code)), **_texts(input))
        except DomainError as exc:
            return failure(cls, exc, TranslationError, TranslationErrorCode, product=None)
        return success(cls, product=product_context(product))


class ProductVariantTranslate(TranslationErrors, graphene.Mutation):
    product_variant = graphene.Field(ProductVariant)

    class Arguments:
        id = graphene.ID(required=True, description="ProductVariant ID or "
                         "ProductVariantTranslatableContent ID.")
        input = NameTranslationInput(required=True, description="Fields required to update "
                                     "product variant translations.")
        language_code = graphene.Argument(LanguageCodeEnum, required=True,
                                          description="Translation language code.")

    class Meta:
        description = ("Creates/updates translations for a product variant. Requires the staff "
                       "of the product's cooperative (or a network admin).")

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, id: str, input: dict[str, Any],
               language_code: Any) -> Any:
        caller = catalog_caller(info)
        try:
            cooperative_id, pk = variant_target(caller, id=id)
            variant_translation_set(cooperative_id=cooperative_id, variant_id=pk,
                                    language_code=str(enum_value(language_code)),
                                    name=input.get("name") or "")
        except DomainError as exc:
            return failure(cls, exc, TranslationError, TranslationErrorCode,
                           product_variant=None)
        return success(cls, product_variant=variant_context(
            VariantModel.objects.filter(pk=pk).first()))
