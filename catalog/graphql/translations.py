"""Saleor's translation types for catalog objects, read from prefetched ``translations``.

French is stored on the models themselves, so ``translation(languageCode: FR)`` is null unless
a French translation row exists, exactly as Saleor answers for its default language; clients
fall back to the object's own fields. ``AR_MA`` and ``AR`` both read the ``ar`` row.
"""
from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.enums import LanguageCodeEnum
from backend.graphql.core.languages import LANGUAGE_CODES, content_language
from backend.graphql.core.types import LanguageDisplay, ModelObjectType, Node, language_display

from .loading import related_rows


def translation_argument() -> dict[str, Any]:
    return {"language_code": graphene.Argument(
        LanguageCodeEnum, required=True, description="A language code to return the "
        "translation for object.")}


def enum_value(value: Any) -> Any:
    """Graphene hands enum arguments over as members or values; we want the value."""
    return getattr(value, "value", value)


def find_translation(instance: Any, language_code: Any) -> Any | None:
    """The prefetched translation row of ``instance`` in that language, or ``None``."""
    language = content_language(str(enum_value(language_code)))
    for translation in related_rows(instance, "translations"):
        if translation.language_code.lower()[:2] == language:
            return translation
    return None


def json_or_none(value: Any) -> Any:
    return value or None


class BaseTranslationType(ModelObjectType):
    language = graphene.Field(LanguageDisplay, required=True,
                              description="Translation language.")

    class Meta:
        abstract = True

    @staticmethod
    def resolve_language(root: Any, _info: Any) -> LanguageDisplay:
        code = root.language_code.replace("-", "_").upper()
        return language_display(code if code in LANGUAGE_CODES else code[:2])


class ProductTranslation(BaseTranslationType):
    seo_title = graphene.String()
    seo_description = graphene.String()
    slug = graphene.String(description="Translated slug: CoopStore keeps one slug per product.")
    name = graphene.String()
    description = graphene.JSONString(description="Translated description of the product.")

    class Meta:
        interfaces = (Node,)
        description = "Represents product translations."

    @staticmethod
    def resolve_slug(_root: Any, _info: Any) -> None:
        return None

    @staticmethod
    def resolve_name(root: Any, _info: Any) -> str | None:
        return root.name or None

    @staticmethod
    def resolve_seo_title(root: Any, _info: Any) -> str | None:
        return root.seo_title or None

    @staticmethod
    def resolve_seo_description(root: Any, _info: Any) -> str | None:
        return root.seo_description or None

    @staticmethod
    def resolve_description(root: Any, _info: Any) -> Any:
        return json_or_none(root.description)


class ProductVariantTranslation(BaseTranslationType):
    name = graphene.String(required=True)

    class Meta:
        interfaces = (Node,)
        description = "Represents product variant translations."


class CategoryTranslation(BaseTranslationType):
    seo_title = graphene.String()
    seo_description = graphene.String()
    slug = graphene.String(description="Translated slug: CoopStore keeps one slug per category.")
    name = graphene.String()
    description = graphene.JSONString(description="Translated description of the category.")

    class Meta:
        interfaces = (Node,)
        description = "Represents category translations."

    resolve_slug = ProductTranslation.resolve_slug
    resolve_name = ProductTranslation.resolve_name
    resolve_seo_title = ProductTranslation.resolve_seo_title
    resolve_seo_description = ProductTranslation.resolve_seo_description
    resolve_description = ProductTranslation.resolve_description
