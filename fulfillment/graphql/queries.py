"""Root fields for regions: the 12 regions with their cities, or one region."""
from __future__ import annotations

from typing import Any

import graphene
from django.db.models import QuerySet

from backend.graphql.core.ids import from_global_id_or_error
from backend.graphql.core.types import NonNullList
from backend.graphql.core.validators import is_clean_text, validate_one_of_args_is_in_query
from fulfillment.models import Region as RegionModel

from .types import Region


def regions_with_cities() -> QuerySet[RegionModel]:
    return RegionModel.objects.order_by("code").prefetch_related("cities")


class RegionQueries(graphene.ObjectType):
    regions = NonNullList(Region, required=True, description="Morocco's regions, by code.")
    region = graphene.Field(Region, id=graphene.ID(), code=graphene.String(),
                            slug=graphene.String(), description="Look up a region.")

    @staticmethod
    def resolve_regions(_root: Any, _info: Any) -> list[RegionModel]:
        return list(regions_with_cities())

    @staticmethod
    def resolve_region(_root: Any, _info: Any, *, id: str | None = None,
                       code: str | None = None, slug: str | None = None) -> Any:
        validate_one_of_args_is_in_query("id", id, "code", code, "slug", slug)
        if id:
            _, pk = from_global_id_or_error(id, "Region")
            return regions_with_cities().filter(pk=pk).first() if pk else None
        value = code or slug
        if not is_clean_text(value):
            return None
        lookup = {"code__iexact": value} if code else {"slug": value}
        return regions_with_cities().filter(**lookup).first()
