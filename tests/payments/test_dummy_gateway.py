"""Saleor's Dummy Payment App: pays a checkout in the demo, refused everywhere else."""
from __future__ import annotations

from decimal import Decimal

import pytest

from backend.core.errors import DomainError
from backend.orders.models import Order
from backend.orders.services.checkout_complete import checkout_complete
from backend.payments.error_codes import TransactionInitializeErrorCode
from backend.payments.gateways import CASH_ON_DELIVERY, DUMMY, available_gateways
from backend.payments.models import TransactionItem
from backend.payments.selectors import checkout_payment_statuses
from backend.payments.services import (
    transaction_initialize,
    transaction_process,
    transactions_attach_to_order,
)

pytestmark = pytest.mark.django_db

CHARGE = {"event": {"type": "CHARGE_SUCCESS", "includePspReference": True}}


@pytest.fixture
def dummy_allowed(settings):
    settings.DUMMY_PAYMENTS_ENABLED = True
    return settings


def test_the_dummy_gateway_pays_a_checkout_and_checkout_complete_places_the_order(
        dummy_allowed, checkout):
    result = transaction_initialize(checkout=checkout, gateway_id=DUMMY, data=CHARGE)

    assert result.event.type == "CHARGE_SUCCESS"
    assert result.event.psp_reference == f"dummy-{result.transaction.token.hex}"
    assert result.transaction.charged_amount == Decimal("225.00")
    assert result.transaction.name == "Dummy Payment App"
    assert checkout_payment_statuses(checkout, Decimal("225.00")).charge_status == "full"

    order = checkout_complete(checkout_token=checkout.token).order

    assert (order.payment_gateway, order.charge_status) == (DUMMY, "full")
    assert order.total_charged_amount == Decimal("225.00")


def test_the_dummy_gateway_is_refused_unless_the_setting_allows_it(settings, checkout):
    settings.DUMMY_PAYMENTS_ENABLED = False

    assert DUMMY not in [g.id for g in available_gateways("MAD")]
    with pytest.raises(DomainError) as refused:
        transaction_initialize(checkout=checkout, gateway_id=DUMMY, data=CHARGE)

    error = refused.value.errors[0]
    assert (error.code, error.field) == (TransactionInitializeErrorCode.INVALID,
                                         "paymentGateway")
    assert "DUMMY_PAYMENTS_ENABLED" in error.message
    assert not TransactionItem.objects.exists()
    checkout.refresh_from_db()
    assert checkout.payment_gateway == CASH_ON_DELIVERY


def test_a_dummy_failure_leaves_the_checkout_unpaid(dummy_allowed, checkout):
    result = transaction_initialize(checkout=checkout, gateway_id=DUMMY,
                                    data={"event": {"type": "CHARGE_FAILURE"}})

    assert result.event.type == "CHARGE_FAILURE"
    assert result.transaction.charged_amount == 0
    with pytest.raises(DomainError) as refused:
        checkout_complete(checkout_token=checkout.token)
    assert refused.value.errors[0].code == "checkout_not_fully_paid"
    assert not Order.objects.exists()


def test_a_dummy_authorization_covers_the_checkout_without_charging_it(dummy_allowed, checkout):
    result = transaction_initialize(
        checkout=checkout, gateway_id=DUMMY,
        data={"event": {"type": "AUTHORIZATION_SUCCESS", "includePspReference": True}})

    assert result.transaction.authorized_amount == Decimal("225.00")
    assert result.transaction.available_actions == ["CHARGE", "CANCEL"]
    statuses = checkout_payment_statuses(checkout, Decimal("225.00"))
    assert (statuses.charge_status, statuses.authorize_status) == ("none", "full")


def test_a_dummy_action_required_is_finished_by_transaction_process(dummy_allowed, checkout):
    started = transaction_initialize(
        checkout=checkout, gateway_id=DUMMY, amount="100.00",
        data={"event": {"type": "CHARGE_ACTION_REQUIRED", "includePspReference": True}})

    done = transaction_process(transaction_token=started.transaction.token, data=CHARGE)

    assert done.event.type == "CHARGE_SUCCESS"
    assert done.transaction.charged_amount == Decimal("100.00")
    assert checkout_payment_statuses(checkout, Decimal("225.00")).charge_status == "partial"


def test_dummy_data_must_name_an_event_type(dummy_allowed, checkout):
    with pytest.raises(DomainError) as refused:
        transaction_initialize(checkout=checkout, gateway_id=DUMMY,
                               data={"event": {"type": "REFUND_SUCCESS"}})

    assert refused.value.errors[0].code == TransactionInitializeErrorCode.INVALID
    assert not TransactionItem.objects.exists()


def test_once_paid_there_is_nothing_left_to_initialize(dummy_allowed, checkout):
    transaction_initialize(checkout=checkout, gateway_id=DUMMY, data=CHARGE)

    with pytest.raises(DomainError) as refused:
        transaction_initialize(checkout=checkout, gateway_id=DUMMY, data=CHARGE)

    assert refused.value.errors[0].field == "amount"
    assert TransactionItem.objects.count() == 1


def test_an_empty_idempotency_key_is_refused(dummy_allowed, checkout):
    with pytest.raises(DomainError) as refused:
        transaction_initialize(checkout=checkout, gateway_id=DUMMY, data=CHARGE,
                               idempotency_key="")

    assert refused.value.errors[0].field == "idempotencyKey"


def test_cash_on_delivery_is_not_paid_through_transactions(checkout):
    with pytest.raises(DomainError) as refused:
        transaction_initialize(checkout=checkout, gateway_id=CASH_ON_DELIVERY, data={})

    assert refused.value.errors[0].code == TransactionInitializeErrorCode.NOT_FOUND


def test_after_checkout_complete_the_order_takes_its_transactions_and_tells_the_ledger(
        dummy_allowed, checkout, money_movements):
    transaction_initialize(checkout=checkout, gateway_id=DUMMY, data=CHARGE)
    order = checkout_complete(checkout_token=checkout.token).order  # attaches them itself

    transactions_attach_to_order(order_id=order.pk)  # idempotent: nothing more happens

    item = TransactionItem.objects.get()
    assert (item.order_id, item.checkout_id, item.checkout_token) == (
        order.pk, None, order.checkout_token)
    assert [(m.kind, m.amount, m.gateway) for m in money_movements] == [
        ("charge", Decimal("225.00"), DUMMY)]
