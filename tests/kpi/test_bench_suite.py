"""The bench entry of the KPI dashboard (``bench/suites/kpi.py``, group "admin") on a small
committed ledger: both timings come back, with the ledger aggregate's bare SQL."""
from __future__ import annotations

from decimal import Decimal

import pytest

from backend.fairpay.services.ledger import ledger_record_capture
from backend.payments.gateways import DUMMY
from bench.harness import Context
from bench.suites import kpi
from tests.factories.catalog import ChannelFactory, CooperativeFactory
from tests.factories.fulfillment import PartnerFactory
from tests.fairpay.conftest import build_order
from tests.outbox.processes import database_url

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_kpi_suite_times_the_aggregates_and_the_page():
    channel, partner = ChannelFactory(), PartnerFactory()
    cooperative = CooperativeFactory(women_led=True)
    order = build_order(channel, [(cooperative, "120.00")],
                        [(cooperative, "25.00", [(partner, "25.00")])], gateway=DUMMY)
    ledger_record_capture(order=order, amount=Decimal("145.00"), method="card",
                          reference="pi_bench")
    logged: list[str] = []

    results = kpi.run(Context(scale="test", repeat=3, database_url=database_url(),
                              log=logged.append))

    computed, refresh, page = results
    assert {r.group for r in results} == {"admin"} and len(refresh.samples_ms) == 3
    assert len(computed.samples_ms) == 3 and len(computed.bare_sql_ms) == 3
    assert len(page.samples_ms) == 3 and page.extra["target_ms"] == 150.0
    assert computed.extra["orders"] == 1
    assert "sales 120.00 MAD" in logged[0]
