"""The demo network: every region served, three relay hubs, a national courier, staff accounts."""
from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth import authenticate

from fulfillment import routing
from fulfillment.demo import DEMO_PARTNERS, demo_staff_email, seed_delivery_network
from fulfillment.models import City, Partner, PartnerCoverage, PartnerStaff, PartnerStatus, Region
from fulfillment.selectors import delivery_network_load, place_for_city, place_for_cooperative
from tests.factories.catalog import CooperativeFactory

from .conftest import DEMO_PASSWORD, MONDAY

pytestmark = pytest.mark.django_db


def test_seeding_twice_changes_nothing(demo_network):
    counts = (Partner.objects.count(), PartnerCoverage.objects.count(),
              PartnerStaff.objects.count())

    again = seed_delivery_network(DEMO_PASSWORD)

    assert [p.pk for p in again] == [p.pk for p in demo_network]
    assert (Partner.objects.count(), PartnerCoverage.objects.count(),
            PartnerStaff.objects.count()) == counts
    assert counts[0] == counts[2] == len(DEMO_PARTNERS)


def test_every_region_has_an_approved_partner_picking_up_and_delivering(demo_network):
    for region in Region.objects.all():
        local = Partner.objects.filter(
            status=PartnerStatus.APPROVED, coverages__region=region,
            coverages__can_pickup=True, coverages__can_dropoff=True,
        ).exclude(slug="maroc-colis-national")
        assert local.exists(), region.code


def test_relay_hubs_stand_in_casablanca_marrakech_and_fes(demo_network):
    hubs = set(Partner.objects.approved().exclude(hub_city=None)
               .values_list("hub_city__slug", flat=True))

    assert hubs == {"casablanca", "marrakech", "fes"}


def test_a_national_courier_covers_all_twelve_regions(demo_network):
    national = Partner.objects.get(slug="maroc-colis-national")

    assert national.coverages.filter(region__isnull=False).count() == 12
    assert national.pricing.minimum_fee == Decimal("45.00")


def test_each_partner_has_a_demo_staff_account_with_the_given_password(demo_network):
    for partner in demo_network:
        email = demo_staff_email(partner.slug)
        assert email == f"partner.{partner.slug}@demo.coopstore.ma"
        user = authenticate(email=email, password=DEMO_PASSWORD)
        assert user is not None
        assert PartnerStaff.objects.filter(partner=partner, user=user).exists()
        assert not user.is_staff


def test_demo_prices_are_realistic(demo_network):
    network = delivery_network_load(day=MONDAY).network
    agadir, tanger = (place_for_city(City.objects.get(slug=s)) for s in ("agadir", "tanger"))
    in_agadir = place_for_cooperative(CooperativeFactory(city_slug="agadir"))
    taliouine = place_for_cooperative(CooperativeFactory(city_slug="taliouine"))

    local = routing.quote(network, pickup=in_agadir, dropoff=agadir, weight_grams=800, day=MONDAY)
    regional = routing.quote(network, pickup=taliouine, dropoff=agadir, weight_grams=800,
                             day=MONDAY)
    national = routing.quote(network, pickup=taliouine, dropoff=tanger, weight_grams=800,
                             day=MONDAY)

    assert Decimal("20") <= local.best.price <= Decimal("30")
    assert Decimal("20") <= regional.best.price <= Decimal("30")
    assert Decimal("40") <= national.best.price <= Decimal("70")
