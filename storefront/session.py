"""What the storefront keeps in the shopper's session: the cart's token and the delivery city.

The cart is a ``Checkout``; only its token lives in the session. A signed-in customer only ever
sees a checkout that is a guest's (theirs, from this session) or their own.
"""
from __future__ import annotations

from django.http import HttpRequest

from backend.orders.models import Checkout
from fulfillment.models import City

from .selectors import checkout_for_page, city_get

CHECKOUT_KEY = "storefront_checkout"
CITY_KEY = "storefront_city"


def _has_session(request: HttpRequest) -> bool:
    """Whether there is a session to read: a cookie was sent, or this request wrote to it.

    Without either, reading would only find an empty session: skipping it saves the query.
    """
    session = getattr(request, "session", None)
    return session is not None and (bool(session.session_key) or session.modified)


def session_checkout_token(request: HttpRequest) -> str | None:
    if not _has_session(request):
        return None
    token = request.session.get(CHECKOUT_KEY)
    return token if isinstance(token, str) else None


def session_checkout(request: HttpRequest) -> Checkout | None:
    """The session's cart, if it still exists and may be used by this visitor."""
    token = session_checkout_token(request)
    if token is None:
        return None
    checkout = checkout_for_page(token=token)
    user = getattr(request, "user", None)
    owner_ok = checkout is not None and (
        checkout.user_id is None
        or (user is not None and user.is_authenticated and checkout.user_id == user.pk))
    if not owner_ok:
        request.session.pop(CHECKOUT_KEY, None)
        return None
    return checkout


def session_checkout_remember(request: HttpRequest, checkout: Checkout) -> None:
    request.session[CHECKOUT_KEY] = str(checkout.token)


def session_checkout_forget(request: HttpRequest) -> None:
    request.session.pop(CHECKOUT_KEY, None)


def session_city(request: HttpRequest) -> City | None:
    """The city the shopper chose for delivery estimates (one query when there is one)."""
    if not _has_session(request):
        return None
    city_id = request.session.get(CITY_KEY)
    if not isinstance(city_id, int):
        return None
    return city_get(pk=city_id)


def session_city_remember(request: HttpRequest, city: City) -> None:
    request.session[CITY_KEY] = city.pk
