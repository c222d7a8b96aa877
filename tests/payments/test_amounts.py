"""The pure rules: a transaction's amounts from its events, Saleor's statuses."""
from __future__ import annotations

import itertools
from decimal import Decimal

import pytest

from backend.payments.amounts import (
    EventAmount,
    authorize_status,
    charge_status,
    transaction_amounts,
)

D = Decimal


def test_a_charge_then_refunds_move_money_from_charged_to_refunded():
    amounts = transaction_amounts([EventAmount("CHARGE_SUCCESS", D("225.00")),
                                   EventAmount("REFUND_SUCCESS", D("100.00")),
                                   EventAmount("CHARGE_FAILURE", D("225.00"))])

    assert (amounts.charged, amounts.refunded, amounts.authorized) == (
        D("125.00"), D("100.00"), D("0"))
    assert amounts.available_actions == ["REFUND"]


def test_a_capture_consumes_the_authorization():
    amounts = transaction_amounts([EventAmount("AUTHORIZATION_SUCCESS", D("100")),
                                   EventAmount("CHARGE_SUCCESS", D("60"))])

    assert (amounts.authorized, amounts.charged) == (D("40"), D("60"))
    assert amounts.available_actions == ["CHARGE", "CANCEL", "REFUND"]


def test_amounts_do_not_depend_on_the_order_of_events():
    events = [EventAmount("CHARGE_SUCCESS", D("225")), EventAmount("REFUND_SUCCESS", D("25")),
              EventAmount("CHARGE_BACK", D("50")), EventAmount("CHARGE_ACTION_REQUIRED", D("1"))]

    results = {transaction_amounts(order) for order in itertools.permutations(events)}

    assert results == {transaction_amounts(events)}
    assert transaction_amounts(events).charged == D("150")


@pytest.mark.parametrize(("charged", "total", "granted", "expected"), [
    ("0", "225", "0", "none"),
    ("100", "225", "0", "partial"),
    ("225", "225", "0", "full"),
    ("300", "225", "0", "overcharged"),
    ("125", "225", "100", "full"),
    ("0", "225", "225", "full"),
    ("0", "0", "0", "none"),
])
def test_saleors_charge_status(charged, total, granted, expected):
    assert charge_status(charged=D(charged), total=D(total), granted_refund=D(granted)) == expected


@pytest.mark.parametrize(("authorized", "charged", "total", "expected"), [
    ("0", "0", "225", "none"),
    ("100", "0", "225", "partial"),
    ("225", "0", "225", "full"),
    ("100", "125", "225", "full"),
])
def test_saleors_authorize_status(authorized, charged, total, expected):
    assert authorize_status(authorized=D(authorized), charged=D(charged),
                            total=D(total)) == expected
