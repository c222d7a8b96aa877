"""Follow-up pages: indicator definitions (public) and a cooperative's month (its staff,
mentor or a network admin read it; its managers and mentor declare). Thin: parse, check,
call one selector or service, render."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.cooperatives.forms import errors_to_form
from backend.cooperatives.models import Cooperative
from backend.core.errors import DomainError
from backend.core.months import month_add, month_of, month_parse

from . import definitions as d
from .access import can_declare_indicators, can_read_indicators
from .forms import DeclaredIndicatorsForm
from .selectors import definition_get, definitions_list, indicators_for
from .services import declared_indicators_save

PRIVATE = {"seo_noindex": True}


def definitions_index(request: HttpRequest) -> HttpResponse:
    return render(request, "followup/definitions.html", {"definitions": definitions_list()})


def definition_detail(request: HttpRequest, code: str) -> HttpResponse:
    definition = definition_get(code)
    if definition is None:
        raise Http404
    return render(request, "followup/definition.html", {"definition": definition})


def _cooperative_month(slug: str, month_text: str) -> tuple[Cooperative, object]:
    month = month_parse(month_text)
    if month is None:
        raise Http404
    return get_object_or_404(Cooperative, slug=slug), month


@login_required
def cooperative_month(request: HttpRequest, slug: str, month: str) -> HttpResponse:
    cooperative, month = _cooperative_month(slug, month)
    if not can_read_indicators(request.user, cooperative.pk):
        raise PermissionDenied
    may_declare = can_declare_indicators(request.user, cooperative.pk)
    if request.method == "POST" and not may_declare:
        raise PermissionDenied
    values = indicators_for(cooperative.pk, month)
    form = DeclaredIndicatorsForm(request.POST or None, initial_values=values)
    if request.method == "POST" and form.is_valid():
        try:
            declared_indicators_save(cooperative_id=cooperative.pk, month=month,
                                     values=form.cleaned_data, user=request.user)
        except DomainError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("The declared indicators are saved."))
            return HttpResponseRedirect(request.path)
    current = month_of(timezone.now())
    return render(request, "followup/cooperative_month.html", {
        "cooperative": cooperative, "month": month, "form": form, "may_declare": may_declare,
        "computed": [(code, values[code]) for code in d.COMPUTED_CODES],
        "declared": [(code, values[code]) for code in d.DECLARED_CODES],
        "previous": month_add(month, -1),
        "next": month_add(month, 1) if month < current else None,
        "is_future": month > current, **PRIVATE})


@login_required
def cooperative_current(request: HttpRequest, slug: str) -> HttpResponse:
    month = month_of(timezone.now())
    return HttpResponseRedirect(reverse("followup:cooperative_month",
                                        args=[slug, f"{month:%Y-%m}"]))
