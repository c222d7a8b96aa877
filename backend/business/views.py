"""The pro space: register a business account, see its status, the wholesale catalog once
approved (adding to the normal cart, in channel ``pro``), and download its invoices."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from backend.core.errors import DomainError
from backend.orders.services.checkout_lines import LineInput, checkout_lines_add
from storefront.session import session_checkout, session_checkout_remember

from .access import is_approved_business
from .forms import ProAddForm, RegisterForm
from .pdf import LANGUAGES, invoice_pdf
from .selectors import (
    business_account_of,
    buyer_invoice,
    buyer_invoices,
    pro_catalog,
    pro_channel,
)
from .services.accounts import BusinessInput, business_account_register
from .services.pro_checkout import pro_checkout_create

PRIVATE = {"seo_noindex": True}


def _language() -> str:
    return (get_language() or "fr")[:2]


def _errors_to_form(form, error: DomainError) -> None:
    for item in error.errors:
        field = item.field if item.field in form.fields else None
        form.add_error(field, item.message)


@never_cache
def register(request: HttpRequest) -> HttpResponse:
    signed_in = request.user.is_authenticated
    if signed_in and business_account_of(request.user) is not None:
        return HttpResponseRedirect(reverse("business:home"), status=303)
    form = RegisterForm(request.POST or None, signed_in=signed_in)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            account = business_account_register(
                data=BusinessInput(
                    company_name=data["company_name"], ice=data["ice"], kind=data["kind"],
                    street_address=data["street_address"], city=data["city"],
                    phone=data["phone"], postal_code=data.get("postal_code", "")),
                user=request.user if signed_in else None, email=data.get("email", ""),
                password=data.get("password", ""), language_code=_language())
        except DomainError as error:
            _errors_to_form(form, error)
        else:
            if not signed_in:
                login(request, account.user,
                      backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Thank you: your application is registered. A network "
                                        "administrator will check it soon."))
            return HttpResponseRedirect(reverse("business:home"), status=303)
    return render(request, "business/register.html", {"form": form, **PRIVATE},
                  status=400 if form.errors else 200)


@never_cache
def home(request: HttpRequest) -> HttpResponse:
    """Status of the application; for an approved buyer, the catalog and its invoices."""
    account = business_account_of(request.user)
    context = {"account": account, **PRIVATE}
    if account is not None and account.is_approved and request.user.is_active:
        channel = pro_channel()
        context.update(offers=pro_catalog(channel=channel) if channel else [],
                       invoices=buyer_invoices(user=request.user), currency="MAD",
                       languages=LANGUAGES)
    return render(request, "business/home.html", context)


@require_POST
def cart_add(request: HttpRequest) -> HttpResponse:
    """Add a wholesale quantity to the cart (a pro checkout, created on the first line)."""
    if not is_approved_business(request.user):
        raise Http404("No pro access")
    form = ProAddForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a quantity."))
        return HttpResponseRedirect(reverse("business:home"), status=303)
    variant_id, quantity = form.cleaned_data["variant"], form.cleaned_data["quantity"]
    checkout = session_checkout(request)
    try:
        if checkout is not None and checkout.channel.is_restricted:
            checkout_lines_add(checkout=checkout,
                               lines=[LineInput(variant_id=variant_id, quantity=quantity)])
        else:
            from catalog.models import ProductVariant

            variant = ProductVariant.objects.filter(pk=variant_id).first()
            if variant is None:
                raise Http404("No such variant")
            checkout = pro_checkout_create(user=request.user, lines=[(variant, quantity)],
                                           language_code=_language())
            session_checkout_remember(request, checkout)
    except DomainError as error:
        for item in error.errors:
            messages.error(request, str(item.message))
        return HttpResponseRedirect(reverse("business:home"), status=303)
    messages.success(request, _("Added to your cart."))
    return HttpResponseRedirect(reverse("storefront:cart"), status=303)


def invoice_download(request: HttpRequest, invoice_id: int, language: str) -> HttpResponse:
    """The buyer's own invoice as a PDF in French, Arabic or English; 404 for anyone else."""
    invoice = buyer_invoice(user=request.user, invoice_id=invoice_id)
    if invoice is None or language not in LANGUAGES:
        raise Http404("No such invoice")
    response = HttpResponse(invoice_pdf(invoice, language), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{invoice.number}-{language}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
