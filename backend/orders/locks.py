"""Row locks for stock and checkouts, in one place and always in primary-key order."""
from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet

from catalog.models import Stock

from .models import Checkout


def stocks_for_update(variant_ids: Iterable[int]) -> QuerySet[Stock]:
    """Lock the stock rows of these variants, ordered by pk so two buyers never deadlock.

    Must run inside ``transaction.atomic``.
    """
    return Stock.objects.select_for_update().filter(variant_id__in=list(variant_ids)).order_by("pk")


def checkout_for_update(token) -> Checkout | None:
    """Lock one checkout row: serialises two completions of the same checkout."""
    return Checkout.objects.select_for_update(of=("self",)).filter(token=token).first()
