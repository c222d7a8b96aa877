"""The computed indicators, read from orders, shipments, payouts and member distributions.

``computed_grid`` answers for any set of cooperatives and any range of months with at most
nine queries (each one grouped by cooperative and local month); the per-month rules that SQL
cannot say simply (repeat customers, regional chains, active products) are small pure functions
over the rows. Definitions: ``definitions.py`` (shown on /indicators/).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, F, Min, OuterRef, Q, Sum
from django.db.models.functions import Lower, TruncMonth

from backend.cooperatives.selectors import SALE_EXCLUDED
from backend.core.money import from_minor_units
from backend.core.months import (
    local_zone,
    month_end,
    month_last_day,
    month_of,
    month_start,
    months_between,
)
from backend.fairpay.models import (
    AccountKind,
    MemberContribution,
    MemberDistribution,
    Payout,
    PayoutStatus,
)
from backend.orders.models import OrderLine
from catalog.models import Product, Stock
from fulfillment.models import PartnerCoverage, ShipmentEvent, ShipmentStatus

from . import definitions as d

CURRENCY = "MAD"
CENT = Decimal("0.01")
TENTH = Decimal("0.1")

Grid = dict[int, dict[date, dict[str, Decimal | None]]]


def _sale_lines(ids: list[int]):
    return (OrderLine.objects.filter(cooperative_id__in=ids, currency=CURRENCY)
            .exclude(order__status__in=SALE_EXCLUDED))


def _sales_and_orders(ids, first, last, grid) -> None:
    rows = (_sale_lines(ids)
            .filter(order__created_at__gte=month_start(first),
                    order__created_at__lt=month_end(last))
            .annotate(m=TruncMonth("order__created_at", tzinfo=local_zone()))
            .values("cooperative_id", "m")
            .annotate(total=Sum("total_price_amount"), orders=Count("order_id", distinct=True))
            .order_by())
    for row in rows:
        cell = grid[row["cooperative_id"]][month_of(row["m"])]
        cell[d.SALES] = row["total"].quantize(CENT)
        cell[d.ORDERS] = Decimal(row["orders"])


def repeat_customers_by_month(rows: Iterable[tuple[int, str, date, int]],
                              months: list[date]) -> dict[tuple[int, date], int]:
    """Pure: ``rows`` are (cooperative, customer, month, orders that month) for every month
    up to the last one; a customer counts in a month when it ordered that month and has at
    least two orders from the cooperative up to that month's end."""
    per_customer: dict[tuple[int, str], dict[date, int]] = defaultdict(dict)
    for cooperative_id, customer, month, orders in rows:
        per_customer[(cooperative_id, customer)][month] = orders
    wanted, counts = set(months), defaultdict(int)
    for (cooperative_id, _customer), by_month in per_customer.items():
        running = 0
        for month in sorted(by_month):
            running += by_month[month]
            if month in wanted and running >= 2:
                counts[(cooperative_id, month)] += 1
    return counts


def _repeat_customers(ids, first, last, grid) -> None:
    rows = (_sale_lines(ids).filter(order__created_at__lt=month_end(last))
            .exclude(order__user_email="")
            .annotate(customer=Lower("order__user_email"),
                      m=TruncMonth("order__created_at", tzinfo=local_zone()))
            .values("cooperative_id", "customer", "m")
            .annotate(orders=Count("order_id", distinct=True)).order_by())
    months = months_between(first, last)
    counts = repeat_customers_by_month(
        ((r["cooperative_id"], r["customer"], month_of(r["m"]), r["orders"]) for r in rows), months)
    for (cooperative_id, month), count in counts.items():
        grid[cooperative_id][month][d.REPEAT_CUSTOMERS] = Decimal(count)


def _active_products(ids, first, last, grid) -> None:
    published = Q(channel_listings__is_published=True)
    products = (Product.objects.filter(cooperative_id__in=ids)
                .annotate(listed=Count("channel_listings", filter=published),
                          undated=Count("channel_listings",
                                        filter=published & Q(channel_listings__published_at=None)),
                          since=Min("channel_listings__published_at", filter=published),
                          in_stock=Exists(Stock.objects.filter(
                              variant__product=OuterRef("pk"),
                              quantity__gt=F("quantity_allocated"))))
                .filter(listed__gt=0)
                .values("pk", "cooperative_id", "undated", "since", "in_stock"))
    sold = set(_sale_lines(ids)
               .filter(order__created_at__gte=month_start(first),
                       order__created_at__lt=month_end(last), variant__isnull=False)
               .annotate(m=TruncMonth("order__created_at", tzinfo=local_zone()))
               .values_list("variant__product_id", "m").distinct().order_by())
    sold = {(product_id, month_of(m)) for product_id, m in sold}
    for product in products:
        for month in months_between(first, last):
            if not product["undated"] and product["since"] >= month_end(month):
                continue
            if product["in_stock"] or (product["pk"], month) in sold:
                cell = grid[product["cooperative_id"]][month]
                cell[d.ACTIVE_PRODUCTS] = cell[d.ACTIVE_PRODUCTS] + 1


def chain_is_regional(partner_ids: set[int], region_id: int,
                      coverage: dict[int, set[int]]) -> bool:
    """Pure: every partner of the chain serves the region (``coverage``: partner → regions)."""
    return bool(partner_ids) and all(region_id in coverage.get(pk, set()) for pk in partner_ids)


def _leg_partners(legs, current_partner_id) -> set[int]:
    ids = {leg.get("partner_id") for leg in legs if isinstance(leg, dict)} if isinstance(
        legs, list) else set()
    ids = {pk for pk in ids if isinstance(pk, int) and not isinstance(pk, bool)}
    return ids or ({current_partner_id} if current_partner_id else set())


def _short_circuit(ids, first, last, grid) -> None:
    events = (ShipmentEvent.objects
              .filter(to_status=ShipmentStatus.DELIVERED, shipment__status=ShipmentStatus.DELIVERED,
                      shipment__cooperative_id__in=ids, occurred_at__gte=month_start(first),
                      occurred_at__lt=month_end(last))
              .order_by("shipment_id", "occurred_at", "pk")
              .values("shipment_id", "occurred_at", "shipment__cooperative_id",
                      "shipment__cooperative__region_id", "shipment__legs",
                      "shipment__partner_id"))
    delivered = {}
    for event in events:  # a shipment counts once, in the month of its first delivery
        delivered.setdefault(event["shipment_id"], event)
    if not delivered:
        return
    chains = {pk: _leg_partners(e["shipment__legs"], e["shipment__partner_id"])
              for pk, e in delivered.items()}
    coverage: dict[int, set[int]] = defaultdict(set)
    for partner_id, region_id, city_region_id in (
            PartnerCoverage.objects.filter(partner_id__in=set().union(*chains.values()))
            .values_list("partner_id", "region_id", "city__region_id")):
        coverage[partner_id].add(region_id or city_region_id)
    totals: dict[tuple[int, date], list[int]] = defaultdict(lambda: [0, 0])
    for pk, event in delivered.items():
        key = (event["shipment__cooperative_id"], month_of(event["occurred_at"]))
        totals[key][1] += 1
        totals[key][0] += chain_is_regional(chains[pk], event["shipment__cooperative__region_id"],
                                            coverage)
    for (cooperative_id, month), (regional, total) in totals.items():
        share = (Decimal(100 * regional) / total).quantize(TENTH, ROUND_HALF_UP)
        grid[cooperative_id][month][d.SHORT_CIRCUIT_SHARE] = share


def _payouts(ids, first, last, grid) -> None:
    rows = (Payout.objects.filter(status=PayoutStatus.PAID, currency=CURRENCY,
                                  account__kind=AccountKind.COOPERATIVE,
                                  account__cooperative_id__in=ids,
                                  settled_at__gte=month_start(first),
                                  settled_at__lt=month_end(last))
            .annotate(m=TruncMonth("settled_at", tzinfo=local_zone()))
            .values("account__cooperative_id", "m").annotate(total=Sum("amount_minor"))
            .order_by())
    for row in rows:
        grid[row["account__cooperative_id"]][month_of(row["m"])][d.PAYOUTS] = from_minor_units(
            row["total"], CURRENCY)


def _members(ids, first, last, grid) -> None:
    period = {"period_end__gte": first, "period_end__lte": month_last_day(last)}
    paid = (MemberDistribution.objects.filter(cooperative_id__in=ids, currency=CURRENCY, **period)
            .annotate(m=TruncMonth("period_end")).values("cooperative_id", "m")
            .annotate(total=Sum("distributed_minor")).order_by())
    for row in paid:
        grid[row["cooperative_id"]][month_of(row["m"])][d.PAID_TO_MEMBERS] = from_minor_units(
            row["total"], CURRENCY)
    people = (MemberContribution.objects
              .filter(distribution__cooperative_id__in=ids, distribution__currency=CURRENCY,
                      amount_minor__gt=0,
                      **{f"distribution__{key}": value for key, value in period.items()})
              .annotate(m=TruncMonth("distribution__period_end"))
              .values("distribution__cooperative_id", "m")
              .annotate(members=Count("member_id", distinct=True)).order_by())
    for row in people:
        cell = grid[row["distribution__cooperative_id"]][month_of(row["m"])]
        cell[d.MEMBERS_PAID] = Decimal(row["members"])


def _empty_cell() -> dict[str, Decimal | None]:
    cell: dict[str, Decimal | None] = {code: Decimal(0) for code in d.COMPUTED_CODES}
    cell[d.SALES] = cell[d.PAYOUTS] = cell[d.PAID_TO_MEMBERS] = Decimal("0.00")
    cell[d.SHORT_CIRCUIT_SHARE] = cell[d.AVERAGE_MEMBER_INCOME] = None
    return cell


def computed_grid(cooperative_ids: Iterable[int], first: date, last: date) -> Grid:
    """Every computed indicator of each cooperative for each month from ``first`` to ``last``.
    At most nine queries, whatever the number of cooperatives and months."""
    ids = sorted(set(cooperative_ids))
    months = months_between(first, last)
    grid: Grid = {pk: {month: _empty_cell() for month in months} for pk in ids}
    if not ids or not months:
        return grid
    first, last = months[0], months[-1]
    for step in (_sales_and_orders, _repeat_customers, _active_products, _short_circuit,
                 _payouts, _members):
        step(ids, first, last, grid)
    for by_month in grid.values():
        for cell in by_month.values():
            if cell[d.MEMBERS_PAID]:
                cell[d.AVERAGE_MEMBER_INCOME] = (cell[d.PAID_TO_MEMBERS]
                                                 / cell[d.MEMBERS_PAID]).quantize(CENT,
                                                                                  ROUND_HALF_UP)
    return grid
