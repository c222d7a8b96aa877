"""The computed indicators of a cooperative for a month equal a hand computation from its
orders, parcels, payouts and member distributions of that month (the issue's test)."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest

from backend.followup import definitions as d
from backend.followup.computed import chain_is_regional, repeat_customers_by_month
from backend.followup.selectors import indicators_bulk, indicators_for, indicators_series
from tests.factories.catalog import CooperativeFactory

from .data import APRIL, MARCH, two_months

pytestmark = pytest.mark.django_db


@pytest.fixture
def months(channel):
    return two_months(channel)


def _mad(minor: int) -> Decimal:
    return (Decimal(minor) / 100).quantize(Decimal("0.01"))


def test_march_indicators_equal_the_hand_computation(months):
    o, payouts, distribution = months.orders, months.payouts, months.distribution
    # Orders A (2 × 60.00) and B (60.00 + 80.00) of March; C is cancelled, D is the
    # neighbour's, E, F and G are later.
    lines = [line.total_price_amount for key in "ab" for line in o[key].lines.all()]
    assert sorted(lines) == [Decimal("60.00"), Decimal("80.00"), Decimal("120.00")]
    members_paid = [c for c in distribution.contributions.all() if c.amount_minor > 0]
    assert len(members_paid) == 2 and distribution.distributed_minor > 0
    assert payouts["march"].amount_minor > 0

    values = indicators_for(months.cooperative.pk, MARCH)

    assert values == {
        d.SALES: Decimal("260.00"),
        d.ORDERS: Decimal(2),
        d.ACTIVE_PRODUCTS: Decimal(2),  # saffron (since February, in stock), honey (sold)
        d.REPEAT_CUSTOMERS: Decimal(0),  # Amina's second order was cancelled
        d.SHORT_CIRCUIT_SHARE: Decimal("50.0"),  # A by Souss Coursiers, B by Atlas National
        d.PAYOUTS: _mad(payouts["march"].amount_minor),
        d.PAID_TO_MEMBERS: _mad(distribution.distributed_minor),
        d.MEMBERS_PAID: Decimal(2),  # the third member contributed nothing
        d.AVERAGE_MEMBER_INCOME: (_mad(distribution.distributed_minor) / 2).quantize(
            Decimal("0.01"), ROUND_HALF_UP),
        d.MEMBERS: None, d.MEMBERS_WOMEN: None, d.MEMBERS_YOUTH: None, d.JOBS: None,
        d.TRAININGS: None, d.CERTIFICATIONS: None,
    }


def test_april_indicators_equal_the_hand_computation(months):
    payouts = months.payouts
    # E (3 × 80.00) and F (60.00, placed at 00:30 on 1 April, Casablanca time); G was placed
    # at 00:30 on 1 May (still 30 April in UTC) and belongs to May.
    values = indicators_for(months.cooperative.pk, APRIL)

    assert values[d.SALES] == Decimal("300.00")
    assert values[d.ORDERS] == 2
    assert values[d.ACTIVE_PRODUCTS] == 3  # saffron, honey (sold), argan oil (since 10 April)
    assert values[d.REPEAT_CUSTOMERS] == 2  # Amina (A, E: same email), Karim (B, F)
    assert values[d.SHORT_CIRCUIT_SHARE] == Decimal("100.0")
    # The bounced payout of 20 April is not money received; the one paid on the 28th is.
    assert values[d.PAYOUTS] == _mad(payouts["april"].amount_minor)
    assert payouts["bounced"].status == "failed"
    assert values[d.PAID_TO_MEMBERS] == Decimal("0.00")
    assert values[d.MEMBERS_PAID] == 0
    assert values[d.AVERAGE_MEMBER_INCOME] is None


def test_a_cooperative_without_records_has_zeros_and_no_shares(db):
    cooperative = CooperativeFactory()

    values = indicators_for(cooperative.pk, MARCH)

    assert values[d.SALES] == Decimal("0.00") and values[d.ORDERS] == 0
    assert values[d.SHORT_CIRCUIT_SHARE] is None and values[d.AVERAGE_MEMBER_INCOME] is None


def test_the_neighbour_only_sees_its_own_order(months):
    values = indicators_for(months.other.pk, MARCH)

    assert values[d.SALES] == Decimal("30.00") and values[d.ORDERS] == 1
    assert values[d.PAYOUTS] == Decimal("0.00")


def test_one_cooperative_month_and_a_whole_cohort_month_cost_the_same_queries(
        months, django_assert_num_queries):
    extra = [CooperativeFactory().pk for _ in range(3)]
    with django_assert_num_queries(10):
        one = indicators_for(months.cooperative.pk, MARCH)
    with django_assert_num_queries(10):
        many = indicators_bulk([months.cooperative.pk, months.other.pk, *extra], MARCH)
    with django_assert_num_queries(10):
        series = indicators_series([months.cooperative.pk, *extra], MARCH, APRIL)

    assert many[months.cooperative.pk] == one
    assert series[months.cooperative.pk][MARCH] == one
    assert series[months.cooperative.pk][APRIL][d.SALES] == Decimal("300.00")


def test_a_customer_counts_from_its_second_order_up_to_the_month_end():
    rows = [(1, "a", MARCH, 1), (1, "a", APRIL, 1), (1, "b", MARCH, 2), (1, "c", APRIL, 1)]

    counts = repeat_customers_by_month(rows, [MARCH, APRIL])

    assert counts == {(1, MARCH): 1, (1, APRIL): 1}


def test_a_chain_is_regional_only_when_every_partner_serves_the_region():
    coverage = {1: {9}, 2: {9, 7}, 3: {7}}

    assert chain_is_regional({1, 2}, 9, coverage)
    assert not chain_is_regional({1, 3}, 9, coverage)
    assert not chain_is_regional(set(), 9, coverage)
