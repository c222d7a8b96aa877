"""The e-mail a customer gets at the important steps of a parcel, with the tracking link.

Sent by a Celery task after the step's transaction commits (a rolled-back step sends nothing),
in the order's language. The delivery code is included when the parcel leaves for the door,
since the customer must have it at hand then.
"""
from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .delivery_codes import delivery_code_for_customer
from .models import Shipment, ShipmentEvent, ShipmentStatus

S = ShipmentStatus
NOTIFIED_STEPS = frozenset({S.PICKED_UP, S.OUT_FOR_DELIVERY, S.DELIVERED, S.FAILED_ATTEMPT,
                            S.RETURNED})
DEFAULT_BASE_URL = "http://localhost:8000"


def tracking_url(order) -> str:
    """The guest's secret link, absolute, in the active language's URL prefix."""
    base = (getattr(settings, "PUBLIC_URL", "") or DEFAULT_BASE_URL).rstrip("/")
    return base + reverse("tracking:by_token", kwargs={"token": order.tracking_token})


def send_shipment_step(*, shipment_id: str, event_id: int) -> bool:
    """Mail the order's customer about one step; False when there is nobody to write to."""
    event = (ShipmentEvent.objects.filter(pk=event_id, shipment_id=shipment_id)
             .select_related("shipment__order", "shipment__cooperative").first())
    if event is None or not event.shipment.order.user_email:
        return False
    shipment: Shipment = event.shipment
    order = shipment.order
    with translation.override(order.language_code or "fr"):
        status = S(event.to_status).label
        subject = _("Your parcel %(number)s: %(status)s") % {
            "number": shipment.tracking_number, "status": status}
        lines = [
            _("Order %(number)s, parcel from %(cooperative)s: %(status)s.") % {
                "number": order.number, "cooperative": shipment.cooperative.name,
                "status": status},
        ]
        if event.note:
            lines.append(event.note)
        if event.to_status == S.OUT_FOR_DELIVERY:
            lines.append(_("Your delivery code: %(code)s. Give it to the courier only when you "
                           "receive the parcel.") % {"code": delivery_code_for_customer(shipment)})
        lines.append(_("Follow your parcels: %(url)s") % {"url": tracking_url(order)})
    send_mail(str(subject), "\n\n".join(lines) + "\n", None, [order.user_email])
    return True
