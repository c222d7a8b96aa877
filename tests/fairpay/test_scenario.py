"""Issue 6 from order to payout: two orders, two cooperatives, card and cash, a refund."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone

from backend.fairpay.bank_batch import payout_run_bank_batch_rows
from backend.fairpay.models import AccountKind, Entry, Journal, Payout, PayoutMethod
from backend.fairpay.selectors import account_balance, account_find, partner_remittance_owed
from backend.fairpay.services.ledger import ledger_record_capture, ledger_record_refund
from backend.fairpay.services.payouts import payout_run_create, payout_run_mark_bank_paid
from tests.factories.catalog import CooperativeFactory, make_listed_product

from .conftest import RIB_A, RIB_B, RIB_P1, bank_details, place_order
from .test_payouts import FakeTransfers


def owed(kind: AccountKind, owner=None) -> int:
    """What the ledger owes a payee account (credits minus debits), in centimes."""
    return -account_balance(account_find(kind, "MAD", owner.pk if owner else None))


def test_two_orders_from_capture_to_payout_match_the_hand_computation(channel, partner,
                                                                      other_partner):
    now = timezone.now()
    tifaout = CooperativeFactory(name="Coopérative Tifaout", women_led=True)
    atlas = CooperativeFactory(name="Miel de l'Atlas", city_slug="azilal")
    saffron = make_listed_product(channel=channel, price="60.00", cooperative=tifaout)
    honey = make_listed_product(channel=channel, price="220.00", cooperative=atlas)
    bank_details(cooperative=tifaout, rib=RIB_A)
    bank_details(cooperative=atlas, rib=RIB_B, stripe="acct_1Atlas")
    bank_details(partner=partner, rib=RIB_P1)
    bank_details(partner=other_partner, rib=RIB_B)

    # Given order 1, paid by card: 2 x 60.00 saffron (women-led: 5%), 1 x 220.00 honey (8%),
    # saffron parcel by partner (25.00), honey parcel by partner then other_partner (15 + 25).
    card_order = place_order(channel, [(saffron.default_variant, 2), (honey.default_variant, 1)],
                             deliveries={tifaout.pk: ("25.00", [(partner, "25.00")]),
                                         atlas.pk: ("40.00", [(partner, "15.00"),
                                                              (other_partner, "25.00")])})
    # and order 2, cash on delivery collected by other_partner: 1 x 60.00 saffron + 25.00.
    cash_order = place_order(channel, [(saffron.default_variant, 1)], email="b2@example.ma",
                             deliveries={tifaout.pk: ("25.00", [(other_partner, "25.00")])})
    assert (card_order.total_amount, cash_order.total_amount) == (Decimal("405.00"),
                                                                 Decimal("85.00"))

    ledger_record_capture(order=card_order, amount=Decimal("405.00"), method="card",
                          reference="pi_card_1", occurred_at=now - timedelta(days=10))
    ledger_record_capture(order=cash_order, amount=Decimal("85.00"), method="cash",
                          collected_by=other_partner, reference="cod-2",
                          occurred_at=now - timedelta(days=9))
    # Half of the honey line is refunded.
    ledger_record_refund(order=card_order, reference="re_honey",
                         lines={card_order.lines.get(cooperative=atlas): Decimal("110.00")},
                         occurred_at=now - timedelta(days=8))

    # Hand computation, in centimes.
    # Card order: fee 2.9% of 40500 = 1174.5 -> 1175, taken from the platform's commissions
    # 600 (saffron) and 1760 (honey) in proportion: 299 and 876.
    #   saffron 12000 = 11280 goods + 600-299 commission + 120 fund + 299 fee
    #   honey   22000 = 20020 goods + 1760-876 commission + 220 fund + 876 fee
    #   deliveries: partner 2500 + 1500, other_partner 2500
    # Refund of half the honey line: 10010 goods, 442 commission, 110 fund, 438 fee.
    # Cash order: saffron 6000 = 5640 goods + 300 commission + 60 fund; other_partner 2500.
    assert owed(AccountKind.COOPERATIVE, tifaout) == 11280 + 5640 == 16920
    assert owed(AccountKind.COOPERATIVE, atlas) == 20020 - 10010 == 10010
    assert owed(AccountKind.PARTNER, partner) == 2500 + 1500 == 4000
    assert owed(AccountKind.PARTNER, other_partner) == 2500 + 2500 == 5000
    assert owed(AccountKind.PLATFORM) == (600 - 299) + (1760 - 876) - 442 + 300 == 1043
    assert owed(AccountKind.SOLIDARITY_FUND) == 120 + 220 - 110 + 60 == 290
    assert owed(AccountKind.PAYMENT_FEES) == 1175 - 438 == 737
    assert -owed(AccountKind.PROVIDER_CLEARING) == 40500 - 11000 == 29500
    assert -owed(AccountKind.CASH_HELD_BY_PARTNER, other_partner) == 8500
    assert Entry.objects.aggregate(total=Sum("amount"))["total"] == 0
    assert all(j.total == 0 for j in Journal.objects.annotate(total=Sum("entries__amount")))

    # When the payout run passes (threshold 30.00), after the 7-day hold.
    transfers = FakeTransfers()
    run = payout_run_create(at=now, threshold=Decimal("30.00"), send_transfer=transfers)

    paid = {(p.payee_name, p.method, p.amount_minor, p.netted_cash_minor)
            for p in run.payouts.all()}
    assert paid == {("Coopérative Tifaout", PayoutMethod.BANK_TRANSFER, 16920, 0),
                    ("Miel de l'Atlas", PayoutMethod.STRIPE_CONNECT, 10010, 0),
                    (partner.name, PayoutMethod.BANK_TRANSFER, 4000, 0)}
    assert [(r.destination, r.amount) for r in transfers.requests] == [("acct_1Atlas", 10010)]
    # other_partner is owed 5000 and holds 8500 in cash: netted, it still owes 3500.
    assert owed(AccountKind.PARTNER, other_partner) == 0
    assert partner_remittance_owed(other_partner.pk) == 3500
    for kind, owner in [(AccountKind.COOPERATIVE, tifaout), (AccountKind.COOPERATIVE, atlas),
                        (AccountKind.PARTNER, partner)]:
        assert owed(kind, owner) == 0
    assert owed(AccountKind.PAYOUTS_IN_TRANSIT) == 16920 + 4000

    # And the bank batch lists the two bank payouts.
    rows = payout_run_bank_batch_rows(run)
    assert sorted(row[1:5] for row in rows) == sorted([
        ("Coopérative Tifaout", RIB_A, "169.20", "MAD"),
        (partner.name, RIB_P1, "40.00", "MAD"),
    ])

    # Running it again pays nothing more.
    again = payout_run_create(at=now, threshold=Decimal("30.00"), send_transfer=transfers)
    assert again.payouts.count() == 0
    assert Payout.objects.count() == 3
    assert len(transfers.requests) == 1

    # The admin marks the bank batch as paid: the money has left the bank.
    assert payout_run_mark_bank_paid(run=run) == 2
    assert payout_run_mark_bank_paid(run=run) == 0
    assert owed(AccountKind.PAYOUTS_IN_TRANSIT) == 0
    assert -owed(AccountKind.BANK) == -(16920 + 4000)
    assert Entry.objects.aggregate(total=Sum("amount"))["total"] == 0
