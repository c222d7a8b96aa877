"""Reads of the cart, checkout and account pages, each in a fixed number of SQL queries.

The rules (prices, totals, delivery options, who may cancel) stay in the orders and
fulfillment selectors and services; this module only gathers what a page shows.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace

from django.db.models import Prefetch, QuerySet, Sum, prefetch_related_objects
from django.utils.translation import get_language

from backend.accounts.models import Address, User
from backend.cooperatives.models import Cooperative
from backend.core.money import quantize
from backend.core.validation import uuid_or_none
from backend.fairpay import splits
from backend.fairpay.graphql.types import fair_pay_estimate, order_split_prefetch_lookups
from backend.fairpay.graphql.types import order_fair_pay as _order_shares
from backend.fairpay.models import OrderLineSplit
from backend.fairpay.selectors import checkout_split_estimate
from backend.orders.models import Checkout, CheckoutDelivery, Order, OrderDelivery, OrderLine
from backend.orders.selectors import (
    CheckoutLineInfo,
    CheckoutTotals,
    checkout_lines_info,
    checkout_totals,
)
from catalog.models import ProductMedia
from fulfillment.cart_quotes import QuoteGroup
from fulfillment.models import City, Partner, Region


@dataclass(frozen=True)
class RegionCities:
    """A region and its cities, for a city select grouped by region."""

    region: Region
    cities: list[City]


def city_get(*, pk: int | None = None, slug: str | None = None) -> City | None:
    """A shipped city with its region (one query), by primary key or slug."""
    queryset = City.objects.select_related("region")
    if pk is not None:
        return queryset.filter(pk=pk).first()
    if slug:
        return queryset.filter(slug=slug[:64]).first()
    return None


def cities_by_region() -> list[RegionCities]:
    """Every city under its region, both sorted by name in the active language: one query."""
    language = get_language() or "fr"
    groups: dict[int, RegionCities] = {}
    for city in City.objects.select_related("region"):
        group = groups.setdefault(city.region_id, RegionCities(region=city.region, cities=[]))
        group.cities.append(city)
    ordered = sorted(groups.values(), key=lambda g: g.region.localized_name(language))
    for group in ordered:
        group.cities.sort(key=lambda c: c.localized_name(language))
    return ordered


def checkout_for_page(*, token: object) -> Checkout | None:
    """A checkout with its channel and shipping address (one query); None for a bad token."""
    parsed = uuid_or_none(token)
    if parsed is None:
        return None
    return (Checkout.objects.select_related("channel", "shipping_address__city_ref__region")
            .filter(token=parsed).first())


def checkout_latest_of_user(*, user: User) -> Checkout | None:
    """The customer's most recently changed cart, to bring back after they sign in."""
    return Checkout.objects.filter(user=user).order_by("-updated_at").first()


def checkout_quantity(*, token: object) -> int:
    """How many units the cart holds, for the header (one query)."""
    parsed = uuid_or_none(token)
    if parsed is None:
        return 0
    total = Checkout.objects.filter(token=parsed).aggregate(units=Sum("lines__quantity"))
    return total["units"] or 0


@dataclass
class CartGroup:
    """One cooperative's parcel of the cart: its lines, and what is known of its delivery."""

    cooperative: Cooperative
    lines: list[CheckoutLineInfo]
    currency: str
    delivery: CheckoutDelivery | None = None
    quote: QuoteGroup | None = None

    @property
    def subtotal(self) -> Decimal:
        return quantize(sum((i.total_price or 0 for i in self.lines), Decimal(0)), self.currency)


@dataclass(frozen=True)
class CartPage:
    checkout: Checkout
    groups: list[CartGroup]
    totals: CheckoutTotals

    @property
    def lines(self) -> list[CheckoutLineInfo]:
        return [line for group in self.groups for line in group.lines]

    @property
    def quantity(self) -> int:
        return sum(line.quantity for line in self.lines)


def _group_by_cooperative(lines: list[CheckoutLineInfo], currency: str) -> list[CartGroup]:
    groups: dict[int, CartGroup] = {}
    for info in lines:
        cooperative = info.variant.product.cooperative
        group = groups.setdefault(cooperative.pk, CartGroup(cooperative=cooperative, lines=[],
                                                            currency=currency))
        group.lines.append(info)
    return list(groups.values())


def cart_page(*, checkout: Checkout) -> CartPage:
    """The cart grouped by cooperative, with photos, translations, chosen deliveries and totals.

    Eleven queries whatever the number of lines: lines, variants, their prices and
    translations, products' translations, photos and thumbnails, cooperatives' translations and
    cities, the chosen deliveries and the payments (through ``checkout_totals``).
    """
    lines = checkout_lines_info(checkout)
    products = [info.variant.product for info in lines]
    prefetch_related_objects(
        products, Prefetch("media", queryset=ProductMedia.objects.prefetch_related("thumbnails")),
        "cooperative__translations", "cooperative__city")
    prefetch_related_objects([checkout], Prefetch(
        "deliveries", queryset=CheckoutDelivery.objects.order_by("pk")))
    groups = _group_by_cooperative(lines, checkout.currency)
    chosen = {delivery.cooperative_id: delivery for delivery in checkout.deliveries.all()}
    for group in groups:
        group.delivery = chosen.get(group.cooperative.pk)
    return CartPage(checkout=checkout, groups=groups, totals=checkout_totals(checkout, lines))


def cart_page_attach_quotes(page: CartPage, groups: tuple[QuoteGroup, ...]) -> CartPage:
    """Pair each cooperative's parcel with its delivery quote (no query)."""
    by_cooperative = {group.cooperative.pk: group for group in groups}
    for group in page.groups:
        group.quote = by_cooperative.get(group.cooperative.pk)
    return page


def quote_groups_for_page(groups: tuple[QuoteGroup, ...]) -> tuple[QuoteGroup, ...]:
    """Load the translated names of the groups' cooperatives (one query) for the page."""
    prefetch_related_objects([group.cooperative for group in groups], "translations")
    return groups


def orders_of_user(*, user: User) -> QuerySet[Order]:
    """The customer's orders, newest first, with their number of items: one query."""
    return (Order.objects.filter(user=user).annotate(items=Sum("lines__quantity"))
            .order_by("-created_at", "-number"))


def _order_details(queryset: QuerySet[Order]) -> QuerySet[Order]:
    lines = OrderLine.objects.select_related("cooperative").order_by("cooperative_id", "pk")
    deliveries = OrderDelivery.objects.order_by("cooperative_id", "pk")
    return queryset.select_related("shipping_address__city_ref__region").prefetch_related(
        Prefetch("lines", queryset=lines), Prefetch("deliveries", queryset=deliveries),
        "lines__cooperative__translations", *order_split_prefetch_lookups())


def order_of_user(*, user: User, number: int) -> Order | None:
    """One of the customer's own orders (another customer's is None), with lines and parcels."""
    return _order_details(Order.objects.filter(user=user, number=number)).first()


def order_by_tracking_token(*, token: object) -> Order | None:
    """The order behind a guest's secret confirmation link."""
    parsed = uuid_or_none(token)
    if parsed is None:
        return None
    return _order_details(Order.objects.filter(tracking_token=parsed)).first()


@dataclass(frozen=True)
class OrderParcel:
    """One cooperative's part of an order: its lines and its delivery."""

    cooperative: Cooperative
    lines: list[OrderLine]
    delivery: OrderDelivery | None


def order_parcels(order: Order) -> list[OrderParcel]:
    """The order's lines grouped by cooperative with the chosen delivery (from prefetches)."""
    deliveries = {d.cooperative_id: d for d in order.deliveries.all()}
    groups: dict[int, OrderParcel] = {}
    for line in order.lines.all():
        parcel = groups.get(line.cooperative_id)
        if parcel is None:
            parcel = groups[line.cooperative_id] = OrderParcel(
                cooperative=line.cooperative, lines=[],
                delivery=deliveries.get(line.cooperative_id))
        parcel.lines.append(line)
    return list(groups.values())


def addresses_of_user(*, user: User) -> list[Address]:
    """The customer's address book, the default one first: one query."""
    default_id = user.default_shipping_address_id
    addresses = list(Address.objects.filter(user=user).select_related("city_ref__region")
                     .order_by("pk"))
    return sorted(addresses, key=lambda a: a.pk != default_id)


def address_of_user(*, user: User, pk: int) -> Address | None:
    """One address of the customer's book (another customer's is None)."""
    return Address.objects.filter(user=user, pk=pk).select_related("city_ref").first()


# --- Fair pay: where the customer's money goes (issue 6, "Transparency") --------------------
# The rules live in backend.fairpay (the pure engine, the order's frozen snapshot); these reads
# call the same functions as the GraphQL ``Order.fairPay`` and ``Product.fairPayEstimate``.


@dataclass(frozen=True)
class FairPayBar:
    """One segment of the product page's bar: a kind of payee, its amount and percentage."""

    kind: str
    amount: Decimal
    percent: Decimal
    offset: Decimal  # where the segment starts in the bar, in percent
    share: float  # 0 to 1, as the engine gives it


def product_fair_pay(*, request: object, product: object, price: Decimal | None, currency: str,
                     delivery_price: Decimal | None = None) -> list[FairPayBar]:
    """The split of ``price`` (plus a delivery) under the policy in force: two queries."""
    if price is None:
        return []
    estimate = fair_pay_estimate(SimpleNamespace(context=request), product=product, price=price,
                                 currency=currency, delivery_price=delivery_price)
    bars, offset = [], Decimal(0)
    for kind in ("cooperative", "delivery", "platform", "solidarity"):
        share = getattr(estimate, kind)
        if share.amount.amount or kind != "delivery":
            percent = (Decimal(str(share.share)) * 100).quantize(Decimal("0.1"))
            bars.append(FairPayBar(kind=kind, amount=share.amount.amount, percent=percent,
                                   offset=offset, share=share.share))
            offset += percent
    return bars


def order_fair_pay(order: Order) -> list:
    """The order's split per payee from its snapshot (``ShareView``s; [] without one).
    Free when ``order_fair_pay_prefetch`` was applied (``_order_details`` does)."""
    return _order_shares(order)


def checkout_fair_pay(page: CartPage) -> list:
    """An estimate of the split of the checkout's order, per payee, as ``ShareView``s: the
    engine's parts named like an order's (same aggregation as ``order_fair_pay``). Five
    queries; [] when it cannot be split yet."""
    checkout = page.checkout
    split = checkout_split_estimate(checkout=checkout, lines=page.lines, totals=page.totals)
    if split is None:
        return []
    cooperatives = {group.cooperative.pk: group.cooperative for group in page.groups}
    partner_ids = {p.payee.id for p in split.parts if p.payee.kind == splits.PayeeKind.PARTNER}
    partners = Partner.objects.in_bulk(partner_ids) if partner_ids else {}
    rows = []
    for part in split.parts:
        payee = part.payee
        row = OrderLineSplit(payee_kind=payee.kind.value, role=part.role.value,
                             amount_minor=part.amount, rate=part.rate)
        if payee.kind == splits.PayeeKind.PARTNER:
            row.partner = partners.get(payee.id)
        elif payee.id is not None:
            row.cooperative = cooperatives.get(payee.id)
        rows.append(row)
    header = SimpleNamespace(parts=SimpleNamespace(all=lambda: rows),
                             currency=split.currency, paid_minor=split.paid)
    return _order_shares(SimpleNamespace(fair_pay_split=header))


def fair_pay_total(shares: list) -> Decimal:
    return sum((share.amount.amount for share in shares), Decimal(0))
