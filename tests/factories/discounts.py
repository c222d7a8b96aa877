"""Promotions, vouchers and gift cards for tests."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from backend.discounts.models import (
    FundedBy,
    FundingAcceptance,
    Promotion,
    PromotionRule,
    Voucher,
    VoucherChannelListing,
    VoucherCode,
)
from backend.giftcards.models import GiftCard


def make_promotion(channel, *, products=(), categories=(), variants=(), collections=(),
                   value="10", reward_type="percentage", funded_by=FundedBy.PLATFORM,
                   platform_share="100", accepted_by=(), name="Promo de saison",
                   start=None, end=None) -> Promotion:
    promotion = Promotion.objects.create(
        name=name, funded_by=funded_by, platform_share_percent=Decimal(platform_share),
        start_date=start or timezone.now() - timedelta(days=1), end_date=end)
    predicate = {}
    for kind, objs in (("product", products), ("category", categories),
                       ("variant", variants), ("collection", collections)):
        if objs:
            predicate[f"{kind}Predicate"] = {"ids": [o.pk for o in objs]}
    rule = PromotionRule.objects.create(promotion=promotion, catalogue_predicate=predicate,
                                        reward_value_type=reward_type,
                                        reward_value=Decimal(value))
    rule.channels.add(channel)
    for cooperative in accepted_by:
        FundingAcceptance.objects.create(cooperative=cooperative, promotion=promotion)
    return promotion


def make_voucher(channel, *, code="BIENVENUE10", value="10", value_type="percentage",
                 type="entire_order", min_spent=None, usage_limit=None, once_per_customer=False,
                 apply_once_per_order=False, funded_by=FundedBy.PLATFORM, platform_share="100",
                 accepted_by=(), products=(), name="Bienvenue", start=None,
                 end=None) -> Voucher:
    predicate = {"productPredicate": {"ids": [p.pk for p in products]}} if products else {}
    voucher = Voucher.objects.create(
        name=name, type=type, discount_value_type=value_type, usage_limit=usage_limit,
        apply_once_per_customer=once_per_customer, apply_once_per_order=apply_once_per_order,
        funded_by=funded_by, platform_share_percent=Decimal(platform_share),
        catalogue_predicate=predicate,
        start_date=start or timezone.now() - timedelta(days=1), end_date=end)
    VoucherChannelListing.objects.create(
        voucher=voucher, channel=channel, discount_value=Decimal(value),
        currency=channel.currency_code,
        min_spent_amount=Decimal(min_spent) if min_spent is not None else None)
    VoucherCode.objects.create(voucher=voucher, code=code)
    for cooperative in accepted_by:
        FundingAcceptance.objects.create(cooperative=cooperative, voucher=voucher)
    return voucher


def make_gift_card(*, code="GIFT-0000-1234", balance="100.00", currency="MAD",
                   expiry=None, active=True) -> GiftCard:
    return GiftCard.objects.create(code=code, initial_balance_amount=Decimal(balance),
                                   current_balance_amount=Decimal(balance), currency=currency,
                                   expiry_date=expiry, is_active=active)
