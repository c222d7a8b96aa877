"""Demo promotions, the ``BIENVENUE10`` voucher and a demo gift card (idempotent).

- "Printemps des miels": 10 % off honey, funded by the platform;
- ``BIENVENUE10``: 10 % off a first order from 150 MAD, once per customer, shared half and
  half between the platform and the cooperatives, which all accepted it;
- gift card ``DEMO_GIFT_CARD_CODE`` worth 200 MAD (printed in the README).
"""
from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from backend.cooperatives.models import Cooperative
from backend.giftcards.models import GiftCard
from backend.giftcards.services import gift_card_issue
from catalog.models import Category, Channel

from .models import (
    FundedBy,
    FundingAcceptance,
    Promotion,
    PromotionRule,
    PromotionTranslation,
    Voucher,
    VoucherChannelListing,
    VoucherCode,
    VoucherTranslation,
)

DEMO_VOUCHER_CODE = "BIENVENUE10"
DEMO_GIFT_CARD_CODE = "CADEAU-DEMO-2026"
PROMOTION_NAME = "Printemps des miels"


@transaction.atomic
def seed_promotions() -> str:
    channel = Channel.objects.filter(slug="maroc").first()
    if channel is None:
        return "no channel, skipped"
    start = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    promotion, _ = Promotion.objects.get_or_create(
        name=PROMOTION_NAME, defaults={"funded_by": FundedBy.PLATFORM, "start_date": start})
    for language, name in (("ar", "ربيع العسل"), ("en", "Honey spring")):
        PromotionTranslation.objects.update_or_create(promotion=promotion,
                                                      language_code=language,
                                                      defaults={"name": name})
    honey = Category.objects.filter(slug="miels").first()
    if honey is not None and not promotion.rules.exists():
        rule = PromotionRule.objects.create(
            promotion=promotion, name="Miels -10 %", reward_value=Decimal(10),
            catalogue_predicate={"categoryPredicate": {"ids": [honey.pk]}})
        rule.channels.add(channel)

    voucher = Voucher.objects.filter(codes__code=DEMO_VOUCHER_CODE).first()
    if voucher is None:
        voucher = Voucher.objects.create(
            name="Bienvenue", type="entire_order", discount_value_type="percentage",
            apply_once_per_customer=True, funded_by=FundedBy.SHARED,
            platform_share_percent=Decimal(50), start_date=start)
        VoucherCode.objects.create(voucher=voucher, code=DEMO_VOUCHER_CODE)
        VoucherChannelListing.objects.create(voucher=voucher, channel=channel,
                                             discount_value=Decimal(10), currency="MAD",
                                             min_spent_amount=Decimal(150))
    for language, name in (("ar", "مرحباً"), ("en", "Welcome")):
        VoucherTranslation.objects.update_or_create(voucher=voucher, language_code=language,
                                                    defaults={"name": name})
    accepted = 0
    for cooperative in Cooperative.objects.all():
        _, created = FundingAcceptance.objects.get_or_create(cooperative=cooperative,
                                                             voucher=voucher)
        accepted += created
    if not GiftCard.objects.filter(code=DEMO_GIFT_CARD_CODE).exists():
        gift_card_issue(balance=Decimal(200), code=DEMO_GIFT_CARD_CODE)
    return (f"promotion '{PROMOTION_NAME}', voucher {DEMO_VOUCHER_CODE}, "
            f"gift card {DEMO_GIFT_CARD_CODE}")
