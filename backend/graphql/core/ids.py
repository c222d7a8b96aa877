"""Relay global IDs exactly as Saleor writes them: standard base64 of ``"<Type>:<pk>"``.

Parsing is strict and never lets a malformed value reach the database: empty strings, bad
base64, NUL characters, a missing type or a non-integer / out-of-range primary key all become
the clean GraphQL error Saleor gives (``Invalid ID: ... Expected: Product.``), never a 500.
"""
from __future__ import annotations

import base64
import binascii
import uuid
from collections.abc import Iterable

from graphql import GraphQLError

# PostgreSQL bigint: a larger pk would fail in the database instead of matching nothing.
MAX_PK = 2**63 - 1
ERROR_COULD_NOT_RESOLVE_GLOBAL_IDS = "Could not resolve to a node with the global id list of '%s'."


def to_global_id(type_name: str, pk: int | str) -> str:
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode("ascii")


def decode_global_id(global_id: object) -> tuple[str, int]:
    """``(type name, pk)`` of a well-formed ID; ``ValueError`` for anything else."""
    if not isinstance(global_id, str) or not global_id or "\x00" in global_id:
        raise ValueError("empty or not a string")
    try:
        raw = base64.b64decode(global_id.encode("ascii"), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeError) as error:
        raise ValueError("not base64 of UTF-8 text") from error
    type_name, separator, pk = raw.partition(":")
    if not separator or not type_name.isidentifier() or not (pk.isascii() and pk.isdigit()):
        raise ValueError("not Type:pk")
    value = int(pk)
    if value > MAX_PK:
        raise ValueError("pk out of range")
    return type_name, value


def _printable(global_id: object) -> str:
    return str(global_id).replace("\x00", "\\x00")


def from_global_id_or_error(global_id: object, only_type: str | None = None, *,
                            raise_error: bool = False) -> tuple[str, int | None]:
    """Saleor's rule: a malformed ID is an error; a valid ID of another type gives ``None``
    (or an error when ``raise_error``), so ``product(id: <a Category ID>)`` is simply null."""
    try:
        type_name, pk = decode_global_id(global_id)
    except ValueError:
        expected = f" Expected: {only_type}." if only_type else ""
        raise GraphQLError(f"Invalid ID: {_printable(global_id)}.{expected}") from None
    if only_type and type_name != only_type:
        if raise_error:
            raise GraphQLError(f"Invalid ID: {_printable(global_id)}. Expected: {only_type}, "
                               f"received: {type_name}.")
        return type_name, None
    return type_name, pk


def global_ids_to_pks(global_ids: Iterable[object], only_type: str) -> list[int]:
    """Primary keys of a list of IDs (filters): malformed IDs are an error, others skipped."""
    pks: list[int] = []
    invalid: list[str] = []
    for global_id in global_ids:
        try:
            type_name, pk = decode_global_id(global_id)
        except ValueError:
            invalid.append(_printable(global_id))
            continue
        if type_name == only_type:
            pks.append(pk)
    if invalid:
        raise GraphQLError(ERROR_COULD_NOT_RESOLVE_GLOBAL_IDS % invalid)
    return pks


MAX_KEY_LENGTH = 512


def decode_global_key(global_id: object) -> tuple[str, str]:
    """``(type name, key)`` of an ID whose key is text (a UUID, an option key); ``ValueError``
    for anything malformed. Keys are printable ASCII, never empty, at most 512 characters."""
    if (not isinstance(global_id, str) or not global_id or "\x00" in global_id
            or len(global_id) > 2 * MAX_KEY_LENGTH):
        raise ValueError("empty or not a string")
    try:
        raw = base64.b64decode(global_id.encode("ascii"), validate=True).decode("ascii")
    except (binascii.Error, UnicodeError) as error:
        raise ValueError("not base64 of ASCII text") from error
    type_name, separator, key = raw.partition(":")
    if (not separator or not type_name.isidentifier() or not key
            or len(key) > MAX_KEY_LENGTH or not key.isprintable()):
        raise ValueError("not Type:key")
    return type_name, key


def from_global_key_or_error(global_id: object, only_type: str) -> str:
    """The text key of an ID of ``only_type``; Saleor's ``Invalid ID`` error otherwise."""
    try:
        type_name, key = decode_global_key(global_id)
    except ValueError:
        raise GraphQLError(f"Invalid ID: {_printable(global_id)}. Expected: {only_type}.") from None
    if type_name != only_type:
        raise GraphQLError(f"Invalid ID: {_printable(global_id)}. Expected: {only_type}, "
                           f"received: {type_name}.")
    return key


def from_global_uuid_or_error(global_id: object, only_type: str) -> uuid.UUID:
    """The UUID primary key of an ID (``Checkout``, ``Order``, lines), as Saleor encodes them."""
    key = from_global_key_or_error(global_id, only_type)
    try:
        return uuid.UUID(key)
    except ValueError:
        raise GraphQLError(f"Invalid ID: {_printable(global_id)}. Expected: {only_type}.") from None
