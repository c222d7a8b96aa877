"""The cooperative's earnings page: balance, held amount, entries, payouts, monthly chart.

Every figure is a sum of ledger entries (never a stored number): a fixed number of queries.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from backend.core.money import from_minor_units

from .models import AccountKind, Entry, Payout
from .selectors import account_available, account_find, account_owed


@dataclass(frozen=True)
class MonthTotal:
    month: date
    amount: object  # Decimal
    percent: int  # of the best month, for the bar's width


@dataclass(frozen=True)
class CooperativeEarnings:
    currency: str
    balance: object
    available: object
    held: object
    entries: list
    payouts: list
    months: list[MonthTotal]


def cooperative_earnings_page(*, cooperative_id: int, currency: str = "MAD",
                              entries_limit: int = 50) -> CooperativeEarnings:
    account = account_find(AccountKind.COOPERATIVE, currency, cooperative_id)
    if account is None:
        zero = from_minor_units(0, currency)
        return CooperativeEarnings(currency, zero, zero, zero, [], [], [])
    owed = account_owed(account)
    available = max(account_available(account), 0)
    entries = list(Entry.objects.filter(account=account)
                   .select_related("journal", "order").order_by("-journal__occurred_at", "-pk")
                   [:entries_limit])
    for entry in entries:
        entry.amount_money = from_minor_units(-entry.amount, currency)
    payouts = list(Payout.objects.filter(account=account).select_related("run")
                   .order_by("-pk")[:24])
    for payout in payouts:
        payout.amount_money = from_minor_units(payout.amount_minor, currency)
    since = timezone.now().replace(day=1) - timezone.timedelta(days=335)
    rows = (Entry.objects.filter(account=account, journal__occurred_at__gte=since,
                                 journal__kind__in=("capture", "refund", "cancellation"))
            .annotate(month=TruncMonth("journal__occurred_at")).values("month")
            .annotate(total=Sum("amount")).order_by("month"))
    totals = [(row["month"].date() if hasattr(row["month"], "date") else row["month"],
               -row["total"]) for row in rows]
    best = max((t for _, t in totals), default=0) or 1
    months = [MonthTotal(month, from_minor_units(total, currency),
                         max(int(100 * max(total, 0) / best), 0)) for month, total in totals]
    return CooperativeEarnings(
        currency=currency, balance=from_minor_units(owed, currency),
        available=from_minor_units(available, currency),
        held=from_minor_units(max(owed - available, 0), currency),
        entries=entries, payouts=payouts, months=months)
