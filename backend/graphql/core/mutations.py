"""What every mutation shares: input errors as ``DomainError`` and their Saleor error types.

A mutation cleans its input (a bad ID becomes a ``DomainError`` with Saleor's ``graphql_error``
code), calls one service, and maps any ``DomainError`` to its payload's ``errors`` list: codes
by name into the payload's error enum, variant and line primary keys into Relay IDs.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any, TypeVar

from graphql import GraphQLError

from backend.core.errors import DomainError, ErrorItem

from .ids import to_global_id

E = TypeVar("E")


def input_error(code: Enum, message: str, field: str | None, **extra: Any) -> DomainError:
    """A refused input, reported like a service's refusal."""
    return DomainError.single(code, message, field, **extra)


def graphql_error_as(code_enum: type[Enum], field: str, call: Callable[[], E]) -> E:
    """Run an ID decoder; its ``GraphQLError`` becomes a ``graphql_error`` on ``field``."""
    try:
        return call()
    except GraphQLError as error:
        raise input_error(code_enum["GRAPHQL_ERROR"], error.message, field) from None


def _code(item: ErrorItem, code_enum: type[Enum]) -> Enum:
    """The same code in the payload's enum (codes of another domain map by name)."""
    name = getattr(item.code, "name", str(item.code).upper())
    members = code_enum.__members__
    return members.get(name) or members.get("INVALID") or members["GRAPHQL_ERROR"]


def _ids(values: tuple, type_name: str, known: Mapping[str, str]) -> list[str] | None:
    """Relay IDs of primary keys; values the client sent are given back as sent."""
    if not values:
        return None
    return [known.get(str(value)) or to_global_id(type_name, value) for value in values]


def errors_of(error: DomainError, error_type: type[E], code_enum: type[Enum], *,
              lines_sent: Mapping[str, str] | None = None,
              variants_sent: Mapping[str, str] | None = None) -> list[E]:
    """Instances of a Saleor error type (``CheckoutError``...) for each item of ``error``.

    ``variants`` and ``lines`` are only filled on error types that have them.
    ``*_sent`` map a primary key back to the ID the client sent.
    """
    fields = error_type._meta.fields  # type: ignore[attr-defined]
    result = []
    for item in error.errors:
        values: dict[str, Any] = {"field": item.field, "message": item.message,
                                  "code": _code(item, code_enum)}
        if "variants" in fields:
            values["variants"] = _ids(item.variants, "ProductVariant", variants_sent or {})
        if "lines" in fields:
            values["lines"] = _ids(item.lines, "CheckoutLine", lines_sent or {})
        result.append(error_type(**values))
    return result
