"""The pro demo (idempotent): the ``pro`` channel, wholesale listings of a few products with
quantity breaks and minimums, one approved business account (``pro@demo.coopstore.ma``) and one
waiting for approval (``pro.attente@demo.coopstore.ma``), and ICE numbers for the sellers."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from backend.accounts.models import User
from backend.cooperatives.models import Cooperative
from catalog.models import Channel, ProductVariantChannelListing

from .models import BusinessAccount, BusinessStatus
from .services.listings import pro_listing_set

DEMO_DOMAIN = "demo.coopstore.ma"
PRO_EMAIL = f"pro@{DEMO_DOMAIN}"
PENDING_EMAIL = f"pro.attente@{DEMO_DOMAIN}"
PRODUCTS = 8  # wholesale listings of the first products of the public channel


def _price(value: Decimal, rate: str) -> Decimal:
    return (value * Decimal(rate)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _account(email: str, password_hash: str, *, company: str, ice: str, kind: str,
             status: str) -> BusinessAccount:
    user, _created = User.objects.update_or_create(
        email=email, defaults={"password": password_hash, "first_name": "Service",
                               "last_name": "Achats", "is_active": True, "language_code": "fr"})
    account, _created = BusinessAccount.objects.update_or_create(
        user=user, defaults={"company_name": company, "ice": ice, "kind": kind,
                             "street_address": "12, boulevard Mohammed V",
                             "postal_code": "80000", "city": "Agadir",
                             "phone": "+212 528 000 000", "status": status,
                             "approved_at": timezone.now() if status == "approved" else None})
    return account


@transaction.atomic
def seed_pro(password: str) -> str:
    public = Channel.objects.filter(slug="maroc").first()
    if public is None:
        return "skipped (no public channel)"
    listings = (ProductVariantChannelListing.objects.filter(channel=public)
                .select_related("variant__product")
                .order_by("variant__product__name", "variant__sort_order")[:PRODUCTS])
    for listing in listings:  # wholesale at 80 %, 75 % from 20 units, 70 % from 100
        pro_listing_set(variant=listing.variant,
                        price_amount=_price(listing.price_amount, "0.80"),
                        minimum_order_quantity=5,
                        breaks=[(20, _price(listing.price_amount, "0.75")),
                                (100, _price(listing.price_amount, "0.70"))])
    for index, cooperative in enumerate(Cooperative.objects.order_by("pk")):
        if not cooperative.ice:
            Cooperative.objects.filter(pk=cooperative.pk).update(ice=f"{900000000000000 + index}")
    password_hash = make_password(password)
    _account(PRO_EMAIL, password_hash, company="Hôtel La Kasbah d'Agadir",
             ice="001525372000044", kind="hotel", status=BusinessStatus.APPROVED)
    _account(PENDING_EMAIL, password_hash, company="Épicerie fine Darna",
             ice="002233445000067", kind="shop", status=BusinessStatus.PENDING)
    return f"pro channel with {len(listings)} wholesale listings, 2 business accounts"
