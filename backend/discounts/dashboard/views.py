"""The cooperative dashboard's promotions page (/coop/promotions/): managers accept or
withdraw their cooperative's funding of a promotion or voucher. Thin: one selector, one
service per action, every write scoped by ``request.coop``."""
from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from backend.cooperatives.access import cooperative_staff_required
from backend.core.errors import DomainError

from ..services.funding import funding_accept, funding_withdraw
from .selectors import PROMOTION, funding_requests_for, funding_target


@cooperative_staff_required(managers_only=True)
def funding_list(request: HttpRequest) -> HttpResponse:
    return render(request, "discounts/dashboard/promotions.html", {
        "requests": funding_requests_for(cooperative_id=request.coop.cooperative_id),
        "seo_noindex": True})


def _target_or_404(kind: str, pk: str) -> dict:
    target = funding_target(kind=kind, pk=pk)
    if target is None:
        raise Http404
    return {"promotion": target} if kind == PROMOTION else {"voucher": target}


def _done(request: HttpRequest) -> HttpResponse:
    return HttpResponseRedirect(reverse("coop_promotions:list"), status=303)


@require_POST
@cooperative_staff_required(managers_only=True)
def funding_accept_view(request: HttpRequest, kind: str, pk: str) -> HttpResponse:
    target = _target_or_404(kind, pk)
    try:
        funding_accept(cooperative=request.coop.cooperative, user=request.user, **target)
    except DomainError as error:
        messages.error(request, error.errors[0].message)
    else:
        messages.success(request, _("Your cooperative now funds its part of “%(name)s”.")
                         % {"name": next(iter(target.values()))})
    return _done(request)


@require_POST
@cooperative_staff_required(managers_only=True)
def funding_withdraw_view(request: HttpRequest, kind: str, pk: str) -> HttpResponse:
    target = _target_or_404(kind, pk)
    try:
        funding_withdraw(cooperative=request.coop.cooperative, **target)
    except DomainError as error:
        messages.error(request, error.errors[0].message)
    else:
        messages.success(request, _("Your cooperative no longer funds “%(name)s”; orders "
                                    "already placed keep their discount.")
                         % {"name": next(iter(target.values()))})
    return _done(request)
