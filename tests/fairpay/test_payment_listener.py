"""Payment movements (``backend.payments.hooks``) written to the ledger by fair pay."""
from __future__ import annotations

from decimal import Decimal

import pytest

from backend.core.errors import DomainError
from backend.fairpay.error_codes import FairPayErrorCode
from backend.fairpay.models import AccountKind, Journal, JournalKind
from backend.fairpay.payment_listener import ledger_record_money_movement
from backend.fairpay.selectors import account_balance, account_find, order_cells
from backend.payments.gateways import CASH_ON_DELIVERY, DUMMY
from backend.payments.hooks import MoneyMovement, MovementKind
from tests.factories.catalog import CooperativeFactory

from .conftest import build_order


def movement(order, kind=MovementKind.CHARGE, **fields) -> MoneyMovement:
    defaults = {"transaction_id": 1, "gateway": order.payment_gateway,
                "amount": order.total_amount, "currency": "MAD", "psp_reference": "pi_42"}
    return MoneyMovement(kind=kind, order_id=str(order.pk), **{**defaults, **fields})


def held(partner) -> int:
    return account_balance(account_find(AccountKind.CASH_HELD_BY_PARTNER, "MAD", partner.pk))


def test_a_card_charge_captures_the_whole_order_once(channel, cooperative):
    order = build_order(channel, [(cooperative, "80.00")], gateway=DUMMY)

    ledger_record_money_movement(movement(order))
    ledger_record_money_movement(movement(order))

    journal = Journal.objects.get(order=order)
    assert (journal.kind, journal.method, journal.reference) == ("capture", "card", "pi_42")
    assert sum(order_cells(order.pk).values()) == 8000


def test_cash_is_held_by_the_partner_of_each_parcel_s_last_leg(channel, cooperative, partner,
                                                                 other_partner):
    honey = CooperativeFactory(city_slug="azilal")
    order = build_order(channel, [(cooperative, "60.00"), (honey, "100.00")],
                        [(cooperative, "20.00", [(other_partner, "5.00"), (partner, "15.00")]),
                         (honey, "30.00", [(other_partner, "30.00")])],
                        gateway=CASH_ON_DELIVERY)

    ledger_record_money_movement(movement(order, psp_reference="cash-1"))

    assert (held(partner), held(other_partner)) == (8000, 13000)
    assert Journal.objects.filter(order=order, kind=JournalKind.CAPTURE).count() == 2


def test_cash_without_a_known_collector_is_refused_and_nothing_is_written(channel, cooperative):
    order = build_order(channel, [(cooperative, "60.00")], [(cooperative, "20.00", [])],
                        gateway=CASH_ON_DELIVERY)

    with pytest.raises(DomainError) as refused:
        ledger_record_money_movement(movement(order))

    assert refused.value.errors[0].code == FairPayErrorCode.REQUIRED
    assert not Journal.objects.filter(order=order).exists()


def test_a_refund_of_a_line_and_the_shipping_reverses_them(channel, cooperative, partner):
    order = build_order(channel, [(cooperative, "60.00"), (cooperative, "40.00")],
                        [(cooperative, "20.00", [(partner, "20.00")])], gateway=DUMMY)
    ledger_record_money_movement(movement(order))
    line = order.lines.get(total_price_amount=Decimal("40.00"))

    ledger_record_money_movement(movement(
        order, kind=MovementKind.REFUND, amount=Decimal("60.00"), refund_id=7,
        lines=((str(line.pk), 1, Decimal("40.00")),), shipping_amount=Decimal("20.00")))

    cells = order_cells(order.pk)
    assert sum(v for k, v in cells.items() if str(k[0]) == str(line.pk)) == 0
    assert sum(v for k, v in cells.items() if k[1] is not None) == 0
    assert sum(cells.values()) == 6000
    assert Journal.objects.get(kind=JournalKind.REFUND).reference == "refund:7"


def test_a_cash_refund_is_owed_to_the_customer(channel, cooperative, partner):
    order = build_order(channel, [(cooperative, "60.00")],
                        [(cooperative, "20.00", [(partner, "20.00")])], gateway=CASH_ON_DELIVERY)
    ledger_record_money_movement(movement(order, psp_reference="cash-9"))

    ledger_record_money_movement(movement(order, kind=MovementKind.REFUND,
                                          amount=Decimal("10.00"), refund_id=3,
                                          owed_to_customer=True))

    assert account_balance(account_find(AccountKind.CUSTOMER_REFUNDS_OWED, "MAD")) == -1000
