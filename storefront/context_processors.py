"""What every storefront page shows: the site name, the top categories and the cart's size.

Everything is lazy, so pages that do not draw the navigation (admin, API) pay no query for it,
and a visitor without a session pays none for the cart.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .basics import catalog_basics
from .selectors import checkout_quantity
from .session import session_checkout_token


@dataclass(frozen=True)
class CartSummary:
    quantity: int


def _cart_summary(request: HttpRequest) -> CartSummary:
    token = session_checkout_token(request)
    return CartSummary(quantity=checkout_quantity(token=token) if token else 0)


def storefront(request: HttpRequest) -> dict[str, Any]:
    return {
        "site_name": "CoopStore",
        # The tree kept per catalog version (storefront/basics.py): no query once read.
        "nav_categories": SimpleLazyObject(lambda: catalog_basics().root_categories),
        "cart_summary": SimpleLazyObject(lambda: _cart_summary(request)),
    }
