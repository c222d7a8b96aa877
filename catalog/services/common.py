"""Input cleaning and scoped look-ups shared by the catalog services.

Every look-up takes the caller's cooperative: an object of another cooperative is reported
exactly like a missing one (NOT_FOUND on the id's field), so its existence never leaks.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _

from backend.core.errors import DomainError, ErrorItem
from backend.graphql.core.error_codes import ProductErrorCode

from ..models import Product, ProductMedia, ProductVariant

Code = ProductErrorCode
LANGUAGES = ("fr", "ar", "en")
TRANSLATED_LANGUAGES = ("ar", "en")  # French lives on the model itself
MAX_PRICE = Decimal("9999999999.99")  # 12 digits, 2 decimals (the column's limit)
MAX_QUANTITY = 2_147_483_647  # PositiveIntegerField
MAX_WEIGHT_GRAMS = 1_000_000  # one tonne: anything heavier is a typo


class _Unset:
    """Marks an argument the caller did not give (``None`` may be a real value)."""

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> bool:
        return False


UNSET: Any = _Unset()


def error(code: ProductErrorCode, message: str, field: str | None = None,
          **kwargs: Any) -> DomainError:
    return DomainError(ErrorItem(code=code, message=message, field=field, **kwargs))


def not_found(field: str) -> DomainError:
    return error(Code.NOT_FOUND, _("This item does not exist."), field)


def pk_clean(value: object, field: str) -> int:
    """A positive integer primary key, or NOT_FOUND (malformed ids name nothing)."""
    if isinstance(value, bool):
        raise not_found(field)
    if isinstance(value, int):
        number = value
    else:
        text = str(value or "").strip()
        if not text.isascii() or not text.isdigit() or len(text) > 18:
            raise not_found(field)
        number = int(text)
    if number <= 0 or number > 9_223_372_036_854_775_807:
        raise not_found(field)
    return number


def text_clean(value: object, field: str, *, max_length: int, required: bool = False,
               strip: bool = True) -> str:
    """A string without NUL characters, within ``max_length``; REQUIRED when empty."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise error(Code.INVALID, _("Enter text."), field)
    if "\x00" in value:
        raise error(Code.INVALID, _("This text contains a forbidden character."), field)
    text = value.strip() if strip else value
    if required and not text:
        raise error(Code.REQUIRED, _("This field is required."), field)
    if len(text) > max_length:
        raise error(Code.INVALID,
                    _("Use at most %(count)d characters.") % {"count": max_length}, field)
    return text


def _contains_nul(value: Any) -> bool:
    return "\x00" in json.dumps(value, ensure_ascii=False) or "\\u0000" in json.dumps(value)


def description_clean(value: object, field: str = "description") -> dict:
    """An EditorJS document (``{"blocks": [...]}``); a JSON string is parsed first."""
    if value is None or value == "":
        return {}
    if isinstance(value, str):
        if len(value) > 200_000:
            raise error(Code.INVALID, _("The description is too long."), field)
        try:
            value = json.loads(value)
        except ValueError:
            raise error(Code.INVALID, _("The description is not valid."), field) from None
    if not isinstance(value, dict) or not isinstance(value.get("blocks", []), list):
        raise error(Code.INVALID, _("The description is not valid."), field)
    try:
        if _contains_nul(value):
            raise error(Code.INVALID, _("This text contains a forbidden character."), field)
        if len(json.dumps(value)) > 200_000:
            raise error(Code.INVALID, _("The description is too long."), field)
    except (TypeError, ValueError):
        raise error(Code.INVALID, _("The description is not valid."), field) from None
    return value


def editorjs_from_text(text: str) -> dict:
    """An EditorJS document with one paragraph per block of text (the pages' textareas)."""
    paragraphs = [p.strip() for p in (text or "").replace("\r\n", "\n").split("\n\n")]
    blocks = [{"type": "paragraph", "data": {"text": p}} for p in paragraphs if p]
    return {"blocks": blocks} if blocks else {}


def price_clean(value: object, field: str = "price") -> Decimal:
    """A non-negative price with at most 2 decimals and 10 integer digits (INVALID_PRICE)."""
    if isinstance(value, float):
        value = repr(value)
    try:
        amount = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        raise error(Code.INVALID_PRICE, _("Enter a valid price."), field) from None
    if not amount.is_finite() or amount < 0:
        raise error(Code.INVALID_PRICE, _("The price must be a positive number."), field)
    if amount > MAX_PRICE:
        raise error(Code.INVALID_PRICE, _("This price is too high."), field)
    if amount != amount.quantize(Decimal("0.01")):
        raise error(Code.INVALID_PRICE, _("Use at most 2 decimals."), field)
    return amount.quantize(Decimal("0.01"))


def quantity_clean(value: object, field: str = "quantity", *,
                   maximum: int = MAX_QUANTITY) -> int:
    """A whole number between 0 and ``maximum``."""
    if isinstance(value, bool):
        raise error(Code.INVALID, _("Enter a whole number."), field)
    if isinstance(value, int):
        number = value
    else:
        text = str(value if value is not None else "").strip()
        if not text.lstrip("-").isascii() or not text.lstrip("-").isdigit() or len(text) > 12:
            raise error(Code.INVALID, _("Enter a whole number."), field)
        number = int(text)
    if number < 0:
        raise error(Code.INVALID, _("The number cannot be negative."), field)
    if number > maximum:
        raise error(Code.INVALID, _("This number is too large."), field)
    return number


def reject_duplicates(values: Iterable[object], field: str) -> None:
    seen: set[object] = set()
    for value in values:
        if value in seen:
            raise error(Code.DUPLICATED_INPUT_ITEM,
                        _("The same item is given more than once."), field)
        seen.add(value)


def owned(queryset: QuerySet, *, cooperative_id: int, object_id: object, field: str,
          cooperative_path: str, lock: bool = False) -> Model:
    """The object of ``queryset`` with that id *and* the caller's cooperative, else NOT_FOUND."""
    pk = pk_clean(object_id, field)
    queryset = queryset.filter(pk=pk, **{cooperative_path: cooperative_id})
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    found = queryset.first()
    if found is None:
        raise not_found(field)
    return found


def product_owned(*, cooperative_id: int, product_id: object, field: str = "id",
                  lock: bool = False) -> Product:
    return owned(Product.objects.all(), cooperative_id=cooperative_id, object_id=product_id,
                 field=field, cooperative_path="cooperative_id", lock=lock)


def variant_owned(*, cooperative_id: int, variant_id: object, field: str = "id",
                  lock: bool = False) -> ProductVariant:
    return owned(ProductVariant.objects.select_related("product"),
                 cooperative_id=cooperative_id, object_id=variant_id, field=field,
                 cooperative_path="product__cooperative_id", lock=lock)


def media_owned(*, cooperative_id: int, media_id: object, field: str = "id",
                lock: bool = False) -> ProductMedia:
    return owned(ProductMedia.objects.select_related("product"),
                 cooperative_id=cooperative_id, object_id=media_id, field=field,
                 cooperative_path="product__cooperative_id", lock=lock)
