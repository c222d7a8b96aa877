"""Checkout and order reads with a fixed number of SQL queries."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch

from backend.business.pricing import unit_price_for_quantity
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
    """``subtotal`` is after discounts and ``total`` what is left to pay after gift cards
    (Saleor's ``subtotalPrice`` / ``totalPrice``); ``order_total`` what the order costs."""

    subtotal: Decimal
    shipping: Decimal
    total: Decimal
    charged: Decimal
    undiscounted_subtotal: Decimal | None = None
    discount: Decimal = Decimal(0)
    gift_cards: Decimal = Decimal(0)
    gift_card_parts: dict = field(default_factory=dict)
    gift_card_list: list = field(default_factory=list)  # the cards attached, usable or not
    discounts: Any = None  # backend.discounts.selectors.CheckoutDiscounts

    @property
    def order_total(self) -> Decimal:
        return self.total + self.gift_cards

    def line_discount(self, line_id: object) -> Decimal:
        if self.discounts is None:
            return Decimal(0)
        return self.discounts.pricing.line_discount(str(line_id))


def checkout_lines_info(checkout: Checkout) -> list[CheckoutLineInfo]:
    """Lines with variant, product, cooperative, stock and channel price: 3 queries."""
    channel = checkout.channel
    visible = products_visible(channel, in_listings=False).filter(pk=OuterRef("product_id"))
    listings = ProductVariantChannelListing.objects.filter(channel_id=checkout.channel_id)
    if channel.is_restricted:  # wholesale: quantity breaks (one more query, pro carts only)
        listings = listings.prefetch_related("quantity_breaks")
    variants = (ProductVariant.objects
                .select_related("product", "product__cooperative", "stock")
                .prefetch_related(Prefetch("channel_listings", queryset=listings),
                                  "translations", "product__translations")
                .annotate(is_visible=Exists(visible)))
    lines = (CheckoutLine.objects.filter(checkout=checkout)
             .prefetch_related(Prefetch("variant", queryset=variants)))
    infos = []
    for line in lines:
        found = list(line.variant.channel_listings.all())
        unit_price = found[0].price_amount if found else None
        if found and channel.is_restricted:
            unit_price = unit_price_for_quantity(
                unit_price, [(b.min_quantity, b.price_amount)
                             for b in found[0].quantity_breaks.all()], line.quantity)
        infos.append(CheckoutLineInfo(line=line, variant=line.variant, quantity=line.quantity,
                                      unit_price=unit_price,
                                      is_visible=line.variant.is_visible))
    return infos


def checkout_totals(checkout: Checkout, lines: list[CheckoutLineInfo]) -> CheckoutTotals:
    """Totals; ``charged`` is what the checkout's payment transactions hold (one aggregate
    query, none when ``payment_transactions`` is prefetched)."""
    from backend.discounts.selectors import checkout_discounts
    from backend.giftcards.selectors import (
        checkout_gift_cards,
        gift_cards_cover,
        gift_cards_usable,
    )

    currency = checkout.currency
    undiscounted = quantize(sum((i.total_price or 0 for i in lines), Decimal(0)), currency)
    shipping = quantize(sum((d.price_amount for d in checkout.deliveries.all()), Decimal(0)),
                        currency)
    # Promotions, the voucher and gift cards: three queries when there are none.
    found = checkout_discounts(checkout, lines)
    subtotal = quantize(undiscounted - found.discount, currency)
    due = quantize(subtotal + shipping, currency)
    attached = checkout_gift_cards(checkout)
    cards = gift_cards_cover(gift_cards_usable(attached, currency=currency), due)
    paid_by_cards = quantize(sum(cards.values(), Decimal(0)), currency)
    return CheckoutTotals(subtotal=subtotal, shipping=shipping,
                          total=quantize(due - paid_by_cards, currency),
                          charged=checkout_payment_amounts(checkout).charged,
                          undiscounted_subtotal=undiscounted, discount=found.discount,
                          gift_cards=paid_by_cards, gift_card_parts=cards,
                          gift_card_list=attached, discounts=found)
