"""Quantity breaks: the unit price never rises with the quantity; totals are exact."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend.business.pricing import (
    breaks_are_decreasing,
    line_total,
    unit_price_for_quantity,
)
from backend.business.services.listings import pro_listing_set
from backend.core.errors import DomainError

prices = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2)
breaks = st.lists(st.tuples(st.integers(2, 5000), prices), max_size=6)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(base=prices, breaks=breaks, quantity=st.integers(1, 10_000), more=st.integers(0, 10_000))
def test_the_unit_price_never_increases_with_the_quantity(base, breaks, quantity, more):
    assert (unit_price_for_quantity(base, breaks, quantity + more)
            <= unit_price_for_quantity(base, breaks, quantity) <= base)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(base=prices, breaks=breaks, quantity=st.integers(1, 10_000))
def test_a_line_total_is_the_unit_price_times_the_quantity_exactly(base, breaks, quantity):
    unit = unit_price_for_quantity(base, breaks, quantity)

    assert line_total(base, breaks, quantity, "MAD") == unit * quantity


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(base=prices, breaks=breaks, quantity=st.integers(1, 10_000))
def test_with_falling_breaks_the_highest_break_reached_applies(base, breaks, quantity):
    if not breaks_are_decreasing(base, breaks):
        return
    reached = [price for minimum, price in sorted(breaks) if minimum <= quantity]

    assert unit_price_for_quantity(base, breaks, quantity) == (reached[-1] if reached else base)


def test_breaks_are_read_at_their_thresholds():
    ladder = [(50, Decimal("75.00")), (200, Decimal("70.00"))]

    assert [unit_price_for_quantity(Decimal("80.00"), ladder, q) for q in (1, 49, 50, 200)] == [
        Decimal("80.00"), Decimal("80.00"), Decimal("75.00"), Decimal("70.00")]


@pytest.mark.django_db
@pytest.mark.parametrize("ladder", [[(50, "85.00")], [(50, "75.00"), (100, "76.00")],
                                    [(1, "70.00")], [(50, "-1.00")]])
def test_a_break_that_does_not_lower_the_price_is_refused(channel, ladder):
    from catalog.models import ProductVariantChannelListing
    from tests.factories.catalog import make_listed_product

    product = make_listed_product(channel=channel)

    with pytest.raises(DomainError):
        pro_listing_set(variant=product.default_variant, price_amount=Decimal("80.00"),
                        breaks=[(q, Decimal(p)) for q, p in ladder])

    assert ProductVariantChannelListing.objects.filter(channel__slug="pro").count() == 0
