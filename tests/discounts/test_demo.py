"""The demo's promotion, voucher and gift card: seeded once, usable as the README says."""
from __future__ import annotations

from decimal import Decimal

import pytest

from backend.discounts.demo import DEMO_GIFT_CARD_CODE, DEMO_VOUCHER_CODE, seed_promotions
from backend.discounts.models import FundingAcceptance, Promotion, VoucherCode
from backend.discounts.services.promo_codes import checkout_promo_code_add
from backend.giftcards.models import GiftCard
from backend.orders.selectors import checkout_lines_info, checkout_totals
from catalog.models import Category
from tests.factories.catalog import make_listed_product
from tests.orders.conftest import ready_checkout

pytestmark = pytest.mark.django_db


def test_the_demo_promotions_are_seeded_once_and_work(channel, cooperative):
    honey = Category.objects.create(name="Miels", slug="miels")
    product = make_listed_product(channel=channel, price="200.00", category=honey,
                                  cooperative=cooperative)

    seed_promotions()
    seed_promotions()

    assert Promotion.objects.count() == 1
    assert VoucherCode.objects.filter(code=DEMO_VOUCHER_CODE).count() == 1
    assert GiftCard.objects.get(code=DEMO_GIFT_CARD_CODE).current_balance_amount == 200
    assert FundingAcceptance.objects.filter(cooperative=cooperative).count() == 1
    checkout = ready_checkout(channel, [(product.default_variant, 1)])
    checkout_promo_code_add(checkout=checkout, promo_code=DEMO_VOUCHER_CODE)
    totals = checkout_totals(checkout, checkout_lines_info(checkout))
    assert totals.discount == Decimal("38.00")  # 20.00 honey promotion + 10 % of 180.00
