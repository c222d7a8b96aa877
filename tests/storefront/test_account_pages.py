"""Every cart, checkout and account page renders in French, Arabic and English, with its
direction, and no English text of the storefront's templates is left on a French or Arabic page."""
from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.test import Client
from django.utils.html import escape

from backend.orders.models import Order
from tests.storefront.checkout_data import (
    add_to_cart,
    buy,
    choose_first_deliveries,
    fill_address,
    variant_of,
)

LANGUAGES = [("", "fr", "ltr"), ("/ar", "ar", "rtl"), ("/en", "en", "ltr")]
GUEST_PAGES = ["/account/login/", "/account/register/", "/account/password-reset/",
               "/account/password-reset/sent/", "/account/password-reset/new/?email=a&token=b"]
CUSTOMER_PAGES = ["/account/", "/account/orders/", "/account/addresses/",
                  "/account/addresses/new/", "/account/orders/{number}/"]
CHECKOUT_PAGES = ["/cart/", "/checkout/", "/checkout/delivery/", "/checkout/review/"]


def _english_template_texts() -> set[str]:
    """Storefront template strings whose French translation differs from the English."""
    with open(Path(settings.BASE_DIR) / "locale/fr/LC_MESSAGES/django.po", "rb") as po:
        catalog = read_po(po)
    return {m.id for m in catalog
            if isinstance(m.id, str) and m.string and m.string != m.id and "%(" not in m.id
            and len(m.id) > 12
            and any(path.startswith("storefront/templates") for path, _ in m.locations)}


ENGLISH = _english_template_texts()


def _check(response, lang: str, direction: str) -> None:
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}" dir="{direction}">' in html
    assert '<meta name="robots" content="noindex, follow">' in html
    if lang != "en":
        leaked = [text for text in ENGLISH if f">{escape(text)}<" in html]
        assert leaked == []


@pytest.fixture
def customer_with_order(store, customer):
    browser = Client()
    browser.force_login(customer)
    buy(browser, store, email=customer.email)
    return Order.objects.get()


@pytest.mark.parametrize(("prefix", "lang", "direction"), LANGUAGES)
def test_the_account_pages_render_in_each_language(client, customer_with_order, customer,
                                                    prefix, lang, direction):
    for path in GUEST_PAGES:
        _check(client.get(prefix + path), lang, direction)
    client.force_login(customer)
    for path in CUSTOMER_PAGES:
        _check(client.get(prefix + path.format(number=customer_with_order.number)), lang,
               direction)


@pytest.mark.parametrize(("prefix", "lang", "direction"), LANGUAGES)
def test_the_cart_and_checkout_pages_render_in_each_language(client, store, prefix, lang,
                                                             direction):
    add_to_cart(client, variant_of(store.saffron), 2)
    add_to_cart(client, variant_of(store.dates), 1)
    fill_address(client)
    choose_first_deliveries(client)

    for path in CHECKOUT_PAGES:
        _check(client.get(prefix + path), lang, direction)
    placed = client.post(f"{prefix}/checkout/review/")
    _check(client.get(placed["Location"]), lang, direction)
