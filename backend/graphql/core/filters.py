"""Saleor's shared filter inputs and the ``Q`` objects they stand for.

Every filter is a ``Q`` so that ``where: {AND: [...], OR: [...]}`` composes them freely.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import reduce
from operator import and_, or_
from typing import Any

import graphene
from django.db.models import Q
from django.db.models.fields.json import KeyTextTransform
from django.db.models.lookups import Exact
from graphql import GraphQLError

from .ids import global_ids_to_pks
from .scalars import Decimal
from .types import NonNullList
from .validators import is_clean_text

NOTHING = Q(pk__in=[])


class StringFilterInput(graphene.InputObjectType):
    eq = graphene.String()
    one_of = NonNullList(graphene.String)


class GlobalIDFilterInput(graphene.InputObjectType):
    eq = graphene.ID()
    one_of = NonNullList(graphene.ID)


class DecimalRangeInput(graphene.InputObjectType):
    gte = Decimal(description="Decimal value greater than or equal to.")
    lte = Decimal(description="Decimal value less than or equal to.")


class DecimalFilterInput(graphene.InputObjectType):
    eq = Decimal()
    one_of = NonNullList(Decimal)
    range = graphene.InputField(DecimalRangeInput)


class PriceRangeInput(graphene.InputObjectType):
    gte = graphene.Float(description="Price greater than or equal to.")
    lte = graphene.Float(description="Price less than or equal to.")


class DateTimeRangeInput(graphene.InputObjectType):
    gte = graphene.DateTime(description="Start date.")
    lte = graphene.DateTime(description="End date.")


class DateTimeFilterInput(graphene.InputObjectType):
    eq = graphene.DateTime()
    one_of = NonNullList(graphene.DateTime)
    range = graphene.InputField(DateTimeRangeInput)


class MetadataFilter(graphene.InputObjectType):
    key = graphene.String(required=True, description="Key of a metadata item.")
    value = graphene.String(description="Value of a metadata item.")


def range_q(field: str, value: dict | None) -> Q:
    value = value or {}
    q = Q()
    if value.get("gte") is not None:
        q &= Q(**{f"{field}__gte": value["gte"]})
    if value.get("lte") is not None:
        q &= Q(**{f"{field}__lte": value["lte"]})
    return q


def value_q(field: str, value: dict | None) -> Q:
    """``{eq, oneOf, range}`` on one column (the shape of String/Decimal/DateTime filters)."""
    value = value or {}
    if value.get("eq") is not None:
        return Q(**{field: value["eq"]})
    if value.get("one_of") is not None:
        return Q(**{f"{field}__in": list(value["one_of"])})
    if value.get("range") is not None:
        return range_q(field, value["range"])
    return Q()


def global_id_q(field: str, value: dict | None, type_name: str) -> Q:
    value = value or {}
    if value.get("eq") is not None:
        pks = global_ids_to_pks([value["eq"]], type_name)
        return Q(**{field: pks[0]}) if pks else NOTHING
    if value.get("one_of") is not None:
        return Q(**{f"{field}__in": global_ids_to_pks(value["one_of"], type_name)})
    return Q()


def ids_q(ids: list | None, type_name: str, field: str = "pk") -> Q:
    if ids is None:
        return Q()
    return Q(**{f"{field}__in": global_ids_to_pks(ids, type_name)})


def metadata_q(items: list | None, field: str = "metadata") -> Q:
    """Saleor's metadata filter: the key exists, with that value when one is given. Written
    with a key transform (not ``contains``) so it also runs on SQLite."""
    q = Q()
    for item in items or []:
        key, value = item.get("key"), item.get("value")
        if not is_clean_text(key) or (value and not is_clean_text(value)):
            return NOTHING
        if value:
            q &= Q(Exact(KeyTextTransform(key, field), value))
        else:
            q &= Q(**{f"{field}__has_key": key})
    return q


def where_q(data: dict | None, leaf: Callable[[dict], Q]) -> Q:
    """Combine a ``where`` input: ``AND``/``OR`` lists nest, and cannot sit beside fields."""
    data = {key: value for key, value in (data or {}).items() if value is not None}
    operators = [key for key in ("AND", "OR") if key in data]
    if operators and len(data) > 1:
        raise GraphQLError("Cannot mix operators with other filter inputs.")
    if "AND" in data:
        return reduce(and_, (where_q(part, leaf) for part in data["AND"] or []), Q())
    if "OR" in data:
        return reduce(or_, (where_q(part, leaf) for part in data["OR"] or []), NOTHING)
    return leaf(data)


def check_filter_or_where(filter_input: Any, where_input: Any) -> None:
    if filter_input and where_input:
        raise GraphQLError("Only one filtering argument (filter or where) can be specified.")
