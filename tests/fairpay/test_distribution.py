"""Member distribution: the cooperative's share, minus its reserve, by contribution, exactly."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from backend.core.errors import DomainError
from backend.fairpay.error_codes import FairPayErrorCode
from backend.fairpay.models import CooperativeFairPay, CooperativeMember, MemberDistribution
from backend.fairpay.services.distribution import member_distribution_create
from backend.fairpay.services.ledger import ledger_record_capture, ledger_record_refund
from backend.fairpay.statements import member_statement_html
from tests.factories.catalog import CooperativeFactory

from .conftest import build_order

MARCH = (date(2026, 3, 1), date(2026, 3, 31))


def at(day: int) -> datetime:
    return datetime(2026, 3, day, 12, tzinfo=timezone.get_current_timezone())


@pytest.fixture
def members(cooperative):
    return [CooperativeMember.objects.create(cooperative=cooperative, full_name=name,
                                             full_name_ar=name_ar)
            for name, name_ar in [("Fatima Ait Ali", "فاطمة آيت علي"),
                                  ("Khadija Oubella", "خديجة أوبلا"),
                                  ("Aicha Id Brahim", "عائشة إد إبراهيم")]]


@pytest.fixture
def march_earnings(channel, cooperative, partner):
    """The cooperative earns 910.00 + 455.00 - 91.00 in March, and 91.00 in April."""
    for amount, day in [("1000.00", 3), ("500.00", 20)]:
        order = build_order(channel, [(cooperative, amount)])
        ledger_record_capture(order=order, amount=Decimal(amount), method="cash",
                              collected_by=partner, occurred_at=at(day))
    ledger_record_refund(order=order, amount=Decimal("100.00"), occurred_at=at(25))
    april = build_order(channel, [(cooperative, "100.00")])
    ledger_record_capture(order=april, amount=Decimal("100.00"), method="cash",
                          collected_by=partner, occurred_at=at(31) + timedelta(days=2))
    return 91000 + 45500 - 9100


def test_the_share_minus_the_reserve_is_distributed_by_contribution_exactly(
        cooperative, members, march_earnings):
    CooperativeFairPay.objects.create(cooperative=cooperative, reserve_rate=Decimal("0.10"))

    distribution = member_distribution_create(
        cooperative=cooperative, period_start=MARCH[0], period_end=MARCH[1], unit="kg",
        contributions={members[0]: Decimal("12.5"), members[1]: Decimal("7.5"),
                       members[2].pk: Decimal("5")})

    assert distribution.share_minor == march_earnings == 127400
    assert distribution.reserve_minor == 12740
    assert distribution.distributed_minor == 114660
    amounts = {c.member.full_name: c.amount_minor for c in distribution.contributions.all()}
    assert amounts == {"Fatima Ait Ali": 57330, "Khadija Oubella": 34398,
                       "Aicha Id Brahim": 22932}
    assert sum(amounts.values()) == distribution.distributed_minor


def test_an_overlapping_period_is_refused_and_nothing_is_stored(cooperative, members,
                                                               march_earnings):
    member_distribution_create(cooperative=cooperative, period_start=MARCH[0],
                               period_end=MARCH[1], unit="hours",
                               contributions={members[0]: Decimal("10")})

    with pytest.raises(DomainError) as refused:
        member_distribution_create(cooperative=cooperative, period_start=date(2026, 3, 31),
                                   period_end=date(2026, 4, 30), unit="hours",
                                   contributions={members[0]: Decimal("10")})

    assert refused.value.errors[0].code == FairPayErrorCode.PERIOD_OVERLAPS
    assert MemberDistribution.objects.count() == 1


@pytest.mark.parametrize(("contributions", "code"), [
    ({}, FairPayErrorCode.NO_CONTRIBUTIONS),
    ("stranger", FairPayErrorCode.NOT_FOUND),
    ("negative", FairPayErrorCode.INVALID),
])
def test_bad_contributions_are_refused(cooperative, members, contributions, code):
    if contributions == "stranger":
        outsider = CooperativeMember.objects.create(cooperative=CooperativeFactory(),
                                                    full_name="Hors coopérative")
        contributions = {outsider: Decimal("3")}
    elif contributions == "negative":
        contributions = {members[0]: Decimal("-1")}

    with pytest.raises(DomainError) as refused:
        member_distribution_create(cooperative=cooperative, period_start=MARCH[0],
                                   period_end=MARCH[1], unit="pieces",
                                   contributions=contributions)

    assert refused.value.errors[0].code == code
    assert not MemberDistribution.objects.exists()


def test_each_member_gets_a_printable_statement_in_french_and_arabic(cooperative, members,
                                                                    march_earnings):
    distribution = member_distribution_create(
        cooperative=cooperative, period_start=MARCH[0], period_end=MARCH[1], unit="kg",
        contributions={members[0]: Decimal("3"), members[1]: Decimal("1")})
    fatima = distribution.contributions.get(member=members[0])

    french = member_statement_html(contribution=fatima, language="fr")
    arabic = member_statement_html(contribution=fatima, language="ar")

    assert '<html lang="fr" dir="ltr">' in french
    assert "Relevé du coopérant" in french
    assert "Fatima Ait Ali" in french
    assert "955,50\xa0MAD" in french or "955,50\u202fMAD" in french
    assert "75,00 %" in french
    assert '<html lang="ar" dir="rtl">' in arabic
    assert "كشف العضو" in arabic
    assert "فاطمة آيت علي" in arabic
    assert "المبلغ المستحق لك" in arabic
