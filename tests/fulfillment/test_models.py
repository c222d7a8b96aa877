"""Partner models: validated phone numbers, coverage shape, pricing bounds, CO2 defaults, admin."""
from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from fulfillment.models import (
    DEFAULT_CO2_GRAMS_PER_KM,
    City,
    PartnerCoverage,
    PartnerKind,
    PricingRule,
    Region,
)
from tests.factories.fulfillment import PartnerFactory, PricingRuleFactory, make_partner

pytestmark = pytest.mark.django_db


def test_a_moroccan_phone_number_is_stored_in_international_form():
    partner = PartnerFactory(phone="0661100909")

    partner.full_clean()
    partner.save()
    partner.refresh_from_db()

    assert partner.phone.as_e164 == "+212661100909"


def test_an_invalid_phone_number_is_refused():
    partner = PartnerFactory.build(slug="bad-phone", phone="12345")

    with pytest.raises(ValidationError) as error:
        partner.full_clean()

    assert "phone" in error.value.message_dict


@pytest.mark.parametrize("kind", list(PartnerKind))
def test_a_partner_without_a_declared_co2_figure_uses_its_kind_default(kind):
    partner = PartnerFactory(kind=kind, co2_grams_per_km=None)

    assert partner.effective_co2_grams_per_km() == DEFAULT_CO2_GRAMS_PER_KM[kind]


def test_a_declared_co2_figure_wins_over_the_default():
    assert PartnerFactory(co2_grams_per_km=25).effective_co2_grams_per_km() == 25


@pytest.mark.parametrize("targets", [{"region": True, "city": True}, {}])
def test_a_coverage_names_either_a_region_or_a_city(targets):
    partner = PartnerFactory()
    fields = {}
    if "region" in targets:
        fields["region"] = Region.objects.get(code="MA-09")
    if "city" in targets:
        fields["city"] = City.objects.get(slug="agadir")

    with pytest.raises(IntegrityError), transaction.atomic():
        PartnerCoverage.objects.create(partner=partner, **fields)

    assert not PartnerCoverage.objects.filter(partner=partner).exists()


def test_a_coverage_serves_pickups_or_dropoffs():
    partner = PartnerFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        PartnerCoverage.objects.create(partner=partner, region=Region.objects.get(code="MA-09"),
                                       can_pickup=False, can_dropoff=False)


def test_a_pricing_rule_cannot_promise_a_maximum_delay_below_its_minimum():
    with pytest.raises(IntegrityError), transaction.atomic():
        PricingRuleFactory(min_delay_days=3, max_delay_days=2)

    assert not PricingRule.objects.exists()


@pytest.mark.parametrize("url", [
    "/admin/fulfillment/partner/", "/admin/fulfillment/partner/add/",
    "/admin/fulfillment/partnercoverage/", "/admin/fulfillment/pricingrule/",
])
def test_network_admins_manage_partners_coverage_and_pricing(admin_client, url):
    make_partner(regions=("MA-09",), cities=("agadir",), hub="agadir")

    assert admin_client.get(url).status_code == 200


def test_the_partner_change_page_shows_pricing_and_coverage_inline(admin_client):
    partner = make_partner(regions=("MA-09",), hub="agadir")

    response = admin_client.get(f"/admin/fulfillment/partner/{partner.pk}/change/")

    assert response.status_code == 200
    assert b"pricing-0-base_fee" in response.content
    assert b"coverages-0-region" in response.content
