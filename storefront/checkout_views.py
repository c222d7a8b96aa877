"""Checkout in three steps and a confirmation: address, deliveries and payment, review.

Each step's POST calls the checkout services inside one transaction: when one of them refuses,
nothing of the step is kept, and the shopper gets the form back with every error next to its
field and what they typed still there.
"""
from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from backend.core.errors import DomainError, ErrorItem
from backend.orders.models import Checkout
from backend.orders.services.checkout_complete import CompletedCheckout, checkout_complete
from backend.orders.services.checkout_delivery import (
    checkout_delivery_options,
    checkout_delivery_set,
)
from backend.orders.services.checkout_details import (
    checkout_billing_address_update,
    checkout_email_update,
    checkout_payment_gateway_set,
    checkout_shipping_address_update,
)
from backend.payments.gateways import (
    BANK_TRANSFER,
    CASH_ON_DELIVERY,
    DUMMY,
    GATEWAYS,
    STRIPE,
    Gateway,
    available_gateways,
)
from backend.payments.services.transactions import transaction_initialize

from .checkout_forms import (
    ADDRESS_FIELDS,
    AddressForm,
    CheckoutAddressForm,
    DeliveryPaymentForm,
    delivery_field_name,
)
from .context_processors import CartSummary
from .errors import add_domain_errors
from .selectors import (
    CartPage,
    cart_page,
    checkout_fair_pay,
    cities_by_region,
    fair_pay_total,
    order_by_tracking_token,
    order_fair_pay,
    order_parcels,
    quote_groups_for_page,
)
from .session import session_checkout, session_checkout_forget, session_city, session_city_remember

# Gateways the storefront offers; the card (Stripe) step needs Stripe.js and its keys.
STOREFRONT_GATEWAYS = (CASH_ON_DELIVERY, DUMMY, STRIPE, BANK_TRANSFER)
DUMMY_CHARGE = {"event": {"type": "CHARGE_SUCCESS", "includePspReference": True}}
STEPS = ("address", "delivery", "review")


def _cart_or_none(request: HttpRequest) -> tuple[Checkout, CartPage] | None:
    checkout = session_checkout(request)
    if checkout is None:
        return None
    page = cart_page(checkout=checkout)
    return (checkout, page) if page.lines else None


def _context(page: CartPage, step: str, **extra: Any) -> dict[str, Any]:
    return {"cart": page, "checkout": page.checkout, "currency": page.checkout.currency,
            "step": step, "steps": STEPS, "seo_noindex": True,
            "cart_summary": CartSummary(quantity=page.quantity), **extra}


def _refuse_together(calls: list[tuple[str, Any]]) -> list[tuple[str, DomainError]]:
    """Run every service call; if any refuses, roll all of them back. Returns the refusals.

    Each refusal is tagged with the form field it belongs to (``""``: the service's own field).
    """
    refusals: list[tuple[str, DomainError]] = []
    with transaction.atomic():
        for field, call in calls:
            try:
                call()
            except DomainError as error:
                refusals.append((field, error))
        if refusals:
            transaction.set_rollback(True)
    return refusals


def _address_initial(request: HttpRequest, checkout: Checkout) -> dict[str, str]:
    user = request.user if request.user.is_authenticated else None
    initial = AddressForm.initial_from(checkout.shipping_address
                                       or (user.default_shipping_address if user else None))
    if not initial.get("city"):
        city = session_city(request)
        initial["city"] = city.slug if city else ""
    if user and not initial.get("first_name"):
        initial.update(first_name=user.first_name, last_name=user.last_name)
    initial["email"] = checkout.email or (user.email if user else "")
    return initial


@never_cache
def checkout_address(request: HttpRequest) -> HttpResponse:
    """Step 1: contact e-mail and delivery address (the billing address is the same)."""
    found = _cart_or_none(request)
    if found is None:
        return redirect("storefront:cart")
    checkout, page = found
    regions = cities_by_region()
    if request.method == "POST":
        form = CheckoutAddressForm(request.POST, regions=regions)
        if form.is_valid():
            address = form.to_input()
            refusals = _refuse_together([
                ("", lambda: checkout_email_update(checkout=checkout,
                                                   email=form.cleaned_data["email"])),
                ("", lambda: checkout_shipping_address_update(checkout=checkout,
                                                              address=address)),
                ("", lambda: checkout_billing_address_update(checkout=checkout,
                                                             address=address)),
            ])
            for _field, error in refusals:  # billing repeats shipping's: shown once
                add_domain_errors(form, error, ADDRESS_FIELDS)
            if not refusals:
                session_city_remember(request, checkout.shipping_address.city_ref)
                return redirect("storefront:checkout_delivery")
    else:
        form = CheckoutAddressForm(initial=_address_initial(request, checkout), regions=regions)
    return render(request, "storefront/checkout/address.html", _context(page, "address",
                                                                        form=form))


def _offered_gateways(currency: str, channel: Any = None) -> list[Gateway]:
    return [g for g in available_gateways(currency, channel) if g.id in STOREFRONT_GATEWAYS]


@never_cache
def checkout_delivery(request: HttpRequest) -> HttpResponse:
    """Step 2: one delivery option per cooperative's parcel, and the payment method."""
    found = _cart_or_none(request)
    if found is None:
        return redirect("storefront:cart")
    checkout, page = found
    try:
        groups = quote_groups_for_page(checkout_delivery_options(checkout=checkout))
    except DomainError:
        messages.info(request, _("Give your delivery address first."))
        return redirect("storefront:checkout_address")
    gateways = _offered_gateways(checkout.currency, checkout.channel)
    if request.method == "POST":
        form = DeliveryPaymentForm(request.POST, groups=groups, gateways=gateways)
        if form.is_valid():
            calls: list[tuple[str, Any]] = [
                (delivery_field_name(cooperative_id),
                 lambda option_id=option_id: checkout_delivery_set(
                     checkout=checkout, delivery_method_id=option_id))
                for cooperative_id, option_id in form.chosen_options()]
            calls.append(("payment", lambda: checkout_payment_gateway_set(
                checkout=checkout, gateway_id=form.cleaned_data["payment"])))
            refusals = _refuse_together(calls)
            for field, error in refusals:
                add_domain_errors(form, error, {"deliveryMethodId": field,
                                                "paymentGateway": "payment"})
            if not refusals:
                return redirect("storefront:checkout_review")
    else:
        chosen = {g.cooperative.pk: g.delivery.option_id for g in page.groups if g.delivery}
        initial: dict[str, str] = {}
        for group in groups:
            option_ids = [group.option_id(option) for option in group.quote.options]
            current = chosen.get(group.cooperative.pk)
            if option_ids:
                initial[delivery_field_name(group.cooperative.pk)] = (
                    current if current in option_ids else option_ids[0])
        offered = [g.id for g in gateways]
        initial["payment"] = (checkout.payment_gateway if checkout.payment_gateway in offered
                              else (offered[0] if offered else ""))
        form = DeliveryPaymentForm(initial=initial, groups=groups, gateways=gateways)
    return render(request, "storefront/checkout/delivery.html", _context(
        page, "delivery", form=form, groups=groups, gateways=gateways))


def _missing_step(checkout: Checkout, page: CartPage) -> str | None:
    """The first step the shopper still has to fill, if any."""
    if checkout.shipping_address_id is None:
        return "storefront:checkout_address"
    offered = {gateway.id for gateway in _offered_gateways(checkout.currency, checkout.channel)}
    if (any(group.delivery is None for group in page.groups)
            or checkout.payment_gateway not in offered):
        return "storefront:checkout_delivery"
    return None


def _step_of(item: ErrorItem) -> str:
    """The page where the shopper can fix what ``item`` refuses."""
    if item.field in ("email", "shippingAddress", "billingAddress"):
        return "storefront:checkout_address"
    if item.field in ("deliveryMethod", "deliveryMethodId", "paymentGateway", "id"):
        return "storefront:checkout_delivery"
    return "storefront:cart"


def _place_order(checkout: Checkout, page: CartPage,
                 gateway: Gateway | None) -> CompletedCheckout:
    """Pay with the demo card when it is the chosen method, then place the order."""
    if (gateway is not None and gateway.id == DUMMY and gateway.requires_payment_before_order
            and page.totals.charged < page.totals.total):
        transaction_initialize(checkout=checkout, gateway_id=DUMMY, data=DUMMY_CHARGE,
                               idempotency_key=f"storefront:{checkout.token}:{page.totals.total}",
                               language=get_language() or checkout.language_code)
    return checkout_complete(checkout_token=checkout.token)


@never_cache
def checkout_review(request: HttpRequest) -> HttpResponse:
    """Step 3: everything at a glance, and the button that places the order."""
    found = _cart_or_none(request)
    if found is None:
        return redirect("storefront:cart")
    checkout, page = found
    missing = _missing_step(checkout, page)
    if missing is not None:
        return redirect(missing)
    gateway = next((g for g in _offered_gateways(checkout.currency, checkout.channel)
                    if g.id == checkout.payment_gateway), None)
    errors: list[tuple[str, str]] = []
    if request.method == "POST" and gateway is not None and gateway.id == STRIPE and (
            page.totals.charged < page.totals.total):
        return redirect("storefront:checkout_pay")
    if request.method == "POST":
        try:
            result = _place_order(checkout, page, gateway)
        except DomainError as error:
            errors = [(str(item.message), _step_of(item)) for item in error.errors]
        else:
            session_checkout_forget(request)
            return redirect("storefront:checkout_confirmation", token=result.order.tracking_token)
    address = checkout.shipping_address
    shares = checkout_fair_pay(page)
    return render(request, "storefront/checkout/review.html", _context(
        page, "review", gateway=gateway, address=address, errors=errors, fair_pay=shares,
        fair_pay_total=fair_pay_total(shares), fair_pay_estimate=True))


@never_cache
def checkout_confirmation(request: HttpRequest, token: str) -> HttpResponse:
    """The placed order, behind its secret link (a guest has no account to find it in)."""
    order = order_by_tracking_token(token=token)
    if order is None:
        raise Http404("No such order")
    return render(request, "storefront/checkout/confirmation.html", {
        "order": order, "parcels": order_parcels(order), "currency": order.currency,
        "seo_noindex": True, "gateway_name": _gateway_name(order.payment_gateway),
        **_fair_pay_context(order),
    })


def _fair_pay_context(order) -> dict[str, Any]:
    shares = order_fair_pay(order)
    return {"fair_pay": shares, "fair_pay_total": fair_pay_total(shares)}


def _gateway_name(gateway_id: str) -> str:
    gateway = GATEWAYS.get(gateway_id)
    return str(gateway.name) if gateway else gateway_id
