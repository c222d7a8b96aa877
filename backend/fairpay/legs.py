"""Reading the delivery legs an order stored (``OrderDelivery.legs`` JSON) for the split.

A leg is a JSON object naming its partner and its quoted price::

    {"partner_id": 12, "partner_slug": "atlas-express", "price": "18.00", ...}

``partner_id`` wins over ``partner_slug``; ``partner`` may also be an id, a slug, or a nested
object with ``id`` or ``slug``. The price is ``price`` or ``price_amount``: a decimal string,
or a Money-like object with ``amount``. Other keys (origin, destination, km...) are ignored.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation


class LegError(ValueError):
    """A leg names no partner or has no readable price."""


@dataclass(frozen=True)
class LegRef:
    partner_id: int | None
    partner_slug: str
    price: Decimal


def _partner(leg: Mapping) -> tuple[int | None, str]:
    nested = leg.get("partner")
    if isinstance(nested, bool):
        nested = None
    if isinstance(nested, int):
        nested = {"id": nested}
    elif isinstance(nested, str):
        nested = {"slug": nested}
    nested = nested if isinstance(nested, Mapping) else {}
    raw_id = leg.get("partner_id", nested.get("id"))
    slug = str(leg.get("partner_slug") or nested.get("slug") or "")
    try:
        partner_id = int(raw_id) if raw_id not in (None, "") else None
    except (TypeError, ValueError) as exc:
        raise LegError(f"unreadable partner id {raw_id!r}") from exc
    if partner_id is None and not slug:
        raise LegError("a delivery leg names no partner")
    return partner_id, slug


def _price(leg: Mapping) -> Decimal:
    raw = leg.get("price", leg.get("price_amount"))
    if isinstance(raw, Mapping):  # a Money-like {"amount": "18.00", "currency": "MAD"}
        raw = raw.get("amount")
    try:
        price = Decimal(str(raw))
    except (InvalidOperation, TypeError, ValueError) as exc:
        raise LegError(f"unreadable leg price {raw!r}") from exc
    if not price.is_finite() or price < 0:
        raise LegError(f"invalid leg price {raw!r}")
    return price


def legs_read(legs: Sequence[Mapping] | None) -> list[LegRef]:
    """The legs of a stored delivery, in order."""
    refs = []
    for leg in legs or ():
        if not isinstance(leg, Mapping):
            raise LegError("a delivery leg must be an object")
        partner_id, slug = _partner(leg)
        refs.append(LegRef(partner_id=partner_id, partner_slug=slug, price=_price(leg)))
    return refs
