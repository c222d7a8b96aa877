"""Payout runs: holding period, threshold, Stripe or bank, cash netting, settle or fail."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from backend.core.errors import DomainError
from backend.fairpay.bank_batch import payout_run_bank_batch_csv
from backend.fairpay.models import AccountKind, PayoutMethod, PayoutStatus
from backend.fairpay.selectors import (
    account_available,
    account_balance,
    account_find,
    partner_remittance_owed,
)
from backend.fairpay.services.cash import partner_remittance_record
from backend.fairpay.services.ledger import ledger_record_capture, parcel_hold_record
from backend.fairpay.services.payouts import (
    payout_mark_failed,
    payout_mark_paid,
    payout_run_create,
    payout_transfer_send,
    payout_transfers_send,
)
from backend.fairpay.transfers import TransferDeclined, TransferResult
from backend.payments.gateways import DUMMY

from .conftest import RIB_A, RIB_P1, bank_details, build_order

NOW = timezone.now()


class FakeTransfers:
    """Records transfer requests; can decline or fail once like a flaky network."""

    def __init__(self, decline: bool = False, fail_times: int = 0) -> None:
        self.requests = []
        self.decline = decline
        self.fail_times = fail_times

    def __call__(self, request):
        self.requests.append(request)
        if self.decline:
            raise TransferDeclined("account closed")
        if self.fail_times:
            self.fail_times -= 1
            raise ConnectionError("timeout")
        return TransferResult(transfer_id=f"tr_{len(self.requests)}")


def coop_account(cooperative):
    return account_find(AccountKind.COOPERATIVE, "MAD", cooperative.pk)


def paid_order(channel, cooperative, amount="500.00", days_ago=10, **capture):
    order = build_order(channel, [(cooperative, amount)], gateway=DUMMY)
    ledger_record_capture(order=order, amount=Decimal(amount), method=capture.pop("method", "card"),
                          occurred_at=NOW - timedelta(days=days_ago), **capture)
    return order


def test_shares_are_held_for_the_holding_period_after_capture(channel, cooperative):
    bank_details(cooperative=cooperative)
    paid_order(channel, cooperative, days_ago=3)

    early = payout_run_create(at=NOW)
    later = payout_run_create(at=NOW + timedelta(days=5))

    assert early.payouts.count() == 0
    assert [p.amount_minor for p in later.payouts.all()] == [45500]


def test_a_delivery_date_pushes_the_hold_back(channel, cooperative):
    bank_details(cooperative=cooperative)
    order = paid_order(channel, cooperative, days_ago=10)
    parcel_hold_record(order=order, cooperative=cooperative, delivered_at=NOW - timedelta(days=2))

    assert payout_run_create(at=NOW).payouts.count() == 0
    assert payout_run_create(at=NOW + timedelta(days=6)).payouts.count() == 1


def test_balances_below_the_threshold_wait_for_a_later_run(channel, cooperative):
    bank_details(cooperative=cooperative)
    paid_order(channel, cooperative, amount="100.00")

    assert payout_run_create(at=NOW).payouts.count() == 0
    assert payout_run_create(at=NOW, threshold=Decimal("91.00")).payouts.count() == 1


def test_a_payee_without_payout_details_is_listed_as_skipped(channel, cooperative):
    paid_order(channel, cooperative)

    run = payout_run_create(at=NOW)

    assert run.payouts.count() == 0
    assert run.skipped == [{"account": coop_account(cooperative).key, "name": cooperative.name,
                            "amount_minor": 45500, "reason": "no_payout_details"}]


def test_a_connected_payee_is_paid_by_stripe_transfer_with_an_idempotency_key(channel,
                                                                             cooperative):
    bank_details(cooperative=cooperative, stripe="acct_1Coop")
    paid_order(channel, cooperative)
    transfers = FakeTransfers()

    run = payout_run_create(at=NOW, send_transfer=transfers)

    payout = run.payouts.get()
    assert (payout.method, payout.status, payout.transfer_id) == (
        PayoutMethod.STRIPE_CONNECT, PayoutStatus.PAID, "tr_1")
    (request,) = transfers.requests
    assert (request.destination, request.amount, request.currency) == ("acct_1Coop", 45500, "mad")
    assert request.idempotency_key == payout.reference
    assert request.transfer_group == run.reference
    assert account_balance(account_find(AccountKind.PAYOUTS_IN_TRANSIT, "MAD")) == 0
    assert account_available(coop_account(cooperative), NOW) == 0


def test_without_a_transfer_sender_a_connected_payee_with_a_rib_gets_a_bank_transfer(
        channel, cooperative):
    bank_details(cooperative=cooperative, stripe="acct_1Coop")
    paid_order(channel, cooperative)

    payout = payout_run_create(at=NOW).payouts.get()

    assert (payout.method, payout.rib) == (PayoutMethod.BANK_TRANSFER, RIB_A)


def test_a_declined_transfer_fails_and_the_money_is_available_again(channel, cooperative):
    bank_details(cooperative=cooperative, stripe="acct_1Coop")
    paid_order(channel, cooperative)

    payout = payout_run_create(at=NOW, send_transfer=FakeTransfers(decline=True)).payouts.get()

    assert (payout.status, payout.failure_reason) == (PayoutStatus.FAILED, "account closed")
    assert account_available(coop_account(cooperative)) == 45500


def test_a_timeout_leaves_the_payout_pending_and_the_retry_reuses_its_key(channel, cooperative):
    bank_details(cooperative=cooperative, stripe="acct_1Coop")
    paid_order(channel, cooperative)
    transfers = FakeTransfers(fail_times=1)

    run = payout_run_create(at=NOW, send_transfer=transfers)

    payout = run.payouts.get()
    assert payout.status == PayoutStatus.PENDING
    assert payout_transfers_send(send_transfer=transfers) == 1
    payout.refresh_from_db()
    assert payout.status == PayoutStatus.PAID
    assert [r.idempotency_key for r in transfers.requests] == [payout.reference] * 2
    assert payout_transfer_send(payout_id=payout.pk, send_transfer=transfers).status == "paid"
    assert len(transfers.requests) == 2


def test_a_bank_payout_is_settled_once_or_fails_back_to_the_balance(channel, cooperative):
    bank_details(cooperative=cooperative)
    paid_order(channel, cooperative)
    payout = payout_run_create(at=NOW).payouts.get()

    payout_mark_paid(payout=payout, reference="BMCE-BATCH-7")
    payout_mark_paid(payout=payout, reference="BMCE-BATCH-7")

    assert account_balance(account_find(AccountKind.BANK, "MAD")) == -45500
    with pytest.raises(DomainError):
        payout_mark_failed(payout=payout, reason="bounced")
    assert account_available(coop_account(cooperative), NOW) == 0


def test_a_bounced_bank_transfer_is_paid_again_by_the_next_run(channel, cooperative):
    bank_details(cooperative=cooperative)
    paid_order(channel, cooperative)
    first = payout_run_create(at=NOW).payouts.get()

    payout_mark_failed(payout=first, reason="wrong RIB")

    assert payout_run_create().payouts.get().amount_minor == 45500


def test_cash_a_partner_collected_is_netted_and_the_rest_is_owed_by_the_partner(
        channel, cooperative, partner):
    bank_details(partner=partner, rib=RIB_P1)
    cash_order = build_order(channel, [(cooperative, "300.00")],
                             [(cooperative, "60.00", [(partner, "60.00")])])
    ledger_record_capture(order=cash_order, amount=Decimal("360.00"), method="cash",
                          collected_by=partner, occurred_at=NOW - timedelta(days=10))
    card_order = build_order(channel, [(cooperative, "10.00")],
                             [(cooperative, "200.00", [(partner, "200.00")])], gateway=DUMMY)
    ledger_record_capture(order=card_order, amount=Decimal("210.00"), method="card",
                          occurred_at=NOW - timedelta(days=10))

    run = payout_run_create(at=NOW, threshold=Decimal("10.00"))

    # The partner is owed 60 + 200 = 260.00 and holds 360.00 in cash: all of it is netted.
    assert not run.payouts.filter(account__kind=AccountKind.PARTNER).exists()
    assert partner_remittance_owed(partner.pk) == 10000
    partner_remittance_record(partner=partner, amount=Decimal("100.00"), reference="remit-1")
    assert partner_remittance_owed(partner.pk) == 0
    with pytest.raises(DomainError):
        partner_remittance_record(partner=partner, amount=Decimal("0.01"), reference="remit-2")


def test_the_bank_batch_file_lists_each_bank_payout(channel, cooperative):
    bank_details(cooperative=cooperative)
    paid_order(channel, cooperative, amount="1234.00")

    run = payout_run_create(at=NOW)

    payout = run.payouts.get()
    assert payout_run_bank_batch_csv(run).splitlines() == [
        "reference,beneficiary,rib,amount,currency,run",
        f"{payout.reference},{cooperative.name},{RIB_A},1122.94,MAD,{run.reference}",
    ]


def test_the_default_sender_uses_the_payments_stripe_client(settings, monkeypatch):
    from backend.fairpay.transfers import TransferRequest, default_transfer_sender
    from backend.payments import stripe_client

    settings.STRIPE_SECRET_KEY = ""
    assert default_transfer_sender() is None
    settings.STRIPE_SECRET_KEY = "sk_test_fake"
    calls = []

    def fake_create(**kwargs):
        calls.append(kwargs)
        if kwargs["destination"] == "acct_closed":
            raise stripe_client.ProviderRequestRefused("No such destination", http_status=400)
        return stripe_client.Transfer(id="tr_9", amount=kwargs["amount"], currency="MAD",
                                      destination=kwargs["destination"])

    monkeypatch.setattr(stripe_client, "transfer_create", fake_create)
    send = default_transfer_sender()
    request = TransferRequest(destination="acct_1", amount=12345, currency="mad",
                              idempotency_key="PAY-00000001", transfer_group="RUN-000001")

    assert send(request) == TransferResult(transfer_id="tr_9")
    assert calls[0]["amount"] == Decimal("123.45")
    assert calls[0]["idempotency_key"] == "PAY-00000001"
    with pytest.raises(TransferDeclined):
        send(TransferRequest(destination="acct_closed", amount=1, currency="mad",
                             idempotency_key="k", transfer_group="g"))
