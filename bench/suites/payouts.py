"""The payout run over the seeded orders (100k at the 1k scale): every cooperative and partner
paid its available balance, with the ledger's balance checks included.

Each run happens inside a transaction that is rolled back, so it can repeat on the same data;
the deferred constraint triggers (every journal balanced) are fired before the rollback
(``SET CONSTRAINTS ALL IMMEDIATE``) so their cost is part of the time.
"""
from __future__ import annotations

from typing import Any

from bench.harness import BenchError, Context, Result, measure

GROUP = "batch"
TARGET_MS = 60_000


def _payout_once(report: dict[str, Any]) -> None:
    from django.db import connection, transaction
    from django.utils import timezone

    from backend.fairpay.services.payouts import payout_run_create

    with transaction.atomic():
        run = payout_run_create(at=timezone.now())
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        payouts = list(run.payouts.values_list("amount_minor", flat=True))
        report.update(payouts=len(payouts), paid_minor=sum(payouts),
                      skipped=len(run.skipped))
        transaction.set_rollback(True)
    if not payouts:
        raise BenchError("the payout run paid nobody: is the bench database seeded?")


def _ledger_size() -> dict[str, int]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT (SELECT count(*) FROM orders_order), "
                       "(SELECT count(*) FROM fairpay_entry), "
                       "(SELECT count(*) FROM fairpay_account WHERE kind IN "
                       "('cooperative', 'partner'))")
        orders, entries, payees = cursor.fetchone()
    return {"orders": orders, "entries": entries, "payee_accounts": payees}


def run(ctx: Context) -> list[Result]:
    report: dict[str, Any] = {}
    size = _ledger_size()
    ctx.log(f"payouts: one run over {size['orders']} orders, {size['entries']} ledger entries")
    repeat = max(1, min(ctx.repeat, 3))
    samples = measure(lambda: _payout_once(report), repeat=repeat, warmup=0)
    return [Result(name="payout run", group=GROUP, scale=ctx.scale, samples_ms=samples,
                   extra={"target_ms": TARGET_MS, **size, **report,
                          "note": "rolled back after each run"})]
