"""Lots of a variant (harvest or production batches): their sum is the variant's stock."""
from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import ProductVariant, StockLot
from .common import (
    UNSET,
    Code,
    error,
    owned,
    quantity_clean,
    text_clean,
    variant_owned,
)
from .stock import notify_low_stock_on_commit, stock_lock, stock_set_quantity

MAX_LOTS_PER_VARIANT = 200


def _date_clean(value: object, field: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise error(Code.INVALID, _("Enter a valid date."), field) from None


def _dates_check(lot: StockLot) -> None:
    today = timezone.localdate()
    if lot.produced_on and lot.produced_on > today:
        raise error(Code.INVALID, _("The harvest or production date cannot be in the future."),
                    "producedOn")
    if lot.produced_on and lot.best_before and lot.best_before < lot.produced_on:
        raise error(Code.INVALID, _("The best-before date must come after the harvest or "
                                    "production date."), "bestBefore")


def _lot_number_clean(value: object, variant: ProductVariant, exclude_pk: int | None) -> str:
    number = text_clean(value, "lotNumber", max_length=64, required=True)
    if StockLot.objects.filter(variant=variant, lot_number__iexact=number).exclude(
            pk=exclude_pk).exists():
        raise error(Code.UNIQUE, _("This size already has a lot with this number."), "lotNumber")
    return number


def variant_sync_stock_from_lots(*, variant: ProductVariant) -> None:
    """Set the variant's stock to the sum of its lots; refuses a sum below what orders hold."""
    total = StockLot.objects.filter(variant=variant).aggregate(s=Sum("quantity"))["s"] or 0
    stock = stock_lock(variant)
    stock_set_quantity(stock=stock, quantity=total, variant_id=variant.pk)
    notify_low_stock_on_commit([variant.pk])


@transaction.atomic
def lot_create(*, cooperative_id: int, variant_id: int | str, lot_number: str,
               quantity: Any, produced_on: Any = None, best_before: Any = None) -> StockLot:
    """Record a lot of the caller's variant; the variant's stock becomes the sum of its lots."""
    variant = variant_owned(cooperative_id=cooperative_id, variant_id=variant_id,
                            field="variant", lock=True)
    if StockLot.objects.filter(variant=variant).count() >= MAX_LOTS_PER_VARIANT:
        raise error(Code.INVALID, _("Too many lots for one size."), "variant")
    lot = StockLot(variant=variant, lot_number=_lot_number_clean(lot_number, variant, None),
                   quantity=quantity_clean(quantity, "quantity"),
                   produced_on=_date_clean(produced_on, "producedOn"),
                   best_before=_date_clean(best_before, "bestBefore"))
    _dates_check(lot)
    lot.save()
    variant_sync_stock_from_lots(variant=variant)
    return lot


def _lot_owned(cooperative_id: int, lot_id: object, lock: bool = True) -> StockLot:
    return owned(StockLot.objects.select_related("variant", "variant__product"),
                 cooperative_id=cooperative_id, object_id=lot_id, field="id",
                 cooperative_path="variant__product__cooperative_id", lock=lock)


@transaction.atomic
def lot_update(*, cooperative_id: int, lot_id: int | str, lot_number: Any = UNSET,
               quantity: Any = UNSET, produced_on: Any = UNSET,
               best_before: Any = UNSET) -> StockLot:
    """Change the caller's lot; the variant's stock follows."""
    lot = _lot_owned(cooperative_id, lot_id)
    if lot_number is not UNSET:
        lot.lot_number = _lot_number_clean(lot_number, lot.variant, lot.pk)
    if quantity is not UNSET:
        lot.quantity = quantity_clean(quantity, "quantity")
    if produced_on is not UNSET:
        lot.produced_on = _date_clean(produced_on, "producedOn")
    if best_before is not UNSET:
        lot.best_before = _date_clean(best_before, "bestBefore")
    _dates_check(lot)
    lot.save()
    variant_sync_stock_from_lots(variant=lot.variant)
    return lot


@transaction.atomic
def lot_delete(*, cooperative_id: int, lot_id: int | str) -> StockLot:
    """Remove the caller's lot (sold out, or a mistake); the variant's stock follows."""
    lot = _lot_owned(cooperative_id, lot_id)
    pk, variant = lot.pk, lot.variant
    lot.delete()
    lot.pk = pk
    variant_sync_stock_from_lots(variant=variant)
    return lot
