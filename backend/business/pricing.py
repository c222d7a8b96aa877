"""Wholesale unit prices with quantity breaks. Pure: no ORM, so it can be property-tested.

A break ``(min_quantity, price)`` sets the unit price from ``min_quantity`` units on. The unit
price of a quantity is the lowest of the listing price and the prices of every break it reaches:
with breaks that fall as quantities rise (what the service accepts) that is the highest break
at or below the quantity; and whatever the data, the unit price never rises with the quantity.
"""
from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from backend.core.money import quantize


def unit_price_for_quantity(base: Decimal, breaks: Iterable[tuple[int, Decimal]],
                            quantity: int) -> Decimal:
    price = base
    for min_quantity, break_price in breaks:
        if quantity >= min_quantity and break_price < price:
            price = break_price
    return price


def line_total(base: Decimal, breaks: Iterable[tuple[int, Decimal]], quantity: int,
               currency: str) -> Decimal:
    """What ``quantity`` units cost: unit price times quantity, in the currency's minor unit."""
    return quantize(unit_price_for_quantity(base, breaks, quantity) * quantity, currency)


def breaks_are_decreasing(base: Decimal, breaks: Iterable[tuple[int, Decimal]]) -> bool:
    """Each break starts at a higher quantity than the previous one and costs less."""
    previous_quantity, previous_price = 1, base
    for min_quantity, price in sorted(breaks):
        if min_quantity <= previous_quantity or price >= previous_price or price < 0:
            return False
        previous_quantity, previous_price = min_quantity, price
    return True
