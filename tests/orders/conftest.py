"""Fixtures to build ready-to-complete checkouts without the storefront."""
from __future__ import annotations

from decimal import Decimal

import pytest

from backend.accounts.models import Address
from backend.orders.models import Checkout
from backend.orders.services.checkout_delivery import (
    checkout_delivery_options,
    checkout_delivery_set,
)
from backend.orders.services.checkout_lines import LineInput, checkout_create
from backend.payments.gateways import CASH_ON_DELIVERY
from fulfillment.models import Partner, Region
from tests.factories.catalog import city
from tests.factories.fulfillment import make_partner

TEST_COURIER_SLUG = "coopstore-test-courier"
FLAT_PRICE = Decimal("25.00")


def national_courier() -> Partner:
    """A partner carrying any parcel between any two regions for a flat 25.00 MAD.

    Orders, payments and fair-pay tests expect that price per parcel; created once per database
    (transactional tests flush it, so it is made again when missing).
    """
    partner = Partner.objects.filter(slug=TEST_COURIER_SLUG).first()
    if partner is not None:
        return partner
    city("agadir")  # the geography, which transactional tests flush away
    return make_partner(
        regions=tuple(Region.objects.values_list("code", flat=True)), slug=TEST_COURIER_SLUG,
        name="Coursier national (tests)",
        pricing={"base_fee": FLAT_PRICE, "fee_per_km": Decimal(0), "fee_per_kg": Decimal(0),
                 "minimum_fee": FLAT_PRICE, "free_weight_grams": 10**6})


def choose_test_courier(checkout: Checkout) -> Checkout:
    """Choose, for each cooperative's parcel, the test courier's direct option (else the best)."""
    for group in checkout_delivery_options(checkout=checkout):
        option = next((o for o in group.quote.options
                       if [leg.partner.slug for leg in o.legs] == [TEST_COURIER_SLUG]),
                      group.quote.best)
        checkout = checkout_delivery_set(checkout=checkout,
                                         delivery_method_id=group.option_id(option))
    return checkout


def ready_checkout(channel, variants_quantities, *, email="buyer@example.ma"):
    """A checkout with lines, address, a delivery per cooperative and cash on delivery.

    The deliveries are chosen through the real service, among real quotes: the test courier's
    25.00 MAD option for each parcel.
    """
    national_courier()
    checkout = checkout_create(
        channel=channel, email=email,
        lines=[LineInput(variant_id=v.pk, quantity=q) for v, q in variants_quantities])
    agadir = city("agadir")
    checkout.shipping_address = Address.objects.create(
        first_name="Amina", last_name="Ait", street_address_1="12 rue Tiznit", city="AGADIR",
        postal_code="80000", phone="+212612345678", city_ref=agadir)
    checkout.payment_gateway = CASH_ON_DELIVERY
    checkout.save()
    return choose_test_courier(checkout)


@pytest.fixture
def make_ready_checkout():
    return ready_checkout
