"""Cache of anonymous catalog reads on the GraphQL endpoint.

A storefront's product listings are the same for every visitor who sends no token, so the
JSON answer of such a query is kept under the catalog's version token (``catalog/cache.py``):
any change to a product, price, stock, category, collection or cooperative drops every stored
answer at once. Only queries whose root fields are all public catalog reads are stored (no
``me``, ``checkout``, ``order``, no mutation), only without an ``Authorization`` header, and
only when the answer has no ``errors``.
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from graphql import FieldNode, GraphQLError, OperationDefinitionNode, OperationType

from backend.accounts.graphql.auth import token_from_request
from catalog.cache import PAGE_TIMEOUT, catalog_pages_version

from .documents import parsed

# Root fields whose answer depends only on their arguments and the catalog's data.
PUBLIC_CATALOG_FIELDS = frozenset({
    "products", "product", "productVariants", "productVariant", "categories", "category",
    "collections", "collection", "attributes", "attribute", "menu", "menus", "page", "pages",
    "cooperatives", "cooperative", "__typename",
})
MAX_CACHED_BODY = 32 * 1024
CACHE_HEADER = "X-GraphQL-Cache"
# The JSON object of the body, kept on the request by ``cache_key`` for the view's parse_body.
PARSED_BODY = "_graphql_json_body"


@lru_cache(maxsize=512)
def _is_public_catalog_read(query: str, operation_name: str | None) -> bool:
    try:
        document = parsed(query)
    except (GraphQLError, RecursionError):
        return False
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        operations = [op for op in operations if op.name and op.name.value == operation_name]
    if len(operations) != 1 or operations[0].operation != OperationType.QUERY:
        return False
    selections = operations[0].selection_set.selections
    return all(isinstance(node, FieldNode) and node.name.value in PUBLIC_CATALOG_FIELDS
               for node in selections)


def cache_key(request: HttpRequest) -> str | None:
    """The key of this request's answer, or None when it must be computed for the caller."""
    if request.method != "POST" or token_from_request(request) is not None:
        return None
    if request.content_type != "application/json":
        return None
    body = request.body
    if len(body) > MAX_CACHED_BODY:
        return None
    try:  # as graphene-django decodes it (UTF-8, then JSON), which then reuses the result
        data = json.loads(body.decode("utf-8"))
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return None
    if not isinstance(data, dict):
        return None
    setattr(request, PARSED_BODY, data)
    if not isinstance(data.get("query"), str):
        return None
    operation_name = data.get("operationName")
    if operation_name is not None and not isinstance(operation_name, str):
        return None
    if not _is_public_catalog_read(data["query"], operation_name):
        return None
    identity = b"|".join((body, (get_language() or "").encode()))
    return f"graphql:answer:{catalog_pages_version()}:{hashlib.sha256(identity).hexdigest()}"


def parsed_body(request: HttpRequest) -> dict | None:
    """The body's JSON object if ``cache_key`` decoded it, so the view does not decode it again
    (None: not decoded, or not a JSON object, and the view decodes it and says what is wrong)."""
    return getattr(request, PARSED_BODY, None)


def cached_answer(key: str | None) -> HttpResponse | None:
    if key is None:
        return None
    content = cache.get(key)
    if content is None:
        return None
    response = HttpResponse(content, content_type="application/json")
    response[CACHE_HEADER] = "hit"
    return response


def store_answer(key: str | None, response: HttpResponse) -> None:
    """Keep a successful answer (no ``errors`` entry) for the next anonymous caller."""
    if key is None or response.status_code != 200 or getattr(response, "streaming", False):
        return
    content = response.content
    # graphene-django writes "errors" first when there are any: an answer that starts with
    # its data has none (any other shape, e.g. ?pretty's sorted keys, is decoded to be sure).
    if not content.startswith(b'{"data":'):
        try:
            answer = json.loads(content)
        except ValueError:
            return
        if not isinstance(answer, dict) or answer.get("errors"):
            return
    cache.set(key, content, PAGE_TIMEOUT)
    response[CACHE_HEADER] = "miss"
