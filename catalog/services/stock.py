"""Stock levels: set by hand, by lots, or in bulk with prices; never below what orders hold."""
from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from backend.core.errors import DomainError, ErrorItem

from ..models import (
    Channel,
    ProductChannelListing,
    ProductVariant,
    ProductVariantChannelListing,
    Stock,
)
from .common import UNSET, Code, error, not_found, pk_clean, price_clean, quantity_clean
from .derived import product_refresh_derived

logger = logging.getLogger(__name__)


def notify_low_stock_on_commit(variant_ids: Iterable[int]) -> None:
    """Hand the edited variants to the low-stock alerts (H1's module) once the edit is saved."""
    ids = sorted(set(variant_ids))
    if not ids:
        return

    def notify() -> None:
        try:
            from backend.cooperatives.services.alerts import notify_low_stock
        except ImportError:
            return
        try:
            notify_low_stock(ids)
        except Exception:  # an alert must never undo or break a stock edit
            logger.exception("low-stock alert failed for variants %s", ids)

    transaction.on_commit(notify)


def stock_lock(variant: ProductVariant) -> Stock:
    """The variant's stock row, locked for this transaction (created empty if missing)."""
    stock, _created = Stock.objects.get_or_create(variant=variant)
    return Stock.objects.select_for_update().get(pk=stock.pk)


def stock_set_quantity(*, stock: Stock, quantity: int, field: str = "quantity",
                       variant_id: int | None = None) -> None:
    """Needs ``stock`` locked. Refuses a quantity below the units promised to orders."""
    if quantity < stock.quantity_allocated:
        raise DomainError(ErrorItem(
            code=Code.INVALID, field=field,
            variants=(str(variant_id),) if variant_id else (),
            message=_("Orders already hold %(count)d units: the stock cannot be lower.")
            % {"count": stock.quantity_allocated}))
    if stock.quantity != quantity:
        stock.quantity = quantity
        stock.save(update_fields=["quantity"])


@transaction.atomic
def stock_update(*, cooperative_id: int, variant_id: int | str, quantity: object) -> Stock:
    """Set the units in stock of the caller's variant (not for variants stocked by lots)."""
    from .common import variant_owned

    variant = variant_owned(cooperative_id=cooperative_id, variant_id=variant_id)
    quantity = quantity_clean(quantity, "quantity")
    stock = stock_lock(variant)
    if quantity != stock.quantity and variant.lots.exists():
        raise error(Code.INVALID, _("This size is stocked by lots: change the lots instead."),
                    "quantity")
    stock_set_quantity(stock=stock, quantity=quantity, variant_id=variant.pk)
    notify_low_stock_on_commit([variant.pk])
    return stock


@dataclass(frozen=True)
class BulkRow:
    """One variant's new stock and/or price (``UNSET`` leaves it as it is)."""

    variant_id: int | str
    quantity: Any = UNSET
    price: Any = UNSET


@transaction.atomic
def variants_bulk_update_stock_and_prices(*, cooperative_id: int, channel_id: int | str,
                                          rows: Sequence[BulkRow]) -> list[ProductVariant]:
    """Many variants' stock and prices in one go: every row is checked, then all or nothing.

    Errors name the variant (``ErrorItem.variants``) and the field (``quantity``/``price``).
    """
    channel = Channel.objects.filter(pk=pk_clean(channel_id, "channel")).first()
    if channel is None:
        raise not_found("channel")
    ids = [pk_clean(row.variant_id, "variants") for row in rows]
    if len(ids) != len(set(ids)):
        raise error(Code.DUPLICATED_INPUT_ITEM, _("The same item is given more than once."),
                    "variants")
    variants = {v.pk: v for v in ProductVariant.objects.filter(
        pk__in=ids, product__cooperative_id=cooperative_id)
        .select_related("product").prefetch_related("lots")}
    errors: list[ErrorItem] = []
    for variant_id in ids:
        if variant_id not in variants:
            errors.append(ErrorItem(code=Code.NOT_FOUND, field="variants",
                                    variants=(str(variant_id),),
                                    message=_("This item does not exist.")))
    if errors:
        raise DomainError(*errors)
    listed = set(ProductChannelListing.objects.filter(
        channel=channel, product_id__in={v.product_id for v in variants.values()})
        .values_list("product_id", flat=True))
    stocks = {s.variant_id: s for s in Stock.objects.select_for_update()
              .filter(variant_id__in=ids).order_by("pk")}
    cleaned: list[tuple[ProductVariant, int | None, Decimal | None]] = []
    for row, variant_id in zip(rows, ids, strict=True):
        variant = variants[variant_id]
        quantity = price = None
        try:
            if row.quantity is not UNSET:
                quantity = quantity_clean(row.quantity, "quantity")
                stock = stocks.get(variant_id)
                if list(variant.lots.all()) and quantity != (stock.quantity if stock else 0):
                    raise error(Code.INVALID, _("This size is stocked by lots: change the "
                                                "lots instead."), "quantity")
                allocated = stock.quantity_allocated if stock else 0
                if quantity < allocated:
                    raise error(Code.INVALID, _("Orders already hold %(count)d units: the "
                                                "stock cannot be lower.") % {"count": allocated},
                                "quantity")
            if row.price is not UNSET:
                price = price_clean(row.price, "price")
                if variant.product_id not in listed:
                    raise error(Code.PRODUCT_NOT_ASSIGNED_TO_CHANNEL,
                                _("The product is not offered in this channel."), "price")
        except DomainError as exc:
            errors += [ErrorItem(code=e.code, message=e.message, field=e.field,
                                 variants=(str(variant_id),)) for e in exc.errors]
            continue
        cleaned.append((variant, quantity, price))
    if errors:
        raise DomainError(*errors)
    touched_products = {}
    for variant, quantity, price in cleaned:
        if quantity is not None:
            stock = stocks.get(variant.pk) or Stock.objects.create(variant=variant)
            stock_set_quantity(stock=stock, quantity=quantity, variant_id=variant.pk)
        if price is not None:
            ProductVariantChannelListing.objects.update_or_create(
                variant=variant, channel=channel,
                defaults={"price_amount": price, "currency": channel.currency_code})
            touched_products[variant.product_id] = variant.product
    for product in touched_products.values():
        product_refresh_derived(product=product)
    notify_low_stock_on_commit(v.pk for v, q, _p in cleaned if q is not None)
    return [variant for variant, _q, _p in cleaned]
