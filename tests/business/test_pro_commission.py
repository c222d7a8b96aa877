"""The split engine takes the policy's pro commission rate for orders of the pro channel."""
from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import timezone

from backend.fairpay import splits
from backend.fairpay.services.policy import split_policy_for

POLICY = splits.Policy(commission_rate=Decimal("0.08"), reduced_commission_rate=Decimal("0.05"),
                       solidarity_rate=Decimal("0.01"), pro_commission_rate=Decimal("0.06"))


def _commission(terms: splits.CooperativeTerms, *, pro: bool) -> int:
    request = splits.SplitRequest(
        seed="order:1", currency="MAD", policy=POLICY, pro=pro,
        method=splits.PaymentMethod.BANK_TRANSFER,
        lines=(splits.LineInput(key="line:1", cooperative=terms, amount=450000),))
    split = splits.split_order(request)
    assert split.paid == 450000 and split.fee == 0
    return sum(p.amount for p in split.parts if p.role == splits.Role.COMMISSION)


@pytest.mark.parametrize(("terms", "consumer", "pro"), [
    (splits.CooperativeTerms(id=1), 36000, 27000),  # 8 % / 6 %
    (splits.CooperativeTerms(id=1, women_led=True), 22500, 22500),  # reduced 5 % caps both
    (splits.CooperativeTerms(id=1, commission_override=Decimal("0.02")), 9000, 9000),
])
def test_a_pro_order_takes_the_pro_rate_below_the_reduced_rate_and_the_override(terms,
                                                                                 consumer, pro):
    assert (_commission(terms, pro=False), _commission(terms, pro=True)) == (consumer, pro)


def test_without_a_pro_rate_a_pro_order_pays_the_standard_commission():
    policy = splits.Policy(commission_rate=Decimal("0.08"), pro_commission_rate=None)

    assert splits.CooperativeTerms(id=1).commission_rate(policy, pro=True) == Decimal("0.08")


def test_a_pro_rate_above_one_is_refused():
    with pytest.raises(splits.SplitError):
        splits.Policy(pro_commission_rate=Decimal("1.5"))


@pytest.mark.django_db
def test_the_published_policy_carries_a_pro_rate_of_six_percent():
    policy = split_policy_for(timezone.now())  # version 1 (made again if a flush removed it)

    assert policy.pro_commission_rate == Decimal("0.0600")
    assert policy.to_policy().pro_commission_rate == Decimal("0.0600")
