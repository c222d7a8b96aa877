"""The storefront's code form, struck-through prices and the receipt's discount lines."""
from __future__ import annotations

import re

import pytest

from backend.discounts.models import CheckoutVoucher
from backend.giftcards.models import GiftCard
from backend.orders.models import Checkout, Order
from tests.factories.discounts import make_gift_card, make_promotion, make_voucher
from tests.storefront.checkout_data import (
    add_to_cart,
    choose_first_deliveries,
    fill_address,
    variant_of,
)

pytestmark = pytest.mark.django_db


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_a_voucher_applied_in_the_cart_shows_its_discount(client, store):
    make_voucher(store.channel, code="BIENVENUE10", value="10", name="Bienvenue")
    add_to_cart(client, variant_of(store.saffron), 2)  # 2 × 60.00

    response = client.post("/cart/promo-code/", {"code": "BIENVENUE10"})
    page = client.get("/cart/")

    assert response.status_code == 302
    assert CheckoutVoucher.objects.get().voucher_code.code == "BIENVENUE10"
    text = _text(page.content.decode())
    assert "Bienvenue" in text
    assert "−12,00" in text  # 10 % of 120.00
    assert "<del>" in page.content.decode()


def test_a_refused_code_is_shown_next_to_the_field_in_french_and_nothing_changes(client, store):
    add_to_cart(client, variant_of(store.saffron), 1)

    response = client.post("/cart/promo-code/", {"code": "FAUX"})

    assert response.status_code == 400
    assert 'id="promo-error"' in response.content.decode()
    assert "Le code promo n&#x27;est pas valable" in response.content.decode()
    assert not CheckoutVoucher.objects.exists()


def test_the_arabic_cart_offers_the_code_form(client, store):
    add_to_cart(client, variant_of(store.saffron), 1)

    page = client.get("/ar/cart/").content.decode()

    assert 'name="code"' in page
    assert "قسيمة تخفيض أو بطاقة هدية" in page
    assert "تطبيق" in page


def test_a_gift_card_pays_part_of_the_order_and_the_receipt_says_so(client, store):
    make_gift_card(code="CADEAU-WEB1", balance="50.00")
    add_to_cart(client, variant_of(store.saffron), 2)
    client.post("/cart/promo-code/", {"code": "CADEAU-WEB1"})
    fill_address(client)
    choose_first_deliveries(client)

    client.post("/checkout/review/", {})
    order = Order.objects.get()
    receipt = client.get(f"/checkout/confirmation/{order.tracking_token}/")

    assert GiftCard.objects.get().current_balance_amount == 0
    assert order.total_charged_amount == 50
    assert "WEB1" in receipt.content.decode()
    assert not Checkout.objects.exists()


def test_cancelled_codes_are_removed_from_the_cart(client, store):
    make_voucher(store.channel, code="BIENVENUE10")
    add_to_cart(client, variant_of(store.saffron), 1)
    client.post("/cart/promo-code/", {"code": "BIENVENUE10"})

    client.post("/cart/promo-code/remove/", {"code": "BIENVENUE10"})

    assert not CheckoutVoucher.objects.exists()


def test_product_cards_and_the_product_page_strike_the_old_price(client, store):
    make_promotion(store.channel, products=[store.saffron], value="50")

    listing = client.get("/search/?q=safran").content.decode()
    page = client.get(f"/products/{store.saffron.slug}/").content.decode()

    for html in (listing, page):
        assert re.search(r"<del>60,00\s*MAD</del>\s*<ins>30,00\s*MAD</ins>", html), html[:200]
