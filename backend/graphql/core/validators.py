"""Argument checks with Saleor's messages."""
from __future__ import annotations

from typing import Any

from graphql import GraphQLError


def validate_one_of_args_is_in_query(*args: Any) -> None:
    """Exactly one of the (name, value) pairs must be truthy: ``product(id | slug)``."""
    pairs = [args[i:i + 2] for i in range(0, len(args), 2)]
    given = [pair for pair in pairs if bool(pair[1])]
    if len(given) > 1:
        rest = ", ".join(f"'{name}'" for name, _ in given[1:])
        raise GraphQLError(f"Argument '{given[0][0]}' cannot be combined with {rest}")
    if not given:
        required = ", ".join(f"'{name}'" for name, _ in pairs)
        raise GraphQLError(f"At least one of arguments is required: {required}.")


def is_clean_text(value: object) -> bool:
    """Text that can reach PostgreSQL: a NUL character would make the query fail."""
    return isinstance(value, str) and "\x00" not in value
