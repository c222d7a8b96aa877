"""Two payout runs started at the same time never pay a balance twice (two real connections)."""
from __future__ import annotations

import threading
import time
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone

from backend.fairpay.models import AccountKind, Payout
from backend.fairpay.selectors import account_available, account_find
from backend.fairpay.services import payouts as payout_services
from backend.fairpay.services.ledger import ledger_record_capture
from backend.payments.gateways import DUMMY
from tests.factories.catalog import ChannelFactory, CooperativeFactory
from tests.factories.fulfillment import PartnerFactory

from .conftest import RIB_A, RIB_P1, bank_details, build_order

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql",
                                reason="row locks need PostgreSQL")


def _race(*targets) -> list:
    """Run the callables at the same time, each in its own thread and database connection."""
    barrier = threading.Barrier(len(targets))
    outcomes: list = [None] * len(targets)

    def run(index: int) -> None:
        barrier.wait()
        try:
            outcomes[index] = targets[index]()
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            outcomes[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(targets))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_two_payout_runs_at_the_same_time_pay_each_balance_once(monkeypatch):
    channel = ChannelFactory()
    cooperatives = [CooperativeFactory(), CooperativeFactory(city_slug="azilal")]
    partner = PartnerFactory()
    bank_details(partner=partner, rib=RIB_P1)
    for cooperative in cooperatives:
        bank_details(cooperative=cooperative, rib=RIB_A)
        order = build_order(channel, [(cooperative, "500.00")],
                            [(cooperative, "50.00", [(partner, "50.00")])], gateway=DUMMY)
        ledger_record_capture(order=order, amount=Decimal("550.00"), method="card",
                              occurred_at=timezone.now() - timedelta(days=10))
    # Make each balance read slow, so both runs are surely inside their transactions at once.
    real_available = payout_services.accounts_available

    def slow_available(account_ids, at=None):
        time.sleep(0.5)
        return real_available(account_ids, at)

    monkeypatch.setattr(payout_services, "accounts_available", slow_available)

    def run():
        return payout_services.payout_run_create(threshold=Decimal("10.00"))

    outcomes = _race(run, run)

    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    payouts = Payout.objects.order_by("run_id")
    assert sorted(p.amount_minor for p in payouts) == [10000, 45500, 45500]
    assert len({p.run_id for p in payouts}) == 1
    assert sorted(len(o.payouts.all()) for o in outcomes) == [0, 3]
    for cooperative in cooperatives:
        account = account_find(AccountKind.COOPERATIVE, "MAD", cooperative.pk)
        assert account_available(account) == 0
    assert account_available(account_find(AccountKind.PARTNER, "MAD", partner.pk)) == 0


@pytest.mark.django_db(transaction=True)
def test_a_capture_during_a_payout_run_neither_waits_for_it_nor_deadlocks(monkeypatch):
    channel = ChannelFactory()
    cooperative = CooperativeFactory()
    bank_details(cooperative=cooperative, rib=RIB_A)
    old = build_order(channel, [(cooperative, "500.00")], gateway=DUMMY)
    ledger_record_capture(order=old, amount=Decimal("500.00"), method="card",
                          occurred_at=timezone.now() - timedelta(days=10))
    new = build_order(channel, [(cooperative, "300.00")], gateway=DUMMY)
    real_available = payout_services.accounts_available

    def slow_available(account_ids, at=None):
        time.sleep(1.5)
        return real_available(account_ids, at)

    monkeypatch.setattr(payout_services, "accounts_available", slow_available)

    def capture():
        time.sleep(0.3)  # the run holds its account locks by now
        started = time.monotonic()
        ledger_record_capture(order=new, amount=Decimal("300.00"), method="card")
        return time.monotonic() - started

    run, elapsed = _race(lambda: payout_services.payout_run_create(), capture)

    assert not isinstance(run, Exception), run
    assert not isinstance(elapsed, Exception), elapsed
    assert elapsed < 1.0
    assert [p.amount_minor for p in run.payouts.all()] == [45500]
    account = account_find(AccountKind.COOPERATIVE, "MAD", cooperative.pk)
    assert account_available(account, timezone.now() + timedelta(days=8)) == 27300
