"""Checkout steps: address, one delivery per cooperative and the payment method, review, order.

Each refused step shows the services' errors next to the fields, in the shopper's language,
keeps what they typed, and leaves the checkout as it was.
"""
from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.utils.html import escape

from backend.orders.models import Checkout, CheckoutDelivery, Order
from backend.payments.gateways import CASH_ON_DELIVERY
from catalog.models import Stock
from storefront.session import CHECKOUT_KEY, CITY_KEY
from tests.factories.catalog import city
from tests.storefront.checkout_data import (
    ADDRESS,
    add_to_cart,
    buy,
    choose_first_deliveries,
    fill_address,
    variant_of,
)


def _field_errors(html: str, field: str) -> list[str]:
    match = re.search(rf'<ul class="errors" id="id_{field}_error">(.*?)</ul>', html, re.S)
    return re.findall(r"<li>(.*?)</li>", match.group(1)) if match else []


def _squash(html: str) -> str:
    return re.sub(r"[ \t\n]+", " ", html)


@pytest.fixture
def cart(client, store):
    """Two saffrons from Tifawin and a box of dates from Nakhla in this client's cart."""
    add_to_cart(client, variant_of(store.saffron), 2)
    add_to_cart(client, variant_of(store.dates), 1)
    return Checkout.objects.get()


@pytest.mark.parametrize("url", ["/checkout/", "/checkout/delivery/", "/checkout/review/"])
def test_the_checkout_needs_a_cart(client, store, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == "/cart/"


def test_the_address_step_starts_from_the_city_chosen_for_estimates(client, cart):
    client.post("/delivery/city/", {"city": "tiznit", "next": "/cart/"})

    response = client.get("/checkout/")

    html = response.content.decode()
    assert response.context["form"]["city"].value() == "tiznit"
    assert '<option value="tiznit" selected>Tiznit</option>' in html
    assert '<input type="email" name="email"' in html
    assert 'autocomplete="tel"' in html and 'type="tel"' in html
    assert 'name="country_area"' not in html  # the region is read from the city
    assert '<li aria-current="step"><a href="/checkout/">' in html


def test_a_valid_address_is_kept_with_the_region_of_its_city(client, cart):
    response = fill_address(client)

    assert response.status_code == 302
    assert response["Location"] == "/checkout/delivery/"
    cart.refresh_from_db()
    address = cart.shipping_address
    assert cart.email == "salma@example.ma"
    assert (address.first_name, address.street_address_1) == ("Salma", "12 rue de Tiznit")
    assert address.city_ref == city("agadir")
    assert address.city_ref.region.code == "MA-09"
    assert address.phone == "+212612345678"
    assert cart.billing_address.city_ref == city("agadir")
    assert client.session[CITY_KEY] == city("agadir").pk


@pytest.mark.parametrize(("prefix", "errors"), [
    ("", {"email": "Saisissez une adresse e-mail valide.",
          "phone": "Saisissez un numéro de téléphone marocain valide.",
          "postal_code": "Cette valeur n&#x27;est pas valable pour l&#x27;adresse."}),
    ("/ar", {"email": "أدخل بريدًا إلكترونيًا صحيحًا.",
             "phone": "أدخل رقم هاتف مغربيًا صحيحًا.",
             "postal_code": "هذه القيمة غير صالحة للعنوان."}),
])
def test_a_refused_address_shows_every_error_next_to_its_field_and_changes_nothing(
        client, cart, prefix, errors):
    response = fill_address(client, prefix, email="salma@", phone="12345",
                            postal_code="8000")

    assert response.status_code == 200
    html = response.content.decode()
    for field, message in errors.items():
        assert _field_errors(html, field) == [message], field
    assert _field_errors(html, "street_address_1") == []
    assert 'value="salma@"' in html and 'value="12345"' in html
    assert 'value="12 rue de Tiznit"' in html
    cart.refresh_from_db()
    assert (cart.email, cart.shipping_address, cart.billing_address) == ("", None, None)


def test_a_refused_change_keeps_the_previous_address(client, cart):
    fill_address(client)

    response = fill_address(client, city="tiznit", phone="0000")

    assert response.status_code == 200
    cart.refresh_from_db()
    assert cart.shipping_address.city_ref == city("agadir")
    assert cart.shipping_address.phone == "+212612345678"


def test_the_required_fields_say_so(client, cart):
    response = client.post("/checkout/", {})

    html = response.content.decode()
    assert _field_errors(html, "email") == ["Ce champ est obligatoire."]
    assert _field_errors(html, "street_address_1") == ["Ce champ est obligatoire."]
    assert _field_errors(html, "city") == ["Choisissez votre ville."]
    assert "Corrigez les champs signalés ci-dessous." in html


def test_a_city_that_is_not_in_the_list_is_refused(client, cart):
    html = fill_address(client, city="atlantis").content.decode()

    assert _field_errors(html, "city") == ["Choisissez une ville de la liste."]


def test_the_delivery_step_needs_an_address(client, cart):
    response = client.get("/checkout/delivery/")

    assert response["Location"] == "/checkout/"


def test_each_parcel_gets_its_options_with_price_delay_distance_and_level(client, cart):
    fill_address(client)

    response = client.get("/checkout/delivery/")

    html = _squash(response.content.decode())
    parcels = html.split('<fieldset class="parcel-choice"')[1:]
    assert len(parcels) == 2
    tifawin, nakhla = parcels
    assert "Colis de Coopérative Tifawin, Taliouine" in tifawin
    assert re.findall(r"<strong>([^<]+)</strong> <span class=\"price\">([^<]+)</span>",
                      tifawin) == [("Souss Express", "30,55\xa0MAD"),
                                   ("Atlas Courrier", "46,74\xa0MAD")]
    assert "Circuit court régional" in tifawin and "1 à 2 jours · 209 km" in tifawin
    assert "conseillé\xa0: le circuit le plus court" in tifawin
    assert re.findall(r"<strong>([^<]+)</strong> <span class=\"price\">([^<]+)</span>",
                      nakhla) == [("Atlas Courrier", "84,06\xa0MAD")]
    assert "National, un seul partenaire" in nakhla and "676 km" in nakhla
    form = response.context["form"]
    assert form[f"delivery-{cart.lines.first().variant.product.cooperative_id}"].value()
    assert [c[0] for c in form.fields["payment"].choices] == [CASH_ON_DELIVERY]


def test_choosing_the_deliveries_and_payment_leads_to_the_review(client, cart, store):
    fill_address(client)
    tifawin, nakhla = store.women_coop.pk, store.youth_coop.pk
    options = {name: [value for value, _label in field.choices] for name, field in
               client.get("/checkout/delivery/").context["form"].fields.items()}

    response = client.post("/checkout/delivery/", {
        f"delivery-{tifawin}": options[f"delivery-{tifawin}"][1],
        f"delivery-{nakhla}": options[f"delivery-{nakhla}"][0], "payment": CASH_ON_DELIVERY})

    assert response["Location"] == "/checkout/review/"
    chosen = {d.cooperative_id: d for d in CheckoutDelivery.objects.all()}
    assert chosen[tifawin].price_amount == Decimal("46.74")
    assert chosen[tifawin].short_circuit_level == "REGIONAL"
    assert chosen[nakhla].short_circuit_level == "NATIONAL_DIRECT"
    cart.refresh_from_db()
    assert cart.payment_gateway == CASH_ON_DELIVERY
    review = _squash(client.get("/checkout/review/").content.decode())
    assert "Atlas Courrier · 209 km, 1 à 2 jours" in review
    assert '<dt class="grand">Total</dt><dd class="grand">345,80\xa0MAD</dd>' in review
    assert "Commander — payer 345,80\xa0MAD à la livraison" in review


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"tifawin": "1/999"}, "tifawin", "Choisissez l'une des livraisons proposées."),
    ({"tifawin": None}, "tifawin", "Choisissez une livraison pour ce colis."),
    ({"payment": "saleor.io.dummy-payment-app"}, "payment",
     "Choisissez l'un des moyens de paiement proposés."),
    ({"payment": None}, "payment", "Choisissez un moyen de paiement."),
])
def test_a_refused_delivery_step_shows_the_error_and_changes_nothing(client, cart, store, change,
                                                                    field, message):
    fill_address(client)
    form = client.get("/checkout/delivery/").context["form"]
    names = {"tifawin": f"delivery-{store.women_coop.pk}",
             "nakhla": f"delivery-{store.youth_coop.pk}", "payment": "payment"}
    data = {names["tifawin"]: form[names["tifawin"]].value(),
            names["nakhla"]: form[names["nakhla"]].value(), "payment": CASH_ON_DELIVERY}
    for key, value in change.items():
        if value is None:
            del data[names[key]]
        else:
            data[names[key]] = value

    response = client.post("/checkout/delivery/", data)

    assert response.status_code == 200
    assert response.context["form"].errors[names[field]] == [message]
    assert escape(message) in response.content.decode()
    assert not CheckoutDelivery.objects.exists()
    cart.refresh_from_db()
    assert cart.payment_gateway == ""


@pytest.mark.parametrize(("prefix", "message"), [
    ("", "Aucune livraison disponible : aucun partenaire du réseau ne livre encore"),
    ("/ar", "لا يوجد توصيل متاح: لا يوصل أي شريك في الشبكة إلى هذه المدينة بعد."),
])
def test_a_city_nobody_delivers_is_said_and_the_step_refused(client, cart, prefix, message):
    fill_address(client, city="dakhla", postal_code="")

    page = client.get(f"{prefix}/checkout/delivery/").content.decode()
    response = client.post(f"{prefix}/checkout/delivery/", {"payment": CASH_ON_DELIVERY})

    assert page.count('<p class="no-delivery" role="status">') == 2
    assert message in page
    assert response.status_code == 200
    assert "alert-error" in response.content.decode()
    assert not CheckoutDelivery.objects.exists()


def test_the_review_sends_back_to_the_step_still_to_fill(client, cart):
    fill_address(client)

    assert client.get("/checkout/review/")["Location"] == "/checkout/delivery/"


def test_changing_the_city_drops_the_deliveries_chosen_for_the_old_one(client, cart):
    fill_address(client)
    choose_first_deliveries(client)

    fill_address(client, city="tiznit", postal_code="")

    assert not CheckoutDelivery.objects.exists()
    assert client.get("/checkout/review/")["Location"] == "/checkout/delivery/"


@pytest.mark.parametrize(("prefix", "texts"), [
    ("", ["Merci\xa0! Votre commande est passée.", "Commande n° <strong>{number}</strong>",
          "Vous payez 329,61\xa0MAD en espèces à l'arrivée des colis.",
          'href="/account/register/?email=salma%40example.ma"']),
    ("/ar", ["شكرًا! تم تسجيل طلبك.", "رقم الطلب <strong>{number}</strong>",
             "تدفع \u200f329,61\xa0د.م.\u200f نقدًا عند وصول الطرود.",
             'href="/ar/account/register/?email=salma%40example.ma"']),
])
def test_placing_the_order_confirms_it_and_empties_the_cart(client, store, prefix, texts):
    response = buy(client, store, prefix=prefix)

    order = Order.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{prefix}/checkout/confirmation/{order.tracking_token}/"
    assert order.user is None and order.user_email == "salma@example.ma"
    assert order.payment_gateway == CASH_ON_DELIVERY
    assert order.total_amount == Decimal("329.61")  # 120 + 95 + 30.55 + 84.06
    assert order.deliveries.count() == 2
    assert order.language_code == (prefix.strip("/") or "fr")
    assert Stock.objects.get(variant=variant_of(store.saffron)).quantity_allocated == 2
    assert not Checkout.objects.exists()
    assert CHECKOUT_KEY not in client.session
    html = client.get(response["Location"]).content.decode()
    for text in texts:
        assert text.format(number=order.number) in html
    assert 'class="count-badge"' not in html
    assert '<meta name="robots" content="noindex, follow">' in html


def test_posting_the_order_twice_places_it_once(client, store):
    buy(client, store)

    again = client.post("/checkout/review/")

    assert again["Location"] == "/cart/"
    assert Order.objects.count() == 1


@pytest.mark.parametrize(("prefix", "message"), [
    ("", "Stock insuffisant pour Dattes Mejhoul 1 g."),
    ("/ar", "المخزون غير كافٍ لـ Dattes Mejhoul 1 g."),
])
def test_a_refused_order_says_why_and_changes_nothing(client, cart, store, prefix, message):
    fill_address(client)
    choose_first_deliveries(client)
    Stock.objects.filter(variant=variant_of(store.dates)).update(quantity=0)

    response = client.post(f"{prefix}/checkout/review/")

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<li>{message} <a href="{prefix}/cart/">' in html
    assert not Order.objects.exists()
    assert Checkout.objects.filter(pk=cart.pk).exists()
    assert CheckoutDelivery.objects.count() == 2
    assert Stock.objects.get(variant=variant_of(store.saffron)).quantity_allocated == 0


def test_an_unknown_confirmation_link_is_not_found(client, store):
    buy(client, store)

    assert client.get(
        "/checkout/confirmation/00000000-0000-4000-8000-000000000000/").status_code == 404


def test_a_signed_in_customer_buys_with_their_default_address_and_finds_the_order(
        client, store, customer):
    from backend.accounts.services.addresses import AddressInput, account_address_create

    account_address_create(user=customer, data=AddressInput(
        first_name="Amina", last_name="Ait", street_address_1="3 avenue Hassan II",
        city="agadir", phone="0661000000"))
    client.force_login(customer)
    add_to_cart(client, variant_of(store.saffron), 1)

    form = client.get("/checkout/").context["form"]
    initial = {name: form[name].value() for name in ADDRESS}
    response = client.post("/checkout/", initial)
    choose_first_deliveries(client)
    placed = client.post("/checkout/review/")

    assert initial["email"] == customer.email and initial["street_address_1"] == \
        "3 avenue Hassan II"
    assert response["Location"] == "/checkout/delivery/"
    order = Order.objects.get()
    assert order.user == customer
    html = client.get(placed["Location"]).content.decode()
    assert f'href="/account/orders/{order.number}/"' in html
    assert "Créer mon compte" not in html
