"""The quote engine: which chains of partners can carry a parcel, at what price, delay and distance.

Pure functions over frozen dataclasses (no ORM), so the rules can be property-tested;
``fulfillment.selectors`` builds the ``Network`` from the database.

Rules:
- a leg is carried by one partner that may pick up at its origin and drop off at its destination
  (a coverage of the city, or of its region);
- a chain hands the parcel over only at a hub city declared by an approved partner, to another
  partner, at most ``MAX_HAND_OFFS`` times;
- distances are great-circle kilometres times the road factor, rounded up to 100 m;
- a leg costs its partner's base fee + fee per km + fee per started kg above the free weight,
  at least the partner's minimum, rounded to centimes; an option costs the sum of its legs;
- no pick-up is made on ``NO_PICKUP_WEEKDAYS``: a parcel handed over that day waits one more day;
- every partner able to carry the parcel alone is an option (the next ones are fallbacks when
  a partner declines); a relay is kept only when no other option is at least as good on
  hand-offs, kilometres, price, delay and CO2 at once;
- options are sorted by fewest hand-offs, then kilometres, then price.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from enum import StrEnum
from itertools import pairwise, permutations
from itertools import product as cartesian

from backend.core.money import quantize

EARTH_RADIUS_KM = 6371.0088
MAX_HAND_OFFS = 2
KM_STEP = Decimal("0.1")
GRAMS_PER_KG = 1000
NO_PICKUP_WEEKDAYS = frozenset({6})  # Sunday
# How many of the cheapest partners per leg are tried when combining relay legs.
RELAY_CANDIDATES_PER_LEG = 3
DEFAULT_OPTION_LIMIT = 5


class ShortCircuitLevel(StrEnum):
    LOCAL = "LOCAL"  # one partner, same city
    REGIONAL = "REGIONAL"  # one partner, same region
    NATIONAL_DIRECT = "NATIONAL_DIRECT"  # one partner across regions
    NATIONAL_RELAY = "NATIONAL_RELAY"  # two or more partners through hubs


class NoDeliveryReason(StrEnum):
    NO_DROPOFF_PARTNER = "NO_DROPOFF_PARTNER"
    NO_PICKUP_PARTNER = "NO_PICKUP_PARTNER"
    CAPACITY_REACHED = "CAPACITY_REACHED"
    NO_ROUTE = "NO_ROUTE"


@dataclass(frozen=True)
class Place:
    """A point of a route: the cooperative's own location, or a city (hub, drop-off)."""

    city_id: int
    region_id: int
    latitude: float
    longitude: float
    name: str = ""
    name_ar: str = ""
    name_en: str = ""

    def localized_name(self, language: str = "fr") -> str:
        return {"ar": self.name_ar, "en": self.name_en}.get(language[:2]) or self.name


@dataclass(frozen=True)
class Area:
    """Cities and regions where a partner offers one service (pick-up or drop-off)."""

    cities: frozenset[int] = frozenset()
    regions: frozenset[int] = frozenset()

    def contains(self, place: Place) -> bool:
        return place.city_id in self.cities or place.region_id in self.regions


@dataclass(frozen=True)
class Pricing:
    base_fee: Decimal
    fee_per_km: Decimal
    minimum_fee: Decimal
    fee_per_kg: Decimal = Decimal("0")
    free_weight_grams: int = 1000
    min_delay_days: int = 1
    max_delay_days: int = 2
    currency: str = "MAD"

    def leg_price(self, km: Decimal, weight_grams: int) -> Decimal:
        """Exact price of one leg, in centimes; never below the minimum."""
        extra_grams = max(0, weight_grams - self.free_weight_grams)
        started_kg = -(-extra_grams // GRAMS_PER_KG)
        raw = self.base_fee + self.fee_per_km * km + self.fee_per_kg * started_kg
        return quantize(max(raw, self.minimum_fee), self.currency)


@dataclass(frozen=True)
class PartnerNode:
    id: int
    slug: str
    name: str
    pricing: Pricing
    pickup: Area
    dropoff: Area
    co2_grams_per_km: int
    hub: Place | None = None
    daily_capacity: int | None = None
    collects_cash: bool = False

    def can_carry(self, origin: Place, destination: Place) -> bool:
        return self.pickup.contains(origin) and self.dropoff.contains(destination)


@dataclass(frozen=True)
class Network:
    """Approved, priced partners; ``booked`` counts parcels already taken per partner that day."""

    partners: tuple[PartnerNode, ...]
    road_factor: float = 1.3
    booked: Mapping[int, int] = field(default_factory=dict, hash=False, compare=False)

    def has_capacity(self, partner: PartnerNode) -> bool:
        if partner.daily_capacity is None:
            return True
        return self.booked.get(partner.id, 0) < partner.daily_capacity

    def hubs(self) -> tuple[Place, ...]:
        by_city = {p.hub.city_id: p.hub for p in self.partners if p.hub is not None}
        return tuple(by_city[city_id] for city_id in sorted(by_city))


@dataclass(frozen=True)
class Leg:
    partner: PartnerNode
    origin: Place
    destination: Place
    km: Decimal
    price: Decimal


@dataclass(frozen=True)
class DeliveryOption:
    legs: tuple[Leg, ...]
    price: Decimal
    min_days: int
    max_days: int
    km: Decimal
    co2_grams: int
    level: ShortCircuitLevel

    @property
    def hand_offs(self) -> int:
        return len(self.legs) - 1

    @property
    def key(self) -> str:
        """Stable within a network: partner ids, each relay prefixed by its hub city id."""
        parts = [str(self.legs[0].partner.id)]
        parts += [f"{leg.origin.city_id}:{leg.partner.id}" for leg in self.legs[1:]]
        return "@".join(parts)

    @property
    def partners(self) -> tuple[PartnerNode, ...]:
        return tuple(leg.partner for leg in self.legs)

    def sort_key(self) -> tuple:
        return (self.hand_offs, self.km, self.price, self.max_days,
                tuple(p.id for p in self.partners))

    def dominates(self, other: DeliveryOption) -> bool:
        """At least as good on every count, and ahead in the ordering."""
        return (self.hand_offs <= other.hand_offs and self.km <= other.km
                and self.price <= other.price and self.max_days <= other.max_days
                and self.co2_grams <= other.co2_grams and self.sort_key() < other.sort_key())


@dataclass(frozen=True)
class Quote:
    """The options for one parcel, best first, or the reason there is none."""

    options: tuple[DeliveryOption, ...]
    reason: NoDeliveryReason | None = None

    @property
    def best(self) -> DeliveryOption | None:
        return self.options[0] if self.options else None


def haversine_km(a: Place, b: Place) -> float:
    """Great-circle distance in kilometres."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat = lat2 - lat1
    dlon = math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def road_km(a: Place, b: Place, road_factor: float) -> Decimal:
    """Road kilometres, rounded up to 100 m so they are never shorter than the estimate."""
    return Decimal(repr(haversine_km(a, b) * road_factor)).quantize(KM_STEP, ROUND_CEILING)


def short_circuit_level(pickup: Place, dropoff: Place, legs: int) -> ShortCircuitLevel:
    if legs > 1:
        return ShortCircuitLevel.NATIONAL_RELAY
    if pickup.city_id == dropoff.city_id:
        return ShortCircuitLevel.LOCAL
    if pickup.region_id == dropoff.region_id:
        return ShortCircuitLevel.REGIONAL
    return ShortCircuitLevel.NATIONAL_DIRECT


def _leg(network: Network, partner: PartnerNode, origin: Place, destination: Place,
         weight_grams: int) -> Leg:
    km = road_km(origin, destination, network.road_factor)
    return Leg(partner=partner, origin=origin, destination=destination, km=km,
               price=partner.pricing.leg_price(km, weight_grams))


def _option(legs: tuple[Leg, ...], day: date) -> DeliveryOption:
    wait = 1 if day.weekday() in NO_PICKUP_WEEKDAYS else 0
    co2 = sum(leg.km * leg.partner.co2_grams_per_km for leg in legs)
    return DeliveryOption(
        legs=legs,
        price=sum((leg.price for leg in legs), Decimal("0")),
        min_days=wait + sum(leg.partner.pricing.min_delay_days for leg in legs),
        max_days=wait + sum(leg.partner.pricing.max_delay_days for leg in legs),
        km=sum((leg.km for leg in legs), Decimal("0")),
        co2_grams=int(Decimal(co2).quantize(Decimal(1), ROUND_HALF_UP)),
        level=short_circuit_level(legs[0].origin, legs[-1].destination, len(legs)),
    )


def _relay_chains(pickup: Place, dropoff: Place,
                  hubs: tuple[Place, ...]) -> Iterable[tuple[Place, ...]]:
    """Every sequence of places from pickup to drop-off through 1..MAX_HAND_OFFS distinct hubs."""
    for hand_offs in range(1, MAX_HAND_OFFS + 1):
        for stops in permutations(hubs, hand_offs):
            yield (pickup, *stops, dropoff)


def quote(network: Network, *, pickup: Place, dropoff: Place, weight_grams: int, day: date,
          limit: int = DEFAULT_OPTION_LIMIT) -> Quote:
    """The delivery options of one parcel, best first (at most ``limit``), or why there is none.

    Every partner able to carry the parcel alone is an option; each relay chain of hubs gives
    at most one option, with the cheapest partners for its legs (a partner never hands over to
    itself), kept unless another option dominates it.
    """
    if weight_grams < 0:
        raise ValueError("weight_grams must not be negative")
    if not any(p.dropoff.contains(dropoff) for p in network.partners):
        return Quote(options=(), reason=NoDeliveryReason.NO_DROPOFF_PARTNER)
    if not any(p.pickup.contains(pickup) for p in network.partners):
        return Quote(options=(), reason=NoDeliveryReason.NO_PICKUP_PARTNER)
    available = [p for p in network.partners if network.has_capacity(p)]
    if not (any(p.dropoff.contains(dropoff) for p in available)
            and any(p.pickup.contains(pickup) for p in available)):
        return Quote(options=(), reason=NoDeliveryReason.CAPACITY_REACHED)

    candidates: dict[tuple[Place, Place], list[Leg]] = {}

    def legs_between(origin: Place, destination: Place) -> list[Leg]:
        """Partners that can carry this leg, cheapest first."""
        key = (origin, destination)
        if key not in candidates:
            legs = [_leg(network, p, origin, destination, weight_grams)
                    for p in available if p.can_carry(origin, destination)]
            candidates[key] = sorted(
                legs, key=lambda leg: (leg.price, leg.partner.pricing.max_delay_days,
                                       leg.partner.id))
        return candidates[key]

    direct = [_option((leg,), day) for leg in legs_between(pickup, dropoff)]
    relays = [relay for chain in _relay_chains(pickup, dropoff, network.hubs())
              if (relay := _best_relay(chain, legs_between, day)) is not None]
    everything = direct + relays
    options = direct + [r for r in relays if not any(o.dominates(r) for o in everything)]
    if not options:
        return Quote(options=(), reason=NoDeliveryReason.NO_ROUTE)
    options.sort(key=DeliveryOption.sort_key)
    return Quote(options=tuple(options[:limit]))


def _best_relay(chain: tuple[Place, ...], legs_between: Callable[[Place, Place], list[Leg]],
                day: date) -> DeliveryOption | None:
    """The cheapest relay along ``chain`` whose consecutive legs have different partners.

    Trying the three cheapest partners per leg is enough: a leg's partner must only differ
    from its (at most two) neighbours.
    """
    per_leg = [legs_between(a, b)[:RELAY_CANDIDATES_PER_LEG] for a, b in pairwise(chain)]
    best: DeliveryOption | None = None
    for legs in cartesian(*per_leg):
        if any(a.partner.id == b.partner.id for a, b in pairwise(legs)):
            continue
        option = _option(tuple(legs), day)
        if best is None or (option.price, option.max_days) < (best.price, best.max_days):
            best = option
    return best
