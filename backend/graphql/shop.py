"""Saleor's ``shop``: the storefront's settings a client reads once at start-up."""
from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

import graphene
from django.conf import settings

from catalog.graphql.channel import visible_channels

from .core.enums import WeightUnitsEnum
from .core.ids import to_global_id
from .core.types import (
    CountryDisplay,
    LanguageDisplay,
    NonNullList,
    ObjectWithMetadata,
    absolute_url,
    country_display,
    language_display,
)

SHOP_NAME = "CoopStore"
SHOP_DESCRIPTION = ("Le marché des coopératives du Maroc : produits du terroir, "
                    "commerce équitable, circuit court.")
SCHEMA_VERSION = "3.24"  # the Saleor schema version this API follows
COOPSTORE_VERSION = "0.1.0"
LANGUAGE_ENUMS = {"fr": "FR", "ar": "AR", "en": "EN"}


class Domain(graphene.ObjectType):
    host = graphene.String(required=True, description="The host name of the domain.")
    ssl_enabled = graphene.Boolean(required=True, description="Inform if SSL is enabled.")
    url = graphene.String(required=True, description="The absolute URL of the API.")


class Shop(graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the shop.")
    channel_currencies = NonNullList(graphene.String, required=True,
                                     description="List of all currencies supported by shop's "
                                     "channels.")
    countries = NonNullList(CountryDisplay, required=True,
                            description="List of countries available in the shop.")
    default_country = graphene.Field(CountryDisplay, description="Shop's default country.")
    description = graphene.String(description="Header text.")
    domain = graphene.Field(Domain, required=True, description="Shop's domain data.")
    languages = NonNullList(LanguageDisplay, required=True,
                            description="List of the shops's supported languages.")
    name = graphene.String(required=True, description="Shop's name.")
    header_text = graphene.String(description="Header text.")
    track_inventory_by_default = graphene.Boolean()
    default_weight_unit = WeightUnitsEnum(description="Default weight unit.")
    version = graphene.String(required=True, description="CoopStore's version.")
    schema_version = graphene.String(required=True,
                                     description="The Saleor schema version this API follows.")
    include_taxes_in_prices = graphene.Boolean(required=True,
                                               deprecation_reason="Prices are tax-inclusive.")
    display_gross_prices = graphene.Boolean(required=True,
                                            deprecation_reason="Prices are tax-inclusive.")

    private_metadata_permission = "MANAGE_SETTINGS"

    class Meta:
        interfaces = (ObjectWithMetadata,)
        description = "Represents a shop resource containing general shop data and configuration."

    @staticmethod
    def resolve_id(_root: Any, _info: Any) -> str:
        return to_global_id("Shop", 1)

    @staticmethod
    def resolve_channel_currencies(_root: Any, info: Any) -> list[str]:
        return sorted({channel.currency_code for channel in visible_channels(info)})

    @staticmethod
    def resolve_countries(_root: Any, _info: Any) -> list[CountryDisplay]:
        return [country_display("MA")]

    @staticmethod
    def resolve_default_country(_root: Any, _info: Any) -> CountryDisplay:
        return country_display("MA")

    @staticmethod
    def resolve_description(_root: Any, _info: Any) -> str:
        return SHOP_DESCRIPTION

    @staticmethod
    def resolve_domain(_root: Any, info: Any) -> Domain:
        url = absolute_url(info, "/") or "/"
        parsed = urlparse(url)
        return Domain(host=parsed.netloc, ssl_enabled=parsed.scheme == "https", url=url)

    @staticmethod
    def resolve_languages(_root: Any, _info: Any) -> list[LanguageDisplay]:
        return [language_display(LANGUAGE_ENUMS[code]) for code, _ in settings.LANGUAGES
                if code in LANGUAGE_ENUMS]

    @staticmethod
    def resolve_name(_root: Any, _info: Any) -> str:
        return SHOP_NAME

    @staticmethod
    def resolve_header_text(_root: Any, _info: Any) -> str:
        return SHOP_DESCRIPTION

    @staticmethod
    def resolve_track_inventory_by_default(_root: Any, _info: Any) -> bool:
        return True

    @staticmethod
    def resolve_default_weight_unit(_root: Any, _info: Any) -> str:
        return WeightUnitsEnum.G.value

    @staticmethod
    def resolve_version(_root: Any, _info: Any) -> str:
        return COOPSTORE_VERSION

    @staticmethod
    def resolve_schema_version(_root: Any, _info: Any) -> str:
        return SCHEMA_VERSION

    @staticmethod
    def resolve_include_taxes_in_prices(_root: Any, _info: Any) -> bool:
        return True

    @staticmethod
    def resolve_display_gross_prices(_root: Any, _info: Any) -> bool:
        return True


class ShopQueries(graphene.ObjectType):
    shop = graphene.Field(Shop, required=True, description="Return information about the shop.")

    @staticmethod
    def resolve_shop(_root: Any, _info: Any) -> Shop:
        return Shop()
