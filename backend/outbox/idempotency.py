"""Doing an effect once even when its task is delivered twice (``acks_late`` redelivers a task
whose worker died, possibly after the effect was committed)."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, transaction

from .models import TaskEffect


@contextmanager
def effect_once(key: str) -> Iterator[bool]:
    """Open a transaction and yield True if the effect named ``key`` was never done.

    The key is inserted in the same transaction as the effect: both commit or neither does.
    A concurrent holder of the same key makes this wait for its outcome (unique index).
    """
    table = connection.ops.quote_name(TaskEffect._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} (key, created_at) VALUES (%s, CURRENT_TIMESTAMP) "
                       "ON CONFLICT (key) DO NOTHING RETURNING id", [key[:255]])
        fresh = cursor.fetchone() is not None
        yield fresh
