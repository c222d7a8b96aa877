"""The storefront's header and footer menus (``navbar`` and ``footer``), lazily.

Pages that draw neither (admin, API) pay nothing; the others read the per-language cache.
"""
from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .selectors import storefront_menu

NAVBAR = "navbar"
FOOTER = "footer"


def menus(_request: HttpRequest) -> dict[str, Any]:
    return {
        "navbar_menu": SimpleLazyObject(lambda: list(storefront_menu(slug=NAVBAR))),
        "footer_menu": SimpleLazyObject(lambda: list(storefront_menu(slug=FOOTER))),
    }
