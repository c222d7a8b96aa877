"""Mentor space (/mentor/) and the cooperative's follow-up page (/coop/followup/).

A mentor reads its cooperatives' dashboards and writes only notes and action items; every
cooperative it does not mentor is a 404, as if it did not exist. Views are thin: a selector to
read, a service to write, the form to put errors back.
"""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from backend.cooperatives.access import cooperative_staff_required
from backend.cooperatives.forms import errors_to_form
from backend.cooperatives.selectors import dashboard_home, orders_to_prepare
from backend.core.errors import DomainError

from .forms import ActionItemForm, NoteForm
from .selectors import MentoredCooperative, followup_for, mentor_cooperatives, mentored_cooperative
from .services.followup import action_item_create, action_item_mark_done, followup_note_create

# The indicators include point: h9's template when the followup app provides it.
INDICATOR_TEMPLATES = ["followup/_cooperative_indicators.html", "programmes/_no_indicators.html"]
PRIVATE = {"seo_noindex": True, "indicator_templates": INDICATOR_TEMPLATES}


@require_GET
@login_required
def mentor_home(request: HttpRequest) -> HttpResponse:
    rows = mentor_cooperatives(user=request.user)
    if not rows:
        raise PermissionDenied
    return render(request, "programmes/mentor/home.html", {"rows": rows, **PRIVATE})


def _mentored_or_404(request: HttpRequest, slug: str) -> MentoredCooperative:
    found = mentored_cooperative(user=request.user, slug=slug)
    if found is None:
        raise Http404
    return found


def _detail(request: HttpRequest, found: MentoredCooperative, *, note_form=None,
            item_form=None, status: int = 200) -> HttpResponse:
    cooperative_id = found.cooperative.pk
    context = {
        "mc": found, "cooperative": found.cooperative,
        "home": dashboard_home(cooperative_id=cooperative_id, with_earnings=False),
        "shipments": orders_to_prepare(cooperative_id=cooperative_id, limit=20),
        "followup": followup_for(cooperative_id=cooperative_id),
        "note_form": note_form or NoteForm(), "item_form": item_form or ActionItemForm(),
        **PRIVATE,
    }
    return render(request, "programmes/mentor/cooperative.html", context, status=status)


@require_GET
@login_required
def mentor_cooperative(request: HttpRequest, slug: str) -> HttpResponse:
    return _detail(request, _mentored_or_404(request, slug))


def _back(slug: str, anchor: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("mentor:cooperative", args=[slug]) + anchor)


@require_POST
@login_required
def mentor_note_add(request: HttpRequest, slug: str) -> HttpResponse:
    found = _mentored_or_404(request, slug)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            followup_note_create(author=request.user, cooperative_id=found.cooperative.pk,
                                 body=form.cleaned_data["body"])
        except DomainError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("Note added."))
            return _back(slug, "#notes")
    return _detail(request, found, note_form=form, status=400)


@require_POST
@login_required
def mentor_item_add(request: HttpRequest, slug: str) -> HttpResponse:
    found = _mentored_or_404(request, slug)
    form = ActionItemForm(request.POST)
    if form.is_valid():
        try:
            action_item_create(author=request.user, cooperative_id=found.cooperative.pk,
                               title=form.cleaned_data["title"],
                               due_on=form.cleaned_data["due_on"])
        except DomainError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("Action item added; the cooperative's managers "
                                        "were notified."))
            return _back(slug, "#items")
    return _detail(request, found, item_form=form, status=400)


def _mark_done(request: HttpRequest, cooperative_id: int, item_id: int) -> None:
    try:
        action_item_mark_done(user=request.user, cooperative_id=cooperative_id, item_id=item_id)
    except DomainError as error:
        if error.errors[0].code == "not_found":
            raise Http404 from error
        messages.error(request, error.errors[0].message)
    else:
        messages.success(request, _("Action item marked done."))


@require_POST
@login_required
def mentor_item_done(request: HttpRequest, slug: str, item_id: int) -> HttpResponse:
    found = _mentored_or_404(request, slug)
    _mark_done(request, found.cooperative.pk, item_id)
    return _back(slug, "#items")


@require_GET
@cooperative_staff_required
def coop_followup(request: HttpRequest) -> HttpResponse:
    data = followup_for(cooperative_id=request.coop.cooperative_id)
    return render(request, "programmes/coop/followup.html", {"followup": data, **PRIVATE})


@require_POST
@cooperative_staff_required(managers_only=True)
def coop_item_done(request: HttpRequest, item_id: int) -> HttpResponse:
    _mark_done(request, request.coop.cooperative_id, item_id)
    return HttpResponseRedirect(reverse("coop_followup:index") + "#items")
