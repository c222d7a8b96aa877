"""Paying by card: Stripe's Payment Element on our page, then the return from Stripe
(3-D Secure included), which records the payment and places the order.

Shown only when the Stripe keys are configured; without them the card option is hidden.
"""
from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from backend.core.errors import DomainError
from backend.core.validation import uuid_or_none
from backend.orders.error_codes import CheckoutErrorCode
from backend.orders.services.checkout_complete import checkout_complete
from backend.payments.gateways import STRIPE
from backend.payments.models import TransactionItem
from backend.payments.services.transactions import transaction_initialize, transaction_process

from .selectors import cart_page
from .session import session_checkout, session_checkout_forget

CARD = {"paymentIntent": {"paymentMethod": "card"}}


def _session_stripe_checkout(request: HttpRequest):
    checkout = session_checkout(request)
    if checkout is None or checkout.payment_gateway != STRIPE:
        return None
    return checkout


@never_cache
def checkout_pay(request: HttpRequest) -> HttpResponse:
    """Create (or find again, same idempotency key) the PaymentIntent and mount the form."""
    checkout = _session_stripe_checkout(request)
    if checkout is None:
        return redirect("storefront:cart")
    page = cart_page(checkout=checkout)
    errors: list[str] = []
    client_secret = transaction_token = ""
    try:
        result = transaction_initialize(
            checkout=checkout, gateway_id=STRIPE, data=CARD,
            idempotency_key=f"storefront:{checkout.token}:{page.totals.total}",
            language=get_language())
        client_secret = (result.data or {}).get("paymentIntent", {}).get("stripeClientSecret", "")
        transaction_token = str(result.transaction.token)
    except DomainError as error:
        errors = [str(item.message) for item in error.errors]
    return_url = request.build_absolute_uri(
        reverse("storefront:checkout_pay_return") + f"?transaction={transaction_token}")
    return render(request, "storefront/checkout/pay.html", {
        "page": page, "errors": errors, "client_secret": client_secret,
        "publishable_key": settings.STRIPE_PUBLISHABLE_KEY, "return_url": return_url,
        "seo_noindex": True, "step": "review"})


@never_cache
def checkout_pay_return(request: HttpRequest) -> HttpResponse:
    """Stripe sends the customer back here; the payment is read from Stripe, not trusted."""
    checkout = _session_stripe_checkout(request)
    if checkout is None:
        return redirect("storefront:cart")
    token = uuid_or_none(request.GET.get("transaction", ""))
    transaction = (TransactionItem.objects.filter(checkout_token=checkout.token, token=token)
                   .first() if token else None)
    if transaction is None:
        raise Http404("No such payment")
    try:
        result = transaction_process(transaction_token=transaction.token,
                                     language=get_language())
        if result.event is not None and result.event.type == "CHARGE_FAILURE":
            # The bank's reason (translated by payments), not "the checkout is not paid".
            raise DomainError.single(CheckoutErrorCode.PAYMENT_ERROR,
                                     result.event.message or _("The payment was declined."),
                                     "payment")
        order = checkout_complete(checkout_token=checkout.token).order
    except DomainError as error:
        page = cart_page(checkout=checkout)
        return render(request, "storefront/checkout/pay.html", {
            "page": page, "errors": [str(item.message) for item in error.errors],
            "client_secret": "", "publishable_key": settings.STRIPE_PUBLISHABLE_KEY,
            "retry": True, "seo_noindex": True, "step": "review"})
    session_checkout_forget(request)
    return redirect("storefront:checkout_confirmation", token=order.tracking_token)
