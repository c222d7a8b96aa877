"""The partner board: server-rendered, one form per step, usable without JavaScript.

Only partner staff get in (others: 403); a shipment the partner does not carry answers 404 on
every page and action, before any service runs. Every action is a POST with an idempotency key,
answered by a redirect to the board (303) so a reload never repeats it.
"""
from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from backend.core.errors import DomainError
from backend.core.images import ImageRejected, image_clean

from .board_selectors import board_cards, cash_summary, partner_shipment_or_none, todays_route
from .error_codes import ShipmentErrorCode
from .models import Partner, ShipmentStatus
from .services.board import partner_for_user, shipment_decline, shipment_deliver, shipment_leave
from .services.shipments import MAX_DELIVERY_CODE_FAILURES, ShipmentActor, shipment_transition

S = ShipmentStatus
FAILURE_REASONS = {
    "absent": gettext_lazy("Customer absent"),
    "address": gettext_lazy("Address not found"),
    "refused": gettext_lazy("Parcel refused"),
    "unreachable": gettext_lazy("Phone unreachable"),
}


def partner_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed-in partner staff only; the partner is passed to the view."""
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        partner = partner_for_user(request.user)
        if partner is None:
            raise PermissionDenied
        return view(request, partner, *args, **kwargs)
    return wrapper


@partner_required
def board(request: HttpRequest, partner: Partner) -> HttpResponse:
    """Today's pickups and drop-offs, with the route of the accepted ones."""
    cards = board_cards(partner)
    plan, by_key = todays_route(partner, cards)
    route = [by_key[point.key] for point in plan.stops]
    return render(request, "fulfillment/partner/board.html", {
        "partner": partner, "pickups": [c for c in cards if c.is_pickup],
        "dropoffs": [c for c in cards if not c.is_pickup], "route": route,
        "route_km": plan.km, "reasons": FAILURE_REASONS,
        "max_code_failures": MAX_DELIVERY_CODE_FAILURES, "seo_noindex": True,
    })


@partner_required
def cash(request: HttpRequest, partner: Partner) -> HttpResponse:
    return render(request, "fulfillment/partner/cash.html",
                  {"partner": partner, "summary": cash_summary(partner), "seo_noindex": True})


def _proof_photo(request: HttpRequest) -> ContentFile | None:
    """The optional photo of a failed attempt, checked and stripped of its metadata."""
    upload = request.FILES.get("photo")
    if upload is None:
        return None
    try:
        return image_clean(upload)
    except ImageRejected as rejected:
        raise DomainError.single(ShipmentErrorCode.INVALID, str(rejected), "photo") from None


def _run(action: str, request: HttpRequest, actor: ShipmentActor, shipment_id: uuid.UUID):
    post, key = request.POST, request.POST.get("idempotency_key", "")
    if action == "accept":
        return shipment_transition(shipment_id=shipment_id, to_status=S.ACCEPTED, actor=actor,
                                   idempotency_key=key)
    if action == "decline":
        return shipment_decline(shipment_id=shipment_id, actor=actor, idempotency_key=key,
                                reason=post.get("reason", ""))
    if action == "pickup":
        return shipment_transition(shipment_id=shipment_id, to_status=S.PICKED_UP, actor=actor,
                                   idempotency_key=key)
    if action in ("hub", "out"):
        return shipment_leave(shipment_id=shipment_id, destination=action, actor=actor,
                              idempotency_key=key)
    if action == "retry":
        return shipment_transition(shipment_id=shipment_id, to_status=S.OUT_FOR_DELIVERY,
                                   actor=actor, idempotency_key=key)
    if action == "deliver":
        return shipment_deliver(shipment_id=shipment_id, actor=actor, idempotency_key=key,
                                delivery_code=post.get("code", ""),
                                cash_collected=post.get("cash_collected") == "1")
    if action == "fail":
        reason = FAILURE_REASONS.get(post.get("reason", ""), "")
        note = " — ".join(p for p in (str(reason), post.get("note", "").strip()[:300]) if p)
        return shipment_transition(shipment_id=shipment_id, to_status=S.FAILED_ATTEMPT,
                                   actor=actor, idempotency_key=key, note=note,
                                   photo=_proof_photo(request))
    if action == "return":
        return shipment_transition(shipment_id=shipment_id, to_status=S.RETURNED, actor=actor,
                                   idempotency_key=key, note=_("Returned after failed attempts"))
    raise Http404


DONE_MESSAGES = {
    "accept": gettext_lazy("Accepted."),
    "decline": gettext_lazy("Declined: the parcel goes to the next partner."),
    "pickup": gettext_lazy("Pickup confirmed."),
    "hub": gettext_lazy("Handed over at the hub."),
    "out": gettext_lazy("Out for delivery."),
    "retry": gettext_lazy("Out for delivery again."),
    "deliver": gettext_lazy("Delivered. Thank you!"),
    "fail": gettext_lazy("Failed attempt recorded."),
    "return": gettext_lazy("Return recorded."),
}


@require_POST
@partner_required
def action(request: HttpRequest, partner: Partner, shipment_id: uuid.UUID,
           name: str) -> HttpResponse:
    """Run one board step on a shipment the partner carries; 404 for any other."""
    shipment = partner_shipment_or_none(partner, shipment_id)
    if shipment is None or name not in DONE_MESSAGES:
        raise Http404
    actor = ShipmentActor.for_partner(partner.pk, request.user)
    try:
        step = _run(name, request, actor, shipment.pk)
    except DomainError as error:
        first = error.errors[0]
        if first.code == ShipmentErrorCode.NOT_FOUND:
            raise Http404 from error
        text = first.message
        if first.code == ShipmentErrorCode.WRONG_DELIVERY_CODE:
            shipment.refresh_from_db(fields=["delivery_code_failures"])
            left = max(0, MAX_DELIVERY_CODE_FAILURES - shipment.delivery_code_failures)
            text = _("%(message)s Tries left: %(left)s.") % {"message": text, "left": left}
        messages.error(request, text)
        return HttpResponseRedirect(f"{reverse('partner:board')}#s-{shipment.pk}", status=303)
    messages.success(request, _("Already recorded.") if step.replayed else DONE_MESSAGES[name])
    return HttpResponseRedirect(f"{reverse('partner:board')}#s-{shipment.pk}", status=303)
