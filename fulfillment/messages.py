"""Words the consumer reads about a delivery, translated with gettext (fr, ar, en)."""
from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .routing import NoDeliveryReason, ShortCircuitLevel

NO_DELIVERY_MESSAGES: dict[NoDeliveryReason, Promise] = {
    NoDeliveryReason.NO_DROPOFF_PARTNER: _(
        "No delivery available: no partner of the network delivers to this city yet."),
    NoDeliveryReason.NO_PICKUP_PARTNER: _(
        "No delivery available: no partner of the network picks up at this cooperative yet."),
    NoDeliveryReason.CAPACITY_REACHED: _(
        "No delivery available today: the partners serving this route are fully booked."),
    NoDeliveryReason.NO_ROUTE: _(
        "No delivery available: no chain of partners links this cooperative to this city."),
}

SHORT_CIRCUIT_LABELS: dict[ShortCircuitLevel, Promise] = {
    ShortCircuitLevel.LOCAL: _("Local delivery (same city)"),
    ShortCircuitLevel.REGIONAL: _("Regional short circuit"),
    ShortCircuitLevel.NATIONAL_DIRECT: _("National, one partner"),
    ShortCircuitLevel.NATIONAL_RELAY: _("National, through relay hubs"),
}


def no_delivery_message(reason: NoDeliveryReason) -> str:
    return str(NO_DELIVERY_MESSAGES[reason])


def short_circuit_label(level: ShortCircuitLevel) -> str:
    return str(SHORT_CIRCUIT_LABELS[level])
