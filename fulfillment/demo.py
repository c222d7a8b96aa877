"""Demo delivery network: a partner in every region, relay hubs, a national courier of last resort.

``seed_delivery_network`` is idempotent (update_or_create on slugs and emails); the project's
``seed_demo`` command calls it. Names and numbers are fictional.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from .models import (
    City,
    Partner,
    PartnerCoverage,
    PartnerKind,
    PartnerStaff,
    PartnerStatus,
    PricingRule,
    Region,
)

DEMO_EMAIL_DOMAIN = "demo.coopstore.ma"


@dataclass(frozen=True)
class Tariff:
    base: str
    per_km: str
    minimum: str
    per_kg: str = "3.00"
    free_grams: int = 2000
    days: tuple[int, int] = (1, 2)


@dataclass(frozen=True)
class DemoPartner:
    slug: str
    name: str
    kind: str
    contact: str
    phone: str
    regions: tuple[str, ...]
    tariff: Tariff
    cities: tuple[str, ...] = ()
    hub: str | None = None
    collects_cash: bool = True
    capacity: int = 80
    co2_grams_per_km: int | None = None


REGIONAL = Tariff(base="15.00", per_km="0.0500", minimum="20.00")
REMOTE = Tariff(base="20.00", per_km="0.0500", minimum="25.00", days=(2, 3))
RELAY = Tariff(base="20.00", per_km="0.0300", minimum="22.00", per_kg="2.00", days=(1, 2))
NATIONAL = Tariff(base="40.00", per_km="0.0150", minimum="45.00", per_kg="5.00", days=(2, 5))
CITY = Tariff(base="15.00", per_km="0.5000", minimum="20.00", days=(0, 1))
T, C, R = (PartnerKind.TRANSPORT_COOPERATIVE, PartnerKind.COURIER, PartnerKind.RELAY_POINT)

DEMO_PARTNERS: tuple[DemoPartner, ...] = (
    DemoPartner("tingis-express", "Tingis Express", C, "Yassine Amrani", "0661100101",
                ("MA-01",), REGIONAL),
    DemoPartner("oriental-colis", "Oriental Colis", T, "Karima Boudchiche", "0661100202",
                ("MA-02",), REGIONAL),
    DemoPartner("saiss-transport", "Coopérative de transport Saïss", T, "Driss Alaoui",
                "0661100303", ("MA-03",), REGIONAL),
    DemoPartner("rabat-velo-coursiers", "Rabat Vélo Coursiers", C, "Salma Bennani",
                "0661100404", ("MA-04",), REGIONAL, co2_grams_per_km=25),
    DemoPartner("tadla-transport", "Tadla Transport", T, "Mustapha Ouhammou", "0661100505",
                ("MA-05",), REGIONAL),
    DemoPartner("casa-coursiers", "Casa Coursiers", C, "Hind Chraibi", "0661100606",
                ("MA-06",), REGIONAL),
    DemoPartner("haouz-livraison", "Haouz Livraison", T, "Abdellah Aït Lahcen", "0661100707",
                ("MA-07",), REGIONAL),
    DemoPartner("draa-caravane", "Drâa Caravane", T, "Fatima Oubaha", "0661100808",
                ("MA-08",), REMOTE),
    DemoPartner("souss-express", "Souss Express", T, "Brahim Id Ali", "0661100909",
                ("MA-09",), REGIONAL),
    DemoPartner("oued-noun-transport", "Oued Noun Transport", T, "Lahcen Bouhia",
                "0661101010", ("MA-10",), REMOTE),
    DemoPartner("saqia-colis", "Saqia Colis", T, "Mbarka Ould Sidi", "0661101111",
                ("MA-11",), REMOTE),
    DemoPartner("dakhla-livraison", "Dakhla Livraison", C, "Ahmed Ould Baba", "0661101212",
                ("MA-12",), REMOTE),
    DemoPartner("agadir-coursiers", "Agadir Coursiers", C, "Naima Ait Baha", "0661101313",
                (), CITY, cities=("agadir", "inezgane"), capacity=40),
    # Relay hubs: they run the lines between regions and hand parcels over in their city.
    DemoPartner("relais-casablanca", "Relais Casablanca", R, "Omar Tazi", "0661102001",
                ("MA-01", "MA-04", "MA-05", "MA-06"), RELAY, hub="casablanca", capacity=300),
    DemoPartner("relais-marrakech", "Relais Marrakech", R, "Zineb El Fassi", "0661102002",
                ("MA-07", "MA-08", "MA-09", "MA-10", "MA-11", "MA-12"), RELAY,
                cities=("casablanca", "fes"), hub="marrakech", capacity=300),
    DemoPartner("relais-fes", "Relais Fès", R, "Hamza Benjelloun", "0661102003",
                ("MA-02", "MA-03"), RELAY, cities=("casablanca",), hub="fes", capacity=300),
    # Last resort: one courier that picks up and delivers everywhere, slower and dearer.
    DemoPartner("maroc-colis-national", "Maroc Colis National", C, "Service clients",
                "0661103000", tuple(f"MA-{n:02d}" for n in range(1, 13)), NATIONAL,
                capacity=1000),
)


def demo_staff_email(slug: str) -> str:
    return f"partner.{slug}@{DEMO_EMAIL_DOMAIN}"


def _seed_partner(demo: DemoPartner, regions: dict[str, Region], cities: dict[str, City],
                  password: str) -> Partner:
    partner, _ = Partner.objects.update_or_create(slug=demo.slug, defaults={
        "name": demo.name, "kind": demo.kind, "contact_name": demo.contact,
        "phone": demo.phone, "email": f"contact@{demo.slug}.ma",
        "status": PartnerStatus.APPROVED, "collects_cash": demo.collects_cash,
        "daily_capacity": demo.capacity, "co2_grams_per_km": demo.co2_grams_per_km,
        "hub_city": cities[demo.hub] if demo.hub else None,
    })
    tariff = demo.tariff
    PricingRule.objects.update_or_create(partner=partner, defaults={
        "currency": "MAD", "base_fee": Decimal(tariff.base), "fee_per_km": Decimal(tariff.per_km),
        "fee_per_kg": Decimal(tariff.per_kg), "free_weight_grams": tariff.free_grams,
        "minimum_fee": Decimal(tariff.minimum), "min_delay_days": tariff.days[0],
        "max_delay_days": tariff.days[1],
    })
    wanted_regions = {regions[code].pk for code in demo.regions}
    wanted_cities = {cities[slug].pk for slug in demo.cities}
    partner.coverages.exclude(region__in=wanted_regions).exclude(city__in=wanted_cities).delete()
    for region_id in wanted_regions:
        PartnerCoverage.objects.update_or_create(
            partner=partner, region_id=region_id, city=None,
            defaults={"can_pickup": True, "can_dropoff": True})
    for city_id in wanted_cities:
        PartnerCoverage.objects.update_or_create(
            partner=partner, city_id=city_id, region=None,
            defaults={"can_pickup": True, "can_dropoff": True})
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        email=demo_staff_email(demo.slug),
        defaults={"first_name": demo.contact.split()[0],
                  "last_name": " ".join(demo.contact.split()[1:])})
    if created or not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
    PartnerStaff.objects.get_or_create(partner=partner, user=user)
    return partner


@transaction.atomic
def seed_delivery_network(password: str) -> list[Partner]:
    """Create or update the demo partners, their pricing, coverage and staff accounts."""
    regions = {r.code: r for r in Region.objects.all()}
    cities = {c.slug: c for c in City.objects.all()}
    return [_seed_partner(demo, regions, cities, password) for demo in DEMO_PARTNERS]
