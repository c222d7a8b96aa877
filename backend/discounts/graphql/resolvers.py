"""The promo-code fields of Saleor's Checkout, CheckoutLine, Order and OrderLine.

The checkout's come from the totals its view computed once; the order's from relations loaded
once for a whole page of orders (``api_group``), so a list of orders costs the same queries
whatever its length.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

import prices

from backend.core.money import quantize
from backend.giftcards.models import GiftCard

from ..models import OrderDiscountType, Voucher


def _money(amount: Decimal, currency: str) -> prices.Money:
    return prices.Money(quantize(amount, currency), currency)


# Checkout ---------------------------------------------------------------------------------

def checkout_line_discount(line_view: Any) -> Decimal:
    return line_view.checkout.totals.line_discount(line_view.info.line.pk)


def checkout_line_total(line_view: Any) -> Decimal:
    info = line_view.info
    unit = info.unit_price if info.unit_price is not None else Decimal(0)
    return unit * info.quantity - checkout_line_discount(line_view)


def checkout_line_unit(line_view: Any) -> Decimal:
    quantity = line_view.info.quantity or 1
    return checkout_line_total(line_view) / quantity


def _checkout_voucher(view: Any) -> tuple[Any, Any]:
    found = view.totals.discounts
    if found is None or found.voucher_terms is None:
        return None, None
    return found.voucher_code, found.voucher_terms


def checkout_discount(view: Any) -> prices.Money:
    """Saleor's ``Checkout.discount``: the voucher's reduction (promotions are in the line
    prices)."""
    found = view.totals.discounts
    amount = found.pricing.voucher_total if found is not None else Decimal(0)
    return _money(amount, view.checkout.currency)


def checkout_discount_name(view: Any) -> str | None:
    _, terms = _checkout_voucher(view)
    return (terms.name or None) if terms else None


def checkout_translated_discount_name(view: Any) -> str | None:
    _, terms = _checkout_voucher(view)
    return (terms.translated_name or terms.name or None) if terms else None


def checkout_voucher(view: Any) -> Voucher | None:
    code, _ = _checkout_voucher(view)
    if code is None:
        return None
    voucher = code.voucher
    voucher.used_code = code.code
    return voucher


def checkout_voucher_code(view: Any) -> str | None:
    code, _ = _checkout_voucher(view)
    return code.code if code is not None else None


def checkout_gift_card_list(view: Any) -> list[GiftCard]:
    return list(view.totals.gift_card_list)


# Order ------------------------------------------------------------------------------------

def _order_discounts(order: Any) -> list[Any]:
    from backend.orders.graphql.dataloaders import api_group

    api_group(order).ensure("discounts", "discounts")
    return list(order.discounts.all())


def order_discounts(order: Any) -> list[Any]:
    return _order_discounts(order)


def _order_voucher_discounts(order: Any) -> list[Any]:
    return [d for d in _order_discounts(order) if d.type == OrderDiscountType.VOUCHER]


def order_voucher(order: Any) -> Voucher | None:
    from backend.orders.graphql.dataloaders import api_group

    found = _order_voucher_discounts(order)
    if not found or found[0].voucher_id is None:
        return None
    api_group(order).ensure("discounts__voucher", "discounts__voucher__codes")
    voucher = found[0].voucher
    voucher.used_code = found[0].voucher_code
    return voucher


def order_voucher_code(order: Any) -> str | None:
    found = _order_voucher_discounts(order)
    return (found[0].voucher_code or None) if found else None


def order_discount(order: Any) -> prices.Money:
    total = sum((d.amount for d in _order_voucher_discounts(order)), Decimal(0))
    return _money(total, order.currency)


def order_discount_name(order: Any) -> str | None:
    found = _order_voucher_discounts(order)
    return (found[0].name or None) if found else None


def order_translated_discount_name(order: Any) -> str | None:
    found = _order_voucher_discounts(order)
    return (found[0].translated_name or found[0].name or None) if found else None


def order_gift_card_list(order: Any) -> list[GiftCard]:
    from backend.orders.graphql.dataloaders import api_group

    api_group(order).ensure("gift_cards", "gift_card_usages__gift_card")
    return [usage.gift_card for usage in order.gift_card_usages.all()
            if usage.released_at is None]


def order_undiscounted_total(order: Any) -> Decimal:
    return order.total_amount + sum((d.amount for d in _order_discounts(order)), Decimal(0))


def _line_parts(line: Any) -> list[Any]:
    from backend.orders.graphql.dataloaders import api_group

    order = line.order
    api_group(order).ensure("line_discounts", "lines__line_discounts__discount")
    if not hasattr(line, "_prefetched_objects_cache") or \
            "line_discounts" not in line._prefetched_objects_cache:
        # A line not from the order's prefetched lines: read it from there.
        line = next((other for other in order.lines.all() if other.pk == line.pk), line)
    return list(line.line_discounts.all())


def order_line_discount(line: Any) -> Decimal:
    return sum((part.amount for part in _line_parts(line)), Decimal(0))


def order_line_total(line: Any) -> Decimal:
    return line.total_price_amount - order_line_discount(line)


def order_line_unit(line: Any) -> Decimal:
    return quantize(order_line_total(line) / line.quantity, line.currency)


def order_line_unit_discount(line: Any) -> Decimal:
    return line.unit_price_amount - order_line_unit(line)


def order_line_discounts(line: Any) -> list[Any]:
    return _line_parts(line)


def order_line_voucher_code(line: Any) -> str | None:
    codes = [p.discount.voucher_code for p in _line_parts(line)
             if p.discount.type == OrderDiscountType.VOUCHER and p.discount.voucher_code]
    return codes[0] if codes else None


def order_line_unit_discount_type(line: Any) -> str | None:
    parts = _line_parts(line)
    return parts[0].discount.value_type if len(parts) == 1 else ("fixed" if parts else None)


def order_line_unit_discount_value(line: Any) -> Decimal:
    parts = _line_parts(line)
    if len(parts) == 1 and parts[0].discount.value_type == "percentage":
        return parts[0].discount.value
    return order_line_unit_discount(line)
