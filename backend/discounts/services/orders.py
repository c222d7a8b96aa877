"""Promo codes when an order is placed or cancelled.

At completion (inside ``checkout_complete``'s transaction, the checkout locked): the voucher
and the gift cards are locked first, so the totals are computed from their current rows; the
voucher's usage limit and once-per-customer rule are checked and its use counted, each card
pays its part, and the reductions are frozen as ``OrderDiscount`` / ``OrderLineDiscount`` with
who funds them. The fair-pay split receives one ``Discount`` per funder and line.

On cancellation before payment the voucher use and the gift-card balances come back, once.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.core.errors import DomainError
from backend.core.money import to_minor_units
from backend.fairpay import splits
from backend.giftcards.models import GiftCard, GiftCardEvent, GiftCardEventType, GiftCardUsage
from backend.giftcards.selectors import gift_cards_usable
from backend.orders.error_codes import CheckoutErrorCode
from backend.orders.models import Checkout, Order, OrderLine

from .. import calculations as calc
from ..locks import gift_cards_for_update, voucher_code_for_update, voucher_for_update
from ..models import (
    CheckoutVoucher,
    OrderDiscount,
    OrderDiscountType,
    OrderLineDiscount,
    VoucherCode,
    VoucherCustomer,
)
from .promo_codes import voucher_used_by_customer


@dataclass
class LockedPromoCodes:
    voucher_code: VoucherCode | None = None
    gift_cards: list[GiftCard] = field(default_factory=list)


def promo_codes_lock(*, checkout: Checkout) -> LockedPromoCodes:
    """Lock the checkout's voucher (then its code) and gift cards before its totals are read.

    Must run inside ``transaction.atomic`` after the checkout's own lock.
    """
    locked = LockedPromoCodes()
    link = CheckoutVoucher.objects.filter(checkout=checkout).values_list(
        "voucher_code_id", "voucher_code__voucher_id").first()
    if link is not None:
        voucher_for_update(link[1])
        locked.voucher_code = voucher_code_for_update(link[0])
    card_ids = list(GiftCard.objects.filter(checkouts=checkout).values_list("pk", flat=True))
    if card_ids:
        locked.gift_cards = gift_cards_for_update(card_ids)
    return locked


def _voucher_refused() -> DomainError:
    return DomainError.single(CheckoutErrorCode.VOUCHER_NOT_APPLICABLE,
                              _("Voucher is not applicable to this checkout."), "promoCode")


def _gift_card_refused() -> DomainError:
    return DomainError.single(CheckoutErrorCode.GIFT_CARD_NOT_APPLICABLE,
                              _("A gift card of this checkout can no longer be used."),
                              "promoCode")


def promo_codes_validate(*, checkout: Checkout, locked: LockedPromoCodes, totals: Any) -> None:
    """Refuse the order if its voucher or a gift card no longer applies (nothing changes)."""
    if locked.voucher_code is not None:
        found = totals.discounts
        terms = found.voucher_terms if found is not None else None
        voucher = locked.voucher_code.voucher
        if (terms is None or found.pricing.voucher_refusal is not None
                or found.pricing.voucher_total <= 0):
            raise _voucher_refused()
        if voucher.apply_once_per_customer and voucher_used_by_customer(
                voucher_id=voucher.pk, email=checkout.email):
            raise _voucher_refused()
    if locked.gift_cards:
        usable = {card.pk for card in gift_cards_usable(locked.gift_cards,
                                                        currency=checkout.currency)}
        if any(card.pk not in usable or card.current_balance_amount <= 0
               for card in locked.gift_cards):
            raise _gift_card_refused()


def _order_lines_by_checkout_line(order: Order, lines: Sequence[Any]) -> dict[str, OrderLine]:
    by_variant = {line.variant_id: line for line in order.lines.all()}
    return {str(info.line.pk): by_variant[info.variant.pk] for info in lines
            if info.variant.pk in by_variant}


def order_promotions_record(*, checkout: Checkout, order: Order, lines: Sequence[Any],
                            totals: Any, locked: LockedPromoCodes,
                            user: Any = None) -> tuple[list[splits.Discount], int]:
    """Count the voucher use, take the gift cards' parts and freeze the discounts.

    Returns the fair-pay discounts (one per funder and line) and the part paid by gift cards
    in minor units. The caller holds the locks taken by ``promo_codes_lock``.
    """
    currency = order.currency
    found = totals.discounts
    if locked.voucher_code is not None:
        VoucherCode.objects.filter(pk=locked.voucher_code.pk).update(used=F("used") + 1)
        voucher = locked.voucher_code.voucher
        if voucher.apply_once_per_customer and checkout.email:
            VoucherCustomer.objects.get_or_create(voucher_code=locked.voucher_code,
                                                  customer_email=checkout.email.lower())
    now = timezone.now()
    usages = []
    for card in locked.gift_cards:
        part = totals.gift_card_parts.get(card.pk)
        if not part:
            continue
        card.current_balance_amount -= part
        card.last_used_on = now
        if user is not None and card.used_by_id is None:
            card.used_by, card.used_by_email = user, user.email
        elif not card.used_by_email:
            card.used_by_email = checkout.email
        card.save(update_fields=["current_balance_amount", "last_used_on", "used_by",
                                 "used_by_email"])
        usages.append(GiftCardUsage(gift_card=card, order=order, amount=part, currency=currency))
        GiftCardEvent.objects.create(gift_card=card, type=GiftCardEventType.USED_IN_ORDER,
                                     order=order, user=user,
                                     parameters={"amount": str(part), "currency": currency})
    GiftCardUsage.objects.bulk_create(usages)
    discounts = _discounts_freeze(order, lines, found.pricing if found else None,
                                  locked.voucher_code)
    return discounts, to_minor_units(totals.gift_cards, currency)


def _discounts_freeze(order: Order, lines: Sequence[Any], pricing: calc.Pricing | None,
                      code: VoucherCode | None) -> list[splits.Discount]:
    if pricing is None or not pricing.discounts:
        return []
    currency = order.currency
    order_lines = _order_lines_by_checkout_line(order, lines)
    headers: dict[tuple[str, str], OrderDiscount] = {}
    line_rows, fair_pay = [], []
    for part in pricing.discounts:
        key = (part.kind, part.source_id)
        header = headers.get(key)
        if header is None:
            is_voucher = part.kind == "voucher"
            header = headers[key] = OrderDiscount(
                order=order, currency=currency,
                type=OrderDiscountType.VOUCHER if is_voucher else OrderDiscountType.PROMOTION,
                value_type=part.value_type, value=part.value, amount=Decimal(0),
                name=part.name, translated_name=part.translated_name,
                promotion_id=None if is_voucher else part.source_id,
                voucher_id=int(part.source_id) if is_voucher else None,
                voucher_code=code.code if is_voucher and code else "",
                funded_by=part.funding.funded_by,
                platform_share_percent=part.funding.platform_percent)
        header.amount += part.amount
        order_line = order_lines[part.line_key]
        line_rows.append(OrderLineDiscount(
            discount=header, line=order_line, amount=part.amount,
            platform_amount=part.platform_amount, cooperative_amount=part.cooperative_amount))
        fair_pay += split_discounts_of(part, order_line_id=order_line.pk, currency=currency)
    OrderDiscount.objects.bulk_create(headers.values())
    OrderLineDiscount.objects.bulk_create(line_rows)
    return fair_pay


def split_discounts_of(part: calc.LineDiscount, *, order_line_id: Any,
                       currency: str) -> list[splits.Discount]:
    """The fair-pay discounts of one line's reduction: the platform's part and the
    cooperative's part, each carried by its funder alone."""
    from backend.fairpay.services.snapshots import line_source

    source = line_source(order_line_id)
    key = f"{part.kind}:{part.source_id}:{order_line_id}"
    result = []
    platform = to_minor_units(part.platform_amount, currency)
    cooperative = to_minor_units(part.cooperative_amount, currency)
    if platform:
        result.append(splits.Discount(key=f"{key}:platform", amount=platform,
                                      funder=splits.PLATFORM, sources=(source,)))
    if cooperative:
        result.append(splits.Discount(
            key=f"{key}:cooperative", amount=cooperative,
            funder=splits.Payee(splits.PayeeKind.COOPERATIVE, part.cooperative_id),
            sources=(source,), accepted_by=part.funding.accepted))
    return result


def order_promo_codes_release(*, order: Order) -> None:
    """Give back the voucher use and the gift-card balances of a cancelled, unpaid order.

    Idempotent (``released_at``); locks the voucher code and the cards in pk order. Runs
    inside the cancellation's transaction.
    """
    now = timezone.now()
    vouchers = list(OrderDiscount.objects.filter(order=order, type=OrderDiscountType.VOUCHER,
                                                 released_at__isnull=True)
                    .exclude(voucher_code=""))
    for discount in vouchers:
        code = VoucherCode.objects.select_for_update().filter(code=discount.voucher_code).first()
        if code is not None:
            VoucherCode.objects.filter(pk=code.pk, used__gt=0).update(used=F("used") - 1)
            if order.user_email:
                VoucherCustomer.objects.filter(voucher_code=code,
                                               customer_email__iexact=order.user_email).delete()
    OrderDiscount.objects.filter(pk__in=[d.pk for d in vouchers]).update(released_at=now)
    usages = list(GiftCardUsage.objects.filter(order=order, released_at__isnull=True))
    if not usages:
        return
    cards = {card.pk: card for card in gift_cards_for_update(u.gift_card_id for u in usages)}
    for usage in usages:
        card = cards[usage.gift_card_id]
        if usage.held <= 0:  # wholly refunded to the card already
            continue
        card.current_balance_amount += usage.held
        card.save(update_fields=["current_balance_amount"])
        GiftCardEvent.objects.create(gift_card=card, type=GiftCardEventType.BALANCE_RESET,
                                     order=order,
                                     parameters={"amount": str(usage.held),
                                                 "currency": usage.currency})
    GiftCardUsage.objects.filter(pk__in=[u.pk for u in usages]).update(released_at=now)
