"""Loading the network from the database, and the product page's delivery estimate."""
from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import translation

from fulfillment.models import City, PartnerCoverage, PartnerStatus
from fulfillment.routing import NoDeliveryReason, ShortCircuitLevel
from fulfillment.selectors import delivery_estimate, delivery_network_load
from tests.factories.catalog import CooperativeFactory, make_listed_product
from tests.factories.fulfillment import PartnerFactory, make_partner

from .conftest import MONDAY

pytestmark = pytest.mark.django_db


def test_the_network_loads_in_two_queries_whatever_its_size(django_assert_num_queries):
    for n in range(6):
        make_partner(regions=("MA-09", "MA-07"), cities=("casablanca",),
                     hub="marrakech" if n % 2 else None)

    with django_assert_num_queries(2):
        snapshot = delivery_network_load(day=MONDAY)

    assert len(snapshot.network.partners) == 6
    assert [h.name for h in snapshot.network.hubs()] == ["Marrakech"]


def test_only_approved_partners_with_a_pricing_rule_are_loaded():
    approved = make_partner(regions=("MA-09",))
    make_partner(regions=("MA-09",), status=PartnerStatus.PENDING)
    make_partner(regions=("MA-09",), status=PartnerStatus.SUSPENDED)
    unpriced = PartnerFactory()
    PartnerCoverage.objects.create(partner=unpriced, region=approved.coverages.get().region)

    snapshot = delivery_network_load(day=MONDAY)

    assert [p.id for p in snapshot.network.partners] == [approved.pk]
    assert snapshot.partners == {approved.pk: approved}


def test_coverage_becomes_pickup_and_dropoff_areas():
    partner = make_partner(regions=("MA-09",), pricing={"base_fee": Decimal("12.50")},
                           co2_grams_per_km=None, kind="courier")
    agadir, tanger = City.objects.get(slug="agadir"), City.objects.get(slug="tanger")
    PartnerCoverage.objects.create(partner=partner, city=tanger, can_pickup=False)

    node = delivery_network_load(day=MONDAY).network.partners[0]

    assert node.pickup.regions == node.dropoff.regions == frozenset({agadir.region_id})
    assert node.pickup.cities == frozenset()
    assert node.dropoff.cities == frozenset({tanger.pk})
    assert node.pricing.base_fee == Decimal("12.50")
    assert node.co2_grams_per_km == 120


def test_a_taliouine_cooperative_ships_to_agadir_regionally_first(demo_network):
    cooperative = CooperativeFactory(city_slug="taliouine")

    estimate = delivery_estimate(cooperative, City.objects.get(slug="agadir"), day=MONDAY)

    assert estimate.option.level is ShortCircuitLevel.REGIONAL
    assert estimate.partner_names == "Souss Express"
    assert estimate.option.km == Decimal("209.2")


def test_a_taliouine_cooperative_ships_to_tanger_nationally(demo_network):
    cooperative = CooperativeFactory(city_slug="taliouine")

    estimate = delivery_estimate(cooperative, City.objects.get(slug="tanger"), day=MONDAY)

    assert estimate.option.level is ShortCircuitLevel.NATIONAL_DIRECT
    assert estimate.partner_names == "Maroc Colis National"


@pytest.mark.parametrize(("language", "expected"), [
    ("fr", "Aucune livraison"),
    ("ar", "توصيل"),
    ("en", "No delivery available"),
])
def test_a_city_nobody_covers_gets_no_delivery_available_in_the_users_language(language,
                                                                              expected):
    make_partner(regions=("MA-09",))
    cooperative = CooperativeFactory(city_slug="taliouine")

    estimate = delivery_estimate(cooperative, City.objects.get(slug="dakhla"), day=MONDAY)

    assert estimate.option is None
    assert estimate.reason is NoDeliveryReason.NO_DROPOFF_PARTNER
    with translation.override(language):
        assert expected in estimate.message


def test_the_estimate_of_a_product_uses_its_default_variant_weight(channel):
    make_partner(regions=("MA-09",), pricing={"fee_per_kg": Decimal("10.00"),
                                              "free_weight_grams": 1000})
    product = make_listed_product(channel=channel,
                                  cooperative=CooperativeFactory(city_slug="taliouine"))
    product.default_variant.weight_grams = 2500
    product.default_variant.save()
    agadir = City.objects.get(slug="agadir")

    heavy = delivery_estimate(product, agadir, day=MONDAY)
    light = delivery_estimate(product, agadir, day=MONDAY, weight_grams=500)

    assert heavy.option.price - light.option.price == Decimal("20.00")


def test_the_product_page_estimate_costs_a_fixed_number_of_queries(
        demo_network, channel, django_assert_num_queries):
    from catalog.selectors import products_with_details

    product = make_listed_product(channel=channel,
                                  cooperative=CooperativeFactory(city_slug="taliouine"))
    product = products_with_details(type(product).objects.filter(pk=product.pk), channel).get()
    agadir = City.objects.select_related("region").get(slug="agadir")

    with django_assert_num_queries(2):
        estimate = delivery_estimate(product, agadir, day=MONDAY)

    assert estimate.option is not None
