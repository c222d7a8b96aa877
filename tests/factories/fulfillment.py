"""factory_boy factories for delivery partners, their pricing and coverage."""
from __future__ import annotations

from decimal import Decimal

import factory

from fulfillment.models import (
    City,
    Partner,
    PartnerCoverage,
    PartnerKind,
    PartnerStatus,
    PricingRule,
    Region,
)


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Partenaire {n}")
    slug = factory.Sequence(lambda n: f"partenaire-{n}")
    kind = PartnerKind.TRANSPORT_COOPERATIVE
    contact_name = "Brahim Id Ali"
    phone = "+212661100909"
    email = factory.LazyAttribute(lambda o: f"contact@{o.slug}.ma")
    status = PartnerStatus.APPROVED
    collects_cash = True
    daily_capacity = 50


class PricingRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PricingRule

    partner = factory.SubFactory(PartnerFactory)
    base_fee = Decimal("18.00")
    fee_per_km = Decimal("0.0600")
    fee_per_kg = Decimal("3.00")
    free_weight_grams = 2000
    minimum_fee = Decimal("20.00")
    min_delay_days = 1
    max_delay_days = 2


def make_partner(*, regions: tuple[str, ...] = (), cities: tuple[str, ...] = (),
                 hub: str | None = None, pickup: bool = True, dropoff: bool = True,
                 pricing: dict | None = None, **fields) -> Partner:
    """An approved, priced partner covering ``regions`` (codes) and ``cities`` (slugs)."""
    if hub:
        fields["hub_city"] = City.objects.get(slug=hub)
    partner = PartnerFactory(**fields)
    PricingRuleFactory(partner=partner, **(pricing or {}))
    for code in regions:
        PartnerCoverage.objects.create(partner=partner, region=Region.objects.get(code=code),
                                       can_pickup=pickup, can_dropoff=dropoff)
    for slug in cities:
        PartnerCoverage.objects.create(partner=partner, city=City.objects.get(slug=slug),
                                       can_pickup=pickup, can_dropoff=dropoff)
    return partner
