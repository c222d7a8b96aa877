"""The delivery city picker and the cart: add, change quantities, remove.

Thin views: a form reads the input, a service of ``backend.orders`` changes the cart, its
``DomainError`` comes back next to the field; every change is a POST with a CSRF token and
answers with a redirect, so the pages work without JavaScript.
"""
from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from backend.core.errors import DomainError
from backend.orders.services.checkout_delivery import quote_groups_for_lines
from backend.orders.services.checkout_lines import (
    LineInput,
    checkout_create,
    checkout_lines_add,
    checkout_lines_delete,
    checkout_lines_update,
)
from catalog.selectors import channel_get_storefront

from .checkout_forms import AddToCartForm, CartForm, CityForm
from .context_processors import CartSummary
from .errors import add_domain_errors, add_variant_errors
from .selectors import CartPage, cart_page, cart_page_attach_quotes, cities_by_region
from .session import (
    session_checkout,
    session_checkout_remember,
    session_city,
    session_city_remember,
)
from .views import product_page

CART_LINE_FIELDS = {"quantity": "quantity", "variantId": "variant", "lines": "quantity",
                    "channel": "quantity"}


def safe_next(request: HttpRequest, value: str | None, default: str) -> str:
    """``value`` when it is a path of this site, else ``default`` (no open redirects)."""
    if value and url_has_allowed_host_and_scheme(value, allowed_hosts={request.get_host()},
                                                 require_https=request.is_secure()):
        return value
    return default


@require_POST
def delivery_city_set(request: HttpRequest) -> HttpResponse:
    """Remember the city the shopper wants delivery estimates for."""
    regions = cities_by_region()
    form = CityForm(request.POST, regions=regions)
    target = safe_next(request, request.POST.get("next"), "/")
    if not form.is_valid():
        for error in form.errors.get("city", []):
            messages.error(request, error)
        return redirect(target)
    slug = form.cleaned_data["city"]
    city = next(c for group in regions for c in group.cities if c.slug == slug)
    session_city_remember(request, city)
    return redirect(target)


@require_POST
def cart_add(request: HttpRequest, slug: str) -> HttpResponse:
    """Add a variant of the product to the cart (creating the cart on the first product)."""
    form = AddToCartForm(request.POST)
    if form.is_valid():
        line = LineInput(variant_id=form.cleaned_data["variant"],
                         quantity=form.cleaned_data["quantity"])
        try:
            _add_line(request, line)
        except DomainError as error:
            add_domain_errors(form, error, CART_LINE_FIELDS)
        else:
            messages.success(request, _("Added to your cart."))
            return redirect("storefront:cart")
    return product_page(request, slug, cart_form=form)


def _add_line(request: HttpRequest, line: LineInput) -> None:
    checkout = session_checkout(request)
    if checkout is not None:
        checkout_lines_add(checkout=checkout, lines=[line])
        return
    channel = channel_get_storefront()
    if channel is None:
        raise Http404("The shop is closed")
    user = request.user if request.user.is_authenticated else None
    checkout = checkout_create(channel=channel, lines=[line], language_code=get_language() or "fr",
                               user=user)
    session_checkout_remember(request, checkout)


def _cart_context(request: HttpRequest, page: CartPage | None, form: CartForm | None) -> dict:
    city = session_city(request)
    if page is not None and city is not None and page.lines:
        cart_page_attach_quotes(page, quote_groups_for_lines(
            lines=page.lines, destination=city, currency=page.checkout.currency))
    return {"cart": page, "form": form, "delivery_city": city, "seo_noindex": True,
            "cart_summary": CartSummary(quantity=page.quantity if page else 0),
            "currency": page.checkout.currency if page else "MAD",
            "city_form": CityForm(initial={"city": city.slug if city else "",
                                           "next": request.path}, regions=cities_by_region())}


@never_cache
def cart(request: HttpRequest) -> HttpResponse:
    """The cart, grouped by cooperative (each ships its own parcel)."""
    checkout = session_checkout(request)
    page = cart_page(checkout=checkout) if checkout is not None else None
    form = CartForm(page=page) if page is not None else None
    return render(request, "storefront/cart.html", _cart_context(request, page, form))


@require_POST
def cart_update(request: HttpRequest) -> HttpResponse:
    """Change the quantities (0 removes a line), or remove the line whose button was pressed."""
    checkout = session_checkout(request)
    if checkout is None:
        return redirect("storefront:cart")
    removed = request.POST.get("remove")
    if removed:
        try:
            checkout_lines_delete(checkout=checkout, line_ids=[removed[:64]])
        except DomainError as error:
            for item in error.errors:
                messages.error(request, str(item.message))
        else:
            messages.success(request, _("The product was removed from your cart."))
        return redirect("storefront:cart")
    page = cart_page(checkout=checkout)
    form = CartForm(request.POST, page=page)
    if form.is_valid():
        changed = form.changed_quantities()
        if not changed:
            return redirect("storefront:cart")
        try:
            checkout_lines_update(checkout=checkout, lines=[
                LineInput(variant_id=variant_id, quantity=quantity)
                for variant_id, quantity in changed.items()])
        except DomainError as error:
            add_variant_errors(form, error, form.field_for_variant())
        else:
            messages.success(request, _("Your cart was updated."))
            return redirect("storefront:cart")
    return render(request, "storefront/cart.html", _cart_context(request, page, form))


@require_POST
def cart_promo_code(request: HttpRequest) -> HttpResponse:
    """Apply a voucher or gift card code to the cart (the service checkoutAddPromoCode uses)."""
    from backend.discounts.services.promo_codes import checkout_promo_code_add

    checkout = session_checkout(request)
    if checkout is None:
        return redirect("storefront:cart")
    try:
        checkout_promo_code_add(checkout=checkout, promo_code=request.POST.get("code", "")[:300])
    except DomainError as error:
        page = cart_page(checkout=checkout)
        context = _cart_context(request, page, CartForm(page=page))
        context["promo_error"] = " ".join(str(item.message) for item in error.errors)
        return render(request, "storefront/cart.html", context, status=400)
    messages.success(request, _("The code was applied to your cart."))
    return redirect("storefront:cart")


@require_POST
def cart_promo_code_remove(request: HttpRequest) -> HttpResponse:
    """Take a voucher or gift card code off the cart."""
    from backend.discounts.services.promo_codes import checkout_promo_code_remove

    checkout = session_checkout(request)
    if checkout is not None:
        try:
            checkout_promo_code_remove(checkout=checkout,
                                       promo_code=request.POST.get("code", "")[:300])
        except DomainError as error:
            for item in error.errors:
                messages.error(request, str(item.message))
        else:
            messages.success(request, _("The code was removed from your cart."))
    return redirect("storefront:cart")
