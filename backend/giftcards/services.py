"""Issuing gift cards (network admins, demo data) and refunding orders to them."""
from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _

from backend.core.errors import DomainError
from backend.core.money import from_minor_units, quantize, to_minor_units
from backend.orders.models import Order

from .models import GiftCard, GiftCardEvent, GiftCardEventType, GiftCardUsage

if TYPE_CHECKING:
    from backend.fairpay.models import Journal


class GiftCardRefundError(StrEnum):
    INVALID = "INVALID"


def gift_cards_for_update(card_ids) -> list[GiftCard]:
    """Lock gift cards in pk order (the same order as ``backend.discounts.locks``)."""
    return list(GiftCard.objects.select_for_update().filter(pk__in=list(card_ids))
                .order_by("pk"))


def gift_card_code_generate() -> str:
    """``ABCD-EFGH-IJKL`` (Saleor's format), unique among gift cards and voucher codes."""
    from backend.discounts.models import VoucherCode

    while True:
        raw = secrets.token_hex(6).upper()
        code = "-".join(raw[i:i + 4] for i in range(0, 12, 4))
        if not (GiftCard.objects.filter(code=code).exists()
                or VoucherCode.objects.filter(code=code).exists()):
            return code


@transaction.atomic
def gift_card_issue(*, balance: Decimal, currency: str = "MAD", code: str | None = None,
                    expiry_date: date | None = None, issued_by=None,
                    paid_with: str = "platform") -> GiftCard:
    """Issue a card; its balance becomes a liability in the fair-pay ledger.

    ``paid_with``: ``card`` or ``bank_transfer`` when it was sold, ``platform`` when the
    platform gives it (the platform funds it).
    """
    from backend.fairpay.services.ledger import gift_card_issue_record

    amount = quantize(balance, currency)
    if amount <= 0:
        raise ValueError("a gift card needs a positive balance")
    card = GiftCard.objects.create(
        code=code or gift_card_code_generate(), currency=currency,
        initial_balance_amount=amount, current_balance_amount=amount, expiry_date=expiry_date,
        created_by=issued_by, created_by_email=getattr(issued_by, "email", "") or "")
    GiftCardEvent.objects.create(gift_card=card, type=GiftCardEventType.ISSUED, user=issued_by,
                                 parameters={"amount": str(amount), "currency": currency,
                                             "paid_with": paid_with})
    gift_card_issue_record(gift_card=card, paid_with=paid_with)
    return card


def order_gift_cards_refund(*, order: Order, reference: str, amount: Decimal | None = None,
                            lines: Mapping | None = None, user=None,
                            shipping: Decimal | None = None) -> Journal:
    """Give back to the order's gift cards part of what they paid: a refund of the gift-card
    part of an order goes back to the cards' balances, never to the customer's bank card.

    ``amount`` (spread over the whole order in the ledger) or ``lines`` (order line → amount)
    and/or ``shipping`` (spread over the deliveries by price, as the card refunds' shipping).
    The amount goes back to the cards in proportion to what each still pays on the order
    (largest remainder, exact), and the fair-pay ledger reverses the same amount from the
    payees to the gift-card liability. Idempotent by ``reference``. Locks the order, then the
    cards in pk order.
    """
    from backend.fairpay.apportion import apportion
    from backend.fairpay.models import Journal, JournalKind
    from backend.fairpay.services.ledger import ledger_record_gift_card_refund
    from backend.payments.services.transaction_events import order_payments_recompute

    ledger_reference = f"gift-card-refund:{reference}"
    with transaction.atomic():
        Order.objects.select_for_update(of=("self",)).get(pk=order.pk)
        done = Journal.objects.filter(kind=JournalKind.REFUND, reference=ledger_reference,
                                      order=order).first()
        if done is not None:
            return done
        currency = order.currency
        usages = list(GiftCardUsage.objects.filter(order=order, released_at__isnull=True)
                      .order_by("pk"))
        by_parts = amount is None
        deliveries = _shipping_parts(order, shipping) if by_parts and shipping else {}
        total = quantize(Decimal(amount) if amount is not None else
                         sum((Decimal(v) for v in (lines or {}).values()), Decimal(0))
                         + sum(deliveries.values(), Decimal(0)), currency)
        held = {usage.pk: to_minor_units(usage.held, currency) for usage in usages}
        if total <= 0 or to_minor_units(total, currency) > sum(held.values()):
            raise DomainError.single(GiftCardRefundError.INVALID,
                                     _("Give a positive amount, at most what the gift cards "
                                       "paid on this order."), "amount")
        parts = apportion(to_minor_units(total, currency),
                          [(str(pk), weight) for pk, weight in held.items()],
                          seed=f"order:{order.pk}|gift-card-refund|{reference}")
        cards = {card.pk: card for card in gift_cards_for_update(u.gift_card_id for u in usages)}
        for usage in usages:
            part = from_minor_units(parts[str(usage.pk)], currency)
            if not part:
                continue
            card = cards[usage.gift_card_id]
            card.current_balance_amount += part
            card.save(update_fields=["current_balance_amount"])
            usage.refunded_amount += part
            usage.save(update_fields=["refunded_amount"])
            GiftCardEvent.objects.create(
                gift_card=card, type=GiftCardEventType.BALANCE_RESET, order=order, user=user,
                parameters={"amount": str(part), "currency": currency, "refund": reference})
        journal = ledger_record_gift_card_refund(
            order=order, reference=ledger_reference,
            amount=total if not by_parts else None, lines=lines if by_parts else None,
            deliveries=deliveries or None)
        order_payments_recompute(order.pk)
        return journal


def _shipping_parts(order: Order, shipping: Decimal) -> dict:
    """The shipping refunded spread over the deliveries by price (largest remainder)."""
    from backend.fairpay.apportion import apportion

    currency = order.currency
    deliveries = list(order.deliveries.order_by("pk"))
    parts = apportion(to_minor_units(quantize(Decimal(shipping), currency), currency),
                      [(str(d.pk), to_minor_units(d.price_amount, currency)) for d in deliveries],
                      seed=f"order:{order.pk}|shipping-refund")
    return {d.pk: from_minor_units(parts[str(d.pk)], currency) for d in deliveries
            if parts[str(d.pk)]}
