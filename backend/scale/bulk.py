"""Fast writes for generated rows: PostgreSQL ``COPY`` with every column given, and id blocks.

Rows are dicts of attribute names (``cooperative_id``); a column left out takes the field's
default. A callable default other than "now" is refused: every value must come from the seed,
so that the same seed writes the same rows.
"""
from __future__ import annotations

import itertools
import json
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal

from django.db import connection, models
from django.utils import timezone

_MISSING = object()


class Table:
    """The columns of a model for ``COPY``, with the default of each one."""

    def __init__(self, model: type[models.Model], now: datetime) -> None:
        self.model = model
        self.name = model._meta.db_table
        self.fields = [f for f in model._meta.concrete_fields]
        self.columns = [f.column for f in self.fields]
        self.attnames = [f.attname for f in self.fields]
        self.defaults = [self._default(f, now) for f in self.fields]
        self.json = [isinstance(f, models.JSONField) for f in self.fields]
        self.json_columns = [i for i, is_json in enumerate(self.json) if is_json]

    @staticmethod
    def _default(field: models.Field, now: datetime):
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            return now
        if field.has_default():
            default = field.default
            if callable(default):
                if default is timezone.now:
                    return now
                if default in (dict, list):
                    return default()
                return _MISSING
            return default
        if field.null:
            return None
        text = models.CharField | models.TextField | models.FileField
        if isinstance(field, text) and field.blank:
            return ""
        return _MISSING

    def without_pk(self) -> Table:
        """The same table with the primary key left to its sequence (rows without an id)."""
        pk = self.model._meta.pk.attname
        clone = object.__new__(Table)
        clone.__dict__.update(self.__dict__)
        keep = [i for i, name in enumerate(self.attnames) if name != pk]
        for attr in ("fields", "columns", "attnames", "defaults", "json"):
            setattr(clone, attr, [getattr(self, attr)[i] for i in keep])
        clone.json_columns = [i for i, is_json in enumerate(clone.json) if is_json]
        return clone

    def values(self, row: dict) -> list:
        get = row.get
        out = [get(name, default) for name, default in zip(self.attnames, self.defaults,
                                                            strict=True)]
        for index in self.json_columns:
            if out[index] is not None:
                out[index] = json.dumps(out[index], ensure_ascii=False, default=_json_default)
        if any(value is _MISSING for value in out):
            missing = [n for n, v in zip(self.attnames, out, strict=True) if v is _MISSING]
            raise KeyError(f"{self.name}: {', '.join(missing)} need a value")
        return out


def _json_default(value):
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(value)


def copy_rows(table: Table, rows: Iterable[dict], raw_connection=None) -> int:
    """``COPY`` the rows into the table; returns how many. Rows either all give their id or
    none does (then the sequence numbers them)."""
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return 0
    if table.model._meta.pk.attname not in first:
        table = table.without_pk()
    rows = itertools.chain([first], rows)
    count = 0
    columns = ", ".join(f'"{c}"' for c in table.columns)
    if raw_connection is None:
        connection.ensure_connection()
        raw_connection = connection.connection
    sql = f'COPY "{table.name}" ({columns}) FROM STDIN'
    with raw_connection.cursor() as cursor, cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(table.values(row))
            count += 1
    return count


def reserve_ids(model: type[models.Model], count: int) -> int:
    """Take ``count`` consecutive ids from the table's sequence; returns the first one."""
    table = model._meta.db_table
    column = model._meta.pk.column
    return reserve_sequence(f"pg_get_serial_sequence('\"{table}\"', '{column}')", count)


def reserve_sequence(sequence_sql: str, count: int) -> int:
    """Reserve ``count`` values of a sequence (given as SQL: a name literal or an expression)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT nextval({sequence_sql})")
        first = int(cursor.fetchone()[0])
        if count > 1:
            cursor.execute(f"SELECT setval({sequence_sql}, %s)", [first + count - 1])
    return first
