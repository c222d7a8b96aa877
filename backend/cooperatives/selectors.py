"""Reads of the cooperative dashboard, each in a fixed number of queries (asserted in tests)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db.models import F, Prefetch, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from backend.orders.models import OrderLine, OrderStatus
from catalog.models import ProductVariant
from fulfillment.models import Shipment, ShipmentStatus

from .models import CooperativeInvitation, CooperativeStaff

# A placed order counts as a sale unless it was never placed, canceled, expired or returned.
SALE_EXCLUDED = (OrderStatus.DRAFT, OrderStatus.CANCELED, OrderStatus.EXPIRED,
                 OrderStatus.RETURNED)
WEEKS = 8
ALERTS_SHOWN = 20


@dataclass(frozen=True)
class WeekSales:
    start: date
    amount: Decimal
    percent: int  # of the best week, for the bar's height


@dataclass(frozen=True)
class DashboardHome:
    currency: str
    sales_this_month: Decimal
    orders_waiting: int
    stock_alerts: list  # ProductVariant with .available, lowest first
    stock_alert_count: int
    earnings_balance: Decimal | None  # managers only
    earnings_available: Decimal | None
    weeks: list[WeekSales]


def _sales_lines(cooperative_id: int, currency: str):
    return (OrderLine.objects.filter(cooperative_id=cooperative_id, currency=currency)
            .exclude(order__status__in=SALE_EXCLUDED))


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def dashboard_home(*, cooperative_id: int, with_earnings: bool, currency: str = "MAD",
                   now: datetime | None = None) -> DashboardHome:
    """The home page's numbers. 4 queries, 6 with the earnings (a manager)."""
    now = timezone.localtime(now or timezone.now())
    month_start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    first_week = _week_start(now.date()) - timedelta(weeks=WEEKS - 1)
    since = timezone.make_aware(datetime.combine(first_week, datetime.min.time()))
    # Sales per local day since the oldest of (month start, 8 weeks ago): one query for both.
    rows = (_sales_lines(cooperative_id, currency)
            .filter(order__created_at__gte=min(since, month_start))
            .annotate(day=TruncDate("order__created_at")).values("day")
            .annotate(total=Sum("total_price_amount")).order_by("day"))
    weekly: dict[date, Decimal] = {first_week + timedelta(weeks=i): Decimal("0.00")
                                   for i in range(WEEKS)}
    month_total = Decimal("0.00")
    for row in rows:
        if row["day"] >= month_start.date():
            month_total += row["total"]
        start = _week_start(row["day"])
        if start in weekly:
            weekly[start] += row["total"]
    best = max(weekly.values()) or Decimal(1)
    weeks = [WeekSales(start, amount, int(100 * max(amount, 0) / best))
             for start, amount in sorted(weekly.items())]
    waiting = Shipment.objects.filter(cooperative_id=cooperative_id,
                                      status=ShipmentStatus.AWAITING_PREPARATION).count()
    low = low_stock_variants(cooperative_id)
    count = low.count()
    alerts = list(low[:ALERTS_SHOWN])
    balance = available = None
    if with_earnings:
        from backend.core.money import from_minor_units
        from backend.fairpay.models import AccountKind
        from backend.fairpay.selectors import account_available, account_find, account_owed

        account = account_find(AccountKind.COOPERATIVE, currency, cooperative_id)
        owed = account_owed(account) if account else 0
        free = max(account_available(account), 0) if account else 0
        balance, available = from_minor_units(owed, currency), from_minor_units(free, currency)
    return DashboardHome(currency=currency, sales_this_month=month_total, orders_waiting=waiting,
                         stock_alerts=alerts, stock_alert_count=count,
                         earnings_balance=balance, earnings_available=available, weeks=weeks)


def low_stock_variants(cooperative_id: int):
    """Tracked variants of the cooperative at or below their threshold, lowest stock first."""
    return (ProductVariant.objects
            .filter(product__cooperative_id=cooperative_id, track_inventory=True,
                    stock__isnull=False)
            .annotate(available=F("stock__quantity") - F("stock__quantity_allocated"))
            .filter(available__lte=F("low_stock_threshold"))
            .select_related("product").prefetch_related("product__translations")
            .order_by("available", "product__name", "pk"))


PREPARE_STATUSES = (ShipmentStatus.AWAITING_PREPARATION, ShipmentStatus.READY_FOR_PICKUP)


def orders_to_prepare(*, cooperative_id: int, limit: int = 100) -> list[Shipment]:
    """The cooperative's parcels still at the cooperative, oldest first, each with
    ``coop_lines`` (this cooperative's lines of the order). 2 queries."""
    lines = OrderLine.objects.filter(cooperative_id=cooperative_id).order_by("product_name", "pk")
    return list(Shipment.objects.filter(cooperative_id=cooperative_id,
                                        status__in=PREPARE_STATUSES)
                .select_related("order")
                .prefetch_related(Prefetch("order__lines", queryset=lines,
                                           to_attr="coop_lines"))
                .order_by("created_at", "pk")[:limit])


@dataclass(frozen=True)
class TeamPage:
    staff: list[CooperativeStaff]
    invitations: list[CooperativeInvitation]
    manager_count: int


def team_page(*, cooperative_id: int) -> TeamPage:
    """Staff with their accounts and pending invitations. 2 queries."""
    staff = list(CooperativeStaff.objects.filter(cooperative_id=cooperative_id)
                 .select_related("user").order_by("role", "user__email"))
    pending = list(CooperativeInvitation.objects.filter(
        cooperative_id=cooperative_id, accepted_at__isnull=True, revoked_at__isnull=True,
        expires_at__gt=timezone.now()).order_by("-created_at"))
    return TeamPage(staff=staff, invitations=pending,
                    manager_count=sum(1 for s in staff if s.role == "manager"))

