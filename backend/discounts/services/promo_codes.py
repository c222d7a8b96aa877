"""Promo codes on a checkout: a voucher code or a gift card code, added and removed.

The same services serve ``checkoutAddPromoCode`` / ``checkoutRemovePromoCode`` and the cart
page's code form. Errors follow Saleor: an unknown, expired, used-up or foreign-currency code
is ``INVALID`` ("Promo code is invalid"); a real voucher whose conditions the checkout does
not meet (minimum spend, no covered line, already used by this customer) is
``VOUCHER_NOT_APPLICABLE``.
"""
from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from backend.core.errors import DomainError
from backend.giftcards.models import GiftCard
from backend.giftcards.selectors import gift_card_find
from backend.orders.error_codes import CheckoutErrorCode
from backend.orders.models import Checkout

from .. import calculations as calc
from ..models import CheckoutVoucher, VoucherCode, VoucherCustomer
from ..selectors import (
    catalogue_rules,
    priced_lines,
    voucher_code_find,
    voucher_terms,
)

FIELD = "promoCode"


def _invalid() -> DomainError:
    return DomainError.single(CheckoutErrorCode.INVALID, _("Promo code is invalid"), FIELD)


def _not_applicable() -> DomainError:
    return DomainError.single(CheckoutErrorCode.VOUCHER_NOT_APPLICABLE,
                              _("Voucher is not applicable to this checkout."), FIELD)


def promo_code_clean(promo_code: object) -> str:
    """The code as typed, or INVALID for text no code can be (empty, NUL, too long)."""
    if not isinstance(promo_code, str):
        raise _invalid()
    code = promo_code.strip()
    if not code or "\x00" in code or len(code) > 255:
        raise _invalid()
    return code


def voucher_used_by_customer(*, voucher_id: int, email: str) -> bool:
    return bool(email) and VoucherCustomer.objects.filter(
        voucher_code__voucher_id=voucher_id, customer_email__iexact=email).exists()


def voucher_check_for_checkout(*, checkout: Checkout, code: VoucherCode, lines) -> None:
    """VOUCHER_NOT_APPLICABLE unless the voucher reduces this checkout."""
    terms = voucher_terms(code, channel_id=checkout.channel_id, language=checkout.language_code)
    if terms is None:
        raise _invalid()
    voucher = code.voucher
    if voucher.apply_once_per_customer and voucher_used_by_customer(
            voucher_id=voucher.pk, email=checkout.email):
        raise _not_applicable()
    if voucher.only_for_staff and not (checkout.user and checkout.user.is_staff):
        raise _not_applicable()
    pricing = calc.price_lines(priced_lines(lines), currency=checkout.currency,
                               rules=catalogue_rules(channel_id=checkout.channel_id),
                               voucher=terms, seed=f"checkout:{checkout.pk}")
    if pricing.voucher_refusal is not None or pricing.voucher_total <= 0:
        raise _not_applicable()


def checkout_promo_code_add(*, checkout: Checkout, promo_code: str) -> Checkout:
    """Attach a voucher code (replacing the previous one) or a gift card to the checkout."""
    from backend.orders.selectors import checkout_lines_info

    code_text = promo_code_clean(promo_code)
    with transaction.atomic():
        code = voucher_code_find(code=code_text, channel_id=checkout.channel_id)
        if code is not None:
            voucher_check_for_checkout(checkout=checkout, code=code,
                                       lines=checkout_lines_info(checkout))
            CheckoutVoucher.objects.update_or_create(checkout=checkout,
                                                     defaults={"voucher_code": code})
        elif VoucherCode.objects.filter(code=code_text).exists():
            raise _invalid()  # a voucher that is not running, listed here or left to use
        else:
            card = gift_card_find(code=code_text, currency=checkout.currency)
            if card is None:
                raise _invalid()
            if card.current_balance_amount <= 0:
                raise DomainError.single(CheckoutErrorCode.GIFT_CARD_NOT_APPLICABLE,
                                         _("This gift card has no balance left."), FIELD)
            card.checkouts.add(checkout)
        checkout.save(update_fields=["updated_at"])
    return checkout


def checkout_promo_code_remove(*, checkout: Checkout, promo_code: str | None = None,
                               voucher_id: int | None = None,
                               gift_card_id: int | None = None) -> Checkout:
    """Detach a code, named by its text or by the voucher's / gift card's id."""
    with transaction.atomic():
        link = (CheckoutVoucher.objects.select_related("voucher_code")
                .filter(checkout=checkout).first())
        if promo_code is not None:
            code = promo_code.strip() if isinstance(promo_code, str) else ""
            if "\x00" in code or len(code) > 255:
                code = ""
            if VoucherCode.objects.filter(code=code).exists() or (
                    link is not None and link.voucher_code.code == code):
                if link is None or link.voucher_code.code != code:
                    raise DomainError.single(
                        CheckoutErrorCode.INVALID,
                        _("Cannot remove a voucher not attached to this checkout."), FIELD)
                link.delete()
            elif code and GiftCard.objects.filter(code=code).exists():
                card = GiftCard.objects.filter(code=code, checkouts=checkout).first()
                if card is None:
                    raise DomainError.single(
                        CheckoutErrorCode.INVALID,
                        _("Cannot remove a gift card not attached to this checkout."), FIELD)
                card.checkouts.remove(checkout)
            else:
                raise DomainError.single(CheckoutErrorCode.NOT_FOUND,
                                         _("Promo code does not exists."), FIELD)
        elif voucher_id is not None:
            if link is None or link.voucher_code.voucher_id != voucher_id:
                raise DomainError.single(CheckoutErrorCode.NOT_FOUND,
                                         _("Couldn't remove a promo code from a checkout."),
                                         "promoCodeId")
            link.delete()
        elif gift_card_id is not None:
            card = GiftCard.objects.filter(pk=gift_card_id, checkouts=checkout).first()
            if card is not None:
                card.checkouts.remove(checkout)
        checkout.save(update_fields=["updated_at"])
    return checkout
