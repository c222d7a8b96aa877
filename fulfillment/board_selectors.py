"""Reads of the partner board, the consumer's tracking page and the cooperative's list.

A partner sees a shipment when it carries one of its legs (the same rule as
``shipment_transition``); the database filters on the legs' JSON, so another partner's parcel is
never loaded, and a page asking for it answers 404.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from urllib.parse import quote as url_quote

from django.db.models import QuerySet, Sum
from django.utils.translation import get_language

from backend.core.money import from_minor_units

from .delivery_codes import delivery_code_for_customer
from .models import City, Partner, Shipment, ShipmentEvent, ShipmentStatus
from .route_planning import Point, RoutePlan, plan_route

S = ShipmentStatus
TERMINAL = frozenset({S.DELIVERED, S.RETURNED, S.CANCELED})


def partner_shipments(partner: Partner) -> QuerySet[Shipment]:
    """Every shipment the partner carries a leg of (JSON containment on the legs)."""
    return (Shipment.objects.filter(legs__contains=[{"partner_id": partner.pk}])
            .select_related("order__shipping_address", "cooperative__city"))


def partner_shipment_or_none(partner: Partner, shipment_id) -> Shipment | None:
    return partner_shipments(partner).filter(pk=shipment_id).first()


@dataclass(frozen=True)
class Card:
    """One parcel on the board: what the partner can do with it now and where."""

    shipment: Shipment
    role: str  # offer | handover | pickup | carry | door | retry
    place_name: str
    point: Point | None
    address: str = ""

    @property
    def is_pickup(self) -> bool:
        return self.role in ("offer", "handover", "pickup")

    @property
    def to_hub(self) -> bool:
        return not self.shipment.is_last_leg

    @property
    def maps_url(self) -> str:
        return maps_url(self.point) if self.point else ""

    @property
    def geo_uri(self) -> str:
        if not self.point:
            return ""
        lat, lon = self.point.latitude, self.point.longitude
        return f"geo:{lat:.6f},{lon:.6f}?q={lat:.6f},{lon:.6f}"


def maps_url(point: Point) -> str:
    """An https link every phone opens in its maps app (or the browser)."""
    query = url_quote(f"{point.latitude:.6f},{point.longitude:.6f}")
    return f"https://www.google.com/maps/search/?api=1&query={query}"


def _role(shipment: Shipment, partner_id: int) -> str | None:
    status, mine = shipment.status, shipment.leg_partner_id(shipment.current_leg) == partner_id
    if status == S.READY_FOR_PICKUP and shipment.current_leg == 0 and mine:
        return "offer"
    if status == S.AT_HUB and shipment.leg_partner_id(shipment.current_leg + 1) == partner_id:
        return "handover"
    if not mine:
        return None
    return {S.ACCEPTED: "pickup", S.PICKED_UP: "carry", S.IN_TRANSIT: "carry",
            S.OUT_FOR_DELIVERY: "door", S.FAILED_ATTEMPT: "retry"}.get(S(status))


def _leg_city_id(shipment: Shipment, leg: int, end: str) -> int | None:
    if not 0 <= leg < len(shipment.legs) or not isinstance(shipment.legs[leg], dict):
        return None
    value = shipment.legs[leg].get(end)
    return value if isinstance(value, int) else None


def board_cards(partner: Partner) -> list[Card]:
    """The parcels the partner has to act on now: offers and pickups first, then drop-offs."""
    language = get_language() or "fr"
    shipments = [s for s in partner_shipments(partner).exclude(status__in=TERMINAL)
                 if _role(s, partner.pk)]
    city_ids = {c for s in shipments for leg in range(len(s.legs))
                for c in (_leg_city_id(s, leg, "from_city_id"), _leg_city_id(s, leg, "to_city_id"))
                if c}
    cities = City.objects.in_bulk(city_ids)
    cards = []
    for shipment in shipments:
        role = _role(shipment, partner.pk)
        assert role is not None
        address = ""
        if role in ("offer", "pickup") and shipment.current_leg == 0:
            cooperative = shipment.cooperative
            point = Point(float(cooperative.latitude), float(cooperative.longitude),
                          str(shipment.pk))
            name = f"{cooperative.name} — {cooperative.city.localized_name(language)}"
        else:
            leg = shipment.current_leg + (1 if role == "handover" else 0)
            end = "from_city_id" if role in ("handover", "pickup") else "to_city_id"
            city = cities.get(_leg_city_id(shipment, leg, end))
            point = Point(float(city.latitude), float(city.longitude), str(shipment.pk)) \
                if city else None
            name = city.localized_name(language) if city else ""
            if role in ("door", "retry") and shipment.order.shipping_address:
                address = str(shipment.order.shipping_address)
        cards.append(Card(shipment=shipment, role=role, place_name=name, point=point,
                          address=address))
    cards.sort(key=lambda c: (not c.is_pickup, c.shipment.created_at))
    return cards


def todays_route(partner: Partner, cards: list[Card]) -> tuple[RoutePlan, dict[str, Card]]:
    """The stops of the accepted work (not the offers) from the partner's hub, shortest first."""
    stops = {card.point.key: card for card in cards
             if card.point is not None and card.role not in ("offer", "handover")}
    hub = partner.hub_city
    start = Point(float(hub.latitude), float(hub.longitude), "start") if hub else None
    return plan_route(start, [card.point for card in stops.values()]), stops


@dataclass(frozen=True)
class CashSummary:
    """What a partner collected at doors and what it handed over to the network."""

    currency: str
    collected: Decimal
    remitted: Decimal
    parcels: list[tuple[Shipment, Decimal]]

    @property
    def held(self) -> Decimal:
        return self.collected - self.remitted


def cash_summary(partner: Partner, currency: str = "MAD") -> CashSummary:
    """Collected: the cash recorded for the parcels it delivered; remitted: its remittances."""
    from backend.fairpay.models import AccountKind, Entry, JournalKind
    from backend.payments.models import TransactionEvent, TransactionEventType

    from .services.board import cash_reference

    delivered = [s for s in partner_shipments(partner).filter(status=S.DELIVERED,
                                                               cash_to_collect_amount__gt=0)
                 if s.leg_partner_id(len(s.legs) - 1) == partner.pk]
    references = {f"cash-{cash_reference(s)}": s for s in delivered}
    amounts: dict[str, Decimal] = {}
    for event in TransactionEvent.objects.filter(psp_reference__in=references,
                                                 type=TransactionEventType.CHARGE_SUCCESS):
        amounts[event.psp_reference] = amounts.get(event.psp_reference, Decimal(0)) + event.amount
    parcels = [(references[ref], amount) for ref, amount in amounts.items()]
    minor = Entry.objects.filter(
        journal__kind=JournalKind.REMITTANCE, account__kind=AccountKind.CASH_HELD_BY_PARTNER,
        account__partner=partner, account__currency=currency).aggregate(total=Sum("amount"))
    remitted = from_minor_units(-(minor["total"] or 0), currency)
    return CashSummary(currency=currency, collected=sum(amounts.values(), Decimal(0)),
                       remitted=remitted, parcels=parcels)


# --- consumer tracking -------------------------------------------------------------------------

@dataclass(frozen=True)
class ParcelTracking:
    """One parcel as its customer sees it (the only place the delivery code is shown)."""

    shipment: Shipment
    events: list[ShipmentEvent]
    partner_names: str
    km_total: Decimal
    km_done: Decimal
    expected_from: date | None
    expected_to: date | None
    delivery_code: str


def _leg_km(leg: object) -> Decimal:
    try:
        return Decimal(str(leg.get("km", "0"))) if isinstance(leg, dict) else Decimal(0)
    except ArithmeticError:
        return Decimal(0)


def _km_done(shipment: Shipment) -> Decimal:
    """Legs fully carried: the earlier ones, plus the current one once it reached its end."""
    legs = [_leg_km(leg) for leg in shipment.legs]
    done = sum(legs[:shipment.current_leg], Decimal(0))
    if shipment.status in (S.AT_HUB, S.OUT_FOR_DELIVERY, S.DELIVERED, S.FAILED_ATTEMPT) and (
            shipment.current_leg < len(legs)):
        done += legs[shipment.current_leg]
    return done


def order_tracking(order) -> list[ParcelTracking]:
    """Each parcel of ``order`` with its timeline; three queries."""
    shipments = list(order.shipments.select_related("delivery", "cooperative", "partner")
                     .prefetch_related("events__city", "events__actor_partner"))
    parcels = []
    for shipment in shipments:
        delivery = shipment.delivery
        start = order.created_at.date()
        names = " → ".join(str(leg.get("partner_name", "")) for leg in shipment.legs
                           if isinstance(leg, dict) and leg.get("partner_id"))
        parcels.append(ParcelTracking(
            shipment=shipment, events=list(shipment.events.all()), partner_names=names,
            km_total=sum((_leg_km(leg) for leg in shipment.legs), Decimal(0)),
            km_done=_km_done(shipment),
            expected_from=start + timedelta(days=delivery.minimum_delivery_days)
            if delivery else None,
            expected_to=start + timedelta(days=delivery.maximum_delivery_days)
            if delivery else None,
            delivery_code=delivery_code_for_customer(shipment)
            if shipment.status not in TERMINAL else ""))
    return parcels


def cooperative_shipments(cooperative_ids: list[int]) -> QuerySet[Shipment]:
    """Parcels of the user's cooperatives still to prepare or waiting for their partner."""
    return (Shipment.objects.filter(cooperative_id__in=cooperative_ids,
                                    status__in=[S.AWAITING_PREPARATION, S.READY_FOR_PICKUP])
            .select_related("order", "cooperative").order_by("created_at", "pk"))
