"""A product's variants (sizes): name, SKU, weight, price per channel, stock, alert threshold."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from ..models import (
    Channel,
    ProductChannelListing,
    ProductVariant,
    ProductVariantChannelListing,
    Stock,
)
from .common import (
    MAX_WEIGHT_GRAMS,
    UNSET,
    Code,
    error,
    not_found,
    pk_clean,
    price_clean,
    product_owned,
    quantity_clean,
    reject_duplicates,
    text_clean,
    variant_owned,
)
from .derived import product_refresh_derived
from .stock import notify_low_stock_on_commit, stock_lock, stock_set_quantity

MAX_VARIANTS_PER_PRODUCT = 100


@dataclass(frozen=True)
class ChannelPriceInput:
    """The variant's price in one channel; ``price=None`` takes the variant out of it."""

    channel_id: int | str
    price: Any
    cost_price: Any = None


def _sku_clean(sku: object, *, exclude_pk: int | None = None) -> str | None:
    text = text_clean(sku, "sku", max_length=255)
    if not text:
        return None
    if ProductVariant.objects.exclude(pk=exclude_pk).filter(sku__iexact=text).exists():
        raise error(Code.UNIQUE, _("Another product already uses this SKU."), "sku")
    return text


def _prices_set(variant: ProductVariant, prices: Sequence[ChannelPriceInput]) -> None:
    ids = [pk_clean(p.channel_id, "channelId") for p in prices]
    reject_duplicates(ids, "channelId")
    channels = Channel.objects.in_bulk(ids)
    if len(channels) != len(ids):
        raise not_found("channelId")
    listed = set(ProductChannelListing.objects.filter(product_id=variant.product_id)
                 .values_list("channel_id", flat=True))
    for entry, channel_id in zip(prices, ids, strict=True):
        channel = channels[channel_id]
        if entry.price is None or entry.price == "":
            ProductVariantChannelListing.objects.filter(variant=variant, channel=channel).delete()
            continue
        if channel_id not in listed:
            raise error(Code.PRODUCT_NOT_ASSIGNED_TO_CHANNEL,
                        _("The product is not offered in this channel."), "channelId")
        price = price_clean(entry.price, "price")
        cost = (price_clean(entry.cost_price, "costPrice")
                if entry.cost_price not in (None, "") else None)
        ProductVariantChannelListing.objects.update_or_create(
            variant=variant, channel=channel,
            defaults={"price_amount": price, "cost_price_amount": cost,
                      "currency": channel.currency_code})


def _apply(variant: ProductVariant, *, name: Any, sku: Any, weight_grams: Any,
           low_stock_threshold: Any, track_inventory: Any,
           quantity_limit_per_customer: Any) -> None:
    if name is not UNSET:
        variant.name = text_clean(name, "name", max_length=255)
    if sku is not UNSET:
        variant.sku = _sku_clean(sku, exclude_pk=variant.pk)
    if weight_grams is not UNSET:
        variant.weight_grams = quantity_clean(weight_grams, "weight", maximum=MAX_WEIGHT_GRAMS)
    if low_stock_threshold is not UNSET:
        variant.low_stock_threshold = quantity_clean(low_stock_threshold, "lowStockThreshold",
                                                     maximum=1_000_000)
    if track_inventory is not UNSET:
        variant.track_inventory = bool(track_inventory)
    if quantity_limit_per_customer is not UNSET:
        variant.quantity_limit_per_customer = (
            None if quantity_limit_per_customer in (None, "") else
            quantity_clean(quantity_limit_per_customer, "quantityLimitPerCustomer",
                           maximum=1_000_000) or None)


@transaction.atomic
def variant_create(*, cooperative_id: int, product_id: int | str, name: str = "",
                   sku: str | None = None, weight_grams: Any = 0,
                   prices: Sequence[ChannelPriceInput] = (), quantity: Any = 0,
                   low_stock_threshold: Any = UNSET, track_inventory: Any = UNSET,
                   quantity_limit_per_customer: Any = UNSET) -> ProductVariant:
    """A new size of the caller's product, with its prices and stock."""
    product = product_owned(cooperative_id=cooperative_id, product_id=product_id,
                            field="product", lock=True)
    count = ProductVariant.objects.filter(product=product).count()
    if count >= MAX_VARIANTS_PER_PRODUCT:
        raise error(Code.INVALID, _("A product has at most %(count)d sizes.")
                    % {"count": MAX_VARIANTS_PER_PRODUCT}, "product")
    variant = ProductVariant(product=product)
    _apply(variant, name=name, sku=sku, weight_grams=weight_grams,
           low_stock_threshold=low_stock_threshold, track_inventory=track_inventory,
           quantity_limit_per_customer=quantity_limit_per_customer)
    quantity = quantity_clean(quantity, "quantity")
    last = ProductVariant.objects.filter(product=product).aggregate(m=Max("sort_order"))["m"]
    variant.sort_order = (last + 1) if last is not None else 0
    variant.save()
    Stock.objects.create(variant=variant, quantity=quantity)
    _prices_set(variant, prices)
    product_refresh_derived(product=product)
    notify_low_stock_on_commit([variant.pk])
    variant.refresh_from_db()
    return variant


@transaction.atomic
def variant_update(*, cooperative_id: int, variant_id: int | str, name: Any = UNSET,
                   sku: Any = UNSET, weight_grams: Any = UNSET,
                   prices: Sequence[ChannelPriceInput] | Any = UNSET, quantity: Any = UNSET,
                   low_stock_threshold: Any = UNSET, track_inventory: Any = UNSET,
                   quantity_limit_per_customer: Any = UNSET) -> ProductVariant:
    """Change the given fields of the caller's own variant."""
    variant = variant_owned(cooperative_id=cooperative_id, variant_id=variant_id, lock=True)
    _apply(variant, name=name, sku=sku, weight_grams=weight_grams,
           low_stock_threshold=low_stock_threshold, track_inventory=track_inventory,
           quantity_limit_per_customer=quantity_limit_per_customer)
    variant.save()
    if quantity is not UNSET:
        cleaned = quantity_clean(quantity, "quantity")
        stock = stock_lock(variant)
        if cleaned != stock.quantity and variant.lots.exists():
            raise error(Code.INVALID,
                        _("This size is stocked by lots: change the lots instead."), "quantity")
        stock_set_quantity(stock=stock, quantity=cleaned, variant_id=variant.pk)
    if prices is not UNSET:
        _prices_set(variant, list(prices or ()))
    product_refresh_derived(product=variant.product)
    notify_low_stock_on_commit([variant.pk])
    variant.refresh_from_db()
    return variant


@transaction.atomic
def variant_delete(*, cooperative_id: int, variant_id: int | str) -> ProductVariant:
    """Delete the caller's variant; order lines keep their copied data."""
    variant = variant_owned(cooperative_id=cooperative_id, variant_id=variant_id, lock=True)
    pk, product = variant.pk, variant.product
    variant.delete()
    variant.pk = pk
    product_refresh_derived(product=product)
    return variant
