"""Refunds of orders paid partly or wholly by gift card: split between the tenders.

The refund is split in proportion to what each tender paid and still holds, exact in centimes
(largest remainder); the gift-card part goes back to the cards' balances, the rest through
Stripe (or cash). A refused refund changes nothing; the same request twice refunds once.
"""
from __future__ import annotations

from decimal import Decimal

import pytest
from django.db.models import Sum
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from backend.core.errors import DomainError
from backend.discounts.services.promo_codes import checkout_promo_code_add
from backend.fairpay.models import Entry, Journal, JournalKind
from backend.fairpay.selectors import order_cells
from backend.giftcards.models import GiftCard, GiftCardUsage
from backend.giftcards.services import gift_card_issue
from backend.orders.services.checkout_complete import checkout_complete
from backend.payments.error_codes import RefundErrorCode
from backend.payments.gateways import STRIPE
from backend.payments.models import Refund, RefundMethod, RefundStatus, TransactionItem
from backend.payments.services import RefundLineInput, order_refund_create, transaction_initialize
from backend.payments.services.refunds import refund_split, refund_split_lines
from tests.factories.catalog import make_listed_product
from tests.orders.conftest import ready_checkout
from tests.payments.conftest import CARD

LIABILITY = "gift_card_liability::MAD"
CLEARING = "provider_clearing::MAD"


def owed_by_account(order) -> dict[str, int]:
    """Net credit per ledger account of the order's journals (minor units; debit negative)."""
    rows = (Entry.objects.filter(order=order).values("account__key")
            .annotate(total=Sum("amount")).order_by())
    return {row["account__key"]: -row["total"] for row in rows if row["total"]}


def payees(order) -> dict[str, int]:
    return {key: amount for key, amount in owed_by_account(order).items()
            if not key.startswith(("provider_clearing", "cash_held", "customer_refunds",
                                   "gift_card_liability", "bank"))}


def every_journal_balances() -> bool:
    sums = Journal.objects.annotate(total=Sum("entries__amount")).values_list("total", flat=True)
    return all(total == 0 for total in sums)


def state(order, fake_stripe=None) -> tuple:
    """Everything a refused refund must leave as it was."""
    order.refresh_from_db()
    return (order.total_charged_amount, order.charge_status,
            list(GiftCard.objects.order_by("pk").values_list("current_balance_amount",
                                                              flat=True)),
            list(GiftCardUsage.objects.order_by("pk").values_list("refunded_amount", flat=True)),
            list(TransactionItem.objects.order_by("pk").values_list("charged_amount",
                                                                    "refunded_amount")),
            Refund.objects.count(), Journal.objects.count(), dict(order_cells(order.pk)),
            len(fake_stripe.refunds) if fake_stripe is not None else None)


@pytest.fixture
def gift_card_order(db, channel):
    """75.00 MAD (50.00 + 25.00 delivery) paid wholly by a 300.00 gift card."""
    argan = make_listed_product(channel=channel, price="50.00")
    card = gift_card_issue(balance=Decimal("300.00"), code="CADEAU-WHLR")
    checkout = ready_checkout(channel, [(argan.default_variant, 1)])
    checkout.payment_gateway = ""
    checkout.save(update_fields=["payment_gateway"])
    checkout_promo_code_add(checkout=checkout, promo_code=card.code)
    order = checkout_complete(checkout_token=checkout.token).order
    card.refresh_from_db()
    assert card.current_balance_amount == Decimal("225.00")
    assert sum(order_cells(order.pk).values()) == 7500
    return card, order


@pytest.fixture
def mixed_order(stripe_settings, fake_stripe, checkout, deliver):
    """225.00 MAD (2 × 100.00 + 25.00 delivery): 100.00 by gift card, 125.00 by card."""
    card = gift_card_issue(balance=Decimal("100.00"), code="CADEAU-MIXD")
    checkout_promo_code_add(checkout=checkout, promo_code=card.code)
    result = transaction_initialize(checkout=checkout, gateway_id=STRIPE, data=CARD,
                                    idempotency_key="mixed")
    fake_stripe.confirm(result.transaction.psp_reference)
    deliver(fake_stripe.events_of("payment_intent.succeeded")[0])
    order = TransactionItem.objects.get().order
    assert order is not None
    assert TransactionItem.objects.get().charged_amount == Decimal("125.00")
    order.refresh_from_db()
    assert (order.total_charged_amount, order.charge_status) == (Decimal("225.00"), "full")
    assert sum(order_cells(order.pk).values()) == 22500
    return card, order


# --- wholly paid by gift card --------------------------------------------------------------

def test_a_wholly_gift_card_paid_order_is_refunded_in_full_to_the_card(gift_card_order):
    card, order = gift_card_order

    refund = order_refund_create(order_id=order.pk, amount="75.00", idempotency_key="g-1")

    assert (refund.method, refund.status, refund.transaction_id) == (
        RefundMethod.GIFT_CARD, RefundStatus.SUCCEEDED, None)
    assert (refund.amount, refund.gift_card_amount, refund.tender_amount) == (
        Decimal("75.00"), Decimal("75.00"), Decimal("0.00"))
    card.refresh_from_db()
    assert card.current_balance_amount == Decimal("300.00")
    assert GiftCardUsage.objects.get(order=order).refunded_amount == Decimal("75.00")
    order.refresh_from_db()
    assert order.total_charged_amount == Decimal("0.00")
    assert set(order_cells(order.pk).values()) <= {0}
    assert payees(order) == {}
    assert owed_by_account(order) == {}  # the liability is owed again, exactly
    assert every_journal_balances()


def test_a_wholly_gift_card_paid_order_refunded_in_part_then_the_rest(gift_card_order):
    card, order = gift_card_order
    line = order.lines.get()

    first = order_refund_create(order_id=order.pk, lines=[RefundLineInput(line.pk, 1)],
                                idempotency_key="g-1")

    assert (first.amount, first.gift_card_amount) == (Decimal("50.00"), Decimal("50.00"))
    assert [(r.amount, r.gift_card_amount) for r in first.lines.all()] == [
        (Decimal("50.00"), Decimal("50.00"))]
    card.refresh_from_db()
    assert card.current_balance_amount == Decimal("275.00")
    assert sum(order_cells(order.pk).values()) == 2500  # only the delivery is left
    journal = Journal.objects.get(kind=JournalKind.REFUND, order=order)
    assert journal.method == "gift_card"
    assert {e.order_line_id for e in journal.entries.exclude(role="")} == {line.pk}

    with pytest.raises(DomainError) as refused:
        order_refund_create(order_id=order.pk, amount="25.01", idempotency_key="g-2")
    assert refused.value.errors[0].code == RefundErrorCode.AMOUNT_GREATER_THAN_AVAILABLE
    assert "25.00" in refused.value.errors[0].message

    order_refund_create(order_id=order.pk, include_shipping=True, idempotency_key="g-3")

    card.refresh_from_db()
    assert card.current_balance_amount == Decimal("300.00")
    assert payees(order) == {} and owed_by_account(order) == {}
    assert every_journal_balances()
    with pytest.raises(DomainError) as nothing:
        order_refund_create(order_id=order.pk, amount="0.01", idempotency_key="g-4")
    assert nothing.value.errors[0].code == RefundErrorCode.AMOUNT_GREATER_THAN_AVAILABLE
    assert "0.00" in nothing.value.errors[0].message
    assert Refund.objects.filter(order=order).count() == 2


# --- paid partly by gift card, partly by card ----------------------------------------------

def test_a_mixed_order_refunded_in_full_splits_exactly_and_brings_every_payee_to_zero(
        mixed_order, fake_stripe):
    card, order = mixed_order

    refund = order_refund_create(order_id=order.pk, amount="225.00", idempotency_key="m-1")

    assert (refund.method, refund.status) == (RefundMethod.CARD, RefundStatus.SUCCEEDED)
    assert (refund.gift_card_amount, refund.tender_amount) == (Decimal("100.00"),
                                                               Decimal("125.00"))
    [stripe_refund] = fake_stripe.refunds.values()
    assert stripe_refund["amount"] == 12500
    [call] = fake_stripe.requests_to("POST", "/v1/refunds")
    assert call.idempotency_key == f"coopstore-refund-{refund.token}"
    card.refresh_from_db()
    assert card.current_balance_amount == Decimal("100.00")  # never to the bank card
    item = TransactionItem.objects.get()
    assert (item.charged_amount, item.refunded_amount) == (Decimal("0.00"), Decimal("125.00"))
    order.refresh_from_db()
    assert order.total_charged_amount == Decimal("0.00")
    assert set(order_cells(order.pk).values()) <= {0}
    assert payees(order) == {}
    assert owed_by_account(order) == {}  # gift-card liability and Stripe clearing back too
    refunds = {j.reference: j for j in Journal.objects.filter(order=order,
                                                               kind=JournalKind.REFUND)}
    refunds = {"gift_card": refunds[f"gift-card-refund:refund-{refund.token}"],
               "card": refunds[f"refund:{refund.pk}"]}
    assert refunds["gift_card"].entries.get(role="").account.key == LIABILITY
    assert refunds["gift_card"].entries.get(role="").amount == -10000
    assert refunds["card"].entries.get(role="").account.key == CLEARING
    assert refunds["card"].entries.get(role="").amount == -12500
    assert every_journal_balances()


def test_a_partial_refund_of_a_mixed_order_is_split_by_largest_remainder(mixed_order,
                                                                           fake_stripe):
    card, order = mixed_order

    # 10.01 × 100/225 = 4.4489 → 4.44 + 1 centime (its remainder .89 beats .11); 5.56 by card
    refund = order_refund_create(order_id=order.pk, amount="10.01", idempotency_key="m-1")

    assert (refund.gift_card_amount, refund.tender_amount) == (Decimal("4.45"), Decimal("5.56"))
    assert [r["amount"] for r in fake_stripe.refunds.values()] == [556]
    card.refresh_from_db()
    assert card.current_balance_amount == Decimal("4.45")
    assert sum(order_cells(order.pk).values()) == 22500 - 1001

    # the rest (214.99) is split over what each still holds: 95.55 and 119.44, exactly
    rest = order_refund_create(order_id=order.pk, amount="214.99", idempotency_key="m-2")

    assert (rest.gift_card_amount, rest.tender_amount) == (Decimal("95.55"), Decimal("119.44"))
    card.refresh_from_db()
    assert card.current_balance_amount == Decimal("100.00")
    assert sum(r["amount"] for r in fake_stripe.refunds.values()) == 12500
    assert payees(order) == {} and owed_by_account(order) == {}
    assert every_journal_balances()


def test_a_refund_per_line_and_shipping_splits_each_part_in_the_same_proportion(
        mixed_order, fake_stripe, money_movements):
    card, order = mixed_order
    line = order.lines.get()

    # 125.00 × 100/225 = 55.5556 → gift card 55.56, card 69.44; the gift card's 55.56 over
    # the line (100.00) and the shipping (25.00): 44.448 and 11.112 → 44.45 and 11.11
    refund = order_refund_create(order_id=order.pk, lines=[RefundLineInput(line.pk, 1)],
                                 include_shipping=True, idempotency_key="m-1")

    assert (refund.amount, refund.gift_card_amount, refund.tender_amount) == (
        Decimal("125.00"), Decimal("55.56"), Decimal("69.44"))
    [refund_line] = refund.lines.all()
    assert (refund_line.quantity, refund_line.amount, refund_line.gift_card_amount) == (
        1, Decimal("100.00"), Decimal("44.45"))
    assert [r["amount"] for r in fake_stripe.refunds.values()] == [6944]
    [movement] = [m for m in money_movements if m.kind == "refund"]
    assert (movement.amount, movement.lines, movement.shipping_amount) == (
        Decimal("69.44"), ((str(line.pk), 1, Decimal("55.55")),), Decimal("13.89"))
    card.refresh_from_db()
    assert card.current_balance_amount == Decimal("55.56")
    gift_journal = Journal.objects.get(order=order, kind=JournalKind.REFUND, method="gift_card")
    by_line = gift_journal.entries.exclude(role="").filter(order_line=line)
    by_delivery = gift_journal.entries.exclude(role="").filter(delivery__isnull=False)
    assert sum(e.amount for e in by_line) == 4445
    assert sum(e.amount for e in by_delivery) == 1111
    assert sum(order_cells(order.pk).values()) == 10000  # one bottle left to refund

    order_refund_create(order_id=order.pk, lines=[RefundLineInput(line.pk, 1)],
                        idempotency_key="m-2")

    card.refresh_from_db()
    assert card.current_balance_amount == Decimal("100.00")
    assert sum(r["amount"] for r in fake_stripe.refunds.values()) == 12500
    assert set(order_cells(order.pk).values()) <= {0}
    assert payees(order) == {} and owed_by_account(order) == {}
    assert every_journal_balances()


def test_the_same_refund_request_twice_refunds_once(mixed_order, fake_stripe):
    card, order = mixed_order

    first = order_refund_create(order_id=order.pk, amount="90.00", idempotency_key="m-1")
    after_first = state(order, fake_stripe)
    again = order_refund_create(order_id=order.pk, amount="90.00", idempotency_key="m-1")

    assert again.pk == first.pk
    assert (first.gift_card_amount, first.tender_amount) == (Decimal("40.00"), Decimal("50.00"))
    assert state(order, fake_stripe) == after_first
    card.refresh_from_db()
    assert card.current_balance_amount == Decimal("40.00")
    assert len(fake_stripe.requests_to("POST", "/v1/refunds")) == 1


def test_a_card_refund_refused_by_stripe_gives_nothing_back_to_the_gift_cards(
        mixed_order, fake_stripe):
    card, order = mixed_order
    fake_stripe.fail_next("POST", "/v1/refunds", status=400, times=1)

    with pytest.raises(DomainError) as refused:
        order_refund_create(order_id=order.pk, amount="90.00", idempotency_key="m-1")

    assert refused.value.errors[0].code == RefundErrorCode.PAYMENT_PROVIDER_ERROR
    assert Refund.objects.get().status == RefundStatus.FAILED
    card.refresh_from_db()
    assert card.current_balance_amount == Decimal("0.00")
    assert not Journal.objects.filter(order=order, kind=JournalKind.REFUND).exists()
    assert sum(order_cells(order.pk).values()) == 22500


@pytest.mark.parametrize(("amount", "lines", "code"), [
    ("225.01", None, RefundErrorCode.AMOUNT_GREATER_THAN_AVAILABLE),
    ("0", None, RefundErrorCode.INVALID),
    ("-5.00", None, RefundErrorCode.INVALID),
    ("douze", None, RefundErrorCode.INVALID),
    ("1e30", None, RefundErrorCode.INVALID),
    ("99999999999.99", None, RefundErrorCode.AMOUNT_GREATER_THAN_AVAILABLE),
    (None, 3, RefundErrorCode.INVALID),
    (None, 0, RefundErrorCode.INVALID),
])
def test_refusals_change_nothing(mixed_order, fake_stripe, amount, lines, code):
    card, order = mixed_order
    line = order.lines.get()
    before = state(order, fake_stripe)

    with pytest.raises(DomainError) as refused:
        order_refund_create(order_id=order.pk, amount=amount,
                            lines=[RefundLineInput(line.pk, lines)] if lines is not None else (),
                            idempotency_key="bad")

    assert refused.value.errors[0].code == code
    assert state(order, fake_stripe) == before
    assert not Refund.objects.filter(idempotency_key="bad").exists()


def test_the_admin_refund_screen_shows_the_split(admin_client, mixed_order):
    card, order = mixed_order
    order_refund_create(order_id=order.pk, amount="90.00", idempotency_key="m-1")

    page = admin_client.get(reverse("admin:payments_refund_add"), {"order": order.number})

    text = page.content.decode()
    assert page.status_code == 200
    split = text[text.index('class="refund-split"'):].split("</p>")[0]
    assert "60,00 MAD" in split and "75,00 MAD" in split  # what each tender still holds
    assert "90.00 MAD" in text and "40.00" in text and "50.00" in text  # the refund's split


# --- the property --------------------------------------------------------------------------

@given(gift=st.integers(0, 10**9), tender=st.integers(0, 10**9), data=st.data(),
       seed=st.text(max_size=8))
def test_a_split_adds_up_exactly_and_never_exceeds_what_a_tender_paid(gift, tender, data,
                                                                        seed):
    total = data.draw(st.integers(0, gift + tender))

    gift_part, tender_part = refund_split(total, gift, tender, seed=seed)

    assert gift_part + tender_part == total
    assert 0 <= gift_part <= gift and 0 <= tender_part <= tender
    assert refund_split(total, gift, tender, seed=seed) == (gift_part, tender_part)
    # in proportion: each part within a centime of its exact quota
    if gift + tender:
        assert abs(gift_part * (gift + tender) - total * gift) < gift + tender


@given(amounts=st.lists(st.integers(0, 10**7), min_size=1, max_size=6), data=st.data())
def test_the_lines_split_adds_up_and_never_exceeds_a_line(amounts, data):
    keyed = [(f"l{i}", amount) for i, amount in enumerate(amounts)]
    gift = data.draw(st.integers(0, sum(amounts)))

    parts = refund_split_lines(gift, keyed, seed="s")

    assert sum(parts.values()) == gift
    assert all(0 <= parts[key] <= amount for key, amount in keyed)


def test_a_split_above_what_the_tenders_hold_is_refused():
    with pytest.raises(ValueError):
        refund_split(101, 50, 50, seed="s")
    with pytest.raises(ValueError):
        refund_split(-1, 50, 50, seed="s")
