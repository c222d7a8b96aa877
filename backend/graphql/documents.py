"""Parsed and validated queries, kept per process.

A storefront sends the same few query texts over and over; parsing one (~0.5 ms) and checking
it against the schema (~3 ms for a listing) was a fifth of a listing answered from stored
products. A document is kept by its text; its validation errors by its text, the variables
(the cost limit prices ``first: $n`` with them) and the cost limit. Documents are only read
once parsed, so every request may share them.
"""
from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable, Sequence
from functools import lru_cache
from threading import Lock
from typing import Any

from graphql import DocumentNode, GraphQLError, GraphQLSchema, parse, validate

from .cost import max_complexity

MAX_KEPT = 512
# Longer texts (rare, and a way to fill memory) are parsed and checked each time.
MAX_KEPT_QUERY = 20_000
# Variables longer than this (uploads, big inputs) are checked each time, not kept.
MAX_VARIABLES_KEY = 2048


@lru_cache(maxsize=MAX_KEPT)
def _parsed_kept(query: str) -> DocumentNode:
    return parse(query)


def parsed(query: str) -> DocumentNode:
    """The document of a query text (a syntax error is raised each time, not kept)."""
    return _parsed_kept(query) if len(query) <= MAX_KEPT_QUERY else parse(query)


class _Validations:
    def __init__(self) -> None:
        self._kept: OrderedDict[tuple[str, str, int], list[GraphQLError]] = OrderedDict()
        self._lock = Lock()

    def errors(self, schema: GraphQLSchema, document: DocumentNode, query: str,
               variables: dict[str, Any] | None,
               rules: Callable[[], Sequence[Any]], max_errors: int | None = None,
               ) -> list[GraphQLError]:
        key = self._key(query, variables)
        if key is not None:
            with self._lock:
                found = self._kept.get(key)
                if found is not None:
                    self._kept.move_to_end(key)
                    return found
        found = validate(schema, document, rules(), max_errors)
        if key is not None:
            with self._lock:
                self._kept[key] = found
                while len(self._kept) > MAX_KEPT:
                    self._kept.popitem(last=False)
        return found

    @staticmethod
    def _key(query: str, variables: dict[str, Any] | None) -> tuple[str, str, int] | None:
        """What the answer depends on, or None when it is not kept (long texts, big or
        unserialisable variables)."""
        if len(query) > MAX_KEPT_QUERY:
            return None
        try:
            values = json.dumps(variables or {}, sort_keys=True)
        except (TypeError, ValueError):
            return None
        return (query, values, max_complexity()) if len(values) <= MAX_VARIABLES_KEY else None

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()


validations = _Validations()
