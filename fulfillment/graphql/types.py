"""Morocco's regions and cities in the API (CoopStore's own types, Saleor's style)."""
from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.enums import LanguageCodeEnum
from backend.graphql.core.languages import content_language
from backend.graphql.core.types import ModelObjectType, Node, NonNullList, request_language
from fulfillment.models import City as CityModel
from fulfillment.models import Region as RegionModel


def localized_name_field() -> graphene.String:
    return graphene.String(
        required=True, language_code=LanguageCodeEnum(
            description="FR, AR or EN (other codes give French); the request's language "
                        "when omitted."),
        description="The name in a language.")


def localized(instance: Any, language_code: Any, info: Any) -> str:
    code = getattr(language_code, "value", language_code)
    language = content_language(str(code)) if code else request_language(info)
    return instance.localized_name(language)


class Region(ModelObjectType):
    code = graphene.String(required=True, description="ISO 3166-2 code, e.g. MA-09.")
    slug = graphene.String(required=True)
    name = graphene.String(required=True, description="Name in French.")
    localized_name = localized_name_field()
    capital = graphene.String(required=True)
    latitude = graphene.Float(required=True)
    longitude = graphene.Float(required=True)
    cities = NonNullList(lambda: City, required=True, description="Main cities of the region.")

    class Meta:
        interfaces = (Node,)
        description = "One of Morocco's 12 regions."

    @staticmethod
    def resolve_localized_name(root: RegionModel, info: Any, *, language_code: Any = None
                               ) -> str:
        return localized(root, language_code, info)

    @staticmethod
    def resolve_cities(root: RegionModel, _info: Any) -> list[CityModel]:
        return sorted(root.cities.all(), key=lambda city: city.name)


class City(ModelObjectType):
    slug = graphene.String(required=True)
    name = graphene.String(required=True, description="Name in French.")
    localized_name = localized_name_field()
    latitude = graphene.Float(required=True)
    longitude = graphene.Float(required=True)
    postal_code = graphene.String()
    region = graphene.Field(Region, required=True)

    class Meta:
        interfaces = (Node,)
        description = "A city of Morocco."

    @staticmethod
    def resolve_localized_name(root: CityModel, info: Any, *, language_code: Any = None) -> str:
        return localized(root, language_code, info)

    @staticmethod
    def resolve_postal_code(root: CityModel, _info: Any) -> str | None:
        return root.postal_code or None
