"""The pro demo: a pro channel, wholesale listings with breaks and minimums, one approved and
one pending business account; running it twice changes nothing."""
from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth import authenticate

from backend.business.demo import PENDING_EMAIL, PRO_EMAIL, seed_pro
from backend.business.models import BusinessAccount, ProVariantTerms, VariantQuantityBreak
from catalog.models import ProductVariantChannelListing
from tests.factories.catalog import make_listed_product

pytestmark = pytest.mark.django_db


def test_the_pro_demo_lists_wholesale_prices_and_two_business_accounts(channel, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    make_listed_product(channel=channel, price="200.00")

    seed_pro("coopstore-demo")
    seed_pro("coopstore-demo")

    listing = ProductVariantChannelListing.objects.get(channel__slug="pro")
    assert listing.channel.is_restricted
    assert listing.price_amount == Decimal("160.00")
    assert ProVariantTerms.objects.get(variant_listing=listing).minimum_order_quantity == 5
    assert list(VariantQuantityBreak.objects.filter(variant_listing=listing)
                .values_list("min_quantity", "price_amount")) == [
        (20, Decimal("150.00")), (100, Decimal("140.00"))]
    statuses = dict(BusinessAccount.objects.values_list("user__email", "status"))
    assert statuses == {PRO_EMAIL: "approved", PENDING_EMAIL: "pending"}
    assert authenticate(username=PRO_EMAIL, password="coopstore-demo") is not None
