"""Saleor's ``Category``: a node of the category tree, with its products in a channel."""
from __future__ import annotations

from typing import Any

import graphene
from django.db.models import Q

from backend.graphql.core.connection import CountableConnection, connection_args, paginate_list
from backend.graphql.core.enums import ThumbnailFormatEnum
from backend.graphql.core.types import (
    Image,
    ModelObjectType,
    Node,
    ObjectWithMetadata,
    absolute_url,
)
from catalog.models import Category as CategoryModel

from .filters import ProductFilterInput, ProductWhereInput
from .resolvers import products_connection
from .sorters import ProductOrder
from .translations import CategoryTranslation, find_translation, json_or_none, translation_argument
from .types import ProductCountableConnection


def subtree_q(category: CategoryModel) -> Q:
    """Products of ``category`` or of any of its descendants (as Saleor lists them)."""
    return Q(category__tree_id=category.tree_id, category__lft__gte=category.lft,
             category__rght__lte=category.rght)


class Category(ModelObjectType):
    seo_title = graphene.String()
    seo_description = graphene.String()
    name = graphene.String(required=True)
    description = graphene.JSONString(description="Description of the category (EditorJS).")
    slug = graphene.String(required=True)
    parent = graphene.Field(lambda: Category)
    level = graphene.Int(required=True)
    updated_at = graphene.DateTime(required=True)
    ancestors = graphene.Field(lambda: CategoryCountableConnection, **connection_args(),
                               description="List of ancestors of the category.")
    products = graphene.Field(
        ProductCountableConnection, filter=ProductFilterInput(), where=ProductWhereInput(),
        sort_by=ProductOrder(), search=graphene.String(), channel=graphene.String(),
        **connection_args(), description="List of products in the category and below it.")
    children = graphene.Field(lambda: CategoryCountableConnection, **connection_args(),
                              description="List of children of the category.")
    background_image = graphene.Field(
        Image, size=graphene.Int(), format=ThumbnailFormatEnum(
            default_value=ThumbnailFormatEnum.ORIGINAL.value))
    translation = graphene.Field(CategoryTranslation, **translation_argument())

    class Meta:
        interfaces = (Node, ObjectWithMetadata)
        description = "Represents a single category of products."

    @staticmethod
    def resolve_seo_title(root: CategoryModel, _info: Any) -> str | None:
        return root.seo_title or None

    @staticmethod
    def resolve_seo_description(root: CategoryModel, _info: Any) -> str | None:
        return root.seo_description or None

    @staticmethod
    def resolve_description(root: CategoryModel, _info: Any) -> Any:
        return json_or_none(root.description)

    @staticmethod
    def resolve_ancestors(root: CategoryModel, info: Any, **args: Any) -> Any:
        return paginate_list(list(root.get_ancestors()), info, args,
                             connection=CategoryCountableConnection)

    @staticmethod
    def resolve_products(root: CategoryModel, info: Any, **args: Any) -> Any:
        return products_connection(info, args, scope=subtree_q(root))

    @staticmethod
    def resolve_children(root: CategoryModel, info: Any, **args: Any) -> Any:
        children = sorted(root.children.all(), key=lambda c: (c.tree_id, c.lft))
        return paginate_list(children, info, args, connection=CategoryCountableConnection)

    @staticmethod
    def resolve_background_image(root: CategoryModel, info: Any, **_args: Any) -> Image | None:
        if not root.background_image:
            return None
        return Image(url=absolute_url(info, root.background_image.url),
                     alt=root.background_image_alt)

    @staticmethod
    def resolve_translation(root: CategoryModel, _info: Any, *, language_code: Any) -> Any:
        return find_translation(root, language_code)


class CategoryCountableConnection(CountableConnection):
    class Meta:
        node = Category
