"""Loading checkouts and orders for the API in a fixed number of SQL queries, and who may see them.

A :class:`CheckoutView` is the root of the ``Checkout`` type: it computes the lines (the
``checkout_lines_info`` selector), the totals and the delivery quote once, on first use, so a
query asking for lines, prices and totals costs the same with 2 lines or 100.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from uuid import UUID

from django.db.models import Prefetch, QuerySet, prefetch_related_objects

from backend.orders.models import Checkout, CheckoutDelivery, Order, OrderDelivery, OrderLine
from backend.orders.selectors import (
    CheckoutLineInfo,
    CheckoutTotals,
    checkout_lines_info,
    checkout_totals,
)
from backend.orders.services.checkout_delivery import quote_groups_for_lines
from backend.payments.selectors import PaymentStatuses, checkout_payment_statuses
from catalog.models import ProductVariant, ProductVariantChannelListing
from catalog.selectors import product_prefetches
from fulfillment.cart_quotes import QuoteGroup
from fulfillment.models import City, Partner
from fulfillment.selectors import partners_with_coverage


def request_user(info: Any) -> Any:
    """The caller (may raise the JWT's error, as Saleor does, when its token is bad)."""
    return getattr(info.context, "user", None)


def is_owner(info: Any, user_id: int | None) -> bool:
    """Whether the caller is the signed-in user ``user_id``."""
    if user_id is None:
        return False
    user = request_user(info)
    return bool(user is not None and user.is_authenticated and user.pk == user_id)


def checkout_visible(info: Any, checkout: Checkout) -> bool:
    """A customer's checkout is theirs alone; a guest checkout belongs to whoever has its id."""
    return checkout.user_id is None or is_owner(info, checkout.user_id)


def is_network_admin(info: Any) -> bool:
    """Whether the caller is an active network admin (Saleor's MANAGE_ORDERS)."""
    user = request_user(info)
    return bool(user is not None and user.is_authenticated and user.is_active and user.is_staff)


def order_visible(info: Any, order: Order) -> bool:
    """Who may act on an order (cancel it) or list it: its customer and network admins."""
    return is_network_admin(info) or is_owner(info, order.user_id)


def order_customer_visible(info: Any, order: Order) -> bool:
    """Who sees the account behind an order (``Order.user``): its owner and network admins,
    as in Saleor; anyone else holding the order's ID gets a permission error."""
    return order_visible(info, order)


def order_insider(info: Any, order: Order) -> bool:
    """Who sees an order's secrets (its tracking token, which opens the delivery codes, and its
    payments): network admins, its customer, and whoever opened it by its tracking link or just
    placed it. The order's ID alone (Saleor's credential for reading the order) is not enough."""
    return (order_visible(info, order)
            or bool(getattr(order, "reached_by_tracking_token", False))
            or bool(getattr(order, "placed_by_caller", False)))


def checkouts_for_api() -> QuerySet[Checkout]:
    """Checkouts with their channel, owner, addresses, chosen deliveries and payments."""
    return (Checkout.objects
            .select_related("channel", "user", "shipping_address__city_ref",
                            "billing_address")
            .prefetch_related(
                Prefetch("deliveries",
                         queryset=CheckoutDelivery.objects.select_related("cooperative")
                         .order_by("pk")),
                "payment_transactions"))


def checkout_load(token: UUID) -> Checkout | None:
    """One checkout with what every field but the lines reads: three queries."""
    return checkouts_for_api().filter(token=token).first()


class ProductDetails:
    """What the product fields of some lines read (cards, media, prices in a channel), loaded
    once for all of them and only when a line's variant or thumbnail is first read."""

    def __init__(self, products_by_channel: dict[Any, list[Any]]) -> None:
        self._products_by_channel = products_by_channel
        self._loaded = False

    def load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        for channel, products in self._products_by_channel.items():
            # Two lines may hold two instances of one product: each needs the prefetch.
            unique = list({id(product): product for product in products}.values())
            if unique:
                prefetch_related_objects(unique, "category", "product_type",
                                         "cooperative__region", "cooperative__city",
                                         *product_prefetches(channel))


@dataclass
class QuoteResult:
    """The delivery options of each parcel, with the partners and cities their legs name."""

    groups: tuple[QuoteGroup, ...]
    partners: dict[int, Partner] = field(default_factory=dict)
    cities: dict[int, City] = field(default_factory=dict)


class CheckoutView:
    """A checkout as the API shows it; lines, totals and quote are computed once."""

    def __init__(self, checkout: Checkout) -> None:
        self.checkout = checkout

    @property
    def metadata(self) -> dict:
        return self.checkout.metadata

    @property
    def private_metadata(self) -> dict:
        return self.checkout.private_metadata

    @cached_property
    def lines(self) -> list[CheckoutLineInfo]:
        return checkout_lines_info(self.checkout)

    @cached_property
    def line_views(self) -> list[LineView]:
        return [LineView(info=info, checkout=self) for info in self.lines]

    @cached_property
    def totals(self) -> CheckoutTotals:
        return checkout_totals(self.checkout, self.lines)

    @cached_property
    def statuses(self) -> PaymentStatuses:
        return checkout_payment_statuses(self.checkout, self.totals.total)

    @cached_property
    def deliveries(self) -> list[CheckoutDelivery]:
        return list(self.checkout.deliveries.all())

    @cached_property
    def products(self) -> ProductDetails:
        """The lines' products, for their variant fields: loaded on first use."""
        return ProductDetails({self.checkout.channel: [info.variant.product
                                                       for info in self.lines]})

    @cached_property
    def quote(self) -> QuoteResult:
        """Each parcel's options to the shipping address (none before an address in a known
        city is set), quoted from the lines already loaded: three queries."""
        address = self.checkout.shipping_address
        if address is None or address.city_ref is None:
            return QuoteResult(groups=())
        return QuoteResult(groups=quote_groups_for_lines(
            lines=self.lines, destination=address.city_ref, currency=self.checkout.currency))

    def load_legs(self) -> QuoteResult:
        """The partners and cities that the quoted options' legs name: three queries."""
        quote = self.quote
        if quote.groups and not quote.partners:
            partner_ids, city_ids = set(), set()
            for group in quote.groups:
                city_ids.add(group.cooperative.city_id)
                for option in group.quote.options:
                    for leg in option.legs:
                        partner_ids.add(leg.partner.id)
                        city_ids.update((leg.origin.city_id, leg.destination.city_id))
            quote.partners = {p.pk: p for p in partners_with_coverage(
                Partner.objects.filter(pk__in=partner_ids))}
            quote.cities = City.objects.select_related("region").in_bulk(city_ids)
        return quote


@dataclass
class LineView:
    """A checkout line with the checkout it belongs to (for the channel and prefetches)."""

    info: CheckoutLineInfo
    checkout: CheckoutView

    @property
    def metadata(self) -> dict:
        return self.info.line.metadata

    @property
    def private_metadata(self) -> dict:
        return self.info.line.private_metadata


class GroupPrefetch:
    """Relations of a group of rows (a page of orders) loaded once for all of them, and only
    when a field first reads them: ``group.ensure("fulfillments", *lookups)``."""

    def __init__(self, objects: list[Any]) -> None:
        self.objects = objects
        self._done: set[str] = set()

    def ensure(self, name: str, *lookups: Any) -> None:
        if name in self._done:
            return
        self._done.add(name)
        prefetch_related_objects(self.objects, *lookups)


def api_group(instance: Any) -> GroupPrefetch:
    """The group an order was loaded with (itself alone when loaded another way)."""
    group = getattr(instance, "api_group", None)
    if group is None:
        group = instance.api_group = GroupPrefetch([instance])
    return group


def order_lines_prefetch(orders: list[Order]) -> None:
    """Lines, their variants (priced in each order's channel) and deliveries of these orders,
    in a fixed number of queries per channel (one channel in practice). The variants'
    products get their details later, once for all the orders, if a field reads them
    (``order.product_details``)."""
    by_channel: dict[int, list[Order]] = {}
    for order in orders:
        by_channel.setdefault(order.channel_id, []).append(order)
    for channel_id, group in by_channel.items():
        listings = ProductVariantChannelListing.objects.filter(channel_id=channel_id)
        variants = (ProductVariant.objects.select_related("product", "stock")
                    .prefetch_related(Prefetch("channel_listings", queryset=listings),
                                      "translations", "product__translations"))
        lines = (OrderLine.objects.select_related("cooperative")
                 .prefetch_related(Prefetch("variant", queryset=variants)))
        prefetch_related_objects(
            group, Prefetch("lines", queryset=lines),
            Prefetch("deliveries", queryset=OrderDelivery.objects.select_related("cooperative")
                     .order_by("pk")))
    details = ProductDetails({
        group[0].channel: [line.variant.product for order in group for line in order.lines.all()
                           if line.variant is not None]
        for group in by_channel.values()})
    group = GroupPrefetch(orders)
    for order in orders:
        order.product_details = details
        order.api_group = group


def orders_for_api() -> QuerySet[Order]:
    return Order.objects.select_related("channel", "user", "shipping_address",
                                        "billing_address")
