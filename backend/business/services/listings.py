"""The pro channel and its wholesale listings (price, quantity breaks, minimum quantity)."""
from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.core.errors import DomainError
from backend.core.money import quantize
from catalog.models import Channel, ProductChannelListing, ProductVariantChannelListing
from catalog.services.products import product_refresh_listing_prices

from ..error_codes import BusinessErrorCode
from ..models import PRO_CHANNEL_SLUG, ProVariantTerms, VariantQuantityBreak
from ..pricing import breaks_are_decreasing


@transaction.atomic
def pro_channel_get_or_create() -> Channel:
    """The ``pro`` channel (MAD, restricted to approved business accounts)."""
    channel, _created = Channel.objects.get_or_create(
        slug=PRO_CHANNEL_SLUG, defaults={"name": "CoopStore Pro", "currency_code": "MAD",
                                         "default_country": "MA", "is_restricted": True})
    return channel


@transaction.atomic
def pro_listing_set(*, variant, price_amount: Decimal, minimum_order_quantity: int = 1,
                    breaks: Sequence[tuple[int, Decimal]] = ()) -> ProductVariantChannelListing:
    """List ``variant`` in the pro channel at a wholesale unit price, with its minimum order
    quantity and quantity breaks (replacing the previous ones). Breaks must start above one
    unit and fall as quantities rise; the product is published in the channel."""
    currency = "MAD"
    price = quantize(Decimal(price_amount), currency)
    cleaned = sorted((int(q), quantize(Decimal(p), currency)) for q, p in breaks)
    if price < 0 or minimum_order_quantity < 1 or not breaks_are_decreasing(price, cleaned):
        raise DomainError.single(
            BusinessErrorCode.INVALID,
            _("Quantity breaks must start above one unit and cost less as quantities rise."),
            "breaks")
    channel = pro_channel_get_or_create()
    ProductChannelListing.objects.get_or_create(
        product_id=variant.product_id, channel=channel,
        defaults={"is_published": True, "visible_in_listings": True,
                  "published_at": timezone.now(), "currency": currency})
    listing, _created = ProductVariantChannelListing.objects.update_or_create(
        variant=variant, channel=channel,
        defaults={"price_amount": price, "currency": currency})
    ProVariantTerms.objects.update_or_create(
        variant_listing=listing, defaults={"minimum_order_quantity": minimum_order_quantity})
    listing.quantity_breaks.all().delete()
    VariantQuantityBreak.objects.bulk_create([
        VariantQuantityBreak(variant_listing=listing, min_quantity=q, price_amount=p)
        for q, p in cleaned])
    product_refresh_listing_prices(product=variant.product)
    return listing
