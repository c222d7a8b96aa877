"""A payout run over seeded data pays exactly what a hand-written query says is due."""
from __future__ import annotations

from datetime import UTC, datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from backend.fairpay.models import AccountKind, Payout, PayoutMethod
from backend.fairpay.services.payouts import payout_run_create
from backend.scale.checks import unbalanced_journals

pytestmark = pytest.mark.django_db

AT = datetime(2026, 12, 1, tzinfo=UTC)
THRESHOLD_MINOR = 10000  # the first policy's 100.00 MAD

# Credits count once their capture hold and their parcel's delivery hold are over; debits at
# once. Written without the selector's joins, straight from the rule.
AVAILABLE = """
SELECT a.id, a.kind, a.partner_id, -SUM(e.amount)
  FROM fairpay_entry e JOIN fairpay_account a ON a.id = e.account_id
 WHERE a.kind IN ('cooperative', 'partner')
   AND (e.amount > 0 OR (e.available_at <= %(at)s AND NOT EXISTS (
        SELECT 1 FROM fairpay_parcelhold h WHERE h.order_id = e.order_id
           AND h.cooperative_id = e.parcel_cooperative_id AND h.release_at > %(at)s)))
 GROUP BY a.id, a.kind, a.partner_id
"""
CASH = """
SELECT a.partner_id, SUM(e.amount) FROM fairpay_entry e
  JOIN fairpay_account a ON a.id = e.account_id
 WHERE a.kind = 'cash_held_by_partner' GROUP BY a.partner_id
"""
RIB = """
SELECT a.id FROM fairpay_account a
  LEFT JOIN fairpay_cooperativefairpay c ON c.cooperative_id = a.cooperative_id
  LEFT JOIN fairpay_partnerpayoutdetails p ON p.partner_id = a.partner_id
 WHERE COALESCE(c.rib, p.rib, '') <> ''
"""


def expected_payouts() -> dict[int, int]:
    with connection.cursor() as cursor:
        cursor.execute(CASH)
        cash = dict(cursor.fetchall())
        cursor.execute(RIB)
        with_rib = {row[0] for row in cursor.fetchall()}
        cursor.execute(AVAILABLE, {"at": AT})
        rows = cursor.fetchall()
    due = {}
    for account_id, kind, partner_id, available in rows:
        if kind == AccountKind.PARTNER:
            available -= max(0, min(cash.get(partner_id, 0), available))
        if available >= THRESHOLD_MINOR and account_id in with_rib:
            due[account_id] = available
    return due


def test_a_payout_run_over_the_seeded_orders_pays_what_is_due():
    call_command("seed_scale", cooperatives=12, products=60, orders=300, anchor="2026-11-30",
                 no_progress=True, stdout=StringIO())
    expected = expected_payouts()
    assert len(expected) > 5  # most cooperatives and partners have money due

    run = payout_run_create(at=AT)

    paid = dict(run.payouts.values_list("account_id", "amount_minor"))
    assert paid == expected
    assert set(run.payouts.values_list("method", flat=True)) == {PayoutMethod.BANK_TRANSFER}
    assert unbalanced_journals() == 0
    # Nothing is left to pay: a second run pays nobody.
    again = payout_run_create(at=AT)
    assert not again.payouts.exists()
    assert Payout.objects.count() == len(expected)
