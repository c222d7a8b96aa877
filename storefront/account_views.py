"""Account pages: register and confirm the e-mail, sign in and out, password reset and change,
profile, addresses, orders, and deleting the account by an e-mailed link.

A customer only ever reaches their own addresses and orders: another customer's give 404.
Signing in (or registering) gives the guest's cart of this session to the account.
"""
from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView, LogoutView
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from backend.accounts.models import Address, User
from backend.accounts.services.accounts import (
    account_confirm,
    account_delete,
    account_delete_request,
    account_register,
    account_update,
    password_change,
    password_reset_request,
    password_set,
)
from backend.accounts.services.addresses import (
    account_address_create,
    account_address_delete,
    account_address_set_default,
    account_address_update,
)
from backend.core import ratelimit
from backend.core.errors import DomainError
from backend.orders.models import Order
from backend.orders.services.checkout_details import checkout_attach_to_user
from backend.orders.services.order_cancel import order_can_be_cancelled_by_customer, order_cancel

from .account_forms import (
    ACCOUNT_FIELDS,
    AccountConfirmForm,
    AccountDeleteForm,
    PasswordChangeForm,
    PasswordResetForm,
    PasswordSetForm,
    ProfileForm,
    RegisterForm,
    SignInForm,
)
from .cart_views import safe_next
from .checkout_forms import ADDRESS_FIELDS, AddressForm
from .errors import add_domain_errors
from .pagination import paginate
from .selectors import (
    address_of_user,
    addresses_of_user,
    checkout_latest_of_user,
    cities_by_region,
    fair_pay_total,
    order_fair_pay,
    order_of_user,
    order_parcels,
    orders_of_user,
)
from .session import session_checkout, session_checkout_remember

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _private(**context: Any) -> dict[str, Any]:
    return {"seo_noindex": True, **context}


def cart_follow_user(request: HttpRequest, user: User) -> None:
    """After sign-in: the guest's cart joins the account, else the account's last cart returns."""
    checkout = session_checkout(request)
    if checkout is not None:
        if checkout.user_id is None:
            checkout_attach_to_user(checkout=checkout, user=user)
        return
    latest = checkout_latest_of_user(user=user)
    if latest is not None:
        session_checkout_remember(request, latest)


class SignInView(LoginView):
    """Django's sign-in page with our form; the session's cart follows the customer."""

    template_name = "storefront/account/login.html"
    form_class = SignInForm
    redirect_authenticated_user = True
    extra_context = {"seo_noindex": True}

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """Locked out after repeated failures (``backend.core.ratelimit``): 429, no check."""
        email = request.POST.get("username")
        try:
            ratelimit.login_ensure_allowed(request, email)
        except ratelimit.RateLimited as limited:
            messages.error(request, limited.message())
            form = self.form_class(request, initial={"username": (email or "")[:254]})
            response = self.render_to_response(self.get_context_data(form=form))
            response.status_code = 429
            response["Retry-After"] = str(limited.retry_after)
            return response
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: SignInForm) -> HttpResponse:
        ratelimit.login_failed(self.request, self.request.POST.get("username"))
        return super().form_invalid(form)

    def form_valid(self, form: SignInForm) -> HttpResponse:
        ratelimit.login_succeeded(self.request, form.cleaned_data.get("username"))
        response = super().form_valid(form)
        cart_follow_user(self.request, form.get_user())
        return response

    def get_default_redirect_url(self) -> str:
        return reverse("storefront:account")


class SignOutView(LogoutView):
    """Signing out (a POST, with its CSRF token) ends the session, cart token included."""

    next_page = "storefront:home"


@sensitive_post_parameters("password")
@never_cache
def register(request: HttpRequest) -> HttpResponse:
    """Create an account and e-mail its confirmation link; guest orders placed with the same
    e-mail join its history once the e-mail is confirmed."""
    if request.user.is_authenticated:
        return redirect("storefront:account")
    target = safe_next(request, request.POST.get("next") or request.GET.get("next"),
                       reverse("storefront:orders"))
    if request.method == "POST":
        form = RegisterForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                ratelimit.register_ensure_allowed(request)
                user = account_register(
                    email=data["email"], password=data["password"],
                    first_name=data["first_name"], last_name=data["last_name"],
                    language_code=get_language() or "fr",
                    redirect_url=request.build_absolute_uri(reverse("storefront:account_confirm")))
            except DomainError as error:
                add_domain_errors(form, error, ACCOUNT_FIELDS)
            else:
                login(request, user, backend=MODEL_BACKEND)
                cart_follow_user(request, user)
                messages.success(request, _("Welcome! Your account is ready. We sent you a link "
                                            "to confirm your e-mail address: your orders as a "
                                            "guest appear here once it is confirmed."))
                return redirect(target)
    else:
        form = RegisterForm(initial={"email": (request.GET.get("email") or "")[:254]})
    return render(request, "storefront/account/register.html", _private(form=form, next=target))


@never_cache
def password_reset(request: HttpRequest) -> HttpResponse:
    """Ask for a reset link; the answer is the same whether the address has an account."""
    if request.method == "POST":
        form = PasswordResetForm(request.POST)
        if form.is_valid():
            try:
                if ratelimit.password_reset_allowed(request, form.cleaned_data["email"]):
                    password_reset_request(
                        email=form.cleaned_data["email"],
                        redirect_url=request.build_absolute_uri(
                            reverse("storefront:password_reset_set")))
            except DomainError as error:
                add_domain_errors(form, error, ACCOUNT_FIELDS)
            else:
                return redirect("storefront:password_reset_sent")
    else:
        form = PasswordResetForm()
    return render(request, "storefront/account/password_reset.html", _private(form=form))


def password_reset_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "storefront/account/password_reset_sent.html", _private())


@sensitive_post_parameters("password")
@never_cache
def password_reset_set(request: HttpRequest) -> HttpResponse:
    """Choose a new password from the e-mailed link (its e-mail and token), then sign in."""
    if request.method == "POST":
        form = PasswordSetForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                user = password_set(email=data["email"], token=data["token"],
                                    password=data["password"])
            except DomainError as error:
                add_domain_errors(form, error, ACCOUNT_FIELDS)
            else:
                login(request, user, backend=MODEL_BACKEND)
                cart_follow_user(request, user)
                messages.success(request, _("Your new password is saved."))
                return redirect("storefront:account")
    else:
        form = PasswordSetForm(initial={"email": (request.GET.get("email") or "")[:254],
                                        "token": (request.GET.get("token") or "")[:128]})
    return render(request, "storefront/account/password_reset_set.html", _private(form=form))


@login_required
@never_cache
def account(request: HttpRequest) -> HttpResponse:
    """The profile: name and e-mail language, with links to orders and addresses."""
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                account_update(user=user, first_name=data["first_name"],
                               last_name=data["last_name"], language_code=data["language_code"])
            except DomainError as error:
                add_domain_errors(form, error, ACCOUNT_FIELDS)
            else:
                messages.success(request, _("Your details are saved."))
                return redirect("storefront:account")
    else:
        form = ProfileForm(initial={"first_name": user.first_name, "last_name": user.last_name,
                                    "language_code": user.language_code or "fr"})
    return render(request, "storefront/account/profile.html", _private(
        form=form, recent_orders=list(orders_of_user(user=user)[:3]), section="profile"))


@login_required
@never_cache
def addresses(request: HttpRequest) -> HttpResponse:
    return render(request, "storefront/account/addresses.html", _private(
        addresses=addresses_of_user(user=request.user), section="addresses"))


def _address_or_404(request: HttpRequest, pk: int) -> Address:
    address = address_of_user(user=request.user, pk=pk)
    if address is None:
        raise Http404("No such address")
    return address


@login_required
@never_cache
def address_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Add an address to the book (``pk`` None) or change one of the customer's own."""
    address = _address_or_404(request, pk) if pk is not None else None
    regions = cities_by_region()
    if request.method == "POST":
        form = AddressForm(request.POST, regions=regions)
        if form.is_valid():
            try:
                if address is None:
                    account_address_create(user=request.user, data=form.to_input())
                else:
                    account_address_update(address=address, data=form.to_input())
            except DomainError as error:
                add_domain_errors(form, error, ADDRESS_FIELDS)
            else:
                messages.success(request, _("The address is saved."))
                return redirect("storefront:addresses")
    else:
        form = AddressForm(initial=AddressForm.initial_from(address), regions=regions)
    return render(request, "storefront/account/address_form.html", _private(
        form=form, address=address, section="addresses"))


@login_required
@require_POST
def address_delete(request: HttpRequest, pk: int) -> HttpResponse:
    account_address_delete(address=_address_or_404(request, pk))
    messages.success(request, _("The address is deleted."))
    return redirect("storefront:addresses")


@login_required
@require_POST
def address_default(request: HttpRequest, pk: int) -> HttpResponse:
    account_address_set_default(user=request.user, address=_address_or_404(request, pk))
    messages.success(request, _("This is now your default address."))
    return redirect("storefront:addresses")


@login_required
@never_cache
def orders(request: HttpRequest) -> HttpResponse:
    page = paginate(orders_of_user(user=request.user), request.GET.get("page"), per_page=20)
    return render(request, "storefront/account/orders.html", _private(
        page_obj=page, orders=page.object_list, section="orders"))


def _order_or_404(request: HttpRequest, number: int) -> Order:
    order = order_of_user(user=request.user, number=number)
    if order is None:
        raise Http404("No such order")
    return order


@login_required
@never_cache
def order_detail(request: HttpRequest, number: int) -> HttpResponse:
    order = _order_or_404(request, number)
    shares = order_fair_pay(order)
    return render(request, "storefront/account/order_detail.html", _private(
        order=order, parcels=order_parcels(order), currency=order.currency,
        fair_pay=shares, fair_pay_total=fair_pay_total(shares),
        can_cancel=order_can_be_cancelled_by_customer(order), section="orders"))


@login_required
@require_POST
def order_cancel_view(request: HttpRequest, number: int) -> HttpResponse:
    """Cancel before the cooperatives prepared the parcels (the service decides)."""
    order = _order_or_404(request, number)
    try:
        order_cancel(order=order)
    except DomainError as error:
        for item in error.errors:
            messages.error(request, str(item.message))
    else:
        messages.success(request, _("Your order is cancelled."))
    return redirect("storefront:order_detail", number=number)


@never_cache
def account_confirm_view(request: HttpRequest) -> HttpResponse:
    """The e-mailed confirmation link: a button posts it back (mail scanners that open links
    change nothing), then the guest orders of that address join the account."""
    if request.method == "POST":
        form = AccountConfirmForm(request.POST)
        if form.is_valid():
            try:
                account_confirm(email=form.cleaned_data["email"],
                                token=form.cleaned_data["token"])
            except DomainError:
                form.add_error(None, _("This link is not valid any more."))
            else:
                messages.success(request, _("Thank you: your e-mail address is confirmed."))
                return redirect("storefront:orders" if request.user.is_authenticated
                                else "storefront:login")
    else:
        form = AccountConfirmForm(initial={"email": (request.GET.get("email") or "")[:254],
                                           "token": (request.GET.get("token") or "")[:128]})
    return render(request, "storefront/account/confirm.html", _private(form=form))


@sensitive_post_parameters("old_password", "new_password")
@login_required
@never_cache
def password_change_view(request: HttpRequest) -> HttpResponse:
    """Change the password; this session stays signed in, the API's tokens are revoked."""
    if request.method == "POST":
        form = PasswordChangeForm(request.POST)
        if form.is_valid():
            try:
                user = password_change(user=request.user,
                                       old_password=form.cleaned_data["old_password"],
                                       new_password=form.cleaned_data["new_password"])
            except DomainError as error:
                add_domain_errors(form, error, ACCOUNT_FIELDS)
            else:
                update_session_auth_hash(request, user)
                messages.success(request, _("Your new password is saved."))
                return redirect("storefront:account")
    else:
        form = PasswordChangeForm()
    return render(request, "storefront/account/password_change.html", _private(
        form=form, section="profile"))


@login_required
@require_POST
def account_delete_request_view(request: HttpRequest) -> HttpResponse:
    """E-mail the link that deletes the account (nothing is deleted before it is opened)."""
    account_delete_request(
        user=request.user,
        redirect_url=request.build_absolute_uri(reverse("storefront:account_delete")))
    messages.success(request, _("We sent you an e-mail with a link to delete your account."))
    return redirect("storefront:account")


@login_required
@never_cache
def account_delete_view(request: HttpRequest) -> HttpResponse:
    """The e-mailed deletion link: confirm with a button, then the account is anonymised."""
    if request.method == "POST":
        form = AccountDeleteForm(request.POST)
        if form.is_valid():
            try:
                account_delete(user=request.user, token=form.cleaned_data["token"])
            except DomainError:
                form.add_error(None, _("This link is not valid any more: ask for a new one "
                                       "from your profile."))
            else:
                logout(request)
                messages.success(request, _("Your account is deleted."))
                return redirect("storefront:home")
    else:
        form = AccountDeleteForm(initial={"token": (request.GET.get("token") or "")[:128]})
    return render(request, "storefront/account/delete.html", _private(
        form=form, section="profile"))
