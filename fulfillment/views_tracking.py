"""The consumer's tracking page: each parcel's timeline, partner, km, expected date and code.

Two doors to one page: the order's owner signed in (by order number), or anyone holding the
secret tracking link from the e-mails (guests). Any other visitor gets a 404, so order numbers
cannot be probed. The delivery code is shown here and nowhere a partner can see.
"""
from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from backend.orders.models import Order

from .board_selectors import order_tracking


def _page(request: HttpRequest, order: Order) -> HttpResponse:
    response = render(request, "fulfillment/tracking.html", {
        "order": order, "parcels": order_tracking(order), "seo_noindex": True})
    response["Cache-Control"] = "private, no-store"  # the page carries delivery codes
    response["Referrer-Policy"] = "no-referrer"  # and its URL may be the secret link
    return response


def tracking_by_token(request: HttpRequest, token: uuid.UUID) -> HttpResponse:
    order = Order.objects.filter(tracking_token=token).first()
    if order is None:
        raise Http404
    return _page(request, order)


@login_required
def tracking_for_owner(request: HttpRequest, number: int) -> HttpResponse:
    order = Order.objects.filter(number=number, user=request.user).first()
    if order is None:
        raise Http404
    return _page(request, order)
