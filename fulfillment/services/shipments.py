"""Shipment steps: creating one shipment per cooperative of an order, then moving it along.

Every step goes through ``shipment_transition``: the table ``TRANSITIONS`` says which moves are
legal and who may make them; any other move is refused with a ``ShipmentErrorCode`` and changes
nothing. A step locks its shipment row (two couriers accepting at once: one wins, the other is
told ``ALREADY_ACCEPTED``) and may carry an idempotency key: the same step sent again (a phone
that lost the network and retried) returns the first result without a second effect.
"""
from __future__ import annotations

import logging
import re
import secrets
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.core.errors import DomainError
from backend.discounts.selectors import order_parcel_amounts_due
from backend.orders.models import ChargeStatus, Order
from backend.payments.gateways import CASH_ON_DELIVERY

from ..delivery_codes import delivery_code_matches, delivery_code_salt_new
from ..error_codes import ShipmentErrorCode
from ..locks import shipment_for_update
from ..models import ActorKind, Partner, Shipment, ShipmentEvent, ShipmentStatus

logger = logging.getLogger(__name__)

S = ShipmentStatus
A = ActorKind
_CARRIER = frozenset({A.PARTNER, A.STAFF})

# from -> to -> who may make the move. Staff (network admins) may make any legal move.
TRANSITIONS: dict[ShipmentStatus, dict[ShipmentStatus, frozenset[ActorKind]]] = {
    S.AWAITING_PREPARATION: {S.READY_FOR_PICKUP: frozenset({A.COOPERATIVE, A.STAFF}),
                             S.CANCELED: frozenset({A.CUSTOMER, A.STAFF})},
    S.READY_FOR_PICKUP: {S.ACCEPTED: _CARRIER, S.CANCELED: frozenset({A.STAFF})},
    S.ACCEPTED: {S.PICKED_UP: _CARRIER, S.CANCELED: frozenset({A.STAFF})},
    S.PICKED_UP: {S.IN_TRANSIT: _CARRIER},
    S.IN_TRANSIT: {S.AT_HUB: _CARRIER, S.OUT_FOR_DELIVERY: _CARRIER},
    # The partner of the next leg takes the parcel over at the hub.
    S.AT_HUB: {S.ACCEPTED: _CARRIER},
    S.OUT_FOR_DELIVERY: {S.DELIVERED: _CARRIER, S.FAILED_ATTEMPT: _CARRIER},
    S.FAILED_ATTEMPT: {S.OUT_FOR_DELIVERY: _CARRIER, S.RETURNED: _CARRIER},
    S.DELIVERED: {},
    S.RETURNED: {},
    S.CANCELED: {},
}
# Once the parcel left the cooperative, cancelling it is a return, not a cancellation.
CANCELLABLE = frozenset(s for s, moves in TRANSITIONS.items() if S.CANCELED in moves)
ACCEPTED_OR_LATER = frozenset({S.ACCEPTED, S.PICKED_UP, S.IN_TRANSIT, S.AT_HUB,
                               S.OUT_FOR_DELIVERY, S.DELIVERED, S.FAILED_ATTEMPT, S.RETURNED})
MAX_DELIVERY_ATTEMPTS = 3
MAX_DELIVERY_CODE_FAILURES = 5
IDEMPOTENCY_KEY = re.compile(r"[A-Za-z0-9._:-]{1,64}")
TRACKING_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U


@dataclass(frozen=True)
class ShipmentActor:
    """Who makes a step. ``partner_id`` / ``cooperative_id`` say on whose behalf."""

    kind: ActorKind
    user: object | None = None
    partner_id: int | None = None
    cooperative_id: int | None = None

    @classmethod
    def system(cls) -> ShipmentActor:
        return cls(A.SYSTEM)

    @classmethod
    def staff(cls, user=None) -> ShipmentActor:
        return cls(A.STAFF, user)

    @classmethod
    def customer(cls, user=None) -> ShipmentActor:
        """Trusted by the caller: ``order_cancel`` checked the order is the customer's."""
        return cls(A.CUSTOMER, user)

    @classmethod
    def for_partner(cls, partner_id: int, user=None) -> ShipmentActor:
        return cls(A.PARTNER, user, partner_id=partner_id)

    @classmethod
    def for_cooperative(cls, cooperative_id: int, user=None) -> ShipmentActor:
        return cls(A.COOPERATIVE, user, cooperative_id=cooperative_id)


@dataclass(frozen=True)
class ShipmentStep:
    """The outcome of a step; ``replayed`` when the idempotency key had already been used."""

    shipment: Shipment
    event: ShipmentEvent
    replayed: bool = False


def _refuse(code: ShipmentErrorCode, message: str, field: str | None = None) -> DomainError:
    return DomainError.single(code, message, field)


def _tracking_number() -> str:
    """``CS`` + 10 random Crockford characters (10^15 values: a clash is not a concern)."""
    return "CS" + "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(10))


def _int_or_none(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def shipments_create_for_order(*, order: Order) -> list[Shipment]:
    """One shipment per cooperative of ``order``, awaiting its preparation; idempotent.

    Called by ``checkout_complete`` inside its transaction. The legs are copied from the
    cooperative's chosen delivery; the cash to collect is the parcel's goods plus its delivery
    for a cash-on-delivery order not yet paid. Six SQL queries whatever the order holds.
    """
    existing = list(Shipment.objects.filter(order=order))
    if existing:
        return existing
    parcels = (order.lines.order_by().values("cooperative_id")
               .annotate(weight=Sum("weight_grams"), goods=Sum("total_price_amount")))
    parcels = {row["cooperative_id"]: row for row in parcels}
    deliveries = {d.cooperative_id: d for d in order.deliveries.all()}
    legs = {pk: [leg for leg in (d.legs or []) if isinstance(leg, dict)]
            for pk, d in deliveries.items()}
    named = {leg.get("partner_id") for chain in legs.values() for leg in chain}
    known = set(Partner.objects.filter(pk__in=[p for p in named if _int_or_none(p)])
                .values_list("pk", flat=True)) if named else set()
    collect = order.payment_gateway == CASH_ON_DELIVERY and order.charge_status != ChargeStatus.FULL
    # Less the parcel's discounts and its part of a gift card (backend.discounts).
    due = order_parcel_amounts_due(order, {
        pk: (row["goods"] or Decimal(0)) + (deliveries[pk].price_amount if pk in deliveries
                                            else Decimal(0))
        for pk, row in parcels.items()}) if collect else {}
    shipments = []
    for cooperative_id in sorted(parcels):
        parcel, delivery = parcels[cooperative_id], deliveries.get(cooperative_id)
        chain = legs.get(cooperative_id, [])
        first_partner = chain[0].get("partner_id") if chain else None
        cash = due.get(cooperative_id, Decimal(0))
        shipments.append(Shipment(
            id=uuid.uuid4(), order=order, cooperative_id=cooperative_id, delivery=delivery,
            tracking_number=_tracking_number(), legs=chain,
            partner_id=first_partner if first_partner in known else None,
            weight_grams=parcel["weight"] or 0, currency=order.currency,
            cash_to_collect_amount=cash if collect else Decimal(0),
            delivery_code_salt=delivery_code_salt_new()))
    Shipment.objects.bulk_create(shipments)
    ShipmentEvent.objects.bulk_create([
        ShipmentEvent(shipment=s, actor_kind=A.SYSTEM, from_status="",
                      to_status=S.AWAITING_PREPARATION,
                      city_id=_int_or_none(s.legs[0].get("from_city_id")) if s.legs else None)
        for s in shipments])
    return shipments


def shipments_cancel(*, shipments: Sequence[Shipment], actor: ShipmentActor,
                     note: str = "") -> None:
    """Cancel these shipments (an order's cancellation); each must still be cancellable.

    The caller holds the rows' locks (``fulfillment.locks.shipments_for_update``).
    """
    for shipment in shipments:
        if shipment.status != S.CANCELED:
            shipment_transition(shipment_id=shipment.pk, to_status=S.CANCELED, actor=actor,
                                note=note)


def shipments_cancellable(shipments: Iterable[Shipment], actor: ShipmentActor) -> bool:
    """Whether ``actor`` may cancel every one of these (already cancelled ones count as done)."""
    return all(s.status == S.CANCELED
               or actor.kind in TRANSITIONS[S(s.status)].get(S.CANCELED, ()) for s in shipments)


def _key_clean(idempotency_key: str) -> str:
    key = (idempotency_key or "").strip()
    if key and not IDEMPOTENCY_KEY.fullmatch(key):
        raise _refuse(ShipmentErrorCode.INVALID,
                      _("The idempotency key must be 1 to 64 letters, digits or ._:-"),
                      "idempotencyKey")
    return key


def _visible_to(shipment: Shipment, actor: ShipmentActor) -> bool:
    """Partners see the shipments they carry a leg of; cooperatives their own parcels."""
    if actor.kind == A.PARTNER:
        return actor.partner_id is not None and actor.partner_id in shipment.partner_ids()
    if actor.kind == A.COOPERATIVE:
        return actor.cooperative_id == shipment.cooperative_id
    return True


def _leg_acted_on(shipment: Shipment, to_status: ShipmentStatus) -> int:
    at_hub = shipment.status == S.AT_HUB and to_status == S.ACCEPTED
    return shipment.current_leg + 1 if at_hub else shipment.current_leg


def _check_move(shipment: Shipment, to_status: ShipmentStatus, actor: ShipmentActor) -> None:
    """The table, then who may act: raises with the reason of a refusal."""
    current = S(shipment.status)
    moves = TRANSITIONS[current]
    if to_status not in moves:
        if to_status == S.ACCEPTED and current in ACCEPTED_OR_LATER:
            raise _refuse(ShipmentErrorCode.ALREADY_ACCEPTED,
                          _("This shipment has already been accepted."), "status")
        raise _refuse(ShipmentErrorCode.INVALID_TRANSITION,
                      _("A shipment that is “%(current)s” cannot become “%(next)s”.")
                      % {"current": current.label, "next": to_status.label}, "status")
    if actor.kind not in moves[to_status]:
        raise _refuse(ShipmentErrorCode.NOT_ALLOWED,
                      _("You are not allowed to make this step."), "status")
    if actor.kind == A.PARTNER and (
            shipment.leg_partner_id(_leg_acted_on(shipment, to_status)) != actor.partner_id):
        raise _refuse(ShipmentErrorCode.NOT_ALLOWED,
                      _("Another partner carries this leg of the parcel."), "status")


def _check_rules(shipment: Shipment, to_status: ShipmentStatus, actor: ShipmentActor,
                 note: str, delivery_code: str | None) -> bool:
    """The rules of the legs, attempts and codes; returns False for a wrong delivery code."""
    legs = len(shipment.legs)
    if to_status == S.AT_HUB and shipment.current_leg + 1 >= legs:
        raise _refuse(ShipmentErrorCode.NO_NEXT_LEG,
                      _("This parcel has no further leg: deliver it."), "status")
    if (to_status == S.OUT_FOR_DELIVERY and shipment.status == S.IN_TRANSIT
            and shipment.current_leg + 1 < legs):
        raise _refuse(ShipmentErrorCode.NOT_LAST_LEG,
                      _("This parcel goes to a relay hub first."), "status")
    if to_status == S.OUT_FOR_DELIVERY and shipment.status == S.FAILED_ATTEMPT and (
            shipment.failed_attempts >= MAX_DELIVERY_ATTEMPTS):
        raise _refuse(ShipmentErrorCode.ATTEMPTS_EXHAUSTED,
                      _("No delivery attempt is left: return the parcel."), "status")
    if to_status == S.FAILED_ATTEMPT and not note:
        raise _refuse(ShipmentErrorCode.REASON_REQUIRED, _("Give the reason."), "note")
    if to_status == S.DELIVERED:
        if actor.kind == A.STAFF and not delivery_code:
            if not note:
                raise _refuse(ShipmentErrorCode.REASON_REQUIRED,
                              _("Say how the delivery was confirmed."), "note")
            return True
        if not delivery_code:
            raise _refuse(ShipmentErrorCode.DELIVERY_CODE_REQUIRED,
                          _("Enter the customer's delivery code."), "deliveryCode")
        if shipment.delivery_code_failures >= MAX_DELIVERY_CODE_FAILURES:
            raise _refuse(ShipmentErrorCode.DELIVERY_CODE_LOCKED,
                          _("Too many wrong codes: contact the network."), "deliveryCode")
        return delivery_code_matches(shipment, delivery_code)
    return True


def _occurred_at(occurred_at: datetime | None, shipment: Shipment) -> datetime:
    """The client's time of a step recorded offline, never in the future nor before creation."""
    now = timezone.now()
    if occurred_at is None:
        return now
    return min(max(occurred_at, shipment.created_at), now)


def _apply(shipment: Shipment, to_status: ShipmentStatus) -> list[str]:
    """Move the shipment; returns the changed fields."""
    changed = ["status", "updated_at"]
    if shipment.status == S.AT_HUB and to_status == S.ACCEPTED:
        shipment.current_leg += 1
        shipment.partner_id = shipment.leg_partner_id(shipment.current_leg)
        changed += ["current_leg", "partner"]
    if to_status == S.FAILED_ATTEMPT:
        shipment.failed_attempts += 1
        changed.append("failed_attempts")
    shipment.status = to_status
    return changed


def _store_photo(shipment: Shipment, photo: ContentFile | None) -> str:
    """Write the proof photo first: events are append-only, so it is set at creation."""
    if photo is None:
        return ""
    field = ShipmentEvent._meta.get_field("photo")
    name = field.generate_filename(None, f"{shipment.pk}-{uuid.uuid4().hex[:8]}.jpg")
    return field.storage.save(name, photo)


def _hold_parcel_earnings(shipment: Shipment, delivered_at: datetime) -> None:
    """The parcel's fair-pay shares become payable a holding period after its delivery."""
    from backend.fairpay.services.ledger import parcel_hold_record

    parcel_hold_record(order=shipment.order, cooperative=shipment.cooperative,
                       delivered_at=delivered_at)


def _event_city(shipment: Shipment, leg: int, to_status: ShipmentStatus) -> int | None:
    """Where a step happens by default: the leg's start until pick-up, then its end."""
    if not 0 <= leg < len(shipment.legs) or not isinstance(shipment.legs[leg], dict):
        return None
    at_start = to_status in (S.READY_FOR_PICKUP, S.ACCEPTED, S.PICKED_UP, S.IN_TRANSIT,
                             S.CANCELED)
    return _int_or_none(shipment.legs[leg].get("from_city_id" if at_start else "to_city_id"))


def _notify_on_commit(shipment: Shipment, event: ShipmentEvent) -> None:
    """The customer's e-mail of an important step, queued once the step is committed."""
    from ..emails import NOTIFIED_STEPS

    if event.to_status in NOTIFIED_STEPS:
        from backend.outbox.services import enqueue

        enqueue("fulfillment.tasks.shipment_step_notify", args=[str(shipment.pk), event.pk],
                dedup_key=f"shipment-step:{event.pk}")


def shipment_transition(*, shipment_id, to_status: ShipmentStatus | str, actor: ShipmentActor,
                        idempotency_key: str = "", note: str = "", city_id: int | None = None,
                        latitude: Decimal | None = None, longitude: Decimal | None = None,
                        occurred_at: datetime | None = None,
                        delivery_code: str | None = None,
                        photo: ContentFile | None = None) -> ShipmentStep:
    """Move a shipment one step and record the event, or refuse and change nothing.

    Locks the shipment row. A partner may only act on shipments it carries a leg of (others
    answer NOT_FOUND, as if they did not exist) and only on its own leg. With an
    ``idempotency_key`` already used on this shipment for the same step, returns that step
    (``replayed``); for another step, IDEMPOTENCY_KEY_REUSED. A wrong delivery code is refused
    too, but counted (and logged): after ``MAX_DELIVERY_CODE_FAILURES`` the code is locked. The
    count is committed unless the caller's own transaction rolls back on the error.
    """
    try:
        target = S(to_status)
    except ValueError as exc:
        raise _refuse(ShipmentErrorCode.INVALID, _("Unknown step."), "status") from exc
    try:
        pk = uuid.UUID(str(shipment_id))
    except ValueError as exc:
        raise _refuse(ShipmentErrorCode.NOT_FOUND, _("Unknown shipment."), "id") from exc
    key = _key_clean(idempotency_key)
    note = (note or "").strip()
    wrong_code: DomainError | None = None
    with transaction.atomic():
        shipment = shipment_for_update(pk)
        if shipment is None or not _visible_to(shipment, actor):
            raise _refuse(ShipmentErrorCode.NOT_FOUND, _("Unknown shipment."), "id")
        if key:
            done = ShipmentEvent.objects.filter(shipment=shipment, idempotency_key=key).first()
            if done is not None:
                if done.to_status != target:
                    raise _refuse(ShipmentErrorCode.IDEMPOTENCY_KEY_REUSED,
                                  _("This idempotency key was used for another step."),
                                  "idempotencyKey")
                return ShipmentStep(shipment=shipment, event=done, replayed=True)
        _check_move(shipment, target, actor)
        if _check_rules(shipment, target, actor, note, delivery_code):
            leg = _leg_acted_on(shipment, target)
            from_status = shipment.status
            event_time = _occurred_at(occurred_at, shipment)
            shipment.save(update_fields=_apply(shipment, target))
            event = ShipmentEvent.objects.create(
                shipment=shipment, occurred_at=event_time, actor_kind=actor.kind,
                actor_user=actor.user if getattr(actor.user, "pk", None) else None,
                actor_partner_id=actor.partner_id, from_status=from_status, to_status=target,
                leg=leg, note=note, idempotency_key=key,
                city_id=city_id if city_id is not None else _event_city(shipment, leg, target),
                latitude=latitude, longitude=longitude, photo=_store_photo(shipment, photo))
            if target == S.DELIVERED:
                _hold_parcel_earnings(shipment, event_time)
            _notify_on_commit(shipment, event)
            return ShipmentStep(shipment=shipment, event=event)
        # A wrong code: count it (committed), then refuse.
        shipment.delivery_code_failures += 1
        shipment.save(update_fields=["delivery_code_failures"])
        logger.warning("Wrong delivery code for shipment %s by partner %s (%s failures)",
                       shipment.pk, actor.partner_id, shipment.delivery_code_failures)
        wrong_code = _refuse(ShipmentErrorCode.WRONG_DELIVERY_CODE,
                             _("This is not the customer's delivery code."), "deliveryCode")
    raise wrong_code

