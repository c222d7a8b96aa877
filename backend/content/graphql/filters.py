"""Saleor's filter, where and sort inputs for pages, page types and menus, as ``Q`` objects."""
from __future__ import annotations

from typing import Any

import graphene
from django.db.models import Count, Q, QuerySet
from graphql import GraphQLError

from backend.graphql.core.connection import SortSpec
from backend.graphql.core.enums import OrderDirection
from backend.graphql.core.filters import (
    NOTHING,
    GlobalIDFilterInput,
    MetadataFilter,
    StringFilterInput,
    global_id_q,
    ids_q,
    metadata_q,
    value_q,
    where_q,
)
from backend.graphql.core.types import NonNullList
from backend.graphql.core.validators import is_clean_text
from catalog.graphql.translations import enum_value

MAX_SEARCH = 200


def _search_q(search: Any, *fields: str) -> Q:
    if not search:
        return Q()
    if not is_clean_text(search) or len(search) > MAX_SEARCH:
        return NOTHING
    q = Q()
    for field in fields:
        q |= Q(**{f"{field}__icontains": search.strip()})
    return q


def _texts_q(field: str, values: list | None) -> Q:
    if values is None:
        return Q()
    clean = [v for v in values if is_clean_text(v)]
    return Q(**{f"{field}__in": clean})


class PageFilterInput(graphene.InputObjectType):
    search = graphene.String()
    metadata = NonNullList(MetadataFilter)
    page_types = NonNullList(graphene.ID)
    ids = NonNullList(graphene.ID)
    slugs = NonNullList(graphene.String)


class PageWhereInput(graphene.InputObjectType):
    ids = NonNullList(graphene.ID)
    slug = graphene.InputField(StringFilterInput, description="Filter by page slug.")
    page_type = graphene.InputField(GlobalIDFilterInput, description="Filter by page type.")
    AND = NonNullList(lambda: PageWhereInput, name="AND")
    OR = NonNullList(lambda: PageWhereInput, name="OR")


def _clean_string_filter(value: dict | None) -> dict | None:
    if not value:
        return value
    if value.get("eq") is not None and not is_clean_text(value["eq"]):
        return {"one_of": []}
    if value.get("one_of") is not None:
        return {"one_of": [v for v in value["one_of"] if is_clean_text(v)]}
    return value


def page_filter_q(data: dict | None) -> Q:
    data = data or {}
    return (_search_q(data.get("search"), "title", "slug") & metadata_q(data.get("metadata"))
            & ids_q(data.get("page_types"), "PageType", "page_type_id")
            & ids_q(data.get("ids"), "Page") & _texts_q("slug", data.get("slugs")))


def _page_where_leaf(data: dict) -> Q:
    return (ids_q(data.get("ids"), "Page")
            & value_q("slug", _clean_string_filter(data.get("slug")))
            & global_id_q("page_type_id", data.get("page_type"), "PageType"))


def page_where_q(data: dict | None) -> Q:
    return where_q(data, _page_where_leaf)


class PageSortField(graphene.Enum):
    TITLE = "title"
    SLUG = "slug"
    VISIBILITY = "visibility"
    CREATION_DATE = "creation_date"
    PUBLICATION_DATE = "publication_date"
    PUBLISHED_AT = "published_at"
    CREATED_AT = "created_at"

    @property
    def deprecation_reason(self) -> str | None:
        return {"CREATION_DATE": "Use `CREATED_AT` instead.",
                "PUBLICATION_DATE": "Use `PUBLISHED_AT` instead."}.get(self.name)


PAGE_SORT_FIELDS = {
    "title": ("title", "slug"), "slug": ("slug",), "visibility": ("is_published", "slug"),
    "creation_date": ("created_at", "pk"), "created_at": ("created_at", "pk"),
    "publication_date": ("published_at", "pk"), "published_at": ("published_at", "pk"),
}


class PageSortingInput(graphene.InputObjectType):
    direction = OrderDirection(required=True, description="Specifies the direction in which "
                               "to sort pages.")
    field = PageSortField(required=True, description="Sort pages by the selected field.")


def sort_spec(sort_by: dict | None, fields: dict[str, tuple[str, ...]], default: str
              ) -> SortSpec:
    if not sort_by:
        return SortSpec(fields=fields[default])
    field = enum_value(sort_by.get("field"))
    if field not in fields:
        raise GraphQLError(f"Unknown sort field: {field}.")
    return SortSpec(fields=fields[field],
                    descending=enum_value(sort_by.get("direction")) == "desc")


class PageTypeFilterInput(graphene.InputObjectType):
    search = graphene.String()
    slugs = NonNullList(graphene.String)


class PageTypeSortField(graphene.Enum):
    NAME = "name"
    SLUG = "slug"


PAGE_TYPE_SORT_FIELDS = {"name": ("name", "slug"), "slug": ("slug",)}


class PageTypeSortingInput(graphene.InputObjectType):
    direction = OrderDirection(required=True, description="Specifies the direction in which "
                               "to sort page types.")
    field = PageTypeSortField(required=True, description="Sort page types by the selected "
                              "field.")


def page_type_filter_q(data: dict | None) -> Q:
    data = data or {}
    return _search_q(data.get("search"), "name", "slug") & _texts_q("slug", data.get("slugs"))


class MenuFilterInput(graphene.InputObjectType):
    search = graphene.String()
    slug = NonNullList(graphene.String)
    metadata = NonNullList(MetadataFilter)
    slugs = NonNullList(graphene.String)


class MenuSortField(graphene.Enum):
    NAME = "name"
    ITEMS_COUNT = "items_count"


MENU_SORT_FIELDS = {"name": ("name", "pk"), "items_count": ("items_count", "pk")}


class MenuSortingInput(graphene.InputObjectType):
    direction = OrderDirection(required=True, description="Specifies the direction in which "
                               "to sort menus.")
    field = MenuSortField(required=True, description="Sort menus by the selected field.")


def menu_filter_q(data: dict | None) -> Q:
    data = data or {}
    return (_search_q(data.get("search"), "name", "slug") & metadata_q(data.get("metadata"))
            & _texts_q("slug", data.get("slug")) & _texts_q("slug", data.get("slugs")))


def with_items_count(queryset: QuerySet, spec: SortSpec) -> QuerySet:
    if "items_count" in spec.fields:
        return queryset.annotate(items_count=Count("items"))
    return queryset
