"""Rawabit pages (/rawabit/): thin views over the forms, selectors and services.

Only cooperative staff, approved business accounts and network admins enter; a conversation
is shown to its two parties and network admins only (anyone else gets a 404, as for an id
that does not exist).
"""
from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from backend.core.errors import DomainError
from storefront.session import session_checkout_remember

from .access import is_network_admin, request_party
from .forms import BoardFilterForm, DealForm, MessageForm, OpportunityForm
from .selectors import (
    PAGE_SIZE,
    BoardFilters,
    board_list,
    my_opportunities,
    opportunity_get,
    replies_visible_to,
    reply_for_party,
    reply_messages,
)
from .services.deals import deal_pro_checkout_create, deal_record
from .services.opportunities import opportunity_close, opportunity_post
from .services.replies import message_post, opportunity_reply


def board_user_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Sign-in, then 403 unless a party of the board or a network admin; sets request.party."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        request.party = request_party(request)
        if request.party is None and not is_network_admin(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _party_required(request: HttpRequest) -> None:
    if request.party is None:
        raise PermissionDenied


def _add_errors(form, error: DomainError) -> None:
    for item in error.errors:
        form.add_error(item.field if item.field in form.fields else None, item.message)


def _see_other(url: str) -> HttpResponse:
    return HttpResponseRedirect(url, status=303)


@board_user_required
def board(request: HttpRequest) -> HttpResponse:
    form = BoardFilterForm(request.GET or None)
    filters = BoardFilters()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = BoardFilters(kind=data["kind"], status=data["status"],
                               region_id=data["region"].pk if data["region"] else None,
                               category_id=data["category"].pk if data["category"] else None)
    page = Paginator(board_list(filters), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "rawabit/board.html", {
        "form": form, "page": page, "mine": my_opportunities(request.user),
        "seo_noindex": True})


@board_user_required
def opportunity_new(request: HttpRequest) -> HttpResponse:
    _party_required(request)
    form = OpportunityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            opportunity = opportunity_post(party=request.party, **form.cleaned_data)
        except DomainError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Your opportunity is on the board; matching "
                                        "cooperatives and buyers are told by email."))
            return _see_other(reverse("rawabit:detail", args=[opportunity.pk]))
    return render(request, "rawabit/new.html", {"form": form, "seo_noindex": True})


def _can_reply(party, opportunity) -> bool:
    """A party other than the poster (and the poster's cooperative) answers an open one."""
    return (party is not None and opportunity.is_open and not opportunity.is_poster(party.user)
            and not (party.cooperative_id is not None
                     and party.cooperative_id == opportunity.cooperative_id))


def _opportunity_or_404(opportunity_id: int):
    opportunity = opportunity_get(opportunity_id)
    if opportunity is None:
        raise Http404
    return opportunity


@board_user_required
def opportunity_detail(request: HttpRequest, opportunity_id: int) -> HttpResponse:
    opportunity = _opportunity_or_404(opportunity_id)
    replies = replies_visible_to(opportunity, request.user)
    is_poster = opportunity.is_poster(request.user)
    reply_form = MessageForm(request.POST or None)
    if request.method == "POST":
        _party_required(request)
        if reply_form.is_valid():
            try:
                message = opportunity_reply(party=request.party, opportunity_id=opportunity.pk,
                                            body=reply_form.cleaned_data["body"])
            except DomainError as error:
                _add_errors(reply_form, error)
            else:
                messages.success(request, _("Your message was sent privately to the poster."))
                return _see_other(reverse("rawabit:thread", args=[message.reply_id]))
    deal = getattr(opportunity, "deal", None) if opportunity.status == "deal" else None
    return render(request, "rawabit/detail.html", {
        "opportunity": opportunity, "replies": replies, "is_poster": is_poster,
        "reply_form": reply_form, "deal": deal,
        "own_reply": next((r for r in replies if r.replier_id == request.user.pk), None),
        "deal_form": (DealForm(opportunity=opportunity, replies=replies)
                      if is_poster and opportunity.is_open and replies else None),
        "can_reply": _can_reply(request.party, opportunity),
        "seo_noindex": True})


@board_user_required
def thread(request: HttpRequest, reply_id: int) -> HttpResponse:
    reply = reply_for_party(reply_id, request.user)
    if reply is None:
        raise Http404
    form = MessageForm(request.POST or None)
    if request.method == "POST":
        if not reply.is_party(request.user):  # admins read, parties write
            raise PermissionDenied
        if form.is_valid():
            try:
                message_post(user=request.user, reply_id=reply.pk,
                             body=form.cleaned_data["body"])
            except DomainError as error:
                _add_errors(form, error)
            else:
                return _see_other(reverse("rawabit:thread", args=[reply.pk]) + "#latest")
    return render(request, "rawabit/thread.html", {
        "reply": reply, "opportunity": reply.opportunity, "thread_messages": reply_messages(reply),
        "form": form, "can_write": reply.is_party(request.user), "seo_noindex": True})


@require_POST
@board_user_required
def close(request: HttpRequest, opportunity_id: int) -> HttpResponse:
    try:
        opportunity_close(user=request.user, opportunity_id=opportunity_id)
    except DomainError as error:
        if error.errors[0].code == "not_found":
            raise Http404 from None
        messages.error(request, error.errors[0].message)
    else:
        messages.success(request, _("The opportunity is closed."))
    return _see_other(reverse("rawabit:detail", args=[opportunity_id]))


@require_POST
@board_user_required
def deal(request: HttpRequest, opportunity_id: int) -> HttpResponse:
    opportunity = _opportunity_or_404(opportunity_id)
    if not opportunity.is_poster(request.user):
        raise Http404
    replies = replies_visible_to(opportunity, request.user)
    form = DealForm(request.POST, opportunity=opportunity, replies=replies)
    if form.is_valid():
        data = form.cleaned_data
        try:
            deal_record(user=request.user, opportunity_id=opportunity.pk,
                        reply_id=data["reply"].pk, quantity=data["quantity"],
                        unit_price=data["unit_price"], note=data["note"],
                        variant=data["variant"], variant_quantity=data["variant_quantity"])
        except DomainError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The deal is recorded."))
            return _see_other(reverse("rawabit:detail", args=[opportunity.pk]))
    return render(request, "rawabit/detail.html", {
        "opportunity": opportunity, "replies": replies, "is_poster": True, "deal_form": form,
        "reply_form": MessageForm(), "deal": None, "own_reply": None, "can_reply": False,
        "seo_noindex": True}, status=400)


@require_POST
@board_user_required
def deal_pro_order(request: HttpRequest, opportunity_id: int) -> HttpResponse:
    opportunity = _opportunity_or_404(opportunity_id)
    deal_obj = getattr(opportunity, "deal", None) if opportunity.status == "deal" else None
    if deal_obj is None or deal_obj.buyer_id != request.user.pk:
        raise Http404
    try:
        checkout = deal_pro_checkout_create(user=request.user, deal_id=deal_obj.pk,
                                            language_code=(get_language() or "fr")[:2])
    except DomainError as error:
        messages.error(request, error.errors[0].message)
        return _see_other(reverse("rawabit:detail", args=[opportunity.pk]))
    session_checkout_remember(request, checkout)  # the cart page now shows the pro cart
    messages.success(request, _("Your pro order is in your cart at the wholesale price: "
                                "check it and pay it, by bank transfer if you wish."))
    return _see_other(reverse("storefront:cart"))
