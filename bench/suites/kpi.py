"""Admin suite: the network KPI dashboard (``/admin/kpi/``) over the seeded orders.

Three numbers: the aggregate queries over the 12 months (``dashboard_compute``, a cold
cache), the refresh that runs every few minutes (the closed months cached for hours, only the
current month read), and the page as a network admin gets it (warm). Bare SQL: the ledger
aggregate over the 12 months, run by psycopg.
"""
from __future__ import annotations

from typing import Any

from bench.harness import Result, bare_sql_samples, expect_ok, measure

BENCH_ADMIN_EMAIL = "bench-admin@bench.coopstore.ma"

# The ledger aggregate of ``backend.kpi.selectors`` as plain SQL over the same rows.
LEDGER_SQL = """
SELECT date_trunc('month', j.occurred_at AT TIME ZONE 'Africa/Casablanca') AS month,
       e.order_line_id IS NOT NULL AS goods, a.kind, c.region_id, c.women_led, c.youth_led,
       SUM(e.amount)
FROM fairpay_entry e
JOIN fairpay_journal j ON j.id = e.journal_id
JOIN fairpay_account a ON a.id = e.account_id
LEFT JOIN cooperatives_cooperative c ON c.id = e.parcel_cooperative_id
WHERE j.kind IN ('capture', 'refund', 'cancellation') AND j.currency = 'MAD'
  AND j.occurred_at >= %(start)s AND j.occurred_at < %(end)s AND e.role <> ''
GROUP BY 1, 2, 3, 4, 5, 6
"""


def _admin() -> Any:
    """A network admin of the bench database (made once; staff, no other right)."""
    from django.contrib.auth import get_user_model

    user, _created = get_user_model().objects.get_or_create(
        email=BENCH_ADMIN_EMAIL, defaults={"is_staff": True})
    return user


def run(ctx: Any) -> list[Result]:
    from django.core.cache import cache
    from django.utils import timezone

    from backend.kpi.selectors import (
        LEDGER_WORK_MEM,
        closed_months_cache_key,
        closed_window,
        dashboard_cache_key,
        dashboard_compute,
        period_rows,
        window,
    )

    today = timezone.localdate()
    start, end = window(today)
    repeat = max(3, min(ctx.repeat, 10))
    computed = measure(lambda: dashboard_compute(today=today), repeat=repeat, warmup=1)
    closed = period_rows(*closed_window(today), dashboard_compute(today=today).currency)
    refresh = measure(lambda: dashboard_compute(today=today, closed=closed), repeat=repeat,
                      warmup=1)
    # the same work_mem as the selector gives its ledger query
    joiner = "&" if "?" in ctx.database_url else "?"
    bare = bare_sql_samples(f"{ctx.database_url}{joiner}options=-c%20work_mem%3D{LEDGER_WORK_MEM}",
                            LEDGER_SQL, {"start": start, "end": end}, repeat=repeat)
    dashboard = dashboard_compute(today=today)
    ctx.log(f"kpi: {dashboard.orders} orders, sales {dashboard.total_minor / 100:.2f} "
            f"{dashboard.currency}, computed median {sorted(computed)[len(computed) // 2]:.0f} ms")

    client = ctx.client()
    client.force_login(_admin())
    cache.delete(dashboard_cache_key(today))
    cache.delete(closed_months_cache_key(today))
    page = measure(lambda: expect_ok(client.get("/admin/kpi/")), repeat=ctx.repeat)
    return [
        Result(name="admin KPI dashboard: aggregate queries (uncached)", group="admin",
               scale=ctx.scale, samples_ms=computed, bare_sql_ms=bare,
               extra={"orders": dashboard.orders, "note": "bare SQL: the ledger aggregate"}),
        Result(name="admin KPI dashboard: refresh, closed months cached", group="admin",
               scale=ctx.scale, samples_ms=refresh,
               extra={"note": "what the page costs every few minutes"}),
        Result(name="admin KPI page /admin/kpi/ (cached per month)", group="admin",
               scale=ctx.scale, samples_ms=page, extra={"target_ms": 150.0}),
    ]
