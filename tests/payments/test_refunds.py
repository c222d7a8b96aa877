"""Refunds: card refunds through Stripe with an idempotency key, cash refunds owed back."""
from __future__ import annotations

from decimal import Decimal

import pytest

from backend.core.errors import DomainError
from backend.orders.services.checkout_complete import checkout_complete
from backend.payments.error_codes import RefundErrorCode
from backend.payments.gateways import STRIPE
from backend.payments.models import Refund, RefundStatus, TransactionItem
from backend.payments.services import (
    RefundLineInput,
    cash_on_delivery_collected,
    order_refund_create,
    refund_mark_paid_back,
    transaction_initialize,
)
from tests.payments.conftest import CARD

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid_order(stripe_settings, fake_stripe, checkout, deliver):
    """225.00 MAD paid by card (2 × 100.00 + 25.00 delivery), confirmed by the webhook."""
    result = transaction_initialize(checkout=checkout, gateway_id=STRIPE, data=CARD,
                                    idempotency_key="refund-tests")
    fake_stripe.confirm(result.transaction.psp_reference)
    deliver(fake_stripe.events_of("payment_intent.succeeded")[0])
    order = TransactionItem.objects.get().order
    assert order is not None and order.charge_status == "full"
    return order


def _state(order):
    order.refresh_from_db()
    item = TransactionItem.objects.get(order=order)
    return (order.total_charged_amount, order.charge_status, item.charged_amount,
            item.refunded_amount, Refund.objects.count())


def test_a_partial_refund_per_line_then_a_full_refund_of_the_rest(
        paid_order, fake_stripe, money_movements):
    line = paid_order.lines.get()

    partial = order_refund_create(order_id=paid_order.pk,
                                  lines=[RefundLineInput(line.pk, 1)], reason="Bouteille cassée",
                                  idempotency_key="r-1")

    assert (partial.status, partial.amount, partial.method) == (
        RefundStatus.SUCCEEDED, Decimal("100.00"), "card")
    [stripe_refund] = fake_stripe.refunds.values()
    assert stripe_refund["amount"] == 10000
    assert partial.psp_reference == stripe_refund["id"]
    [call] = fake_stripe.requests_to("POST", "/v1/refunds")
    assert call.idempotency_key == f"coopstore-refund-{partial.token}"
    assert [(r.order_line_id, r.quantity, r.amount) for r in partial.lines.all()] == [
        (line.pk, 1, Decimal("100.00"))]
    # Saleor's rules: the charged amount drops, the total is reduced by the granted refund.
    assert _state(paid_order) == (Decimal("125.00"), "full", Decimal("125.00"),
                                  Decimal("100.00"), 1)

    rest = order_refund_create(order_id=paid_order.pk, amount="125.00", idempotency_key="r-2")

    assert rest.status == RefundStatus.SUCCEEDED
    assert sum(r["amount"] for r in fake_stripe.refunds.values()) == 22500
    assert _state(paid_order) == (Decimal("0.00"), "full", Decimal("0.00"),
                                  Decimal("225.00"), 2)
    item = TransactionItem.objects.get()
    assert item.available_actions == []
    assert list(item.events.filter(type="REFUND_SUCCESS").values_list("amount", flat=True)) == [
        Decimal("100.00"), Decimal("125.00")]
    refunds = [m for m in money_movements if m.kind == "refund"]
    assert [(m.amount, m.lines) for m in refunds] == [
        (Decimal("100.00"), ((str(line.pk), 1, Decimal("100.00")),)),
        (Decimal("125.00"), ())]


def test_refunding_more_than_is_left_is_refused_and_changes_nothing(paid_order, fake_stripe):
    order_refund_create(order_id=paid_order.pk, amount="200.00", idempotency_key="r-1")
    before = _state(paid_order)

    with pytest.raises(DomainError) as refused:
        order_refund_create(order_id=paid_order.pk, amount="25.01", idempotency_key="r-2")

    assert refused.value.errors[0].code == RefundErrorCode.AMOUNT_GREATER_THAN_AVAILABLE
    assert "25.00" in refused.value.errors[0].message
    assert _state(paid_order) == before
    assert len(fake_stripe.refunds) == 1


def test_more_units_than_bought_cannot_be_refunded(paid_order):
    line = paid_order.lines.get()
    order_refund_create(order_id=paid_order.pk, lines=[RefundLineInput(line.pk, 2)],
                        idempotency_key="r-1")

    with pytest.raises(DomainError) as refused:
        order_refund_create(order_id=paid_order.pk, lines=[RefundLineInput(line.pk, 1)],
                            idempotency_key="r-2")

    assert refused.value.errors[0].code == RefundErrorCode.INVALID
    assert Refund.objects.count() == 1


def test_the_shipping_is_refunded_once(paid_order, money_movements):
    order_refund_create(order_id=paid_order.pk, include_shipping=True, idempotency_key="r-1")
    assert [(m.amount, m.shipping_amount, m.lines) for m in money_movements] == [
        (Decimal("25.00"), Decimal("25.00"), ())]

    with pytest.raises(DomainError) as refused:
        order_refund_create(order_id=paid_order.pk, include_shipping=True,
                            idempotency_key="r-2")

    assert refused.value.errors[0].code == RefundErrorCode.SHIPPING_COSTS_ALREADY_GRANTED
    assert Refund.objects.get().amount == Decimal("25.00")


def test_the_same_idempotency_key_refunds_once(paid_order, fake_stripe):
    first = order_refund_create(order_id=paid_order.pk, amount="50.00", idempotency_key="r-1")
    second = order_refund_create(order_id=paid_order.pk, amount="50.00", idempotency_key="r-1")

    assert second.pk == first.pk
    assert len(fake_stripe.refunds) == 1
    assert _state(paid_order)[0] == Decimal("175.00")


def test_a_refund_left_pending_by_a_stripe_outage_is_resumed_with_the_same_key(
        paid_order, fake_stripe, stripe_settings):
    stripe_settings.STRIPE_MAX_NETWORK_RETRIES = 0
    fake_stripe.fail_next("POST", "/v1/refunds", status=500, times=1)

    with pytest.raises(DomainError) as pending:
        order_refund_create(order_id=paid_order.pk, amount="50.00", idempotency_key="r-1")
    assert pending.value.errors[0].code == RefundErrorCode.PAYMENT_PROVIDER_ERROR
    assert Refund.objects.get().status == RefundStatus.PENDING
    assert _state(paid_order)[0] == Decimal("225.00")

    resumed = order_refund_create(order_id=paid_order.pk, amount="50.00",
                                  idempotency_key="r-1")

    assert resumed.status == RefundStatus.SUCCEEDED
    keys = [r.idempotency_key for r in fake_stripe.requests_to("POST", "/v1/refunds")]
    assert keys == [f"coopstore-refund-{resumed.token}"] * 2
    assert len(fake_stripe.refunds) == 1
    assert _state(paid_order)[0] == Decimal("175.00")


def test_the_charge_refunded_webhook_of_our_own_refund_adds_nothing(paid_order, fake_stripe,
                                                                    deliver):
    order_refund_create(order_id=paid_order.pk, amount="50.00", idempotency_key="r-1")
    before = _state(paid_order)

    deliver(fake_stripe.events_of("charge.refunded")[-1])

    assert _state(paid_order) == before


def test_a_refund_made_in_the_stripe_dashboard_is_recorded_from_the_webhook(
        paid_order, fake_stripe, deliver):
    intent_id = TransactionItem.objects.get().psp_reference
    fake_stripe.refund_from_dashboard(intent_id, 3000)
    fake_stripe.refund_from_dashboard(intent_id, 2000)
    first, second = fake_stripe.events_of("charge.refunded")

    deliver(second)  # the newer, cumulative total first
    deliver(first)
    deliver(second)

    refund = Refund.objects.get()
    assert (refund.amount, refund.status, refund.requested_by) == (
        Decimal("50.00"), RefundStatus.SUCCEEDED, None)
    assert _state(paid_order)[:4] == (Decimal("175.00"), "full", Decimal("175.00"),
                                      Decimal("50.00"))


def test_a_refund_refused_by_stripe_is_kept_as_failed(paid_order, fake_stripe):
    intent_id = TransactionItem.objects.get().psp_reference
    fake_stripe.refund_from_dashboard(intent_id, 22500)  # refunded elsewhere, not known yet

    with pytest.raises(DomainError) as refused:
        order_refund_create(order_id=paid_order.pk, amount="10.00", idempotency_key="r-1")

    assert refused.value.errors[0].code == RefundErrorCode.PAYMENT_PROVIDER_ERROR
    refund = Refund.objects.get()
    assert refund.status == RefundStatus.FAILED
    assert "already been refunded" in refund.failure_message
    item = TransactionItem.objects.get()
    assert item.events.filter(type="REFUND_FAILURE").count() == 1
    assert item.refunded_amount == 0


def test_a_cash_on_delivery_refund_is_owed_to_the_customer(checkout, money_movements):
    order = checkout_complete(checkout_token=checkout.token).order
    with pytest.raises(DomainError) as nothing:
        order_refund_create(order_id=order.pk, amount="10.00", idempotency_key="r-0")
    assert "annulez-la plutôt" in nothing.value.errors[0].message

    cash_on_delivery_collected(order_id=order.pk, amount=Decimal("225.00"), reference="ship-1")
    cash_on_delivery_collected(order_id=order.pk, amount=Decimal("225.00"), reference="ship-1")
    order.refresh_from_db()
    assert (order.total_charged_amount, order.charge_status) == (Decimal("225.00"), "full")

    refund = order_refund_create(order_id=order.pk, amount="60.00", reason="Miel cristallisé",
                                 idempotency_key="r-1")

    assert (refund.method, refund.status) == ("cash", RefundStatus.OWED)
    order.refresh_from_db()
    assert order.total_charged_amount == Decimal("165.00")
    assert [(m.kind, m.amount, m.owed_to_customer) for m in money_movements] == [
        ("charge", Decimal("225.00"), False), ("refund", Decimal("60.00"), True)]

    paid_back = refund_mark_paid_back(refund_id=refund.pk)

    assert paid_back.status == RefundStatus.PAID_BACK


def test_an_unpaid_order_cannot_be_refunded(checkout):
    order = checkout_complete(checkout_token=checkout.token).order

    with pytest.raises(DomainError) as refused:
        order_refund_create(order_id=order.pk, amount="1.00")

    assert refused.value.errors[0].code == RefundErrorCode.AMOUNT_GREATER_THAN_AVAILABLE
    assert not Refund.objects.exists()


def test_amount_and_lines_together_are_refused(paid_order):
    line = paid_order.lines.get()

    with pytest.raises(DomainError) as refused:
        order_refund_create(order_id=paid_order.pk, amount="1.00",
                            lines=[RefundLineInput(line.pk, 1)])

    assert refused.value.errors[0].code == RefundErrorCode.INVALID
    assert not Refund.objects.exists()
