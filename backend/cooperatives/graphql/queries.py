"""``cooperatives`` and ``cooperative``: approved cooperatives only (pending and suspended ones
are not public), filtered and sorted in Saleor's style."""
from __future__ import annotations

from typing import Any

import graphene
from django.db.models import Exists, OuterRef, Q, QuerySet

from backend.cooperatives.models import Cooperative as CooperativeModel
from backend.cooperatives.models import CooperativeTranslation as TranslationModel
from backend.graphql.core.connection import SortSpec, connection_args, paginate_queryset
from backend.graphql.core.enums import OrderDirection
from backend.graphql.core.filters import NOTHING
from backend.graphql.core.ids import decode_global_id, from_global_id_or_error
from backend.graphql.core.validators import is_clean_text, validate_one_of_args_is_in_query

from .types import Cooperative, CooperativeCountableConnection


class CooperativeFilterInput(graphene.InputObjectType):
    region = graphene.ID(description="A region: its ID, ISO code (MA-09) or slug.")
    women_led = graphene.Boolean()
    youth_led = graphene.Boolean()
    search = graphene.String(description="Part of the name (any language) or of the city.")


class CooperativeSortField(graphene.Enum):
    NAME = "name"
    FOUNDED_YEAR = "founded_year"
    MEMBER_COUNT = "member_count"
    CREATED_AT = "created_at"


class CooperativeSortingInput(graphene.InputObjectType):
    direction = OrderDirection(required=True)
    field = CooperativeSortField(required=True)


def approved_cooperatives() -> QuerySet[CooperativeModel]:
    return CooperativeModel.objects.approved()


def with_details(queryset: QuerySet[CooperativeModel]) -> QuerySet[CooperativeModel]:
    return queryset.select_related("region", "city").prefetch_related("translations")


def region_q(value: str) -> Q:
    try:
        type_name, pk = decode_global_id(value)
    except ValueError:
        if not is_clean_text(value):
            return NOTHING
        return Q(region__code__iexact=value) | Q(region__slug=value)
    return Q(region_id=pk) if type_name == "Region" else NOTHING


def search_q(text: str) -> Q:
    if not is_clean_text(text):
        return NOTHING
    translated = TranslationModel.objects.filter(cooperative=OuterRef("pk"), name__icontains=text)
    return (Q(name__icontains=text) | Q(slug__icontains=text) | Q(Exists(translated))
            | Q(city__name__icontains=text) | Q(city__name_ar__icontains=text)
            | Q(city__name_en__icontains=text))


def cooperative_filter_q(data: dict | None) -> Q:
    data = data or {}
    q = Q()
    if data.get("region"):
        q &= region_q(data["region"])
    for flag in ("women_led", "youth_led"):
        if data.get(flag) is not None:
            q &= Q(**{flag: data[flag]})
    if data.get("search"):
        q &= search_q(data["search"])
    return q


def cooperative_sort(sort_by: Any) -> SortSpec:
    if not sort_by:
        return SortSpec(("name", "slug"))
    field = getattr(sort_by.field, "value", sort_by.field)
    descending = getattr(sort_by.direction, "value", sort_by.direction) == "desc"
    columns = {"name": ("name", "slug"), "founded_year": ("founded_year", "name", "slug"),
               "member_count": ("member_count", "name", "slug"),
               "created_at": ("created_at", "slug")}
    return SortSpec(columns[field], descending)


class CooperativeQueries(graphene.ObjectType):
    cooperatives = graphene.Field(
        CooperativeCountableConnection, filter=CooperativeFilterInput(),
        sort_by=CooperativeSortingInput(), **connection_args(),
        description="CoopStore: the approved cooperatives.")
    cooperative = graphene.Field(Cooperative, id=graphene.ID(), slug=graphene.String(),
                                 description="CoopStore: an approved cooperative by ID or slug.")

    @staticmethod
    def resolve_cooperatives(_root: Any, info: Any, **args: Any) -> Any:
        queryset = approved_cooperatives().filter(cooperative_filter_q(args.get("filter")))
        return paginate_queryset(queryset, info, args, connection=CooperativeCountableConnection,
                                 sort=cooperative_sort(args.get("sort_by")), prepare=with_details)

    @staticmethod
    def resolve_cooperative(_root: Any, _info: Any, *, id: str | None = None,
                            slug: str | None = None) -> Any:
        validate_one_of_args_is_in_query("id", id, "slug", slug)
        if id:
            _, pk = from_global_id_or_error(id, "Cooperative")
            return with_details(approved_cooperatives().filter(pk=pk)).first() if pk else None
        if not is_clean_text(slug):
            return None
        return with_details(approved_cooperatives().filter(slug=slug)).first()
