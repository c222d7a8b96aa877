"""Reads of the pro space: the wholesale catalog of an approved buyer and its invoices."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch

from catalog.models import Channel, ProductVariantChannelListing
from catalog.selectors import products_visible

from .models import PRO_CHANNEL_SLUG, BusinessAccount, Invoice


@dataclass(frozen=True)
class ProOffer:
    """One variant as a business buyer sees it: wholesale price, breaks and minimum."""

    listing: ProductVariantChannelListing
    price: Decimal
    minimum_order_quantity: int
    breaks: tuple[tuple[int, Decimal], ...]

    @property
    def variant(self) -> Any:
        return self.listing.variant

    @property
    def product(self) -> Any:
        return self.listing.variant.product


def pro_channel() -> Channel | None:
    return Channel.objects.filter(slug=PRO_CHANNEL_SLUG, is_active=True).first()


def business_account_of(user: Any) -> BusinessAccount | None:
    if user is None or not user.is_authenticated:
        return None
    return BusinessAccount.objects.filter(user=user).first()


def pro_catalog(*, channel: Channel, limit: int = 200) -> list[ProOffer]:
    """The pro channel's visible variants with their terms (3 queries, whatever the size)."""
    listings = (ProductVariantChannelListing.objects
                .filter(channel=channel,
                        variant__product__in=products_visible(channel, in_listings=True))
                .select_related("variant__product__cooperative", "pro_terms")
                .prefetch_related(Prefetch("quantity_breaks"), "variant__product__translations")
                .order_by("variant__product__name", "variant__sort_order", "pk")[:limit])
    offers = []
    for listing in listings:
        terms = getattr(listing, "pro_terms", None)
        offers.append(ProOffer(
            listing=listing, price=listing.price_amount,
            minimum_order_quantity=terms.minimum_order_quantity if terms else 1,
            breaks=tuple((b.min_quantity, b.price_amount) for b in listing.quantity_breaks.all())))
    return offers


def buyer_invoices(*, user: Any) -> list[Invoice]:
    return list(Invoice.objects.filter(business__user=user).select_related("order")
                .order_by("-sequence")[:100])


def buyer_invoice(*, user: Any, invoice_id: int) -> Invoice | None:
    """The invoice if it is the buyer's own; ``None`` otherwise (the view answers 404)."""
    if user is None or not user.is_authenticated:
        return None
    return (Invoice.objects.filter(pk=invoice_id, business__user=user)
            .select_related("order", "business").first())
