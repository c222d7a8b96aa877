"""The partner board's steps, composed from ``shipment_transition``.

The board offers one button per thing a courier does at the roadside; some of them are two
steps of the state machine (leaving with the parcel then handing it over at a hub). Each step
gets its own idempotency key derived from the form's key, so a re-sent form replays the steps
already done and only runs the missing ones. Declining an offer is not a state change: the
parcel stays ready for pickup and is offered to the next partner chain the quote engine gives.
"""
from __future__ import annotations

import logging
import uuid
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.core.errors import DomainError

from .. import routing
from ..cart_quotes import legs_snapshot
from ..error_codes import ShipmentErrorCode
from ..locks import shipment_for_update
from ..models import ActorKind, City, Partner, PartnerStaff, Shipment, ShipmentEvent
from ..models import ShipmentStatus as S
from ..selectors import delivery_network_load, place_for_city, place_for_cooperative
from .shipments import ShipmentActor, ShipmentStep, _key_clean, shipment_transition

logger = logging.getLogger(__name__)

# What a board button means, by the shipment's current status: the steps to run in order.
LEAVE_FOR = {"hub": S.AT_HUB, "out": S.OUT_FOR_DELIVERY}


def partner_for_user(user) -> Partner | None:
    """The partner a signed-in user works for (the first, if several), or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    role = (PartnerStaff.objects.filter(user=user).select_related("partner")
            .order_by("pk").first())
    return role.partner if role else None


def _sub_key(key: str, index: int) -> str:
    """A per-step key derived from the form's key; stays within the 64-character limit."""
    return f"{key[:60]}-{index}" if key else ""


def shipment_leave(*, shipment_id, destination: str, actor: ShipmentActor,
                   idempotency_key: str, occurred_at=None) -> ShipmentStep:
    """Leave with a picked-up parcel for a hub (``hub``) or for the door (``out``).

    From PICKED_UP this is two steps (IN_TRANSIT, then the destination); from IN_TRANSIT (or
    a failed attempt, for ``out``) one. The parcel's status is read again for each step so a
    replay after a partial success runs only what is missing.
    """
    target = LEAVE_FOR[destination]
    key = _key_clean(idempotency_key)
    shipment = Shipment.objects.filter(pk=shipment_id).only("status").first()
    if shipment is not None and shipment.status == S.PICKED_UP:
        shipment_transition(shipment_id=shipment_id, to_status=S.IN_TRANSIT, actor=actor,
                            idempotency_key=_sub_key(key, 1), occurred_at=occurred_at)
    return shipment_transition(shipment_id=shipment_id, to_status=target, actor=actor,
                               idempotency_key=_sub_key(key, 2), occurred_at=occurred_at)


def shipment_deliver(*, shipment_id, actor: ShipmentActor, idempotency_key: str,
                     delivery_code: str, cash_collected: bool = False) -> ShipmentStep:
    """Confirm a delivery with the customer's code, and record the cash taken at the door.

    A cash-on-delivery parcel is only delivered when the courier says it collected the amount
    (refused otherwise, nothing changed). The transition runs in its own transaction on
    purpose: a wrong code must stay counted even though the step is refused. The cash is then
    recorded with the shipment as reference, so a replayed form records it once.
    """
    from backend.payments.services.cash import cash_on_delivery_collected

    shipment = Shipment.objects.filter(pk=shipment_id).first()
    owes = shipment.cash_to_collect_amount if shipment else Decimal(0)
    if owes > 0 and not cash_collected:
        raise DomainError.single(ShipmentErrorCode.INVALID,
                                 _("Collect the cash before confirming the delivery."), "cash")
    step = shipment_transition(shipment_id=shipment_id, to_status=S.DELIVERED, actor=actor,
                               idempotency_key=idempotency_key, delivery_code=delivery_code)
    if owes > 0:
        cash_on_delivery_collected(order_id=step.shipment.order_id, amount=owes,
                                   reference=cash_reference(step.shipment))
    return step


def cash_reference(shipment: Shipment) -> str:
    """The payment reference of a parcel's cash (one collection per parcel)."""
    return f"shipment-{shipment.pk}"


def _declined_partner_ids(shipment: Shipment) -> set[int]:
    """Partners that already declined this parcel (their decline events)."""
    return set(ShipmentEvent.objects.filter(
        shipment=shipment, from_status=S.READY_FOR_PICKUP, to_status=S.READY_FOR_PICKUP,
        actor_partner__isnull=False).values_list("actor_partner_id", flat=True))


def _next_option(shipment: Shipment, excluded: set[int]) -> routing.DeliveryOption | None:
    """The best option of the quote engine for this parcel without the excluded partners."""
    last = shipment.legs[-1] if shipment.legs and isinstance(shipment.legs[-1], dict) else {}
    city = City.objects.filter(pk=last.get("to_city_id")).first()
    if city is None:
        return None
    cooperative = shipment.cooperative
    day = timezone.localdate()
    snapshot = delivery_network_load(day=day)
    network = routing.Network(
        partners=tuple(p for p in snapshot.network.partners if p.id not in excluded),
        road_factor=snapshot.network.road_factor, booked=snapshot.network.booked)
    result = routing.quote(network, pickup=place_for_cooperative(cooperative),
                           dropoff=place_for_city(city), weight_grams=shipment.weight_grams,
                           day=day)
    return result.best


def shipment_decline(*, shipment_id, actor: ShipmentActor, idempotency_key: str = "",
                     reason: str = "") -> ShipmentStep:
    """A partner declines the first leg of a parcel offered to it; the next option gets it.

    Only the partner of the first leg of a READY_FOR_PICKUP parcel may decline (others:
    NOT_FOUND when it is not theirs, NOT_ALLOWED or INVALID_TRANSITION otherwise). The new
    chain excludes every partner that declined this parcel before. The customer keeps the
    price they paid (the order's delivery is not touched). With no option left the parcel has
    no partner and waits for the network to assign one (logged).
    """
    key = _key_clean(idempotency_key)
    with transaction.atomic():
        shipment = shipment_for_update(uuid.UUID(str(shipment_id)))
        if shipment is None or actor.kind != ActorKind.PARTNER or (
                actor.partner_id not in shipment.partner_ids()):
            raise DomainError.single(ShipmentErrorCode.NOT_FOUND, _("Unknown shipment."), "id")
        if key:
            done = ShipmentEvent.objects.filter(shipment=shipment, idempotency_key=key).first()
            if done is not None:
                return ShipmentStep(shipment=shipment, event=done, replayed=True)
        if shipment.status != S.READY_FOR_PICKUP:
            raise DomainError.single(ShipmentErrorCode.INVALID_TRANSITION,
                                     _("Only an offer waiting for pickup can be declined."),
                                     "status")
        if shipment.current_leg != 0 or shipment.leg_partner_id(0) != actor.partner_id:
            raise DomainError.single(ShipmentErrorCode.NOT_ALLOWED,
                                     _("Another partner carries this leg of the parcel."),
                                     "status")
        excluded = _declined_partner_ids(shipment) | {actor.partner_id}
        option = _next_option(shipment, excluded)
        if option is not None:
            shipment.legs = legs_snapshot(option)
            shipment.partner_id = option.legs[0].partner.id
            outcome = _("offered to %(name)s") % {"name": option.legs[0].partner.name}
        else:
            shipment.legs = [{**leg, "partner_id": None} if i == 0 else leg
                             for i, leg in enumerate(shipment.legs)]
            shipment.partner_id = None
            outcome = _("no other partner: the network assigns one")
            logger.warning("Shipment %s declined by partner %s: no other option",
                           shipment.pk, actor.partner_id)
        shipment.save(update_fields=["legs", "partner", "updated_at"])
        note = _("Declined: %(reason)s; %(outcome)s") % {
            "reason": reason.strip()[:200] or "-", "outcome": outcome}
        event = ShipmentEvent.objects.create(
            shipment=shipment, actor_kind=ActorKind.PARTNER,
            actor_user=actor.user if getattr(actor.user, "pk", None) else None,
            actor_partner_id=actor.partner_id, from_status=S.READY_FOR_PICKUP,
            to_status=S.READY_FOR_PICKUP, leg=0, note=note, idempotency_key=key)
    return ShipmentStep(shipment=shipment, event=event)
