"""The public face of an approved cooperative: who they are, where, and their products."""
from __future__ import annotations

from typing import Any

import graphene
from django.db.models import Q

from backend.cooperatives.models import Cooperative as CooperativeModel
from backend.graphql.core.connection import CountableConnection, connection_args
from backend.graphql.core.enums import ThumbnailFormatEnum
from backend.graphql.core.types import Image, ModelObjectType, Node, absolute_url
from catalog.graphql.filters import ProductFilterInput, ProductWhereInput
from catalog.graphql.resolvers import products_connection
from catalog.graphql.sorters import ProductOrder
from catalog.graphql.translations import (
    BaseTranslationType,
    find_translation,
    translation_argument,
)
from catalog.graphql.types import ProductCountableConnection
from fulfillment.graphql.types import City, Region


class CooperativeTranslation(BaseTranslationType):
    name = graphene.String()
    story = graphene.String()

    class Meta:
        interfaces = (Node,)
        description = "A cooperative's name and story in another language."

    @staticmethod
    def resolve_name(root: Any, _info: Any) -> str | None:
        return root.name or None

    @staticmethod
    def resolve_story(root: Any, _info: Any) -> str | None:
        return root.story or None


class Cooperative(ModelObjectType):
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    odco_number = graphene.String(required=True, description="Registration number at the "
                                  "Office du Développement de la Coopération.")
    region = graphene.Field(Region, required=True)
    city = graphene.Field(City, required=True)
    latitude = graphene.Float(required=True)
    longitude = graphene.Float(required=True)
    founded_year = graphene.Int()
    member_count = graphene.Int(required=True)
    women_led = graphene.Boolean(required=True)
    youth_led = graphene.Boolean(required=True)
    story = graphene.String(required=True, description="The cooperative's story, in French.")
    logo = graphene.Field(Image, size=graphene.Int(), format=ThumbnailFormatEnum(
        default_value=ThumbnailFormatEnum.ORIGINAL.value))
    translation = graphene.Field(CooperativeTranslation, **translation_argument())
    created = graphene.DateTime(required=True)
    products = graphene.Field(
        ProductCountableConnection, filter=ProductFilterInput(), where=ProductWhereInput(),
        sort_by=ProductOrder(), search=graphene.String(), channel=graphene.String(),
        **connection_args(), description="The cooperative's visible products in a channel.")

    class Meta:
        interfaces = (Node,)
        description = "CoopStore: an approved producer cooperative."

    @staticmethod
    def resolve_logo(root: CooperativeModel, info: Any, **_args: Any) -> Image | None:
        if not root.logo:
            return None
        return Image(url=absolute_url(info, root.logo.url), alt=root.name)

    @staticmethod
    def resolve_translation(root: CooperativeModel, _info: Any, *, language_code: Any) -> Any:
        return find_translation(root, language_code)

    @staticmethod
    def resolve_created(root: CooperativeModel, _info: Any) -> Any:
        return root.created_at

    @staticmethod
    def resolve_products(root: CooperativeModel, info: Any, **args: Any) -> Any:
        return products_connection(info, args, scope=Q(cooperative_id=root.pk))


class CooperativeCountableConnection(CountableConnection):
    class Meta:
        node = Cooperative
