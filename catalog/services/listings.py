"""Where a product is offered: publish, unpublish, add to or remove from sales channels."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Channel, Product, ProductChannelListing, ProductVariantChannelListing
from .common import UNSET, Code, error, not_found, pk_clean, product_owned, reject_duplicates
from .derived import product_refresh_derived


@dataclass(frozen=True)
class ChannelListingInput:
    """The product's state in one channel (``UNSET`` keeps it; a new listing starts hidden)."""

    channel_id: int | str
    is_published: Any = UNSET
    published_at: Any = UNSET
    visible_in_listings: Any = UNSET
    available_for_purchase_at: Any = UNSET


@transaction.atomic
def product_channel_listing_update(*, cooperative_id: int, product_id: int | str,
                                   update_channels: Sequence[ChannelListingInput] = (),
                                   remove_channels: Sequence[int | str] = ()) -> Product:
    """Publish/unpublish the caller's product per channel, add it to or remove it from some.

    Removing a channel also removes the variants' prices there (Saleor does the same).
    Publishing needs a category, as in Saleor (PRODUCT_WITHOUT_CATEGORY).
    """
    product = product_owned(cooperative_id=cooperative_id, product_id=product_id, lock=True)
    update_ids = [pk_clean(entry.channel_id, "updateChannels") for entry in update_channels]
    remove_ids = [pk_clean(value, "removeChannels") for value in remove_channels]
    reject_duplicates(update_ids, "updateChannels")
    reject_duplicates(remove_ids, "removeChannels")
    if set(update_ids) & set(remove_ids):
        raise error(Code.DUPLICATED_INPUT_ITEM,
                    _("A channel cannot be updated and removed at once."), "updateChannels")
    channels = Channel.objects.in_bulk(update_ids + remove_ids)
    if any(pk not in channels for pk in update_ids):
        raise not_found("updateChannels")
    if any(pk not in channels for pk in remove_ids):
        raise not_found("removeChannels")
    now = timezone.now()
    for entry, channel_id in zip(update_channels, update_ids, strict=True):
        channel = channels[channel_id]
        listing = (ProductChannelListing.objects.filter(product=product, channel=channel).first()
                   or ProductChannelListing(product=product, channel=channel,
                                            currency=channel.currency_code,
                                            is_published=False))
        if entry.is_published is not UNSET:
            listing.is_published = bool(entry.is_published)
            if listing.is_published and product.category_id is None:
                raise error(Code.PRODUCT_WITHOUT_CATEGORY,
                            _("Choose a category before publishing the product."), "category")
            if listing.is_published and listing.published_at is None:
                listing.published_at = now
        if entry.published_at is not UNSET:
            listing.published_at = entry.published_at or (now if listing.is_published else None)
        if entry.visible_in_listings is not UNSET:
            listing.visible_in_listings = bool(entry.visible_in_listings)
        if entry.available_for_purchase_at is not UNSET:
            listing.available_for_purchase_at = entry.available_for_purchase_at
        listing.save()
    if remove_ids:
        ProductChannelListing.objects.filter(product=product, channel_id__in=remove_ids).delete()
        ProductVariantChannelListing.objects.filter(
            variant__product=product, channel_id__in=remove_ids).delete()
    product_refresh_derived(product=product)
    return product
