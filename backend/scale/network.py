"""Cooperatives with their members and payout details, delivery partners, customers."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from backend.accounts.models import Address, User
from backend.cooperatives.models import Cooperative, CooperativeStatus
from backend.fairpay.models import (
    CooperativeFairPay,
    CooperativeMember,
    PartnerPayoutDetails,
)
from fulfillment.models import Partner, PartnerCoverage, PartnerKind, PartnerStatus, PricingRule

from .bulk import reserve_ids
from .context import EMAIL_DOMAIN, SLUG_PREFIX, Place, SeedContext
from .names import COOPERATIVE_WORDS, FIRST_NAMES, LAST_NAMES, STREETS


@dataclass(frozen=True)
class Coop:
    id: int
    name: str
    place: Place
    latitude: float
    longitude: float
    women_led: bool
    youth_led: bool
    approved: bool


@dataclass(frozen=True)
class Carrier:
    id: int
    slug: str
    kind: str
    region_id: int
    hub_city_id: int
    base_fee: Decimal
    fee_per_km: Decimal
    minimum_fee: Decimal
    co2_per_km: int


@dataclass(frozen=True)
class Customer:
    id: int
    email: str
    address_fields: dict
    place: Place


def _rib(rng) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(24))


def seed_cooperatives(ctx: SeedContext) -> list[Coop]:
    rng = ctx.rng("cooperatives")
    n = ctx.params.cooperatives
    first = reserve_ids(Cooperative, n)
    coops: list[Coop] = []
    rows, settings_rows = [], []
    for i in range(n):
        place = ctx.places[rng.randrange(len(ctx.places))]
        word, word_ar = COOPERATIVE_WORDS[rng.randrange(len(COOPERATIVE_WORDS))]
        name = f"Coopérative {word} {place.name} {i + 1}"
        lat = place.latitude + rng.uniform(-0.15, 0.15)
        lon = place.longitude + rng.uniform(-0.15, 0.15)
        coop = Coop(id=first + i, name=name, place=place, latitude=lat, longitude=lon,
                    women_led=rng.random() < 0.45, youth_led=rng.random() < 0.2,
                    approved=rng.random() < 0.96)
        coops.append(coop)
        rows.append({
            "id": coop.id, "name": name, "slug": f"{SLUG_PREFIX}coop-{i + 1:05d}",
            "odco_number": f"SC-{ctx.params.seed}-{i + 1:06d}",
            "region_id": place.region_id, "city_id": place.city_id,
            "latitude": Decimal(f"{lat:.6f}"), "longitude": Decimal(f"{lon:.6f}"),
            "founded_year": rng.randrange(1975, 2024),
            "member_count": ctx.params.members_per_coop,
            "women_led": coop.women_led, "youth_led": coop.youth_led,
            "story": (f"{name} ({word_ar}) : une coopérative de {place.name} qui vend en "
                      f"circuit court."),
            "phone": f"+2125{rng.randrange(10**7, 10**8)}",
            "email": f"contact{i + 1}@{EMAIL_DOMAIN}",
            "status": CooperativeStatus.APPROVED if coop.approved else CooperativeStatus.PENDING,
        })
        settings_rows.append({
            "cooperative_id": coop.id,
            "reserve_rate": Decimal(rng.choice(["0.0000", "0.0500", "0.1000"])),
            "account_holder": name[:200],
            "rib": _rib(rng) if rng.random() < 0.93 else "",
        })
    ctx.copy(Cooperative, rows)
    ctx.copy(CooperativeFairPay, settings_rows)
    _seed_members(ctx, coops)
    return coops


def _seed_members(ctx: SeedContext, coops: list[Coop]) -> None:
    rng = ctx.rng("members")
    per = ctx.params.members_per_coop

    def rows():
        for coop in coops:
            for _ in range(per):
                first, first_ar = FIRST_NAMES[rng.randrange(len(FIRST_NAMES))]
                last, last_ar = LAST_NAMES[rng.randrange(len(LAST_NAMES))]
                yield {"cooperative_id": coop.id, "full_name": f"{first} {last}",
                       "full_name_ar": f"{first_ar} {last_ar}",
                       "phone": f"+2126{rng.randrange(10**7, 10**8)}",
                       "joined_on": date(2015, 1, 1) + timedelta(days=rng.randrange(3600)),
                       "is_active": rng.random() < 0.95}
    ctx.copy(CooperativeMember, rows())


KINDS = [(PartnerKind.COURIER, 120), (PartnerKind.TRANSPORT_COOPERATIVE, 220),
         (PartnerKind.RELAY_POINT, 180)]


def seed_partners(ctx: SeedContext) -> list[Carrier]:
    """Three partners per region at least, one more per 25 cooperatives; each covers its
    region for pick-ups and drop-offs, a transport cooperative also the next region."""
    rng = ctx.rng("partners")
    region_ids = sorted(ctx.regions)
    n = max(3 * len(region_ids), ctx.params.cooperatives // 25)
    first = reserve_ids(Partner, n)
    capitals: dict[int, Place] = {}
    for place in ctx.places:
        if place.name == ctx.regions[place.region_id].capital:
            capitals[place.region_id] = place
        capitals.setdefault(place.region_id, place)
    carriers, rows, pricing, details, coverage = [], [], [], [], []
    for i in range(n):
        region_id = region_ids[i % len(region_ids)]
        kind, co2 = KINDS[(i // len(region_ids)) % len(KINDS)]
        slug = f"{SLUG_PREFIX}partner-{i + 1:04d}"
        carrier = Carrier(
            id=first + i, slug=slug, kind=kind, region_id=region_id,
            hub_city_id=capitals[region_id].city_id,
            base_fee=Decimal(rng.choice(["10.00", "12.00", "15.00"])),
            fee_per_km=Decimal(rng.choice(["0.0500", "0.0800", "0.1000"])),
            minimum_fee=Decimal("15.00"), co2_per_km=co2)
        carriers.append(carrier)
        rows.append({"id": carrier.id, "name": f"{kind.label} {ctx.regions[region_id].name} "
                     f"{i + 1}", "slug": slug, "kind": kind,
                     "contact_name": "Service client", "email": f"{slug}@{EMAIL_DOMAIN}",
                     "status": PartnerStatus.APPROVED,
                     "collects_cash": kind != PartnerKind.RELAY_POINT,
                     "daily_capacity": rng.choice([50, 100, 200]),
                     "co2_grams_per_km": co2, "hub_city_id": carrier.hub_city_id})
        pricing.append({"partner_id": carrier.id, "currency": "MAD",
                        "base_fee": carrier.base_fee, "fee_per_km": carrier.fee_per_km,
                        "fee_per_kg": Decimal("2.00"), "free_weight_grams": 2000,
                        "minimum_fee": carrier.minimum_fee, "min_delay_days": 1,
                        "max_delay_days": 3})
        details.append({"partner_id": carrier.id, "account_holder": rows[-1]["name"],
                        "rib": _rib(rng)})
        coverage.append({"partner_id": carrier.id, "region_id": region_id,
                         "can_pickup": True, "can_dropoff": True})
        if kind == PartnerKind.TRANSPORT_COOPERATIVE:
            nxt = region_ids[(region_ids.index(region_id) + 1) % len(region_ids)]
            coverage.append({"partner_id": carrier.id, "region_id": nxt,
                             "can_pickup": True, "can_dropoff": True})
    ctx.copy(Partner, rows)
    ctx.copy(PricingRule, pricing)
    ctx.copy(PartnerPayoutDetails, details)
    ctx.copy(PartnerCoverage, coverage)
    return carriers


def seed_customers(ctx: SeedContext) -> list[Customer]:
    """One customer per five orders, each with an address (their default shipping address);
    customers live mostly in the big cities."""
    rng = ctx.rng("customers")
    n = max(1, ctx.params.orders // 5)
    first_user = reserve_ids(User, n)
    first_address = reserve_ids(Address, n)
    weights = [3 if p.name == ctx.regions[p.region_id].capital else 1 for p in ctx.places]
    customers, users, addresses = [], [], []
    for i in range(n):
        place = rng.choices(ctx.places, weights)[0]
        first, _ = FIRST_NAMES[rng.randrange(len(FIRST_NAMES))]
        last, _ = LAST_NAMES[rng.randrange(len(LAST_NAMES))]
        email = f"customer{i + 1:07d}@{EMAIL_DOMAIN}"
        fields = {"first_name": first, "last_name": last,
                  "street_address_1": f"{rng.randrange(1, 200)} {rng.choice(STREETS)}",
                  "city": place.name.upper(), "postal_code": place.postal_code,
                  "country": "MA", "phone": f"+2126{rng.randrange(10**7, 10**8)}",
                  "city_ref_id": place.city_id}
        customers.append(Customer(first_user + i, email, fields, place))
        users.append({"id": first_user + i, "email": email, "first_name": first,
                      "last_name": last, "password": "!scale" + f"{rng.getrandbits(64):016x}",
                      "language_code": rng.choice(["fr", "fr", "fr", "ar", "en"]),
                      "date_joined": ctx.anchor - timedelta(days=400 + rng.randrange(900)),
                      "jwt_token_key": f"{rng.getrandbits(48):012x}",
                      "default_shipping_address_id": first_address + i,
                      "default_billing_address_id": first_address + i})
        addresses.append({"id": first_address + i, "user_id": first_user + i, **fields})
    ctx.copy(User, users)
    ctx.copy(Address, addresses)
    return customers
