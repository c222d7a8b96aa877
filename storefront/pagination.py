"""Forgiving pagination: a junk page number shows page 1, one past the end shows the last."""
from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import BooleanField, F, Func, Q, QuerySet

PAGE_SIZE = 24


def page_number(raw: str | None) -> int:
    """A positive page number from the query string, else 1 (never raises)."""
    if not raw or len(raw) > 9 or not raw.isascii() or not raw.isdigit():
        return 1
    return max(int(raw), 1)


class _AnyOfArray(Func):
    """``pk = ANY(ARRAY(SELECT ...))``: PostgreSQL looks the ids up by primary key (an IN
    subquery may instead be joined to every row the outer filters match)."""
    template = "%(expressions)s"
    arg_joiner = " = ANY("
    output_field = BooleanField()

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = super().as_sql(compiler, connection, **extra_context)
        return f"({sql}))", params


def _among(chosen: QuerySet) -> Q | _AnyOfArray:
    if connection.vendor == "postgresql":
        from django.contrib.postgres.expressions import ArraySubquery

        return _AnyOfArray(F("pk"), ArraySubquery(chosen))
    return Q(pk__in=chosen)


class IdsFirstPaginator(Paginator):
    """Chooses a page's rows by their ids, then reads only those rows whole.

    ``WHERE pk = ANY(ARRAY(SELECT pk ... ORDER BY ... LIMIT n OFFSET m))``: the filtering and
    sorting of every matching row read narrow columns (from indexes where they cover them),
    and the wide columns of the page's rows only; still one statement. The outer query keeps
    the filters and the order, so the page holds exactly the rows a plain slice would.
    Grouped, distinct or combined querysets are sliced as usual.
    """

    def page(self, number: int | str) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        rows = self.object_list
        if (isinstance(rows, QuerySet) and rows.query.can_filter()
                and rows.query.group_by is None and not rows.query.distinct):
            chosen = rows.prefetch_related(None).values("pk")[bottom:top]
            return self._get_page(rows.filter(_among(chosen)), number, self)
        return super().page(number)


def paginate(queryset: QuerySet, raw_page: str | None, per_page: int = PAGE_SIZE,
             count: int | None = None) -> Page:
    """One page of ``queryset``: a COUNT query (none if the caller knows the ``count``), then
    the page's rows (and their prefetches)."""
    paginator = IdsFirstPaginator(queryset, per_page, allow_empty_first_page=True)
    if count is not None:
        paginator.count = count  # a cached property: set, it is never queried
    return paginator.page(min(page_number(raw_page), paginator.num_pages))
