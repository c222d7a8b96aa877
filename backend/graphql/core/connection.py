"""Saleor-style Relay connections: ``totalCount``, keyset cursors and Saleor's limits.

Querysets are paginated by keyset (the cursor is base64 of the JSON list of the row's sort
values, as Saleor writes it), so page 500 costs what page 1 costs and rows added meanwhile do
not shift pages. Lists already in memory (prefetched variants, children) are sliced with the
offset cursors Saleor uses for them. Errors carry Saleor's exact messages.
"""
from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import graphene
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import F, Q, QuerySet
from graphql import FieldNode, FragmentSpreadNode, GraphQLError, InlineFragmentNode
from graphql_relay import cursor_to_offset, offset_to_cursor

from .fragments import Fragment, StoredNode, registry
from .selections import selected_fields

PAGINATION_LIMIT = 100
INVALID_CURSOR = "Received cursor is invalid."
MAX_INT = 2**63 - 1


class CountableConnection(graphene.relay.Connection):
    """A connection with ``totalCount``; edges and nodes are non-null as in Saleor."""

    total_count = graphene.Int(description="A total count of items in the collection.")

    class Meta:
        abstract = True

    @classmethod
    def __init_subclass_with_meta__(cls, strict_types: bool = True, **options: Any) -> None:
        super().__init_subclass_with_meta__(strict_types=strict_types, **options)

    @staticmethod
    def resolve_total_count(root: CountableConnection, _info: Any) -> int:
        # Counted only when asked for: a listing that shows no total costs no COUNT query.
        total = root.total_count
        return total() if callable(total) else total


def connection_args() -> dict[str, graphene.Argument]:
    return {"before": graphene.String(), "after": graphene.String(),
            "first": graphene.Int(), "last": graphene.Int()}


def connection_field(connection: type[CountableConnection], **arguments: Any) -> graphene.Field:
    """A connection field with Saleor's pagination arguments after the given ones."""
    return graphene.Field(connection, **arguments, **connection_args())


@dataclass(frozen=True)
class SortSpec:
    """The ordering of a connection: fields (the last one unique) and one direction."""

    fields: tuple[str, ...]
    descending: bool = False


@dataclass(frozen=True)
class PageArgs:
    first: int | None
    last: int | None
    after: str | None
    before: str | None


def _edges_requested(selection_set: Any, info: Any) -> bool:
    for selection in selection_set.selections if selection_set else ():
        if isinstance(selection, FieldNode) and selection.name.value == "edges":
            return True
        if isinstance(selection, InlineFragmentNode) and _edges_requested(
                selection.selection_set, info):
            return True
        if isinstance(selection, FragmentSpreadNode):
            fragment = info.fragments.get(selection.name.value)
            if fragment and _edges_requested(fragment.selection_set, info):
                return True
    return False


def pagination_limit() -> int:
    """``GRAPHENE["RELAY_CONNECTION_MAX_LIMIT"]`` in settings, Saleor's 100 by default."""
    return int(getattr(settings, "GRAPHENE", {}).get("RELAY_CONNECTION_MAX_LIMIT",
                                                      PAGINATION_LIMIT))


def page_args(info: Any, args: dict[str, Any], max_limit: int | None = None) -> PageArgs:
    """Check the pagination arguments the way Saleor does, with its messages."""
    max_limit = max_limit or pagination_limit()
    first, last = args.get("first"), args.get("last")
    after, before = args.get("after"), args.get("before")
    if first and first < 0:
        raise GraphQLError("Argument `first` must be a non-negative integer.")
    if last and last < 0:
        raise GraphQLError("Argument `last` must be a non-negative integer.")
    if first and last:
        raise GraphQLError("Argument `last` cannot be combined with `first`.")
    if first and before:
        raise GraphQLError("Argument `first` cannot be combined with `before`.")
    if last and after:
        raise GraphQLError("Argument `last` cannot be combined with `after`.")
    field_name = info.field_name
    if not (first or last) and any(_edges_requested(node.selection_set, info)
                                   for node in info.field_nodes):
        raise GraphQLError(f"You must provide a `first` or `last` value to properly paginate "
                           f"the `{field_name}` connection.")
    for name, value in (("first", first), ("last", last)):
        if value and value > max_limit:
            raise GraphQLError(f"Requesting {value} records on the `{field_name}` connection "
                               f"exceeds the `{name}` limit of {max_limit} records.")
    return PageArgs(first=first or None, last=last or None, after=after, before=before)


def edge_cursors_asked(info: Any) -> bool:
    """Whether the query reads ``edges { cursor }``; if not, only the page's first and last
    cursors are encoded (``pageInfo``'s), not one per edge."""
    edges = selected_fields((node.selection_set for node in info.field_nodes), info.fragments
                            ).get("edges", [])
    return "cursor" in selected_fields((node.selection_set for node in edges), info.fragments)


def _cursors(rows: Sequence[Sequence[Any]], asked: bool) -> list[str | None]:
    """One cursor per row (values of the sort fields), or only the first and the last."""
    last = len(rows) - 1
    return [encode_cursor(values) if asked or index in (0, last) else None
            for index, values in enumerate(rows)]


def encode_cursor(values: Sequence[Any]) -> str:
    payload = json.dumps([None if v is None else str(v) for v in values], separators=(",", ":"),
                         ensure_ascii=False)
    return base64.b64encode(payload.encode("utf-8")).decode("ascii")


def decode_cursor(cursor: str, size: int) -> list[str | None]:
    try:
        values = json.loads(base64.b64decode(cursor.encode("ascii"), validate=True))
    except (UnicodeError, binascii.Error, ValueError):
        raise GraphQLError(INVALID_CURSOR) from None
    if (not isinstance(values, list) or len(values) != size
            or not all(v is None or isinstance(v, str) for v in values)):
        raise GraphQLError(INVALID_CURSOR)
    return values


def _output_field(queryset: QuerySet, path: str) -> models.Field:
    if path in queryset.query.annotations:
        return queryset.query.annotations[path].output_field
    model = queryset.model
    parts = path.split("__")
    for part in parts[:-1]:
        model = model._meta.get_field(part).related_model
    return model._meta.pk if parts[-1] == "pk" else model._meta.get_field(parts[-1])


def _coerce(field: models.Field, value: str | None) -> Any:
    """A cursor value as the column's Python type, or an invalid-cursor error: a forged cursor
    must give a clean error, not a database error."""
    if value is None:
        return None
    if "\x00" in value:
        raise GraphQLError(INVALID_CURSOR)
    try:
        coerced = field.to_python(value)
    except (ValidationError, ValueError, TypeError):
        raise GraphQLError(INVALID_CURSOR) from None
    if isinstance(coerced, int) and not isinstance(coerced, bool) and abs(coerced) > MAX_INT:
        raise GraphQLError(INVALID_CURSOR)
    return coerced


def _value(record: Any, path: str) -> Any:
    for part in path.split("__"):
        record = getattr(record, part, None)
    return record


def _ordering(sort: SortSpec, reverse: bool) -> list:
    """Nulls always sort last in the reading order, whichever the direction."""
    descending = sort.descending != reverse
    nulls = {"nulls_first": True} if reverse else {"nulls_last": True}
    return [F(f).desc(**nulls) if descending else F(f).asc(**nulls) for f in sort.fields]


def _beyond(sort: SortSpec, values: list[Any], forward: bool) -> Q:
    """Rows strictly after (``forward``) or before the cursor row in the reading order."""
    condition = Q(pk__in=[])
    same = Q()
    for field, value in zip(sort.fields, values, strict=True):
        greater = forward != sort.descending
        if value is None:
            step = None if forward else Q(**{f"{field}__isnull": False})
        elif forward:
            step = Q(**{f"{field}__{'gt' if greater else 'lt'}": value}) | Q(
                **{f"{field}__isnull": True})
        else:
            step = Q(**{f"{field}__{'lt' if not greater else 'gt'}": value})
        if step is not None:
            condition |= same & step
        same &= Q(**{f"{field}__isnull": True}) if value is None else Q(**{field: value})
    return condition


def paginate_queryset(queryset: QuerySet, info: Any, args: dict[str, Any], *,
                      connection: type[CountableConnection], sort: SortSpec,
                      prepare: Callable[[QuerySet], QuerySet] | None = None,
                      wrap: Callable[[Any], Any] | None = None,
                      fragments: Callable[[list[Any]], dict[Any, Fragment]] | None = None,
                      ) -> CountableConnection:
    """One page of ``queryset`` by keyset; ``prepare`` adds prefetches to the page only.

    ``fragments`` (pks -> their :class:`Fragment`) makes the page read its keys first and load
    only the rows whose completed node is not stored (``fragments`` module).
    """
    page = page_args(info, args)
    count = queryset.count
    if not page.first and not page.last:
        return connection(edges=[], page_info=graphene.relay.PageInfo(
            has_next_page=False, has_previous_page=False), total_count=count)
    cursor = page.after or page.before
    forward = page.first is not None
    filtered = queryset
    if cursor:
        fields = [_output_field(queryset, f) for f in sort.fields]
        raw = decode_cursor(cursor, len(sort.fields))
        values = [_coerce(f, v) for f, v in zip(fields, raw, strict=True)]
        try:
            filtered = queryset.filter(_beyond(sort, values, forward))
        except (ValidationError, ValueError, TypeError, FieldDoesNotExist):
            raise GraphQLError(INVALID_CURSOR) from None
    size = page.first or page.last
    filtered = filtered.order_by(*_ordering(sort, reverse=not forward))
    if fragments is not None:
        edges, has_more = _edges_with_fragments(filtered, info, connection, sort, size, forward,
                                                fragments, prepare, wrap)
    else:
        if prepare:
            filtered = prepare(filtered)
        records = list(filtered[: size + 1])
        has_more = len(records) > size
        records = records[:size]
        if not forward:
            records.reverse()
        cursors = _cursors([[_value(r, f) for f in sort.fields] for r in records],
                           edge_cursors_asked(info))
        edges = [connection.Edge(node=wrap(r) if wrap else r, cursor=cursor)
                 for r, cursor in zip(records, cursors, strict=True)]
    page_info = graphene.relay.PageInfo(
        has_next_page=has_more if forward else bool(cursor),
        has_previous_page=bool(cursor) if forward else has_more,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return connection(edges=edges, page_info=page_info, total_count=count)


def _edges_with_fragments(ordered: QuerySet, info: Any, connection: type[CountableConnection],
                          sort: SortSpec, size: int, forward: bool,
                          fragments: Callable[[list[Any]], dict[Any, Fragment]],
                          prepare: Callable[[QuerySet], QuerySet] | None,
                          wrap: Callable[[Any], Any] | None) -> tuple[list, bool]:
    """The page's keys and cursor values, then the stored nodes, then one load of the others
    (a row gone in between is left out of the page)."""
    rows = list(ordered.values_list("pk", *sort.fields)[: size + 1])
    has_more = len(rows) > size
    rows = rows[:size]
    if not forward:
        rows.reverse()
    found = fragments([row[0] for row in rows])
    missing = [pk for pk, fragment in found.items() if fragment.payload is None]
    loaded: dict[Any, Any] = {}
    if missing:
        # The page query just found them visible: the others' filters are not run twice.
        rest = ordered.model._default_manager.filter(pk__in=missing)
        loaded = {record.pk: record for record in (prepare(rest) if prepare else rest)}
    known = registry(info.context)
    assert known is not None, "fragments are looked up only for requests that started them"
    kept = []
    for pk, *values in rows:
        fragment = found[pk]
        record = StoredNode(pk) if fragment.payload is not None else loaded.get(pk)
        if record is not None:
            kept.append((record, fragment, values))
    edges = []
    cursors = _cursors([values for _record, _fragment, values in kept], edge_cursors_asked(info))
    for (record, fragment, _values), cursor in zip(kept, cursors, strict=True):
        node = wrap(record) if wrap else record
        known.expect(node, fragment)
        edges.append(connection.Edge(node=node, cursor=cursor))
    return edges, has_more


def _offset(cursor: str | None) -> int | None:
    if cursor is None:
        return None
    offset = cursor_to_offset(cursor)
    if offset is None or offset < 0:
        raise GraphQLError(INVALID_CURSOR)
    return offset


def paginate_list(items: Sequence[Any], info: Any, args: dict[str, Any], *,
                  connection: type[CountableConnection],
                  wrap: Callable[[Any], Any] | None = None) -> CountableConnection:
    """One page of an in-memory list (already prefetched), with offset cursors."""
    page = page_args(info, args)
    total = len(items)
    if not page.first and not page.last:
        return connection(edges=[], page_info=graphene.relay.PageInfo(
            has_next_page=False, has_previous_page=False), total_count=total)
    after, before = _offset(page.after), _offset(page.before)
    lower = after + 1 if after is not None else 0
    upper = min(before, total) if before is not None else total
    start, end = lower, upper
    if page.first:
        end = min(end, start + page.first)
    if page.last:
        start = max(start, end - page.last)
    edges = [connection.Edge(node=wrap(item) if wrap else item, cursor=offset_to_cursor(index))
             for index, item in enumerate(items[start:end], start=start)]
    # graphql-relay's rule, plus Saleor's: a cursor behind us means there is a page there.
    has_next = bool(page.first and end < upper) or bool(page.last and before is not None)
    has_previous = bool(page.last and start > lower) or bool(page.first and after is not None)
    page_info = graphene.relay.PageInfo(
        has_next_page=has_next, has_previous_page=has_previous,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return connection(edges=edges, page_info=page_info, total_count=total)
