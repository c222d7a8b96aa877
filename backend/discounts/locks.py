"""Row locks of vouchers and gift cards, in one place and in primary-key order."""
from __future__ import annotations

from collections.abc import Iterable

from backend.giftcards.models import GiftCard

from .models import Voucher, VoucherCode


def voucher_for_update(voucher_id: int) -> Voucher | None:
    """Lock a voucher row: every completion that uses one of its codes serialises here, so a
    usage limit counted over all its codes cannot be overrun. Inside ``transaction.atomic``."""
    return Voucher.objects.select_for_update().filter(pk=voucher_id).first()


def voucher_code_for_update(code_id: int) -> VoucherCode | None:
    return VoucherCode.objects.select_for_update().filter(pk=code_id).first()


def gift_cards_for_update(card_ids: Iterable[int]) -> list[GiftCard]:
    """Lock gift cards in pk order (two orders paying with the same cards never deadlock)."""
    return list(GiftCard.objects.select_for_update().filter(pk__in=list(card_ids)).order_by("pk"))
