"""The products of a listing answered from their stored result when they did not change.

``products(...)`` (at the root, in a category, a collection or a cooperative) asked without a
token looks each product of the page up under its selection, the channel, the language and
the host (``backend.graphql.core.fragments``). A stored result counts only if it carries the
product's current version and the catalog's shared token (``catalog.cache``): a change to one
product recomputes that product alone, a change to a category, cooperative or promotion
recomputes all. Results expire with the pages (``PAGE_TIMEOUT``), which bounds how late a
scheduled publication or a promotion's start shows, as for pages.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import get_language

from backend.accounts.graphql.auth import token_from_request
from backend.graphql.core.fragments import (
    Fragment,
    node_selection_fingerprint,
    registry,
    stored_payload,
)
from backend.graphql.core.types import request_language
from catalog.cache import (
    SHARED_KEY,
    catalog_shared_version,
    product_version_key,
    product_versions,
)

# Fields whose answer holds other products (a category's, a collection's, a cooperative's):
# the product's version does not follow them, so a selection asking one is not stored.
REFUSED_FIELDS = frozenset({"products"})

Lookup = Callable[[list[int]], dict[int, Fragment]]


def product_fragments(info: Any, channel: Any) -> Lookup | None:
    """How to find the page's stored products, or None when this request's are not stored
    (a caller with a token, a mutation, a selection that cannot be cached)."""
    request = getattr(info, "context", None)
    if (not isinstance(request, HttpRequest) or registry(request) is None
            or token_from_request(request) is not None):
        return None
    fingerprint = node_selection_fingerprint(info, ("edges", "node"), refuse=REFUSED_FIELDS)
    if fingerprint is None:
        return None
    identity = "\x1f".join((fingerprint, channel.slug, request_language(info),
                            get_language() or "", request.scheme, request.get_host()))
    digest = hashlib.sha256(identity.encode()).hexdigest()[:32]

    def lookup(product_ids: list[int]) -> dict[int, Fragment]:
        keys = {pk: f"graphql:product:{pk}:{digest}" for pk in product_ids}
        found = cache.get_many([SHARED_KEY, *keys.values(),
                                *(product_version_key(pk) for pk in product_ids)])
        shared = catalog_shared_version(found.get(SHARED_KEY))
        versions = product_versions(product_ids, found)
        fragments = {}
        for pk, key in keys.items():
            stamp = (shared, versions[pk])
            fragments[pk] = Fragment(key=key, stamp=stamp,
                                     payload=stored_payload(found.get(key), stamp))
        return fragments

    return lookup
