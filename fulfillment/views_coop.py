"""The cooperative's side of shipping: the parcels to pack, a button to say a parcel is ready,
and a printable packing slip. Cooperative staff only; another cooperative's parcel is a 404.
"""
from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from backend.cooperatives.access import cooperative_staff_required
from backend.core.errors import DomainError

from .board_selectors import cooperative_shipments
from .models import Shipment, ShipmentStatus
from .services.shipments import ShipmentActor, shipment_transition


@cooperative_staff_required
def shipments(request: HttpRequest) -> HttpResponse:
    rows = cooperative_shipments([request.coop.cooperative_id])
    return render(request, "fulfillment/coop/shipments.html", {
        "to_prepare": [s for s in rows if s.status == ShipmentStatus.AWAITING_PREPARATION],
        "ready": [s for s in rows if s.status == ShipmentStatus.READY_FOR_PICKUP],
        "seo_noindex": True})


def _own_shipment(request: HttpRequest, shipment_id: uuid.UUID) -> Shipment:
    shipment = (Shipment.objects.filter(pk=shipment_id,
                                        cooperative_id=request.coop.cooperative_id)
                .select_related("order__shipping_address", "cooperative").first())
    if shipment is None:
        raise Http404
    return shipment


@require_POST
@cooperative_staff_required
def mark_ready(request: HttpRequest, shipment_id: uuid.UUID) -> HttpResponse:
    shipment = _own_shipment(request, shipment_id)
    actor = ShipmentActor.for_cooperative(shipment.cooperative_id, request.user)
    try:
        step = shipment_transition(shipment_id=shipment.pk,
                                   to_status=ShipmentStatus.READY_FOR_PICKUP, actor=actor,
                                   idempotency_key=request.POST.get("idempotency_key", ""))
    except DomainError as error:
        messages.error(request, error.errors[0].message)
    else:
        messages.success(request, _("Already recorded.") if step.replayed
                         else _("Marked ready for pickup."))
    back = request.POST.get("next", "")
    target = reverse("coop:orders") if back == "orders" else reverse("coop_shipments:list")
    return HttpResponseRedirect(target, status=303)


@cooperative_staff_required
def packing_slip(request: HttpRequest, shipment_id: uuid.UUID) -> HttpResponse:
    shipment = _own_shipment(request, shipment_id)
    lines = shipment.order.lines.filter(cooperative_id=shipment.cooperative_id)
    return render(request, "fulfillment/coop/packing_slip.html",
                  {"shipment": shipment, "lines": lines, "seo_noindex": True})
