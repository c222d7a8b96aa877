"""Whole-page cache of the catalog pages for visitors who carry nothing personal.

A page is served from the cache only to a visitor without a session cookie, a messages cookie
or an ``Authorization`` header: nobody signed in, no cart, no delivery city, no flash message,
so the page is the same for every such visitor of that URL, host and language. Everyone else
gets the page rendered for them (and nothing is stored). Keys hold the catalog's version
(catalog/cache.py), so any change to what a page shows drops every cached page.

The CSRF token of the add-to-cart form is the one personal thing left: it is stored as a
placeholder and each visitor gets their own when the page is served.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

from catalog.cache import PAGE_TIMEOUT, catalog_pages_version

CSRF_PLACEHOLDER = "__coopstore_csrf_token__"
_CSRF_VALUE = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
# Query parameters of a plain browse (pagination, sort, a size on a product page): other
# combinations (filters, searches) are rendered each time, so they cannot flood the cache.
CACHED_PARAMETERS = frozenset({"page", "sort", "variant"})
MAX_PARAMETER_LENGTH = 12
CACHE_HEADER = "X-Page-Cache"


def _is_impersonal(request: HttpRequest) -> bool:
    return (request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and getattr(settings, "MESSAGES_COOKIE_NAME", "messages") not in request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META)


def page_cache_key(request: HttpRequest) -> str | None:
    """The cache key of this request's page, or None if it must be rendered for the visitor."""
    if not _is_impersonal(request):
        return None
    params = request.GET
    if any(name not in CACHED_PARAMETERS or len(params.getlist(name)) > 1
           or len(params[name]) > MAX_PARAMETER_LENGTH for name in params):
        return None
    query = "&".join(f"{name}={params[name]}" for name in sorted(params))
    channel = getattr(settings, "DEFAULT_CHANNEL_SLUG", "")
    identity = "|".join((request.get_host(), request.path, query, get_language() or "",
                         channel))
    digest = hashlib.sha256(identity.encode("utf-8", "replace")).hexdigest()
    return f"storefront:page:{catalog_pages_version()}:{digest}"


def _served(request: HttpRequest, content: str, content_type: str) -> HttpResponse:
    if CSRF_PLACEHOLDER in content:
        content = content.replace(CSRF_PLACEHOLDER, get_token(request))
    response = HttpResponse(content, content_type=content_type)
    response[CACHE_HEADER] = "hit"
    return response


def cache_anonymous_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve ``view``'s page from the cache when the visitor carries nothing personal."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        key = page_cache_key(request)
        if key is None:
            return view(request, *args, **kwargs)
        cached = cache.get(key)
        if cached is not None:
            return _served(request, *cached)
        response = view(request, *args, **kwargs)
        if (response.status_code == 200 and not response.streaming
                and not response.cookies
                and "private" not in response.get("Cache-Control", "")):
            content = response.content.decode(response.charset)
            stored = _CSRF_VALUE.sub(rf"\g<1>{CSRF_PLACEHOLDER}\g<2>", content)
            cache.set(key, (stored, response["Content-Type"]), PAGE_TIMEOUT)
            response[CACHE_HEADER] = "miss"
        return response

    return wrapper
