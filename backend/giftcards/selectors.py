"""Reads of gift cards: which cards a checkout holds and how much they cover."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import GiftCard

MAX_CODE_LENGTH = 16


def gift_cards_active(*, currency: str, today: date | None = None) -> QuerySet[GiftCard]:
    """Active, unexpired cards of a currency (Saleor's ``GiftCard.objects.active``)."""
    today = today or timezone.localdate()
    return GiftCard.objects.filter(Q(expiry_date__isnull=True) | Q(expiry_date__gte=today),
                                   is_active=True, currency=currency)


def gift_card_find(*, code: str, currency: str) -> GiftCard | None:
    """An active card by its code (one query); codes are compared exactly, as Saleor."""
    if not code or len(code) > MAX_CODE_LENGTH:
        return None
    return gift_cards_active(currency=currency).filter(code=code).first()


def checkout_gift_cards(checkout: Any) -> list[GiftCard]:
    """The cards attached to the checkout, oldest first (one query)."""
    return list(GiftCard.objects.filter(checkouts=checkout.pk).order_by("pk"))


def gift_cards_usable(cards: Sequence[GiftCard], *, currency: str,
                      today: date | None = None) -> list[GiftCard]:
    today = today or timezone.localdate()
    return [card for card in cards if card.is_active and card.currency == currency
            and (card.expiry_date is None or card.expiry_date >= today)]


def gift_cards_cover(cards: Sequence[GiftCard], due: Decimal) -> dict[int, Decimal]:
    """What each card pays of ``due``, in the cards' order: each its balance until paid."""
    left, taken = max(due, Decimal(0)), {}
    for card in cards:
        part = min(card.current_balance_amount, left)
        if part > 0:
            taken[card.pk] = part
            left -= part
    return taken


def order_gift_card_total(order_id: Any) -> Decimal:
    """What gift cards paid on an order and still hold (given back or refunded excluded)."""
    from django.db.models import Sum

    from .models import GiftCardUsage

    sums = GiftCardUsage.objects.filter(order_id=order_id, released_at__isnull=True).aggregate(
        paid=Sum("amount"), refunded=Sum("refunded_amount"))
    return (sums["paid"] or Decimal(0)) - (sums["refunded"] or Decimal(0))
