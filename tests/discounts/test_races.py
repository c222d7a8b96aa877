"""Real concurrency: buyers racing for the last use of a voucher or a gift card's balance."""
from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from django.db import connection

from backend.core.errors import DomainError
from backend.discounts.models import VoucherCode
from backend.discounts.services.promo_codes import checkout_promo_code_add
from backend.giftcards.models import GiftCard, GiftCardUsage
from backend.orders.error_codes import CheckoutErrorCode
from backend.orders.models import Order
from backend.orders.services.checkout_complete import checkout_complete
from tests.factories.catalog import ChannelFactory, make_listed_product
from tests.factories.discounts import make_gift_card, make_voucher
from tests.orders.conftest import ready_checkout

pytestmark = pytest.mark.django_db(transaction=True)


def _race(tokens):
    barrier = threading.Barrier(len(tokens))
    outcomes: list = [None] * len(tokens)

    def run(index, token):
        barrier.wait()
        try:
            outcomes[index] = checkout_complete(checkout_token=token)
        except DomainError as exc:
            outcomes[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, t)) for i, t in enumerate(tokens)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return outcomes


def test_two_buyers_racing_for_the_last_use_of_a_voucher_one_wins():
    channel = ChannelFactory()
    product = make_listed_product(channel=channel, price="100.00", quantity=10)
    make_voucher(channel, code="DERNIER", usage_limit=1)
    tokens = []
    for email in ("a@example.ma", "b@example.ma"):
        checkout = ready_checkout(channel, [(product.default_variant, 1)], email=email)
        checkout_promo_code_add(checkout=checkout, promo_code="DERNIER")
        tokens.append(checkout.token)

    outcomes = _race(tokens)

    refused = [o for o in outcomes if isinstance(o, DomainError)]
    assert len(refused) == 1
    assert refused[0].errors[0].code == CheckoutErrorCode.VOUCHER_NOT_APPLICABLE
    assert Order.objects.count() == 1
    assert VoucherCode.objects.get(code="DERNIER").used == 1


def test_two_orders_racing_for_one_gift_card_never_spend_more_than_its_balance():
    channel = ChannelFactory()
    product = make_listed_product(channel=channel, price="100.00", quantity=10)
    card = make_gift_card(code="CADEAU-RACE", balance="150.00")
    tokens = []
    for email in ("a@example.ma", "b@example.ma"):
        checkout = ready_checkout(channel, [(product.default_variant, 1)], email=email)
        checkout_promo_code_add(checkout=checkout, promo_code="CADEAU-RACE")
        tokens.append(checkout.token)

    outcomes = _race(tokens)

    assert not any(isinstance(o, DomainError) for o in outcomes)
    paid = sorted(GiftCardUsage.objects.values_list("amount", flat=True))
    assert paid == [Decimal("25.00"), Decimal("125.00")]  # each order costs 125.00
    card.refresh_from_db()
    assert card.current_balance_amount == Decimal(0)
    assert sum(o.total_charged_amount for o in Order.objects.all()) == Decimal("150.00")
    assert GiftCard.objects.get(pk=card.pk).current_balance_amount >= 0
