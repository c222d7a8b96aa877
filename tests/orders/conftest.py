"""Fixtures to build ready-to-complete checkouts without the storefront."""
from __future__ import annotations

import pytest

from backend.accounts.models import Address
from backend.orders.models import CheckoutDelivery
from backend.orders.services.checkout_lines import LineInput, checkout_create
from backend.payments.gateways import CASH_ON_DELIVERY
from tests.factories.catalog import city


def ready_checkout(channel, variants_quantities, *, email="buyer@example.ma"):
    """A checkout with lines, address, a delivery per cooperative and cash on delivery."""
    checkout = checkout_create(
        channel=channel, email=email,
        lines=[LineInput(variant_id=v.pk, quantity=q) for v, q in variants_quantities])
    agadir = city("agadir")
    checkout.shipping_address = Address.objects.create(
        first_name="Amina", last_name="Ait", street_address_1="12 rue Tiznit", city="AGADIR",
        postal_code="80000", phone="+212612345678", city_ref=agadir)
    checkout.payment_gateway = CASH_ON_DELIVERY
    checkout.save()
    for cooperative_id in {v.product.cooperative_id for v, _ in variants_quantities}:
        CheckoutDelivery.objects.create(
            checkout=checkout, cooperative_id=cooperative_id, option_id=f"test-{cooperative_id}",
            price_amount="25.00", short_circuit_level="REGIONAL", distance_km="120.0")
    return checkout


@pytest.fixture
def make_ready_checkout():
    return ready_checkout
