"""CoopStore's quality labels on products (IGP, AOP, organic, fair trade), Saleor's style."""
from __future__ import annotations

from datetime import date
from typing import Any

import graphene

from backend.graphql.core.enums import LanguageCodeEnum
from backend.graphql.core.languages import content_language
from backend.graphql.core.types import ModelObjectType, Node, request_language
from catalog.models import LabelKind

from .translations import enum_value

LabelKindEnum = graphene.Enum.from_enum(LabelKind, name="LabelKindEnum",
                                        description="Kinds of quality label.")


class ProductLabel(ModelObjectType):
    """CoopStore: a certified quality label of a product, with its certificate."""

    kind = LabelKindEnum(required=True)
    slug = graphene.String(required=True)
    name = graphene.String(required=True, description="Name in French.")
    localized_name = graphene.String(
        required=True, language_code=LanguageCodeEnum(description="FR, AR or EN (French "
                                                      "otherwise); the request's language "
                                                      "when omitted."),
        description="The name in a language.")
    certificate_reference = graphene.String(required=True)
    expiry_date = graphene.Date()
    is_expired = graphene.Boolean(required=True, description="The certificate has expired.")

    class Meta:
        interfaces = (Node,)

    @staticmethod
    def resolve_kind(root: Any, _info: Any) -> str:
        return root.label.kind

    @staticmethod
    def resolve_slug(root: Any, _info: Any) -> str:
        return root.label.slug

    @staticmethod
    def resolve_name(root: Any, _info: Any) -> str:
        return root.label.name

    @staticmethod
    def resolve_localized_name(root: Any, info: Any, *, language_code: Any = None) -> str:
        code = enum_value(language_code)
        return root.label.localized_name(
            content_language(str(code)) if code else request_language(info))

    @staticmethod
    def resolve_is_expired(root: Any, _info: Any) -> bool:
        return root.expiry_date is not None and root.expiry_date < date.today()
