"""Saleor's sort inputs for products and categories, and the keyset each one paginates on.

Every sort ends with a unique column, so cursors never skip or repeat rows. Sort values that
live outside the product row (price in the channel, publication date) are annotated.
"""
from __future__ import annotations

from typing import Any

import graphene
from django.db import connection
from django.db.models import Count, FloatField, IntegerField, Min, OuterRef, QuerySet, Subquery
from django.db.models import Value as V
from django.db.models.functions import Coalesce, Collate
from graphql import GraphQLError

from backend.graphql.core.connection import SortSpec
from backend.graphql.core.enums import OrderDirection
from catalog.models import (
    Category,
    Channel,
    Product,
    ProductChannelListing,
    ProductVariantChannelListing,
)
from catalog.search import normalize_text

from .translations import enum_value

RANK_WITHOUT_SEARCH = "Sorting by RANK is available only when using a search filter."
DEPRECATED_CHANNEL = "Use root-level channel argument instead."


class MediaChoicesSortField(graphene.Enum):
    ID = "id"


class MediaSortingInput(graphene.InputObjectType):
    direction = OrderDirection(required=True, description="Specifies the direction in which "
                               "to sort media.")
    field = MediaChoicesSortField(required=True, description="Sort media by the selected field.")


class ProductOrderField(graphene.Enum):
    NAME = "name"
    RANK = "rank"
    PRICE = "price"
    MINIMAL_PRICE = "minimal_price"
    LAST_MODIFIED = "last_modified"
    DATE = "date"
    TYPE = "type"
    PUBLISHED = "published"
    PUBLICATION_DATE = "publication_date"
    PUBLISHED_AT = "published_at"
    LAST_MODIFIED_AT = "last_modified_at"
    CREATED_AT = "created_at"
    COLLECTION = "collection"
    RATING = "rating"  # no ratings in CoopStore: sorts by name (see sort_products)

    @property
    def deprecation_reason(self) -> str | None:
        if self.name in {"LAST_MODIFIED", "DATE"}:
            return "Use `LAST_MODIFIED_AT` instead."
        if self.name == "PUBLICATION_DATE":
            return "Use `PUBLISHED_AT` instead."
        return None


class ProductOrder(graphene.InputObjectType):
    direction = OrderDirection(required=True, description="Specifies the direction in which "
                               "to sort products.")
    channel = graphene.String(deprecation_reason=DEPRECATED_CHANNEL)
    field = ProductOrderField(description="Sort products by the selected field.")


class CategorySortField(graphene.Enum):
    NAME = "name"
    PRODUCT_COUNT = "product_count"
    SUBCATEGORY_COUNT = "subcategory_count"


class CategorySortingInput(graphene.InputObjectType):
    direction = OrderDirection(required=True, description="Specifies the direction in which "
                               "to sort categories.")
    channel = graphene.String(deprecation_reason=DEPRECATED_CHANNEL)
    field = CategorySortField(required=True, description="Sort categories by the selected "
                              "field.")


def is_descending(sort_by: Any) -> bool:
    return bool(sort_by) and enum_value(sort_by.direction) == "desc"


def _rank(text: str) -> Any:
    """Relevance of each product for ``text``: the prefix query ``catalog.search`` filters on."""
    if connection.vendor != "postgresql":
        return V(0.0, output_field=FloatField())
    from django.contrib.postgres.search import SearchQuery, SearchRank

    words = ["".join(ch for ch in word if ch.isalnum()) for word in normalize_text(text).split()]
    terms = " & ".join(f"{word}:*" for word in words[:12] if word)
    if not terms:
        return V(0.0, output_field=FloatField())
    return SearchRank("search_vector", SearchQuery(terms, config="simple", search_type="raw"))


def by_name(queryset: QuerySet, descending: bool) -> tuple[QuerySet, SortSpec]:
    """Names sorted for people (É next to E, case ignored first) on PostgreSQL's ICU
    collation; byte order on SQLite, which has none."""
    if connection.vendor == "postgresql":
        return (queryset.annotate(sort_name=Collate("name", "und-x-icu")),
                SortSpec(("sort_name", "slug"), descending))
    return queryset, SortSpec(("name", "slug"), descending)


def _listing_value(channel: Channel | None, column: str) -> Subquery:
    listings = ProductChannelListing.objects.filter(product=OuterRef("pk"), channel=channel)
    return Subquery(listings.values(column)[:1])


def _min_variant_price(channel: Channel | None) -> Subquery:
    prices = (ProductVariantChannelListing.objects
              .filter(variant__product=OuterRef("pk"), channel=channel)
              .order_by().values("variant__product").annotate(low=Min("price_amount")))
    return Subquery(prices.values("low")[:1])


def sort_products(queryset: QuerySet[Product], sort_by: Any, *, channel: Channel | None,
                  search: str | None) -> tuple[QuerySet[Product], SortSpec]:
    """Annotate what the chosen order needs and say which columns paginate it."""
    field = enum_value(sort_by.field) if sort_by and sort_by.field is not None else None
    descending = is_descending(sort_by)
    if field == "rank" and not search:
        raise GraphQLError(RANK_WITHOUT_SEARCH)
    if field is None and search and not sort_by:
        field, descending = "rank", True
    if field == "rank":
        return (queryset.annotate(search_rank=_rank(search or "")),
                SortSpec(("search_rank", "pk"), descending))
    if field in {"name", "rating"}:
        # CoopStore has no product ratings: RATING (which Saleor's clients may send) keeps
        # Saleor's own tie-break, name then slug, so it is a stable order, never an error.
        return by_name(queryset, descending)
    annotations = {
        "price": ("variant_min_price", lambda: _min_variant_price(channel)),
        "minimal_price": ("listing_minimal_price",
                          lambda: _listing_value(channel, "discounted_price_amount")),
        "published": ("listing_is_published", lambda: _listing_value(channel, "is_published")),
        "publication_date": ("listing_published_at",
                             lambda: _listing_value(channel, "published_at")),
        "published_at": ("listing_published_at",
                         lambda: _listing_value(channel, "published_at")),
    }
    if field in annotations:
        name, expression = annotations[field]
        return queryset.annotate(**{name: expression()}), SortSpec((name, "slug"), descending)
    columns = {"last_modified": "updated_at", "date": "updated_at",
               "last_modified_at": "updated_at", "created_at": "created_at",
               "type": "product_type__name"}
    if field in columns:
        return queryset, SortSpec((columns[field], "slug"), descending)
    return queryset, SortSpec(("slug", "pk"), descending)


def sort_categories(queryset: QuerySet[Category], sort_by: Any
                    ) -> tuple[QuerySet[Category], SortSpec]:
    """Tree order by default (parents before their children), else Saleor's fields."""
    field = enum_value(sort_by.field) if sort_by else None
    descending = is_descending(sort_by)
    if field == "name":
        return by_name(queryset, descending)
    if field == "product_count":
        products = (Product.objects.filter(category__tree_id=OuterRef("tree_id"),
                                           category__lft__gte=OuterRef("lft"),
                                           category__rght__lte=OuterRef("rght"))
                    .order_by().values("category__tree_id").annotate(n=Count("pk")))
        count = Coalesce(Subquery(products.values("n")[:1]), V(0), output_field=IntegerField())
        return (queryset.annotate(product_count=count),
                SortSpec(("product_count", "name", "slug"), descending))
    if field == "subcategory_count":
        children = (Category.objects.filter(parent=OuterRef("pk")).order_by()
                    .values("parent").annotate(n=Count("pk")))
        count = Coalesce(Subquery(children.values("n")[:1]), V(0), output_field=IntegerField())
        return (queryset.annotate(subcategory_count=count),
                SortSpec(("subcategory_count", "name", "slug"), descending))
    return queryset, SortSpec(("tree_id", "lft", "pk"), descending)
