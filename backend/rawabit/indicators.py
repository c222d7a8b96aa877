"""Rawabit's own indicators for the network admin: opportunities, replies, deals, deal value
and pro orders from deals, by region and by month. Four aggregate queries whatever the data."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, DecimalField, Exists, F, OuterRef, Q, Sum
from django.db.models.functions import Coalesce, Round, TruncMonth

from backend.core.charts import peak, scaled
from backend.core.months import month_of
from backend.orders.models import Order
from fulfillment.models import Region

from .models import Deal, Opportunity, OpportunityKind, OpportunityReply

ZERO = Decimal("0.00")
METRICS = ("opportunities", "offers", "requests", "replies", "deals", "deal_value",
           "pro_orders")


@dataclass
class Row:
    key: object
    label: str = ""
    opportunities: int = 0
    offers: int = 0
    requests: int = 0
    replies: int = 0
    deals: int = 0
    deal_value: Decimal = ZERO
    pro_orders: int = 0
    bar_percent: int = 0

    def add(self, values: dict) -> None:
        for name in METRICS:
            if name in values:
                setattr(self, name, getattr(self, name) + values[name])


@dataclass
class RawabitIndicators:
    by_region: list[Row] = field(default_factory=list)
    by_month: list[Row] = field(default_factory=list)
    total: Row = field(default_factory=lambda: Row(key="total"))


def rawabit_indicators(*, year: int | None = None) -> RawabitIndicators:
    """Counts by (region, month), folded into per-region and per-month tables (4 queries)."""
    opportunities = Opportunity.objects.all()
    replies = OpportunityReply.objects.all()
    deals = Deal.objects.all()
    if year:
        opportunities = opportunities.filter(created_at__year=year)
        replies = replies.filter(created_at__year=year)
        deals = deals.filter(created_at__year=year)
    cells: list[tuple[int | None, date, dict]] = []
    for row in (opportunities.annotate(month=TruncMonth("created_at"))
                .values("region_id", "month")
                .annotate(opportunities=Count("pk"),
                          offers=Count("pk", filter=Q(kind=OpportunityKind.OFFER)),
                          requests=Count("pk", filter=Q(kind=OpportunityKind.REQUEST)))
                .order_by()):
        cells.append((row["region_id"], month_of(row["month"]), row))
    for row in (replies.annotate(month=TruncMonth("created_at"))
                .values("opportunity__region_id", "month")
                .annotate(replies=Count("pk")).order_by()):
        cells.append((row["opportunity__region_id"], month_of(row["month"]), row))
    value = Round(F("quantity") * F("unit_price"), 2,
                  output_field=DecimalField(max_digits=24, decimal_places=2))
    for row in (deals.annotate(month=TruncMonth("created_at"), line_value=value,
                               ordered=Exists(Order.objects.filter(
                                   checkout_token=OuterRef("checkout_token"))))
                .values("opportunity__region_id", "month")
                .annotate(deals=Count("pk"),
                          deal_value=Coalesce(Sum("line_value"), ZERO,
                                              output_field=DecimalField(max_digits=24,
                                                                        decimal_places=2)),
                          pro_orders=Count("pk", filter=Q(ordered=True)))
                .order_by()):
        cells.append((row["opportunity__region_id"], month_of(row["month"]), row))
    regions = {region.pk: region for region in Region.objects.order_by("code")}
    return _fold(cells, regions)


def _fold(cells, regions) -> RawabitIndicators:
    from django.utils.translation import gettext as _

    result = RawabitIndicators()
    by_region: dict[int | None, Row] = {}
    by_month: dict[date, Row] = {}
    for region_id, month, values in cells:
        values = {name: values[name] for name in METRICS if name in values}
        region_row = by_region.setdefault(region_id, Row(key=region_id))
        region_row.add(values)
        by_month.setdefault(month, Row(key=month)).add(values)
        result.total.add(values)
    for region_id, row in by_region.items():
        region = regions.get(region_id)
        row.label = region.localized_name() if region else _("Whole country")
    result.by_region = sorted(by_region.values(),
                              key=lambda r: (r.key is None, regions[r.key].code
                                             if r.key in regions else ""))
    result.by_month = [by_month[m] for m in sorted(by_month)]
    for rows in (result.by_region, result.by_month):  # the tables' bars, as in every chart
        top = peak(r.opportunities for r in rows)
        for row in rows:
            row.bar_percent = round(scaled(row.opportunities, top, 100))
    return result
