"""Catalog reads with a fixed number of SQL queries, shared by the storefront and the API."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import DateTimeField, Exists, Expression, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from backend.cooperatives.models import CooperativeStatus

from ..models import (
    Category,
    Channel,
    Product,
    ProductChannelListing,
    ProductLabel,
    ProductMedia,
    ProductVariant,
    ProductVariantChannelListing,
)


def channel_get_default() -> Channel | None:
    return Channel.objects.filter(is_active=True).order_by("pk").first()


def listing_offered_q() -> Q:
    """A product listing that may show: published with a price (the partial index's rule).

    "Priced" is read from the listing's stored cheapest price, ``discounted_price_amount``,
    which the catalog's writers keep equal to the cheapest variant price in the channel and
    NULL while no variant is priced there (``manage.py catalog_check_listings`` verifies
    every row). One probe of the listing's partial index then answers for a product, where
    a join through every variant and its prices cost five index probes per product.
    """
    return Q(is_published=True, discounted_price_amount__isnull=False)


class TimeOfQuery(Expression):
    """The time a statement is compiled, as its parameter: a queryset built once and run many
    times still compares with the time each run starts (not the database's transaction
    time, which inside a long transaction would hide what was just published)."""

    output_field = DateTimeField()

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        return "%s", [connection.ops.adapt_datetimefield_value(timezone.now())]


# (channel pk, in_listings) -> the visible products' queryset, built once per process (its
# filters cost ~0.8 ms to build, more than a listing's page of keys takes in the database).
_visible: dict[tuple[Any, bool], QuerySet[Product]] = {}


def products_visible(channel: Channel, *, in_listings: bool = True) -> QuerySet[Product]:
    """Products a consumer may see in ``channel``: published, priced, of an approved cooperative.

    ``in_listings=False`` also returns products hidden from listings (reachable by URL).
    The publication date, the listing flag and the cooperative's status are read as they
    are when the query runs; only "has a priced variant" comes from a stored column
    (``listing_offered_q``).
    """
    key = (channel.pk, in_listings)
    built = _visible.get(key)
    if built is None:
        listing = ProductChannelListing.objects.filter(
            listing_offered_q(), product=OuterRef("pk"), channel=channel,
        ).filter(Q(published_at__isnull=True) | Q(published_at__lte=TimeOfQuery()))
        if in_listings:
            listing = listing.filter(visible_in_listings=True)
        built = _visible[key] = Product.objects.filter(
            Exists(listing), cooperative__status=CooperativeStatus.APPROVED)
    return built.all()


def product_prefetches(channel: Channel) -> list:
    """Everything a product card or page shows, for ``channel``, in a fixed number of queries."""
    variant_listings = ProductVariantChannelListing.objects.filter(channel=channel)
    variants = (ProductVariant.objects.select_related("stock")
                .prefetch_related(Prefetch("channel_listings", queryset=variant_listings),
                                  "translations"))
    return [
        Prefetch("variants", queryset=variants),
        Prefetch("media", queryset=ProductMedia.objects.prefetch_related("thumbnails")),
        Prefetch("channel_listings",
                 queryset=ProductChannelListing.objects.filter(channel=channel)),
        Prefetch("product_labels", queryset=ProductLabel.objects.select_related("label")),
        "translations",
        "category__translations",
        "cooperative__translations",
    ]


def products_with_details(queryset: QuerySet[Product], channel: Channel) -> QuerySet[Product]:
    return queryset.select_related(
        "category", "product_type", "cooperative", "cooperative__region", "cooperative__city",
    ).prefetch_related(*product_prefetches(channel))


@dataclass(frozen=True)
class PriceRange:
    start: Decimal
    stop: Decimal
    currency: str


def variant_price(variant: ProductVariant) -> Decimal | None:
    """The variant's price in the channel whose listings were prefetched."""
    listings = list(variant.channel_listings.all())
    return listings[0].price_amount if listings else None


def product_price_range(product: Product, currency: str) -> PriceRange | None:
    prices = [p for p in (variant_price(v) for v in product.variants.all()) if p is not None]
    if not prices:
        return None
    return PriceRange(start=min(prices), stop=max(prices), currency=currency)


def variant_quantity_available(variant: ProductVariant) -> int:
    if not variant.track_inventory:
        return 10_000
    stock = getattr(variant, "stock", None)
    return stock.quantity_available if stock else 0


def product_is_available(product: Product) -> bool:
    return any(variant_price(v) is not None and variant_quantity_available(v) > 0
               for v in product.variants.all())


def categories_tree() -> QuerySet[Category]:
    return Category.objects.prefetch_related("translations").order_by("tree_id", "lft")

__all__ = [
    "channel_get_default",
    "listing_offered_q",
    "products_visible",
    "product_prefetches",
    "products_with_details",
    "PriceRange",
    "variant_price",
    "product_price_range",
    "variant_quantity_available",
    "product_is_available",
    "categories_tree",
]
