"""Gift cards in the fair-pay ledger: sold as a liability, redeemed as a capture.

A gift card's balance is owed by the network (``GIFT_CARD_LIABILITY``). The part of an order a
card pays is captured at completion by the same capture path as a card or cash payment
(method ``gift_card``), so the gift-card capture and the capture of the rest write each
line's split exactly; cancelling gives it back to the liability, and a refund of the gift-card
part goes back to the card's balance.
"""
from __future__ import annotations

from decimal import Decimal

import pytest
from django.db.models import Sum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend.core.errors import DomainError
from backend.discounts.services.promo_codes import checkout_promo_code_add
from backend.fairpay.models import (
    AccountKind,
    Entry,
    Journal,
    JournalKind,
    OrderLineSplit,
    OrderSplit,
    account_key,
)
from backend.fairpay.selectors import (
    account_balance,
    account_find,
    order_captured_cells,
    order_cells,
    order_gift_card_captured,
)
from backend.fairpay.services.accounts import PAYEE_ACCOUNT_KINDS
from backend.fairpay.services.ledger import (
    gift_card_issue_record,
    ledger_record_cancellation,
    ledger_record_capture,
    ledger_record_gift_card_redemption,
    ledger_record_refund,
)
from backend.fairpay.services.snapshots import order_splits_snapshot
from backend.giftcards.models import GiftCard, GiftCardUsage
from backend.giftcards.selectors import order_gift_card_total
from backend.giftcards.services import gift_card_issue, order_gift_cards_refund
from backend.orders.services.checkout_complete import checkout_complete
from backend.orders.services.order_cancel import order_cancel
from backend.payments.gateways import CASH_ON_DELIVERY, DUMMY
from tests.factories.catalog import CooperativeFactory, make_listed_product
from tests.orders.conftest import ready_checkout

from .conftest import build_order

pytestmark = pytest.mark.django_db
LIABILITY = "gift_card_liability::MAD"


def owed_by_account(order) -> dict[str, int]:
    """Net credit per account key of an order's journals (a debit is negative)."""
    rows = (Entry.objects.filter(order=order).values("account__key")
            .annotate(total=Sum("amount")).order_by())
    return {row["account__key"]: -row["total"] for row in rows if row["total"]}


def split_by_payee(order) -> dict[str, int]:
    """The snapshot's total per payee account key (minor units)."""
    totals: dict[str, int] = {}
    for part in OrderLineSplit.objects.filter(order_split__order=order):
        payee = part.payee
        key = account_key(PAYEE_ACCOUNT_KINDS[payee.kind], "MAD", payee.id)
        totals[key] = totals.get(key, 0) + part.amount_minor
    return {key: amount for key, amount in totals.items() if amount}


def snapshot_cells(order) -> dict[tuple, int]:
    cells: dict[tuple, int] = {}
    for part in OrderLineSplit.objects.filter(order_split__order=order):
        key = (part.order_line_id, part.delivery_id, part.role)
        cells[key] = cells.get(key, 0) + part.amount_minor
    return {key: amount for key, amount in cells.items() if amount}


def captured_by_cell(order) -> dict[tuple, int]:
    cells: dict[tuple, int] = {}
    for (line, delivery, _account, role), amount in order_captured_cells(order.pk).items():
        cells[(line, delivery, role)] = cells.get((line, delivery, role), 0) + amount
    return {key: value for key, value in cells.items() if value}


def every_journal_balances() -> bool:
    sums = Journal.objects.annotate(total=Sum("entries__amount")).values_list("total", flat=True)
    return all(total == 0 for total in sums)


def payees_only(owed: dict[str, int]) -> dict[str, int]:
    return {key: amount for key, amount in owed.items()
            if not key.startswith(("provider_clearing", "cash_held", "customer_refunds",
                                   "gift_card_liability", "bank"))}


# --- selling and issuing -------------------------------------------------------------------

@pytest.mark.parametrize(("paid_with", "debited"), [
    ("card", "provider_clearing::MAD"), ("bank_transfer", "bank::MAD"),
    ("platform", "platform::MAD")])
def test_selling_or_issuing_a_gift_card_credits_the_gift_card_liability(paid_with, debited):
    card = gift_card_issue(balance=Decimal("200.00"), paid_with=paid_with)

    journal = Journal.objects.get(kind=JournalKind.GIFT_CARD_ISSUE)
    entries = {e.account.key: e.amount for e in journal.entries.all()}
    assert entries == {debited: 20000, LIABILITY: -20000}
    assert journal.reference == f"gift-card-issue:{card.pk}"
    assert account_balance(account_find(AccountKind.GIFT_CARD_LIABILITY, "MAD")) == -20000
    # idempotent: recording the same card again writes nothing
    assert gift_card_issue_record(gift_card=card, paid_with=paid_with) == journal
    assert Journal.objects.count() == 1
    assert every_journal_balances()


def test_a_gift_card_paid_in_an_unknown_way_is_refused_and_nothing_is_written():
    with pytest.raises(DomainError):
        gift_card_issue(balance=Decimal("50.00"), paid_with="bitcoin")

    assert not GiftCard.objects.exists()
    assert not Journal.objects.exists()


# --- redemption: a hand-computed example ---------------------------------------------------

def test_hand_computed_gift_card_then_card_capture_write_each_part_exactly(channel, partner):
    coop = CooperativeFactory()
    order = build_order(channel, [(coop, "100.00"), (coop, "33.33")],
                        [(coop, "20.00", [(partner, "20.00")])], gateway=DUMMY)
    big, small = order.lines.order_by("-total_price_amount")
    delivery = order.deliveries.get()
    header = order_splits_snapshot(order=order, prepaid=5000)
    # the processor's fee is on the card's 103.33 only (the policy's card fee: 3.00)
    assert (header.paid_minor, header.prepaid_minor, header.fee_minor) == (15333, 5000, 300)

    gift = ledger_record_gift_card_redemption(order=order, amount_minor=5000)

    # The gift card pays no processor fee: its 50.00 is spread over the 150.33 of the other
    # parts by largest remainder. Floors: 3026 191 33 1008 63 10 665 = 4996; the 4 centimes
    # left go to the largest remainders (.976 .860 .781 .675).
    assert gift.method == "gift_card"
    parts = {(e.order_line_id, e.delivery_id, e.role): -e.amount
             for e in gift.entries.exclude(role="")}
    assert parts == {
        (big.pk, None, "goods"): 3027, (big.pk, None, "commission"): 191,
        (big.pk, None, "solidarity"): 33, (small.pk, None, "goods"): 1009,
        (small.pk, None, "commission"): 64, (small.pk, None, "solidarity"): 11,
        (None, delivery.pk, "delivery"): 665}
    assert gift.entries.get(role="").account.key == LIABILITY
    assert gift.entries.get(role="").amount == 5000

    card = ledger_record_capture(order=order, amount=Decimal("103.33"), method="card",
                                 reference="pi_gift")

    rest = {(e.order_line_id, e.delivery_id, e.role): -e.amount
            for e in card.entries.exclude(role="")}
    assert rest == {
        (big.pk, None, "goods"): 6073, (big.pk, None, "commission"): 384,
        (big.pk, None, "solidarity"): 67, (small.pk, None, "goods"): 2024,
        (small.pk, None, "commission"): 128, (small.pk, None, "solidarity"): 22,
        (None, delivery.pk, "delivery"): 1335, (big.pk, None, "payment_fee"): 225,
        (small.pk, None, "payment_fee"): 75}
    assert captured_by_cell(order) == snapshot_cells(order)
    owed = owed_by_account(order)
    assert owed.pop(LIABILITY) == -5000
    assert owed.pop("provider_clearing::MAD") == -10333
    assert owed == split_by_payee(order) == {
        f"cooperative:{coop.pk}:MAD": 12133, "platform::MAD": 767,
        "solidarity_fund::MAD": 133, f"partner:{partner.pk}:MAD": 2000,
        "payment_fees::MAD": 300}
    assert every_journal_balances()


def test_the_redemption_is_recorded_once(channel, cooperative):
    order = build_order(channel, [(cooperative, "80.00")], gateway=DUMMY)
    order_splits_snapshot(order=order, prepaid=3000)

    first = ledger_record_gift_card_redemption(order=order, amount_minor=3000)
    again = ledger_record_gift_card_redemption(order=order, amount_minor=3000)

    assert first == again
    assert Journal.objects.filter(kind=JournalKind.CAPTURE).count() == 1
    assert ledger_record_gift_card_redemption(order=order, amount_minor=0) is None


# --- through the real checkout -------------------------------------------------------------

def _gift_card_checkout(channel, price: str, balance: str, *, gateway=CASH_ON_DELIVERY,
                        code="CADEAU-LDGR"):
    argan = make_listed_product(channel=channel, price=price)
    card = gift_card_issue(balance=Decimal(balance), code=code)
    checkout = ready_checkout(channel, [(argan.default_variant, 1)])
    checkout.payment_gateway = gateway
    checkout.save(update_fields=["payment_gateway"])
    checkout_promo_code_add(checkout=checkout, promo_code=code)
    return card, checkout


def test_a_partly_gift_card_paid_order_is_captured_in_two_parts_that_add_up(channel, partner):
    card, checkout = _gift_card_checkout(channel, "150.00", "100.00")

    order = checkout_complete(checkout_token=checkout.token).order

    # 150.00 + 25.00 delivery; the gift card's 100.00 is captured at completion
    gift = Journal.objects.get(order=order, kind=JournalKind.CAPTURE)
    assert (gift.method, gift.reference) == ("gift_card", f"gift-card:{order.pk}")
    assert order_gift_card_captured(order.pk) == 10000
    assert sum(order_cells(order.pk).values()) == 10000
    assert account_balance(account_find(AccountKind.GIFT_CARD_LIABILITY, "MAD")) == 0

    ledger_record_capture(order=order, amount=Decimal("75.00"), method="cash",
                          collected_by=partner, reference="cash-1")

    assert captured_by_cell(order) == snapshot_cells(order)
    owed = owed_by_account(order)
    assert owed.pop(LIABILITY) == -10000
    assert owed.pop(f"cash_held_by_partner:{partner.pk}:MAD") == -7500
    assert owed == split_by_payee(order)
    assert sum(owed.values()) == 17500
    assert every_journal_balances()


def test_an_order_paid_wholly_by_gift_card_is_fully_captured_at_completion(channel):
    card, checkout = _gift_card_checkout(channel, "50.00", "300.00", gateway="",
                                         code="CADEAU-WHOL")

    order = checkout_complete(checkout_token=checkout.token).order

    assert captured_by_cell(order) == snapshot_cells(order)
    owed = owed_by_account(order)
    assert owed.pop(LIABILITY) == -7500
    assert owed == split_by_payee(order)
    assert "payment_fees::MAD" not in owed  # no processor on a gift card
    # 300.00 sold, 75.00 spent: 225.00 still owed on the card
    assert account_balance(account_find(AccountKind.GIFT_CARD_LIABILITY, "MAD")) == -22500
    card.refresh_from_db()
    assert card.current_balance_amount == Decimal("225.00")
    assert every_journal_balances()


# --- cancellation --------------------------------------------------------------------------

def test_cancelling_before_payment_gives_the_gift_card_part_back(channel):
    card, checkout = _gift_card_checkout(channel, "150.00", "100.00", code="CADEAU-CANC")
    order = checkout_complete(checkout_token=checkout.token).order

    order_cancel(order=order, by_staff=True)

    assert set(order_cells(order.pk).values()) <= {0}
    assert payees_only(owed_by_account(order)) == {}
    assert owed_by_account(order) == {}  # liability debited then credited back
    assert order_gift_card_captured(order.pk) == 0
    assert account_balance(account_find(AccountKind.GIFT_CARD_LIABILITY, "MAD")) == -10000
    card.refresh_from_db()
    assert card.current_balance_amount == Decimal("100.00")
    cancellation = Journal.objects.get(order=order, kind=JournalKind.CANCELLATION)
    assert (cancellation.method, cancellation.reference) == (
        "gift_card", f"cancel:{order.pk}:gift-card")
    # a second cancellation writes nothing more
    journals = Journal.objects.count()
    assert ledger_record_cancellation(order=order) == cancellation
    assert Journal.objects.count() == journals
    assert every_journal_balances()


def test_cancelling_a_paid_order_reverses_each_tender_to_its_own_account(channel, cooperative):
    order = build_order(channel, [(cooperative, "90.00"), (cooperative, "10.01")],
                        gateway=DUMMY)
    order_splits_snapshot(order=order, prepaid=4000)
    ledger_record_gift_card_redemption(order=order, amount_minor=4000)
    ledger_record_capture(order=order, amount=Decimal("60.01"), method="card", reference="pi")

    ledger_record_cancellation(order=order)

    assert payees_only(owed_by_account(order)) == {}
    assert owed_by_account(order) == {}  # gift card and provider both back to zero
    refunds = {j.reference: j.entries.get(role="") for j in
               Journal.objects.filter(order=order, kind=JournalKind.CANCELLATION)}
    assert refunds[f"cancel:{order.pk}:gift-card"].account.key == LIABILITY
    assert refunds[f"cancel:{order.pk}:gift-card"].amount == -4000
    assert refunds[f"cancel:{order.pk}"].account.key == "provider_clearing::MAD"
    assert refunds[f"cancel:{order.pk}"].amount == -6001
    assert every_journal_balances()


# --- refunds -------------------------------------------------------------------------------

def _paid_gift_card_order(channel, partner):
    card, checkout = _gift_card_checkout(channel, "150.00", "100.00", code="CADEAU-RFND")
    order = checkout_complete(checkout_token=checkout.token).order
    ledger_record_capture(order=order, amount=Decimal("75.00"), method="cash",
                          collected_by=partner, reference="cash-rf")
    return card, order


def test_a_refund_of_the_gift_card_part_goes_back_to_the_card(channel, partner):
    card, order = _paid_gift_card_order(channel, partner)

    journal = order_gift_cards_refund(order=order, amount=Decimal("40.00"), reference="r1")

    card.refresh_from_db()
    assert card.current_balance_amount == Decimal("40.00")
    assert GiftCardUsage.objects.get(order=order).refunded_amount == Decimal("40.00")
    assert order_gift_card_total(order.pk) == Decimal("60.00")
    assert journal.kind == JournalKind.REFUND and journal.method == "gift_card"
    assert journal.entries.get(role="").account.key == LIABILITY
    assert journal.entries.get(role="").amount == -4000
    assert sum(order_cells(order.pk).values()) == 17500 - 4000
    order.refresh_from_db()  # the cash here went to the ledger only: the card's 60.00 counts
    assert order.total_charged_amount == Decimal("60.00")
    # the same reference refunds once
    assert order_gift_cards_refund(order=order, amount=Decimal("40.00"), reference="r1") == journal
    card.refresh_from_db()
    assert card.current_balance_amount == Decimal("40.00")
    assert every_journal_balances()


def test_refunding_more_than_the_gift_card_paid_is_refused_and_nothing_changes(channel,
                                                                               partner):
    card, order = _paid_gift_card_order(channel, partner)
    journals, cells = Journal.objects.count(), order_cells(order.pk)

    for amount in (Decimal("100.01"), Decimal("0"), Decimal("-5")):
        with pytest.raises(DomainError):
            order_gift_cards_refund(order=order, amount=amount, reference=f"x{amount}")

    card.refresh_from_db()
    assert card.current_balance_amount == Decimal(0)
    assert GiftCardUsage.objects.get(order=order).refunded_amount == 0
    assert (Journal.objects.count(), order_cells(order.pk)) == (journals, cells)


def test_refunding_a_line_to_the_card_and_the_rest_to_cash_brings_every_payee_to_zero(
        channel, partner):
    card, order = _paid_gift_card_order(channel, partner)
    line = order.lines.get()

    order_gift_cards_refund(order=order, lines={line.pk: Decimal("100.00")}, reference="ln")
    ledger_record_refund(order=order, amount=Decimal("75.00"), refund_to="cash",
                         reference="cash-back")

    assert set(order_cells(order.pk).values()) <= {0}
    assert payees_only(owed_by_account(order)) == {}
    card.refresh_from_db()
    assert card.current_balance_amount == Decimal("100.00")
    # the whole card balance is owed again, the cash is owed back to the customer
    assert account_balance(account_find(AccountKind.GIFT_CARD_LIABILITY, "MAD")) == -10000
    assert owed_by_account(order)["customer_refunds_owed::MAD"] == 7500
    # the order's cancellation afterwards has nothing left to give back
    before = card.current_balance_amount
    order_cancel(order=order, by_staff=True)
    card.refresh_from_db()
    assert card.current_balance_amount == before
    assert every_journal_balances()


# --- property ------------------------------------------------------------------------------

@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(amounts=st.lists(st.integers(1, 300_000), min_size=1, max_size=4),
       delivery=st.integers(0, 5_000), gift=st.fractions(min_value=0, max_value=1),
       cut=st.fractions(min_value=0, max_value=1), cash=st.booleans())
def test_gift_card_and_card_captures_add_up_to_each_payees_split(
        channel, partner, other_partner, amounts, delivery, gift, cut, cash):
    coops = [CooperativeFactory(women_led=True), CooperativeFactory(city_slug="azilal")]
    lines = [(coops[i % 2], Decimal(a).scaleb(-2)) for i, a in enumerate(amounts)]
    legs = [(partner, "12.00"), (other_partner, "7.00")]
    order = build_order(channel, lines, [(coops[0], Decimal(delivery).scaleb(-2), legs)],
                        gateway=CASH_ON_DELIVERY if cash else DUMMY)
    total = sum(amounts) + delivery
    prepaid = int(total * gift)
    order_splits_snapshot(order=order, prepaid=prepaid)
    ledger_record_gift_card_redemption(order=order, amount_minor=prepaid)
    rest = total - prepaid
    first = int(rest * cut)  # the remainder paid in one or two captures
    for index, minor in enumerate((first, rest - first)):
        if minor:
            ledger_record_capture(order=order, amount=Decimal(minor).scaleb(-2),
                                  method="cash" if cash else "card", collected_by=partner,
                                  reference=f"{order.pk}:{index}")

    assert captured_by_cell(order) == snapshot_cells(order)
    owed = owed_by_account(order)
    assert owed.pop(LIABILITY, 0) == -prepaid
    assert payees_only(owed) == split_by_payee(order)
    assert OrderSplit.objects.get(order=order).prepaid_minor == prepaid
    assert every_journal_balances()
