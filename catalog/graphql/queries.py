"""The catalog's root fields, with Saleor's names and arguments."""
from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.connection import connection_args
from backend.graphql.core.enums import LanguageCodeEnum
from backend.graphql.core.validators import validate_one_of_args_is_in_query

from .attribute_queries import AttributeQueries, ProductTypeQueries
from .categories import Category, CategoryCountableConnection
from .channel import ChannelQueries
from .collections import CollectionQueries
from .filters import CategoryFilterInput, CategoryWhereInput, ProductFilterInput, ProductWhereInput
from .resolvers import (
    categories_connection,
    category_get,
    product_get,
    products_connection,
    variant_get,
)
from .sorters import CategorySortingInput, ProductOrder
from .types import Product, ProductCountableConnection, ProductVariant

SLUG_LANGUAGE = "Slugs are the same in every language in CoopStore: the code is accepted."


class CatalogQueries(AttributeQueries, ProductTypeQueries, CollectionQueries, ChannelQueries):
    products = graphene.Field(
        ProductCountableConnection,
        filter=ProductFilterInput(description="Filtering options for products.",
                                  deprecation_reason="Use `where` filter instead."),
        where=ProductWhereInput(description="Where filtering options for products."),
        sort_by=ProductOrder(description="Sort products."),
        search=graphene.String(description="Search products."),
        channel=graphene.String(description="Slug of a channel for which the data should be "
                                "returned."),
        **connection_args(), description="List of the shop's products.")
    product = graphene.Field(
        Product, id=graphene.ID(description="ID of the product."),
        slug=graphene.String(description="Slug of the product."),
        slug_language_code=LanguageCodeEnum(description=SLUG_LANGUAGE),
        external_reference=graphene.String(description="External ID of the product."),
        channel=graphene.String(description="Slug of a channel for which the data should be "
                                "returned."),
        description="Look up a product by ID or slug.")
    product_variant = graphene.Field(
        ProductVariant, id=graphene.ID(description="ID of the product variant."),
        sku=graphene.String(description="SKU of the product variant."),
        external_reference=graphene.String(description="External ID of the product."),
        channel=graphene.String(description="Slug of a channel for which the data should be "
                                "returned."),
        description="Look up a product variant by ID or SKU.")
    categories = graphene.Field(
        CategoryCountableConnection,
        filter=CategoryFilterInput(description="Filtering options for categories."),
        where=CategoryWhereInput(description="Where filtering options for categories."),
        sort_by=CategorySortingInput(description="Sort categories."),
        level=graphene.Int(description="Filter categories by the nesting level in the tree."),
        **connection_args(), description="List of the shop's categories.")
    category = graphene.Field(
        Category, id=graphene.ID(description="ID of the category."),
        slug=graphene.String(description="Slug of the category"),
        slug_language_code=LanguageCodeEnum(description=SLUG_LANGUAGE),
        description="Look up a category by ID or slug.")

    @staticmethod
    def resolve_products(_root: Any, info: Any, **args: Any) -> Any:
        return products_connection(info, args)

    @staticmethod
    def resolve_product(_root: Any, info: Any, *, id: str | None = None,
                        slug: str | None = None, external_reference: str | None = None,
                        channel: str | None = None, **_args: Any) -> Any:
        validate_one_of_args_is_in_query("id", id, "slug", slug,
                                         "external_reference", external_reference)
        return product_get(info, id=id, slug=slug, channel_slug=channel)

    @staticmethod
    def resolve_product_variant(_root: Any, info: Any, *, id: str | None = None,
                                sku: str | None = None, external_reference: str | None = None,
                                channel: str | None = None) -> Any:
        validate_one_of_args_is_in_query("id", id, "sku", sku,
                                         "external_reference", external_reference)
        return variant_get(info, id=id, sku=sku, channel_slug=channel)

    @staticmethod
    def resolve_categories(_root: Any, info: Any, **args: Any) -> Any:
        return categories_connection(info, args)

    @staticmethod
    def resolve_category(_root: Any, _info: Any, *, id: str | None = None,
                         slug: str | None = None, **_args: Any) -> Any:
        validate_one_of_args_is_in_query("id", id, "slug", slug)
        return category_get(id=id, slug=slug)
