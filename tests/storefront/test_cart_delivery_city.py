"""The delivery city, chosen once (a city select grouped by region) and kept in the session:
product pages and the cart then show who delivers, from how far, at what price."""
from __future__ import annotations

import re

import pytest
from django.test import Client

from fulfillment.models import City
from storefront.session import CITY_KEY
from tests.storefront.checkout_data import add_to_cart, variant_of

SAFFRON = "/products/safran-de-taliouine/"


def _choose(client, city: str, prefix: str = "", next_url: str = SAFFRON):
    return client.post(f"{prefix}/delivery/city/", {"city": city, "next": prefix + next_url})


def _estimate(html: str) -> str:
    match = re.search(r'<section class="delivery-estimate".*?</section>', html, re.S)
    return _squash(match.group(0)) if match else ""


def _squash(html: str) -> str:
    """Runs of ASCII white space as one space (no-break spaces of prices are kept)."""
    return re.sub(r"[ \t\n]+", " ", html)


def test_the_product_page_asks_for_the_city_with_a_select_grouped_by_region(client, store):
    html = client.get(SAFFRON).content.decode()

    assert "delivery-estimate" not in html
    assert '<form class="city-picker" method="post" action="/delivery/city/">' in html
    assert '<optgroup label="Souss-Massa">' in html
    souss = html.split('<optgroup label="Souss-Massa">')[1].split("</optgroup>")[0]
    assert '<option value="agadir">Agadir</option>' in souss
    assert '<option value="taliouine">Taliouine</option>' in souss
    assert html.count("<optgroup") == 12


def test_the_arabic_city_select_names_regions_and_cities_in_arabic(client, store):
    html = client.get(f"/ar{SAFFRON}").content.decode()

    assert '<optgroup label="سوس ماسة">' in html
    assert '<option value="agadir">أكادير</option>' in html
    assert 'action="/ar/delivery/city/"' in html


@pytest.mark.parametrize(("prefix", "route", "level", "price"), [
    ("", "Livré par Souss Express depuis Taliouine, 209 km", "Circuit court régional",
     "30,55\xa0MAD"),
    ("/ar", "يوصله Souss Express من تالوين، 209 كلم", "دائرة قصيرة جهوية",
     "\u200f30,55\xa0د.م.\u200f"),
    ("/en", "Delivered by Souss Express from Taliouine, 209 km", "Regional short circuit",
     "MAD30.55"),
])
def test_choosing_a_city_shows_the_delivery_estimate(client, store, prefix, route, level,
                                                      price):
    response = _choose(client, "agadir", prefix)

    assert response.status_code == 302
    assert response["Location"] == f"{prefix}{SAFFRON}"
    assert client.session[CITY_KEY] == City.objects.get(slug="agadir").pk
    estimate = _estimate(client.get(f"{prefix}{SAFFRON}").content.decode())
    assert route in estimate
    assert level in estimate
    assert price in estimate


def test_the_city_is_remembered_for_every_product(client, store):
    _choose(client, "agadir")

    estimate = _estimate(client.get("/products/dattes-mejhoul/").content.decode())

    assert "Livré par Atlas Courrier depuis Errachidia, 676 km" in estimate
    assert "National, un seul partenaire" in estimate


@pytest.mark.parametrize(("prefix", "message"), [
    ("", "Aucune livraison disponible : aucun partenaire du réseau ne livre encore"),
    ("/ar", "لا يوجد توصيل متاح: لا يوصل أي شريك في الشبكة إلى هذه المدينة بعد."),
])
def test_a_city_nobody_covers_says_no_delivery_in_the_users_language(client, store, prefix,
                                                                    message):
    _choose(client, "dakhla", prefix)

    estimate = _estimate(client.get(f"{prefix}{SAFFRON}").content.decode())

    assert message in estimate
    assert "Souss Express" not in estimate


def test_an_unknown_city_is_refused_and_the_chosen_one_is_kept(client, store):
    _choose(client, "agadir")

    response = _choose(client, "atlantis")

    assert response["Location"] == SAFFRON
    assert client.session[CITY_KEY] == City.objects.get(slug="agadir").pk
    html = client.get(SAFFRON).content.decode()
    assert "Choisissez une ville de la liste." in html
    assert "Souss Express" in _estimate(html)


def test_the_picker_only_sends_back_to_this_site(client, store):
    response = client.post("/delivery/city/", {"city": "agadir",
                                                "next": "https://evil.example/"})

    assert response["Location"] == "/"


def test_the_city_is_one_visitors_own(client, store):
    _choose(client, "agadir")

    assert "delivery-estimate" not in Client().get(SAFFRON).content.decode()


def test_the_cart_shows_each_parcels_delivery_to_the_chosen_city(client, store):
    add_to_cart(client, variant_of(store.saffron), 2)
    add_to_cart(client, variant_of(store.dates), 1)
    _choose(client, "agadir", next_url="/cart/")

    html = _squash(client.get("/cart/").content.decode())

    assert "Livraison à Agadir\xa0: dès 30,55\xa0MAD · Circuit court régional, 209 km" in html
    assert ("Livraison à Agadir\xa0: dès 84,06\xa0MAD · National, un seul partenaire, "
            "676 km") in html
    assert "Estimations de livraison vers Agadir." in html


def test_the_cart_says_which_parcel_cannot_be_delivered(client, store):
    add_to_cart(client, variant_of(store.saffron), 1)
    _choose(client, "dakhla", prefix="/ar", next_url="/cart/")

    html = client.get("/ar/cart/").content.decode()

    assert "لا يوجد توصيل متاح: لا يوصل أي شريك في الشبكة إلى هذه المدينة بعد." in html
