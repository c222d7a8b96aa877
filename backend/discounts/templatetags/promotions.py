"""Template helpers for the promo codes, discounts and gift cards of a cart or an order."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import template
from django.utils.translation import gettext as _

from ..models import FundedBy

register = template.Library()


@dataclass(frozen=True)
class CodeRow:
    code: str  # what the remove button sends
    label: str
    amount: Decimal
    kind: str  # "voucher" or "gift_card"


def funder_label(funded_by: str, platform_percent: Decimal) -> str:
    if funded_by == FundedBy.PLATFORM:
        return _("funded by CoopStore")
    if funded_by == FundedBy.COOPERATIVE:
        return _("funded by the cooperative")
    return _("funded %(platform)s%% by CoopStore, %(cooperative)s%% by the cooperative") % {
        "platform": f"{platform_percent:g}", "cooperative": f"{100 - platform_percent:g}"}


@register.simple_tag
def cart_promo_codes(cart: Any) -> list[CodeRow]:
    """The voucher and gift cards of a cart page, with what each takes off (no query: the
    totals hold them)."""
    if cart is None:
        return []
    totals = cart.totals
    rows = []
    found = totals.discounts
    if found is not None and found.voucher_code is not None:
        name = found.voucher_terms.translated_name or found.voucher_terms.name \
            if found.voucher_terms else ""
        rows.append(CodeRow(code=found.voucher_code.code, label=name or found.voucher_code.code,
                            amount=found.pricing.voucher_total, kind="voucher"))
    for card in totals.gift_card_list:
        rows.append(CodeRow(code=card.code, label=_("Gift card ····%(last4)s")
                            % {"last4": card.display_code},
                            amount=totals.gift_card_parts.get(card.pk, Decimal(0)),
                            kind="gift_card"))
    return rows


@register.simple_tag
def cart_promotion_total(cart: Any) -> Decimal:
    """What the catalogue promotions take off the cart."""
    found = cart.totals.discounts if cart is not None else None
    return found.pricing.catalogue_total if found is not None else Decimal(0)


@dataclass(frozen=True)
class OrderPromotionRow:
    label: str
    amount: Decimal
    funder: str


@dataclass(frozen=True)
class OrderPromotions:
    discounts: list[OrderPromotionRow]
    gift_cards: list[CodeRow]
    undiscounted_subtotal: Decimal


@register.simple_tag
def order_promotions(order: Any) -> OrderPromotions:
    """An order's discounts with who funds each, and the gift cards that paid (two queries)."""
    discounts = list(order.discounts.all())
    usages = list(order.gift_card_usages.select_related("gift_card")
                  .filter(released_at__isnull=True))
    rows = [OrderPromotionRow(label=d.translated_name or d.name or d.voucher_code,
                              amount=d.amount,
                              funder=funder_label(d.funded_by, d.platform_share_percent))
            for d in discounts]
    cards = [CodeRow(code="", label=_("Gift card ····%(last4)s")
                     % {"last4": u.gift_card.display_code}, amount=u.amount, kind="gift_card")
             for u in usages]
    return OrderPromotions(discounts=rows, gift_cards=cards,
                           undiscounted_subtotal=order.subtotal_amount
                           + sum((d.amount for d in discounts), Decimal(0)))


@dataclass(frozen=True)
class PromoPrice:
    price: Decimal
    undiscounted: Decimal
    several: bool  # the variants have different prices ("from ...")

    @property
    def on_sale(self) -> bool:
        return self.price < self.undiscounted


def _channel_id(variant: Any) -> int | None:
    listings = list(variant.channel_listings.all())
    return listings[0].channel_id if listings else None


def _rules(context: Any, channel_id: int) -> list:
    from types import SimpleNamespace

    from ..selectors import catalogue_rules_for_request

    request = context.get("request") or SimpleNamespace()
    return catalogue_rules_for_request(request, SimpleNamespace(pk=channel_id))


@register.simple_tag(takes_context=True)
def promo_price(context: Any, product: Any) -> PromoPrice | None:
    """The product's cheapest price after catalogue promotions, from the prefetched variants
    (the channel's rules are read once per request)."""
    from catalog.selectors import variant_price

    from ..pricing import product_prices_after_promotions

    priced = [(v, variant_price(v)) for v in product.variants.all()]
    priced = [(v, p) for v, p in priced if p is not None]
    if not priced:
        return None
    channel_id = _channel_id(priced[0][0])
    found = product_prices_after_promotions(priced, _rules(context, channel_id) if channel_id
                                            else [], context.get("currency") or "MAD")
    if found is None:
        return None
    return PromoPrice(price=found.start, undiscounted=found.undiscounted_start,
                      several=found.stop != found.start
                      or found.undiscounted_stop != found.undiscounted_start)


@register.simple_tag(takes_context=True)
def promo_variant_price(context: Any, variant: Any) -> PromoPrice | None:
    """One variant's price after catalogue promotions."""
    from catalog.selectors import variant_price

    from ..pricing import variant_price_after_promotions

    if variant is None:
        return None
    amount = variant_price(variant)
    channel_id = _channel_id(variant)
    if amount is None or channel_id is None:
        return None
    found = variant_price_after_promotions(variant, amount, _rules(context, channel_id),
                                           context.get("currency") or "MAD")
    return PromoPrice(price=found.price, undiscounted=amount, several=False)


@register.simple_tag
def cart_line_price(cart: Any, info: Any) -> PromoPrice | None:
    """A cart line's total before and after its promotions and voucher."""
    if cart is None or info.total_price is None:
        return None
    cut = cart.totals.line_discount(info.line.pk)
    return PromoPrice(price=info.total_price - cut, undiscounted=info.total_price, several=False)
