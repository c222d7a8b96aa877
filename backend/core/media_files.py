"""Uploaded media served by Django (embedded mode, or behind a proxy that does not serve them).

Django's static ``serve`` view works with DEBUG off as long as it is routed; this wrapper adds
cache headers so browsers and CDNs keep photos: thumbnails are written once under a new name
per photo and size and never rewritten (catalog/thumbnails.py), so they are cached for a year
and marked immutable (no revalidation on reload); other uploads (originals) for a day.
"""
from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe
from django.views.static import serve

THUMBNAIL_PREFIX = "thumbnails/"
YEAR = 365 * 24 * 3600
DAY = 24 * 3600


@require_safe
def serve_media(request: HttpRequest, path: str) -> HttpResponse:
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    if path.startswith(THUMBNAIL_PREFIX):
        response["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    else:
        response["Cache-Control"] = f"public, max-age={DAY}"
    response["X-Content-Type-Options"] = "nosniff"
    return response
