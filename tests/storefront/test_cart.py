"""The cart: adding from the product page, the page grouped by cooperative, quantities, removal.

Refusals come back as form errors in the shopper's language, and change nothing.
"""
from __future__ import annotations

import re

import pytest
from django.test import Client

from backend.orders.models import Checkout, CheckoutLine
from backend.orders.services.checkout_lines import LineInput, checkout_create
from storefront.session import CHECKOUT_KEY
from tests.factories.catalog import UserFactory
from tests.storefront.checkout_data import add_to_cart, variant_of


def _lines(checkout: Checkout) -> dict[str, int]:
    return {line.variant.product.slug: line.quantity
            for line in checkout.lines.select_related("variant__product")}


def _the_checkout() -> Checkout:
    return Checkout.objects.get()


def _field_errors(html: str, field_id: str) -> list[str]:
    match = re.search(rf'<ul class="errors" id="{field_id}_error">(.*?)</ul>', html, re.S)
    return re.findall(r"<li>(.*?)</li>", match.group(1)) if match else []


def test_adding_to_the_cart_creates_a_cart_remembered_in_the_session(client, store):
    response = add_to_cart(client, variant_of(store.saffron), 2)

    assert response.status_code == 302
    assert response["Location"] == "/cart/"
    checkout = _the_checkout()
    assert client.session[CHECKOUT_KEY] == str(checkout.token)
    assert _lines(checkout) == {"safran-de-taliouine": 2}
    assert checkout.user is None and checkout.language_code == "fr"
    html = client.get("/cart/").content.decode()
    assert '<li class="message message-success">Ajouté à votre panier.</li>' in html
    assert '<span class="count-badge">2<span class="vh"> articles</span></span>' in html


def test_adding_the_same_variant_again_adds_to_its_line(client, store):
    add_to_cart(client, variant_of(store.saffron), 2)
    add_to_cart(client, variant_of(store.saffron), 1)
    add_to_cart(client, variant_of(store.dates), 1)

    assert _lines(_the_checkout()) == {"safran-de-taliouine": 3, "dattes-mejhoul": 1}


def test_a_signed_in_customers_cart_is_theirs_and_in_their_language(client, store, customer):
    client.force_login(customer)

    add_to_cart(client, variant_of(store.saffron), 1, prefix="/ar")

    checkout = _the_checkout()
    assert checkout.user == customer
    assert checkout.email == customer.email
    assert checkout.language_code == "ar"


@pytest.mark.parametrize(("prefix", "quantity", "messages"), [
    ("", 0, ["La quantité doit être supérieure à zéro."]),
    ("/ar", 0, ["يجب أن تكون الكمية أكبر من صفر."]),
    ("", 11, ["Stock insuffisant pour Safran de Taliouine 1 g."]),
    ("/ar", 11, ["المخزون غير كافٍ لـ Safran de Taliouine 1 g."]),
    ("/en", 11, ["Insufficient stock for Safran de Taliouine 1 g."]),
    ("", 51, ["Vous ne pouvez pas ajouter plus de 50 fois ce produit.",
              "Stock insuffisant pour Safran de Taliouine 1 g."]),
    ("/ar", 51, ["لا يمكن إضافة هذا المنتج أكثر من 50 مرة.",
                 "المخزون غير كافٍ لـ Safran de Taliouine 1 g."]),
])
def test_a_refused_quantity_is_shown_next_to_the_field_and_nothing_changes(
        client, store, prefix, quantity, messages):
    add_to_cart(client, variant_of(store.dates), 1)
    before = _lines(_the_checkout())

    response = add_to_cart(client, variant_of(store.saffron), quantity, prefix)

    assert response.status_code == 200
    html = response.content.decode()
    assert _field_errors(html, "id_quantity") == messages
    assert f'value="{quantity}"' in html  # what the shopper typed stays
    assert 'aria-invalid="true"' in html
    assert response.context["product"].slug == "safran-de-taliouine"
    assert _lines(_the_checkout()) == before


def test_a_refused_first_product_creates_no_cart(client, store):
    response = add_to_cart(client, variant_of(store.saffron), 0)

    assert response.status_code == 200
    assert not Checkout.objects.exists()
    assert CHECKOUT_KEY not in client.session


def test_a_product_no_longer_on_sale_is_refused(client, store):
    response = client.post("/products/safran-de-taliouine/add-to-cart/",
                           {"variant": variant_of(store.unpublished).pk, "quantity": 1})

    assert response.status_code == 200
    assert "<li>Ce produit n&#x27;est plus en vente.</li>" in response.content.decode()
    assert not Checkout.objects.exists()


@pytest.mark.parametrize(("data", "message"), [
    ({"variant": "x", "quantity": "1"}, "Saisissez un nombre entier."),
    ({"variant": "99999999", "quantity": "1"}, "Élément introuvable\xa0: 99999999"),
    ({"quantity": "1"}, "Ce champ est obligatoire."),
])
def test_junk_input_gets_an_error_and_no_cart(client, store, data, message):
    response = client.post("/products/safran-de-taliouine/add-to-cart/", data)

    assert response.status_code == 200
    assert f"<li>{message}</li>" in response.content.decode()
    assert not Checkout.objects.exists()


def test_adding_needs_a_post(client, store):
    assert client.get("/products/safran-de-taliouine/add-to-cart/").status_code == 405


def test_the_cart_page_groups_the_lines_by_cooperative(client, store):
    add_to_cart(client, variant_of(store.saffron), 2)
    add_to_cart(client, variant_of(store.dates), 1)
    add_to_cart(client, variant_of(store.argan_oil, 1), 1)

    html = client.get("/cart/").content.decode()

    headings = re.findall(r'<section class="parcel"[^>]*>\s*<h2[^>]*>(.*?)</h2>', html)
    assert headings == ["De Coopérative Tifawin, Taliouine", "De Coopérative Nakhla, Errachidia"]
    tifawin, nakhla = html.split('<section class="parcel"')[1:3]
    assert "Safran de Taliouine" in tifawin and "Huile d&#x27;argan alimentaire" in tifawin
    assert "Dattes Mejhoul" in nakhla and "Safran" not in nakhla
    assert "<strong>1\u202f300,50\xa0MAD</strong>" in tifawin  # 2 × 60 + 1180.50
    assert "<dd>1\u202f395,50\xa0MAD</dd>" in html
    assert "Chaque coopérative expédie son propre colis\xa0: 2 colis." in html


def test_the_cart_page_in_arabic_is_translated_and_right_to_left(client, store):
    add_to_cart(client, variant_of(store.saffron), 2)

    html = client.get("/ar/cart/").content.decode()

    assert '<html lang="ar" dir="rtl">' in html
    assert "<h1>سلتك</h1>" in html
    assert "من تعاونية تيفاوين، تالوين" in html
    assert "زعفران تالوين" in html
    assert '<meta name="robots" content="noindex, follow">' in html


def test_an_empty_cart_says_so(client, store):
    html = client.get("/cart/").content.decode()

    assert "Votre panier est vide." in html
    assert 'class="cart"' not in html


def test_changing_a_quantity_updates_its_line(client, store):
    add_to_cart(client, variant_of(store.saffron), 2)
    add_to_cart(client, variant_of(store.dates), 1)
    line = CheckoutLine.objects.get(variant=variant_of(store.dates))
    other = CheckoutLine.objects.get(variant=variant_of(store.saffron))

    response = client.post("/cart/update/", {f"quantity-{line.pk}": "4",
                                             f"quantity-{other.pk}": "2", "update": "1"})

    assert response.status_code == 302
    assert _lines(_the_checkout()) == {"safran-de-taliouine": 2, "dattes-mejhoul": 4}
    assert "Votre panier est mis à jour." in client.get("/cart/").content.decode()


def test_a_zero_quantity_removes_the_line(client, store):
    add_to_cart(client, variant_of(store.saffron), 2)
    add_to_cart(client, variant_of(store.dates), 1)
    line = CheckoutLine.objects.get(variant=variant_of(store.saffron))

    client.post("/cart/update/", {f"quantity-{line.pk}": "0", "update": "1"})

    assert _lines(_the_checkout()) == {"dattes-mejhoul": 1}


def test_the_remove_button_removes_its_line_only(client, store):
    add_to_cart(client, variant_of(store.saffron), 2)
    add_to_cart(client, variant_of(store.dates), 1)
    line = CheckoutLine.objects.get(variant=variant_of(store.dates))

    response = client.post("/cart/update/", {"remove": str(line.pk)}, follow=True)

    assert _lines(_the_checkout()) == {"safran-de-taliouine": 2}
    assert "Le produit a été retiré de votre panier." in response.content.decode()


@pytest.mark.parametrize(("prefix", "message"), [
    ("", "Stock insuffisant pour Dattes Mejhoul 1 g."),
    ("/ar", "المخزون غير كافٍ لـ Dattes Mejhoul 1 g."),
])
def test_a_quantity_above_the_stock_is_refused_next_to_its_line(client, store, prefix,
                                                                  message):
    add_to_cart(client, variant_of(store.saffron), 2)
    add_to_cart(client, variant_of(store.dates), 1)
    dates = CheckoutLine.objects.get(variant=variant_of(store.dates))
    saffron = CheckoutLine.objects.get(variant=variant_of(store.saffron))

    response = client.post(f"{prefix}/cart/update/", {
        f"quantity-{dates.pk}": "11", f"quantity-{saffron.pk}": "3", "update": "1"})

    assert response.status_code == 200
    html = response.content.decode()
    assert _field_errors(html, f"id_quantity-{dates.pk}") == [message]
    assert _field_errors(html, f"id_quantity-{saffron.pk}") == []
    assert f'name="quantity-{dates.pk}" value="11"' in html
    assert _lines(_the_checkout()) == {"safran-de-taliouine": 2, "dattes-mejhoul": 1}


def test_removing_a_line_of_another_cart_is_refused_and_changes_nothing(client, store):
    add_to_cart(client, variant_of(store.saffron), 2)
    theirs = checkout_create(channel=store.channel,
                             lines=[LineInput(variant_id=variant_of(store.dates).pk, quantity=1)])
    their_line = theirs.lines.get()

    response = client.post("/cart/update/", {"remove": str(their_line.pk)}, follow=True)

    assert "Ce produit n&#x27;est pas dans votre panier." in response.content.decode()
    assert CheckoutLine.objects.filter(pk=their_line.pk).exists()
    assert _lines(Checkout.objects.exclude(pk=theirs.pk).get()) == {"safran-de-taliouine": 2}


def test_another_visitor_does_not_see_the_cart(client, store):
    add_to_cart(client, variant_of(store.saffron), 2)

    html = Client().get("/cart/").content.decode()

    assert "Votre panier est vide." in html


def test_a_signed_in_customer_never_uses_another_customers_cart(client, store, customer):
    someone = UserFactory()
    theirs = checkout_create(channel=store.channel, user=someone, lines=[
        LineInput(variant_id=variant_of(store.dates).pk, quantity=1)])
    client.force_login(customer)
    session = client.session
    session[CHECKOUT_KEY] = str(theirs.token)
    session.save()

    html = client.get("/cart/").content.decode()
    add_to_cart(client, variant_of(store.saffron), 1)

    assert "Votre panier est vide." in html
    assert _lines(theirs) == {"dattes-mejhoul": 1}
    assert Checkout.objects.get(user=customer).lines.count() == 1


def test_a_junk_session_token_is_an_empty_cart(client, store):
    session = client.session
    session[CHECKOUT_KEY] = "not-a-uuid"
    session.save()

    assert "Votre panier est vide." in client.get("/cart/").content.decode()


def test_every_cart_form_carries_a_csrf_token_and_is_refused_without_it(store):
    browser = Client(enforce_csrf_checks=True)
    product = browser.get("/products/safran-de-taliouine/").content.decode()

    assert product.count('method="post"') == product.count('name="csrfmiddlewaretoken"') == 2
    variant = variant_of(store.saffron)
    assert browser.post("/products/safran-de-taliouine/add-to-cart/",
                        {"variant": variant.pk, "quantity": 1}).status_code == 403
    assert browser.post("/delivery/city/", {"city": "agadir"}).status_code == 403
    assert browser.post("/cart/update/", {"remove": "x"}).status_code == 403
    assert not Checkout.objects.exists()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', product).group(1)
    assert browser.post("/products/safran-de-taliouine/add-to-cart/", {
        "variant": variant.pk, "quantity": 1, "csrfmiddlewaretoken": token}).status_code == 302
    cart = browser.get("/cart/").content.decode()
    # the cart's quantities, the delivery city and the promo code (backend.discounts)
    assert cart.count('method="post"') == cart.count('name="csrfmiddlewaretoken"') == 3
    assert browser.post("/cart/promo-code/", {"code": "X"}).status_code == 403
