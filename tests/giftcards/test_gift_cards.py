"""Gift cards: added with a promo code, paying part or all of an order, given back on cancel."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from backend.core.errors import DomainError
from backend.discounts.services.promo_codes import (
    checkout_promo_code_add,
    checkout_promo_code_remove,
)
from backend.fairpay.models import OrderSplit
from backend.giftcards.models import GiftCard, GiftCardEvent, GiftCardUsage
from backend.orders.error_codes import CheckoutErrorCode
from backend.orders.models import Order
from backend.orders.selectors import checkout_lines_info, checkout_totals
from backend.orders.services.checkout_complete import GIFT_CARD_GATEWAY, checkout_complete
from backend.orders.services.order_cancel import order_cancel
from backend.payments.gateways import DUMMY
from tests.factories.catalog import make_listed_product
from tests.factories.discounts import make_gift_card
from tests.orders.conftest import ready_checkout

pytestmark = pytest.mark.django_db


def _totals(checkout):
    return checkout_totals(checkout, checkout_lines_info(checkout))


def test_a_gift_card_pays_part_of_a_cash_order(channel):
    argan = make_listed_product(channel=channel, price="150.00")
    card = make_gift_card(code="CADEAU-AB12", balance="100.00")
    checkout = ready_checkout(channel, [(argan.default_variant, 1)])

    checkout_promo_code_add(checkout=checkout, promo_code="CADEAU-AB12")
    totals = _totals(checkout)
    order = checkout_complete(checkout_token=checkout.token).order

    assert (totals.gift_cards, totals.total, totals.order_total) == (
        Decimal("100.00"), Decimal("75.00"), Decimal("175.00"))
    assert order.total_amount == Decimal("175.00")
    assert order.total_charged_amount == Decimal("100.00")
    assert order.charge_status == "partial"
    card.refresh_from_db()
    assert card.current_balance_amount == Decimal(0)
    assert card.last_used_on is not None
    assert GiftCardUsage.objects.get(order=order).amount == Decimal("100.00")
    assert GiftCardEvent.objects.filter(gift_card=card, type="used_in_order").count() == 1
    # a gift card is a payment, not a discount: the split is of the whole 175.00
    header = OrderSplit.objects.get(order=order)
    assert header.paid_minor == 17500
    assert header.discounts == []
    assert header.prepaid_minor == 10000


def test_an_order_paid_wholly_by_gift_card_is_paid_at_once(channel):
    argan = make_listed_product(channel=channel, price="50.00")
    card = make_gift_card(code="CADEAU-FULL", balance="300.00")
    checkout = ready_checkout(channel, [(argan.default_variant, 1)])
    checkout.payment_gateway = ""
    checkout.save(update_fields=["payment_gateway"])
    checkout_promo_code_add(checkout=checkout, promo_code="CADEAU-FULL")

    order = checkout_complete(checkout_token=checkout.token).order

    assert order.charge_status == "full"
    assert order.payment_gateway == GIFT_CARD_GATEWAY
    assert order.total_charged_amount == order.total_amount == Decimal("75.00")
    card.refresh_from_db()
    assert card.current_balance_amount == Decimal("225.00")
    assert OrderSplit.objects.get(order=order).fee_minor == 0


def test_a_card_payment_is_asked_only_for_what_the_gift_card_leaves(channel):
    argan = make_listed_product(channel=channel, price="150.00")
    make_gift_card(code="CADEAU-PART", balance="40.00")
    checkout = ready_checkout(channel, [(argan.default_variant, 1)])
    checkout.payment_gateway = DUMMY
    checkout.save(update_fields=["payment_gateway"])
    checkout_promo_code_add(checkout=checkout, promo_code="CADEAU-PART")

    with pytest.raises(DomainError) as unpaid:
        checkout_complete(checkout_token=checkout.token)

    assert [e.code for e in unpaid.value.errors] == [CheckoutErrorCode.CHECKOUT_NOT_FULLY_PAID]
    assert _totals(checkout).total == Decimal("135.00")
    assert GiftCard.objects.get(code="CADEAU-PART").current_balance_amount == Decimal("40.00")


@pytest.mark.parametrize("kind", ["expired", "inactive", "dollars"])
def test_an_unusable_gift_card_is_an_invalid_promo_code(channel, product, kind):
    options = {"expired": {"expiry": timezone.localdate() - timedelta(days=1)},
               "inactive": {"active": False}, "dollars": {"currency": "USD"}}[kind]
    make_gift_card(code="CADEAU-NON", **options)
    checkout = ready_checkout(channel, [(product.default_variant, 1)])

    with pytest.raises(DomainError) as refused:
        checkout_promo_code_add(checkout=checkout, promo_code="CADEAU-NON")

    assert [(e.code, e.field) for e in refused.value.errors] == [
        (CheckoutErrorCode.INVALID, "promoCode")]
    assert not GiftCard.objects.get(code="CADEAU-NON").checkouts.exists()


def test_an_empty_gift_card_is_not_applicable(channel, product):
    card = make_gift_card(code="CADEAU-VIDE", balance="10.00")
    GiftCard.objects.filter(pk=card.pk).update(current_balance_amount=0)
    checkout = ready_checkout(channel, [(product.default_variant, 1)])

    with pytest.raises(DomainError) as refused:
        checkout_promo_code_add(checkout=checkout, promo_code="CADEAU-VIDE")

    assert [e.code for e in refused.value.errors] == [CheckoutErrorCode.GIFT_CARD_NOT_APPLICABLE]
    assert not card.checkouts.exists()


def test_a_gift_card_deactivated_before_completion_refuses_the_order(channel, product):
    card = make_gift_card(code="CADEAU-STOP")
    checkout = ready_checkout(channel, [(product.default_variant, 1)])
    checkout_promo_code_add(checkout=checkout, promo_code="CADEAU-STOP")
    GiftCard.objects.filter(pk=card.pk).update(is_active=False)

    with pytest.raises(DomainError) as refused:
        checkout_complete(checkout_token=checkout.token)

    assert [e.code for e in refused.value.errors] == [CheckoutErrorCode.GIFT_CARD_NOT_APPLICABLE]
    assert Order.objects.count() == 0
    assert GiftCard.objects.get(pk=card.pk).current_balance_amount == Decimal("100.00")


def test_removing_a_gift_card_and_a_card_not_attached(channel, product):
    make_gift_card(code="CADEAU-AAAA")
    make_gift_card(code="CADEAU-BBBB")
    checkout = ready_checkout(channel, [(product.default_variant, 1)])
    checkout_promo_code_add(checkout=checkout, promo_code="CADEAU-AAAA")

    with pytest.raises(DomainError) as refused:
        checkout_promo_code_remove(checkout=checkout, promo_code="CADEAU-BBBB")
    assert [e.code for e in refused.value.errors] == [CheckoutErrorCode.INVALID]
    assert _totals(checkout).gift_cards == Decimal("85.00")

    checkout_promo_code_remove(checkout=checkout, promo_code="CADEAU-AAAA")
    assert _totals(checkout).gift_cards == 0


def test_cancelling_gives_the_gift_card_balance_back_once(channel, product):
    card = make_gift_card(code="CADEAU-BACK", balance="50.00")
    checkout = ready_checkout(channel, [(product.default_variant, 1)])
    checkout_promo_code_add(checkout=checkout, promo_code="CADEAU-BACK")
    order = checkout_complete(checkout_token=checkout.token).order
    card.refresh_from_db()
    assert card.current_balance_amount == 0

    order_cancel(order=order, by_staff=True)
    from backend.discounts.services.orders import order_promo_codes_release
    order_promo_codes_release(order=order)  # a second release gives nothing more

    card.refresh_from_db()
    assert card.current_balance_amount == Decimal("50.00")
    assert GiftCardUsage.objects.get(order=order).released_at is not None
    assert GiftCardEvent.objects.filter(gift_card=card, type="balance_reset").count() == 1


def test_the_partner_collects_only_what_the_discounts_and_gift_card_leave(channel):
    from fulfillment.models import Shipment
    from tests.factories.catalog import CooperativeFactory
    from tests.factories.discounts import make_voucher

    one = make_listed_product(channel=channel, price="100.00")
    two = make_listed_product(channel=channel, price="60.00",
                              cooperative=CooperativeFactory(city_slug="azilal"))
    make_voucher(channel, code="DIX", value="10")
    make_gift_card(code="CADEAU-COLL", balance="33.33")
    checkout = ready_checkout(channel, [(one.default_variant, 1), (two.default_variant, 1)])
    checkout_promo_code_add(checkout=checkout, promo_code="DIX")
    checkout_promo_code_add(checkout=checkout, promo_code="CADEAU-COLL")

    order = checkout_complete(checkout_token=checkout.token).order

    # 160.00 - 16.00 voucher + 2 × 25.00 delivery = 194.00, of which 33.33 by gift card
    assert order.total_amount == Decimal("194.00")
    cash = list(Shipment.objects.filter(order=order).values_list("cash_to_collect_amount",
                                                                 flat=True))
    assert sum(cash) == Decimal("160.67")
    assert all(amount > 0 for amount in cash)
