"""File uploads in GraphQL, per the GraphQL multipart request spec (as Saleor accepts them).

A client posts ``multipart/form-data`` with an ``operations`` part (the usual JSON body, file
variables set to ``null``), a ``map`` part (``{"<part name>": ["variables.image", ...]}``) and
one part per file. :func:`operations_from_multipart` puts each uploaded file where the map says;
the ``Upload`` scalar passes it to the mutation untouched. A malformed request is refused with
a message (the view answers 400), never a 500: bad JSON, a map that is not an object of lists
of paths, a path outside ``variables`` or into a value that is not ``null``, a missing file.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import graphene
from django.core.files.uploadedfile import UploadedFile

MAX_PATH_DEPTH = 16


class UploadError(ValueError):
    """A multipart request that does not follow the spec; the message is for the client."""


class Upload(graphene.Scalar):
    """Variables of this type must be set to null in mutations. They will be replaced with a
    filename from a following multipart part containing a binary file. See:
    https://github.com/jaydenseric/graphql-multipart-request-spec."""

    @staticmethod
    def serialize(value: Any) -> Any:
        return getattr(value, "name", value)

    @staticmethod
    def parse_literal(node: Any, _variables: Any = None) -> Any:
        # A file can only arrive as a variable; a literal in the query text is never a file.
        return getattr(node, "value", None)

    @staticmethod
    def parse_value(value: Any) -> Any:
        return value


def uploaded_file_or_none(value: Any) -> UploadedFile | None:
    """The uploaded file an ``Upload`` argument carries, or None (a string, a number...)."""
    return value if isinstance(value, UploadedFile) else None


def _load_json(raw: Any, part: str) -> Any:
    if not isinstance(raw, str) or not raw or "\x00" in raw:
        raise UploadError(f"The '{part}' part of a multipart request must be JSON.")
    try:
        return json.loads(raw)
    except ValueError:
        raise UploadError(f"The '{part}' part of a multipart request must be JSON.") from None


def _place(operations: dict[str, Any], path: str, upload: UploadedFile) -> None:
    """Set ``upload`` at a dotted ``path`` such as ``variables.input.image`` or
    ``variables.files.0``; the value there must exist and be ``null``."""
    keys = path.split(".") if isinstance(path, str) else []
    if len(keys) < 2 or len(keys) > MAX_PATH_DEPTH or keys[0] != "variables":
        raise UploadError(f"Invalid file map path: {path!r}.")
    node: Any = operations
    for index, key in enumerate(keys):
        last = index == len(keys) - 1
        if isinstance(node, dict):
            if key not in node:
                raise UploadError(f"Invalid file map path: {path!r}.")
            if last:
                if node[key] is not None:
                    raise UploadError(f"The value at {path!r} must be null.")
                node[key] = upload
            else:
                node = node[key]
        elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
            if last:
                if node[int(key)] is not None:
                    raise UploadError(f"The value at {path!r} must be null.")
                node[int(key)] = upload
            else:
                node = node[int(key)]
        else:
            raise UploadError(f"Invalid file map path: {path!r}.")


def operations_from_multipart(post: Mapping[str, Any],
                              files: Mapping[str, UploadedFile]) -> dict[str, Any]:
    """The GraphQL request of a multipart POST, with its files in the variables."""
    operations = _load_json(post.get("operations"), "operations")
    if not isinstance(operations, dict):
        raise UploadError("Batched operations are not supported; send one operation.")
    if operations.get("variables") is None:
        operations["variables"] = {}
    raw_map = post.get("map")
    files_map = _load_json(raw_map, "map") if raw_map is not None else {}
    if not isinstance(files_map, dict):
        raise UploadError("The 'map' part must be a JSON object.")
    for part_name, paths in files_map.items():
        if not isinstance(paths, list) or not paths:
            raise UploadError(f"The map entry {part_name!r} must be a list of paths.")
        upload = files.get(part_name)
        if upload is None:
            raise UploadError(f"File missing in the request: {part_name!r}.")
        for path in paths:
            _place(operations, path, upload)
    return operations
