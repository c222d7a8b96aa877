"""Checkout and order reads with a fixed number of SQL queries."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Exists, OuterRef, Prefetch

from backend.core.money import quantize
from backend.payments.selectors import checkout_payment_amounts
from catalog.models import ProductVariant, ProductVariantChannelListing
from catalog.selectors import products_visible

from .models import Checkout, CheckoutLine


@dataclass
class CheckoutLineInfo:
    line: CheckoutLine
    variant: ProductVariant
    quantity: int
    unit_price: Decimal | None
    is_visible: bool

    @property
    def cooperative(self):
        return self.variant.product.cooperative

    @property
    def total_price(self) -> Decimal | None:
        return None if self.unit_price is None else self.unit_price * self.quantity


@dataclass(frozen=True)
class CheckoutTotals:
    subtotal: Decimal
    shipping: Decimal
    total: Decimal
    charged: Decimal


def checkout_lines_info(checkout: Checkout) -> list[CheckoutLineInfo]:
    """Lines with variant, product, cooperative, stock and channel price: 3 queries."""
    channel = checkout.channel
    visible = products_visible(channel, in_listings=False).filter(pk=OuterRef("product_id"))
    listings = ProductVariantChannelListing.objects.filter(channel_id=checkout.channel_id)
    variants = (ProductVariant.objects
                .select_related("product", "product__cooperative", "stock")
                .prefetch_related(Prefetch("channel_listings", queryset=listings),
                                  "translations", "product__translations")
                .annotate(is_visible=Exists(visible)))
    lines = (CheckoutLine.objects.filter(checkout=checkout)
             .prefetch_related(Prefetch("variant", queryset=variants)))
    infos = []
    for line in lines:
        prices = [listing.price_amount for listing in line.variant.channel_listings.all()]
        infos.append(CheckoutLineInfo(line=line, variant=line.variant, quantity=line.quantity,
                                      unit_price=prices[0] if prices else None,
                                      is_visible=line.variant.is_visible))
    return infos


def checkout_totals(checkout: Checkout, lines: list[CheckoutLineInfo]) -> CheckoutTotals:
    """Totals; ``charged`` is what the checkout's payment transactions hold (one aggregate
    query, none when ``payment_transactions`` is prefetched)."""
    currency = checkout.currency
    subtotal = quantize(sum((i.total_price or 0 for i in lines), Decimal(0)), currency)
    shipping = quantize(sum((d.price_amount for d in checkout.deliveries.all()), Decimal(0)),
                        currency)
    return CheckoutTotals(subtotal=subtotal, shipping=shipping,
                          total=quantize(subtotal + shipping, currency),
                          charged=checkout_payment_amounts(checkout).charged)
