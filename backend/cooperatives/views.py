"""The cooperative dashboard pages (/coop/): home, orders to prepare, team; sign-up and the
invitation link. Thin: a form, one service or selector, a template. Every read and write is
scoped by ``request.coop`` (see ``access.py``): another cooperative's object is a 404."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from backend.core.errors import DomainError

from .access import SESSION_KEY, cooperative_staff_required
from .error_codes import CooperativeErrorCode
from .forms import AcceptForm, InviteForm, RoleForm, SignupForm, errors_to_form
from .selectors import dashboard_home, orders_to_prepare, team_page
from .services.signup import SignupInput, cooperative_signup
from .services.team import (
    invitation_accept,
    invitation_check,
    invitation_create,
    invitation_find,
    invitation_revoke,
    staff_remove,
    staff_role_change,
)

PRIVATE = {"seo_noindex": True}


def _language() -> str:
    return (get_language() or "fr")[:2]


@cooperative_staff_required
def home(request: HttpRequest) -> HttpResponse:
    data = dashboard_home(cooperative_id=request.coop.cooperative_id,
                          with_earnings=request.coop.is_manager)
    return render(request, "cooperatives/dashboard/home.html", {"home": data, **PRIVATE})


@cooperative_staff_required
def orders(request: HttpRequest) -> HttpResponse:
    shipments = orders_to_prepare(cooperative_id=request.coop.cooperative_id)
    return render(request, "cooperatives/dashboard/orders.html",
                  {"shipments": shipments, **PRIVATE})


@cooperative_staff_required(managers_only=True)
def team(request: HttpRequest) -> HttpResponse:
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation_create(cooperative_id=request.coop.cooperative_id,
                              email=form.cleaned_data["email"], role=form.cleaned_data["role"],
                              invited_by=request.user,
                              base_url=f"{request.scheme}://{request.get_host()}")
        except DomainError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("Invitation sent to %(email)s.")
                             % {"email": form.cleaned_data["email"]})
            return HttpResponseRedirect(reverse("coop:team"), status=303)
    page = team_page(cooperative_id=request.coop.cooperative_id)
    return render(request, "cooperatives/dashboard/team.html",
                  {"form": form, "page": page, "roles": RoleForm.base_fields["role"].choices,
                   **PRIVATE}, status=400 if form.errors else 200)


def _team_action(request: HttpRequest, action) -> HttpResponse:
    try:
        action()
    except DomainError as error:
        if error.errors[0].code == CooperativeErrorCode.NOT_FOUND:
            raise Http404 from None
        messages.error(request, error.errors[0].message)
    else:
        messages.success(request, _("Team updated."))
    return HttpResponseRedirect(reverse("coop:team"), status=303)


@require_POST
@cooperative_staff_required(managers_only=True)
def team_role(request: HttpRequest, staff_id: int) -> HttpResponse:
    form = RoleForm(request.POST)
    role = form.cleaned_data["role"] if form.is_valid() else ""
    return _team_action(request, lambda: staff_role_change(
        cooperative_id=request.coop.cooperative_id, staff_id=staff_id, role=role))


@require_POST
@cooperative_staff_required(managers_only=True)
def team_remove(request: HttpRequest, staff_id: int) -> HttpResponse:
    return _team_action(request, lambda: staff_remove(
        cooperative_id=request.coop.cooperative_id, staff_id=staff_id))


@require_POST
@cooperative_staff_required(managers_only=True)
def team_revoke(request: HttpRequest, invitation_id: int) -> HttpResponse:
    return _team_action(request, lambda: invitation_revoke(
        cooperative_id=request.coop.cooperative_id, invitation_id=invitation_id))


def signup(request: HttpRequest) -> HttpResponse:
    signed_in = request.user.is_authenticated
    form = SignupForm(request.POST or None, signed_in=signed_in)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            cooperative = cooperative_signup(
                data=SignupInput(
                    name=data["name"], odco_number=data["odco_number"], city_id=data["city"].pk,
                    phone=data.get("phone", ""), email=data.get("email", ""),
                    manager_email=data.get("manager_email", ""),
                    manager_password=data.get("manager_password", ""),
                    manager_first_name=data.get("manager_first_name", ""),
                    manager_last_name=data.get("manager_last_name", "")),
                user=request.user if signed_in else None, language_code=_language())
        except DomainError as error:
            errors_to_form(form, error, {"email": "manager_email" if not signed_in else "email",
                                         "password": "manager_password"})
        else:
            if not signed_in:
                login(request, cooperative.staff.get().user,
                      backend="django.contrib.auth.backends.ModelBackend")
            request.session[SESSION_KEY] = cooperative.pk
            messages.success(request, _("Thank you: your application is registered. A network "
                                        "administrator will check it soon."))
            return HttpResponseRedirect(reverse("coop:home"), status=303)
    return render(request, "cooperatives/signup.html", {"form": form, **PRIVATE},
                  status=400 if form.errors else 200)


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The link of an invitation email: join with the signed-in account or a new one."""
    found = invitation_find(token)
    try:
        invitation_check(found)
    except DomainError as error:
        return render(request, "cooperatives/invitation.html",
                      {"error": error.errors[0].message, **PRIVATE}, status=404)
    signed_in = request.user.is_authenticated
    form = None if signed_in else AcceptForm(request.POST or None)
    error_message = ""
    if request.method == "POST" and (form is None or form.is_valid()):
        data = form.cleaned_data if form is not None else {}
        try:
            staff = invitation_accept(
                token=token, user=request.user if signed_in else None,
                password=data.get("password", ""), first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""), language_code=_language())
        except DomainError as error:
            if form is not None:
                errors_to_form(form, error)
            else:
                error_message = error.errors[0].message
        else:
            if not signed_in:
                login(request, staff.user, backend="django.contrib.auth.backends.ModelBackend")
            request.session[SESSION_KEY] = staff.cooperative_id
            messages.success(request, _("Welcome to the team of %(name)s.")
                             % {"name": found.cooperative.name})
            return HttpResponseRedirect(reverse("coop:home"), status=303)
    has_account = (not signed_in and get_user_model().objects
                   .filter(email__iexact=found.email).exists())
    return render(request, "cooperatives/invitation.html",
                  {"invitation": found, "form": form, "has_account": has_account,
                   "error_message": error_message, **PRIVATE},
                  status=400 if error_message or (form is not None and form.errors) else 200)
