"""A cooperative accepts (or withdraws from) funding a promotion; the pricing follows."""
from __future__ import annotations

from decimal import Decimal

import pytest

from backend.core.errors import DomainError
from backend.discounts.models import FundedBy, FundingAcceptance
from backend.discounts.services.funding import funding_accept, funding_withdraw
from backend.orders.selectors import checkout_lines_info, checkout_totals
from tests.factories.catalog import make_listed_product
from tests.factories.discounts import make_promotion, make_voucher
from tests.orders.conftest import ready_checkout

pytestmark = pytest.mark.django_db


def test_a_promotion_applies_to_a_cooperative_once_it_accepts_and_stops_when_it_withdraws(
        channel, cooperative):
    oil = make_listed_product(channel=channel, price="100.00", cooperative=cooperative)
    promotion = make_promotion(channel, products=[oil], value="10",
                               funded_by=FundedBy.COOPERATIVE)
    checkout = ready_checkout(channel, [(oil.default_variant, 1)])

    def discount():
        return checkout_totals(checkout, checkout_lines_info(checkout)).discount

    assert discount() == 0
    funding_accept(cooperative=cooperative, promotion=promotion)
    funding_accept(cooperative=cooperative, promotion=promotion)  # idempotent
    assert FundingAcceptance.objects.count() == 1
    assert discount() == Decimal("10.00")
    funding_withdraw(cooperative=cooperative, promotion=promotion)
    assert discount() == 0


def test_there_is_nothing_to_accept_in_a_platform_funded_voucher(channel, cooperative):
    voucher = make_voucher(channel, funded_by=FundedBy.PLATFORM)

    with pytest.raises(DomainError) as refused:
        funding_accept(cooperative=cooperative, voucher=voucher)
    with pytest.raises(DomainError) as neither:
        funding_accept(cooperative=cooperative)

    assert refused.value.errors[0].code == "invalid"
    assert neither.value.errors[0].code == "invalid"
    assert not FundingAcceptance.objects.exists()


def test_withdrawing_what_was_never_accepted_is_not_found(channel, cooperative):
    voucher = make_voucher(channel, funded_by=FundedBy.SHARED, platform_share="50")

    with pytest.raises(DomainError) as refused:
        funding_withdraw(cooperative=cooperative, voucher=voucher)

    assert refused.value.errors[0].code == "not_found"
