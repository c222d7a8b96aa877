"""What a checkout has been paid, for checkoutComplete and Checkout.chargeStatus."""
from __future__ import annotations

from decimal import Decimal

import pytest
from django.db.models import Prefetch

from backend.orders.models import Checkout
from backend.orders.selectors import checkout_lines_info, checkout_totals
from backend.payments.models import TransactionItem

pytestmark = pytest.mark.django_db


def _transaction(checkout, charged: str, currency: str = "MAD") -> TransactionItem:
    return TransactionItem.objects.create(gateway="saleor.io.dummy-payment-app",
                                          currency=currency, checkout=checkout,
                                          checkout_token=checkout.token,
                                          charged_amount=Decimal(charged))


def test_checkout_totals_charged_is_the_sum_of_its_transactions(checkout,
                                                                django_assert_num_queries):
    _transaction(checkout, "100.00")
    _transaction(checkout, "25.00")
    _transaction(checkout, "999.00", currency="EUR")
    lines = checkout_lines_info(checkout)

    # deliveries + one aggregate, whatever the count; + the promotion rules, the voucher and
    # the gift cards (backend.discounts)
    with django_assert_num_queries(5):
        totals = checkout_totals(checkout, lines)

    assert totals.charged == Decimal("125.00")
    assert totals.total == Decimal("225.00")


def test_checkout_totals_charged_costs_no_query_when_prefetched(checkout,
                                                                django_assert_num_queries):
    _transaction(checkout, "225.00")
    loaded = Checkout.objects.prefetch_related(
        "deliveries", Prefetch("payment_transactions")).get(pk=checkout.pk)
    lines = checkout_lines_info(loaded)

    with django_assert_num_queries(3):  # only the promotion rules, voucher and gift cards
        totals = checkout_totals(loaded, lines)

    assert totals.charged == Decimal("225.00")
