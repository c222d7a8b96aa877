"""The ledger: captures write the split, refunds reverse it in proportion, journals balance."""
from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import DatabaseError, connection, transaction
from django.db.models import Sum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend.core.errors import DomainError
from backend.fairpay.error_codes import FairPayErrorCode
from backend.fairpay.models import AccountKind, Entry, Journal, JournalKind, OrderSplit
from backend.fairpay.selectors import account_balance, account_find, order_cells
from backend.fairpay.services.ledger import (
    ledger_record_cancellation,
    ledger_record_capture,
    ledger_record_refund,
)
from backend.fairpay.services.snapshots import order_splits_snapshot
from backend.payments.gateways import DUMMY
from tests.factories.catalog import CooperativeFactory

from .conftest import build_order


def owed_by_account(order) -> dict[str, int]:
    rows = (Entry.objects.filter(order=order).values("account__key")
            .annotate(total=Sum("amount")).order_by())
    return {row["account__key"]: -row["total"] for row in rows if row["total"]}


def every_journal_balances() -> bool:
    sums = Journal.objects.annotate(total=Sum("entries__amount")).values_list("total", flat=True)
    return all(total == 0 for total in sums)


@pytest.fixture
def two_coops(db):
    return CooperativeFactory(women_led=True), CooperativeFactory(city_slug="azilal")


def test_a_card_capture_credits_every_payee_its_part(channel, two_coops, partner):
    saffron, honey = two_coops
    order = build_order(channel, [(saffron, "120.00"), (honey, "220.00")],
                        [(saffron, "25.00", [(partner, "25.00")])], gateway=DUMMY)

    journal = ledger_record_capture(order=order, amount=Decimal("365.00"), method="card",
                                    reference="pi_1")

    assert journal.kind == JournalKind.CAPTURE
    assert every_journal_balances()
    owed = owed_by_account(order)
    assert owed.pop("provider_clearing::MAD") == -36500
    assert owed == {f"cooperative:{saffron.pk}:MAD": 11280, f"cooperative:{honey.pk}:MAD": 20020,
                    f"partner:{partner.pk}:MAD": 2500, "platform::MAD": 2360 - 1059,
                    "solidarity_fund::MAD": 340, "payment_fees::MAD": 1059}


def test_a_capture_with_the_same_reference_is_recorded_once(channel, cooperative):
    order = build_order(channel, [(cooperative, "50.00")], gateway=DUMMY)

    first = ledger_record_capture(order=order, amount=Decimal("50.00"), method="card",
                                  reference="pi_dup")
    second = ledger_record_capture(order=order, amount=Decimal("50.00"), method="card",
                                   reference="pi_dup")

    assert first.pk == second.pk
    assert Journal.objects.filter(order=order).count() == 1


def test_capturing_more_than_the_order_is_refused_and_changes_nothing(channel, cooperative):
    order = build_order(channel, [(cooperative, "50.00")], gateway=DUMMY)
    ledger_record_capture(order=order, amount=Decimal("30.00"), method="card")

    with pytest.raises(DomainError) as refused:
        ledger_record_capture(order=order, amount=Decimal("20.01"), method="card")

    assert refused.value.errors[0].code == FairPayErrorCode.CAPTURE_EXCEEDS_ORDER
    assert Journal.objects.filter(order=order).count() == 1
    ledger_record_capture(order=order, amount=Decimal("20.00"), method="card")
    assert sum(order_cells(order.pk).values()) == 5000


def test_cash_needs_the_partner_who_collected_it(channel, cooperative):
    order = build_order(channel, [(cooperative, "50.00")])

    with pytest.raises(DomainError) as refused:
        ledger_record_capture(order=order, amount=Decimal("50.00"), method="cash")

    assert refused.value.errors[0].field == "collectedBy"
    assert not Journal.objects.exists()


def test_each_partner_collects_the_cash_of_its_own_parcel(channel, two_coops, partner,
                                                          other_partner):
    saffron, honey = two_coops
    order = build_order(channel, [(saffron, "60.00"), (honey, "100.00")],
                        [(saffron, "20.00", [(partner, "20.00")]),
                         (honey, "30.00", [(other_partner, "30.00")])])

    ledger_record_capture(order=order, amount=Decimal("80.00"), method="cash",
                          collected_by=partner, cooperative=saffron)
    ledger_record_capture(order=order, amount=Decimal("130.00"), method="cash",
                          collected_by=other_partner, cooperative=honey)

    held = {p: account_balance(account_find(AccountKind.CASH_HELD_BY_PARTNER, "MAD", p.pk))
            for p in (partner, other_partner)}
    assert held == {partner: 8000, other_partner: 13000}
    owed = owed_by_account(order)
    assert owed[f"cooperative:{saffron.pk}:MAD"] == 5640
    assert owed[f"cooperative:{honey.pk}:MAD"] == 9100


def test_a_line_refund_reverses_only_that_line_in_proportion(channel, two_coops):
    saffron, honey = two_coops
    order = build_order(channel, [(saffron, "120.00"), (honey, "220.00")], gateway=DUMMY)
    ledger_record_capture(order=order, amount=Decimal("340.00"), method="card")
    honey_line = order.lines.get(cooperative=honey)

    ledger_record_refund(order=order, lines={honey_line: Decimal("110.00")}, reference="re_1")

    owed = owed_by_account(order)
    assert owed[f"cooperative:{saffron.pk}:MAD"] == 11280
    assert owed[f"cooperative:{honey.pk}:MAD"] == 20020 // 2
    assert owed["provider_clearing::MAD"] == -(34000 - 11000)
    assert every_journal_balances()


def test_refunding_more_than_was_captured_is_refused_and_changes_nothing(channel, cooperative):
    order = build_order(channel, [(cooperative, "50.00")])
    ledger_record_capture(order=order, amount=Decimal("50.00"), method="bank_transfer")

    with pytest.raises(DomainError) as refused:
        ledger_record_refund(order=order, amount=Decimal("50.01"))

    assert refused.value.errors[0].code == FairPayErrorCode.REFUND_EXCEEDS_CAPTURED
    assert Journal.objects.filter(order=order).count() == 1


def test_a_cash_refund_is_owed_to_the_customer(channel, cooperative, partner):
    order = build_order(channel, [(cooperative, "50.00")])
    ledger_record_capture(order=order, amount=Decimal("50.00"), method="cash",
                          collected_by=partner)

    ledger_record_refund(order=order, amount=Decimal("10.00"))

    assert account_balance(account_find(AccountKind.CUSTOMER_REFUNDS_OWED, "MAD")) == -1000


def test_a_cancellation_returns_every_payee_to_zero(channel, two_coops, partner):
    saffron, honey = two_coops
    order = build_order(channel, [(saffron, "33.33"), (honey, "66.67")],
                        [(saffron, "25.00", [(partner, "25.00")])], gateway=DUMMY)
    ledger_record_capture(order=order, amount=Decimal("125.00"), method="card")
    ledger_record_refund(order=order, amount=Decimal("17.13"))

    journal = ledger_record_cancellation(order=order)

    assert journal.kind == JournalKind.CANCELLATION
    assert set(order_cells(order.pk).values()) == {0}
    assert owed_by_account(order) == {}
    assert ledger_record_cancellation(order=order).pk == journal.pk


def test_cancelling_an_unpaid_order_writes_nothing(channel, cooperative):
    order = build_order(channel, [(cooperative, "50.00")])
    order_splits_snapshot(order=order)

    assert ledger_record_cancellation(order=order) is None
    assert not Journal.objects.exists()


def test_a_card_capture_of_an_order_split_for_cash_recomputes_the_fee_once(channel,
                                                                           cooperative):
    order = build_order(channel, [(cooperative, "100.00")])
    assert order_splits_snapshot(order=order).fee_minor == 0

    ledger_record_capture(order=order, amount=Decimal("40.00"), method="card")

    header = OrderSplit.objects.get(order=order)
    assert (header.method, header.fee_minor, header.policy.version) == ("card", 290, 1)
    with pytest.raises(DomainError) as refused:
        ledger_record_capture(order=order, amount=Decimal("60.00"), method="bank_transfer")
    assert refused.value.errors[0].code == FairPayErrorCode.METHOD_MISMATCH


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL triggers")
def test_the_database_refuses_an_unbalanced_journal_and_any_change_to_entries(channel,
                                                                             cooperative):
    order = build_order(channel, [(cooperative, "50.00")], gateway=DUMMY)
    journal = ledger_record_capture(order=order, amount=Decimal("50.00"), method="card")
    entry = journal.entries.first()

    with pytest.raises(DatabaseError), transaction.atomic():
        Entry.objects.filter(pk=entry.pk).update(amount=entry.amount + 1)
    with pytest.raises(DatabaseError), transaction.atomic():
        Entry.objects.filter(pk=entry.pk).delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        Entry.objects.create(journal=journal, account=entry.account, amount=1,
                             available_at=entry.available_at)
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS fairpay_journal_balanced IMMEDIATE")
    assert journal.entries.count() == entry.journal.entries.count()
    assert every_journal_balances()


cuts = st.lists(st.tuples(st.sampled_from(["order", "line", "delivery"]),
                          st.fractions(min_value=0, max_value=1)), max_size=4)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(amounts=st.lists(st.integers(1, 500_000), min_size=1, max_size=4),
       delivery=st.integers(0, 10_000), card=st.booleans(), cuts=cuts)
def test_a_refund_of_any_part_then_of_the_rest_returns_every_payee_to_zero(
        channel, two_coops, partner, other_partner, amounts, delivery, card, cuts):
    coops = list(two_coops)
    lines = [(coops[i % 2], Decimal(a).scaleb(-2)) for i, a in enumerate(amounts)]
    legs = [(partner, "12.00"), (other_partner, "7.00")]
    order = build_order(channel, lines, [(coops[0], Decimal(delivery).scaleb(-2), legs)],
                        gateway=DUMMY if card else "coopstore.cash-on-delivery")
    ledger_record_capture(order=order, amount=order.total_amount,
                          method="card" if card else "cash", collected_by=partner)

    for scope, fraction in cuts:
        left = sum(order_cells(order.pk).values())
        if scope == "order" or left == 0:
            minor = int(left * fraction)
            if minor:
                ledger_record_refund(order=order, amount=Decimal(minor).scaleb(-2))
            continue
        source = order.lines.first() if scope == "line" else order.deliveries.first()
        attribute = "order_line_id" if scope == "line" else "delivery_id"
        in_source = sum(v for k, v in order_cells(order.pk).items()
                        if k[0 if scope == "line" else 1] == source.pk)
        minor = int(in_source * fraction)
        if minor:
            key = "lines" if attribute == "order_line_id" else "deliveries"
            ledger_record_refund(order=order, **{key: {source: Decimal(minor).scaleb(-2)}})
    rest = sum(order_cells(order.pk).values())
    if rest:
        ledger_record_refund(order=order, amount=Decimal(rest).scaleb(-2))

    assert set(order_cells(order.pk).values()) <= {0}
    payees = {key: owed for key, owed in owed_by_account(order).items()
              if not key.startswith(("provider_clearing", "cash_held", "customer_refunds"))}
    assert payees == {}
    assert every_journal_balances()
