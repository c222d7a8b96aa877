"""What every storefront page shows: the site name and the top categories (queried lazily)."""
from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from catalog.selectors import categories_roots


def storefront(request: HttpRequest) -> dict[str, Any]:
    """Lazy, so pages that do not draw the navigation (admin, API) pay no query for it."""
    return {
        "site_name": "CoopStore",
        "nav_categories": SimpleLazyObject(lambda: list(categories_roots())),
    }
