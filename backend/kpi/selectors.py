"""The network dashboard's numbers, from aggregate queries over the last 12 months.

Money comes from the fair-pay ledger, so it is money actually paid, net of refunds and
cancellations (a refund counts in the month it was made): the payee parts of the capture,
refund and cancellation journals (entries with a split role). A part belongs to an order line
(goods: "sales") or to a parcel's delivery; ``parcel_cooperative`` gives the cooperative, hence
its region and its women-led / youth-led flags. Fair-pay totals are the same parts grouped by
the payee account's kind. Food-kilometres are the distances of the deliveries customers chose
(``OrderDelivery.distance_km``) of the orders placed in the period and not cancelled.

A fixed number of queries whatever the number of orders: for each of the closed months and the
current month a ledger aggregate (with a ``SET LOCAL work_mem`` in its own transaction) and a
delivery aggregate, then member distributions and regions. ``dashboard_cached`` keeps the page
for a few minutes and the closed months for a few hours, so a refresh reads one month.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Count, ExpressionWrapper, Q, Sum
from django.db.models.fields import BooleanField
from django.db.models.functions import TruncMonth
from django.utils import timezone

from backend.core.months import month_end, month_of, month_start, months_ending
from backend.fairpay.models import Entry, MemberDistribution
from backend.fairpay.models.ledger import SPLIT_JOURNAL_KINDS, AccountKind
from backend.orders.models import OrderDelivery, OrderStatus
from fulfillment.models import Region

MONTHS = 12
CACHE_SECONDS = 300
CLOSED_MONTHS_SECONDS = 6 * 3600
CACHE_VERSION = 1
LEDGER_WORK_MEM = "64MB"
# Orders that never became a sale: their deliveries do not count in food-kilometres.
NOT_PLACED = (OrderStatus.DRAFT, OrderStatus.UNCONFIRMED, OrderStatus.CANCELED,
              OrderStatus.EXPIRED)
# Payee kinds in the order the dashboard lists them.
PAYEE_KINDS = (AccountKind.COOPERATIVE, AccountKind.PARTNER, AccountKind.PLATFORM,
               AccountKind.SOLIDARITY_FUND, AccountKind.PAYMENT_FEES)


@dataclass(frozen=True)
class RegionSales:
    region_id: int
    code: str
    name: str
    name_ar: str
    name_en: str
    by_month: tuple[int, ...]  # minor units, one per month of ``Dashboard.months``

    @property
    def total_minor(self) -> int:
        return sum(self.by_month)

    def localized_name(self, language: str) -> str:
        return {"ar": self.name_ar, "en": self.name_en}.get(language[:2]) or self.name


@dataclass(frozen=True)
class Dashboard:
    """Every number of the page, in minor units of ``currency``."""

    currency: str
    months: tuple[date, ...]  # first day of each month, oldest first, the current one last
    regions: tuple[RegionSales, ...]  # every region, best-selling first
    women_led_minor: int
    youth_led_minor: int
    payees: tuple[tuple[str, int], ...]  # (account kind, amount) in PAYEE_KINDS order
    members_distributed_minor: int
    orders: int
    delivery_km: Decimal
    km_by_month: tuple[tuple[int, Decimal], ...]  # (orders, km) per month
    other_payees: dict[str, int] = field(default_factory=dict)  # any other kind, if ever

    @property
    def by_month(self) -> tuple[int, ...]:
        return tuple(sum(column) for column in zip(*(r.by_month for r in self.regions),
                                                   strict=True)) or (0,) * len(self.months)

    @property
    def total_minor(self) -> int:
        return sum(region.total_minor for region in self.regions)

    @property
    def women_led_share(self) -> Decimal | None:
        return _share(self.women_led_minor, self.total_minor)

    @property
    def youth_led_share(self) -> Decimal | None:
        return _share(self.youth_led_minor, self.total_minor)

    @property
    def average_km_per_order(self) -> Decimal | None:
        if not self.orders:
            return None
        return (self.delivery_km / self.orders).quantize(Decimal("0.1"), ROUND_HALF_UP)

    @property
    def average_km_by_month(self) -> tuple[Decimal | None, ...]:
        return tuple((km / orders).quantize(Decimal("0.1"), ROUND_HALF_UP) if orders else None
                     for orders, km in self.km_by_month)


def _share(part: int, whole: int) -> Decimal | None:
    """Percentage with one decimal, or None when nothing was sold."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def window(today: date) -> tuple[datetime, datetime]:
    """[start, end) of the 12 months ending with ``today``'s, as aware datetimes."""
    months = months_ending(today, MONTHS)
    return month_start(months[0]), month_end(months[-1])


def closed_window(today: date) -> tuple[datetime, datetime]:
    """[start, end) of the 11 closed months before ``today``'s."""
    return window(today)[0], month_start(today)


@dataclass(frozen=True)
class PeriodRows:
    """The two aggregates of a period, as plain values (cacheable):
    ledger ``(month, goods, account kind, region id, women-led, youth-led, sum)`` and
    deliveries ``(month, orders, km)``."""

    ledger: tuple[tuple, ...]
    deliveries: tuple[tuple, ...]


def period_rows(start: datetime, end: datetime, currency: str) -> PeriodRows:
    """The ledger and delivery aggregates of [start, end). Three queries (one a SET)."""
    parts = (Entry.objects
             .filter(journal__kind__in=SPLIT_JOURNAL_KINDS, journal__currency=currency,
                     journal__occurred_at__gte=start, journal__occurred_at__lt=end)
             .exclude(role="")
             .annotate(month=TruncMonth("journal__occurred_at"),
                       goods=ExpressionWrapper(Q(order_line__isnull=False),
                                               output_field=BooleanField()))
             .values_list("month", "goods", "account__kind", "parcel_cooperative__region_id",
                          "parcel_cooperative__women_led", "parcel_cooperative__youth_led")
             .annotate(total=Sum("amount"))
             .order_by())
    with transaction.atomic():
        # ~10 ledger rows per order: with the default 4 MB the planner sorts them on disk;
        # with more it sorts or hashes in memory (2.5x faster at 20k orders). This query only.
        if connection.vendor == "postgresql":  # the embedded SQLite has no such setting
            with connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL work_mem = '{LEDGER_WORK_MEM}'")
        ledger = tuple((month_of(row[0]), *row[1:]) for row in parts)
    deliveries = (OrderDelivery.objects
                  .filter(order__created_at__gte=start, order__created_at__lt=end)
                  .exclude(order__status__in=NOT_PLACED)
                  .annotate(month=TruncMonth("order__created_at"))
                  .values_list("month")
                  .annotate(orders=Count("order_id", distinct=True), km=Sum("distance_km"))
                  .order_by())
    return PeriodRows(ledger=ledger, deliveries=tuple(
        (month_of(month), orders, km or Decimal(0)) for month, orders, km in deliveries))


def dashboard_compute(*, today: date | None = None, currency: str | None = None,
                      closed: PeriodRows | None = None) -> Dashboard:
    """The dashboard for the 12 months ending with ``today``'s month.

    ``closed`` are the rows of the 11 months before the current one when the caller has them
    (``dashboard_cached`` keeps them for hours): then only the current month is read. Eight
    queries without them, five with them, whatever the number of orders.
    """
    today = today or timezone.localdate()
    currency = currency or getattr(settings, "DEFAULT_CURRENCY", "MAD")
    months = months_ending(today, MONTHS)
    _start, end = window(today)
    current_start = closed_window(today)[1]
    index = {month: i for i, month in enumerate(months)}
    if closed is None:
        closed = period_rows(*closed_window(today), currency)
    current = period_rows(current_start, end, currency)

    # The ledger: payee parts by month, cooperative profile, region, payee kind, source.
    sales: dict[int, list[int]] = defaultdict(lambda: [0] * len(months))
    payees: dict[str, int] = defaultdict(int)
    women = youth = 0
    for month, goods, kind, region_id, women_led, youth_led, total in (*closed.ledger,
                                                                       *current.ledger):
        paid = -total  # payee accounts are credited: what they received is minus the sum
        payees[kind] += paid
        if not goods or region_id is None:
            continue
        sales[region_id][index[month]] += paid
        women += paid if women_led else 0
        youth += paid if youth_led else 0

    # Food-kilometres: the chosen deliveries of the orders placed in the window.
    km_by_month = [(0, Decimal(0)) for _ in months]
    for month, orders, km in (*closed.deliveries, *current.deliveries):
        km_by_month[index[month]] = (orders, km)

    # What cooperatives handed on to their members, for periods ending in the window.
    distributed = (MemberDistribution.objects
                   .filter(currency=currency, period_end__gte=months[0], period_end__lt=end.date())
                   .aggregate(total=Sum("distributed_minor"))["total"]) or 0

    # Every region, so a region with no sale shows as zero.
    regions = [RegionSales(region_id=r.pk, code=r.code, name=r.name, name_ar=r.name_ar,
                           name_en=r.name_en,
                           by_month=tuple(sales.get(r.pk, [0] * len(months))))
               for r in Region.objects.order_by("code")]
    regions.sort(key=lambda r: (-r.total_minor, r.code))
    return Dashboard(
        currency=currency, months=months, regions=tuple(regions), women_led_minor=women,
        youth_led_minor=youth,
        payees=tuple((kind.value, payees.get(kind.value, 0)) for kind in PAYEE_KINDS),
        other_payees={k: v for k, v in payees.items() if k not in PAYEE_KINDS and v},
        members_distributed_minor=distributed,
        orders=sum(orders for orders, _km in km_by_month),
        delivery_km=sum((km for _orders, km in km_by_month), Decimal(0)),
        km_by_month=tuple(km_by_month))


def _cache_prefix() -> str:
    """Per database: a cache may be shared by several (the bench's, the tests')."""
    return f"kpi:v{CACHE_VERSION}:{connection.settings_dict['NAME']}"


def dashboard_cache_key(today: date) -> str:
    return f"{_cache_prefix()}:dashboard:{today:%Y-%m}"


def closed_months_cache_key(today: date) -> str:
    return f"{_cache_prefix()}:closed:{today:%Y-%m}"


def dashboard_cached(*, today: date | None = None) -> Dashboard:
    """The dashboard, recomputed at most every few minutes; the 11 closed months are read at
    most every few hours (their ledger only grows by a journal dated in the past, e.g. cash
    recorded late), so a recomputation reads the current month only."""
    today = today or timezone.localdate()
    key = dashboard_cache_key(today)
    found = cache.get(key)
    if isinstance(found, Dashboard):
        return found
    currency = getattr(settings, "DEFAULT_CURRENCY", "MAD")
    closed = cache.get(closed_months_cache_key(today))
    if not isinstance(closed, PeriodRows):
        closed = period_rows(*closed_window(today), currency)
        cache.set(closed_months_cache_key(today), closed, CLOSED_MONTHS_SECONDS)
    computed = dashboard_compute(today=today, currency=currency, closed=closed)
    cache.set(key, computed, CACHE_SECONDS)
    return computed
