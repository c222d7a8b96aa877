"""The address book: add, edit, delete, choose the default; only one's own addresses."""
from __future__ import annotations

import re

import pytest

from backend.accounts.models import Address
from backend.accounts.services.addresses import AddressInput, account_address_create
from tests.factories.catalog import UserFactory, city

NEW = {"first_name": "Amina", "last_name": "Ait", "city": "tiznit",
       "street_address_1": "5 derb Lalla", "street_address_2": "", "postal_code": "",
       "phone": "0661000000"}


def _field_errors(html: str, field: str) -> list[str]:
    match = re.search(rf'<ul class="errors" id="id_{field}_error">(.*?)</ul>', html, re.S)
    return re.findall(r"<li>(.*?)</li>", match.group(1)) if match else []


def _book(user, street: str = "3 avenue Hassan II", town: str = "agadir") -> Address:
    return account_address_create(user=user, data=AddressInput(
        first_name="Amina", last_name="Ait", street_address_1=street, city=town,
        phone="0661000000"))


@pytest.fixture
def signed_in(client, customer):
    client.force_login(customer)
    return customer


def test_the_first_address_added_becomes_the_default(client, signed_in):
    response = client.post("/account/addresses/new/", NEW)

    assert response["Location"] == "/account/addresses/"
    address = Address.objects.get(user=signed_in)
    assert address.city_ref == city("tiznit") and address.city_ref.region.code == "MA-09"
    assert address.postal_code == city("tiznit").postal_code
    assert address.phone == "+212661000000"
    signed_in.refresh_from_db()
    assert signed_in.default_shipping_address == address
    html = client.get("/account/addresses/").content.decode()
    assert "L&#x27;adresse est enregistrée." in html
    assert '<span class="badge badge-label">Par défaut</span>' in html


@pytest.mark.parametrize(("prefix", "message"), [
    ("", "Saisissez un numéro de téléphone marocain valide."),
    ("/ar", "أدخل رقم هاتف مغربيًا صحيحًا."),
])
def test_a_refused_address_shows_the_error_and_saves_nothing(client, signed_in, prefix,
                                                             message):
    response = client.post(f"{prefix}/account/addresses/new/", {**NEW, "phone": "0101"})

    assert response.status_code == 200
    html = response.content.decode()
    assert _field_errors(html, "phone") == [message]
    assert 'value="5 derb Lalla"' in html
    assert not Address.objects.exists()


def test_editing_an_address_changes_it(client, signed_in):
    address = _book(signed_in)

    form = client.get(f"/account/addresses/{address.pk}/").context["form"]
    response = client.post(f"/account/addresses/{address.pk}/", {
        **{name: form[name].value() for name in NEW}, "street_address_1": "9 rue Souss"})

    assert form["city"].value() == "agadir"
    assert response.status_code == 302
    address.refresh_from_db()
    assert address.street_address_1 == "9 rue Souss"
    assert address.city_ref == city("agadir")


def test_making_another_address_the_default_and_deleting_one(client, signed_in):
    first, second = _book(signed_in), _book(signed_in, "1 place Tiznit", "tiznit")

    client.post(f"/account/addresses/{second.pk}/default/")
    signed_in.refresh_from_db()
    assert signed_in.default_shipping_address == second
    assert signed_in.default_billing_address == second

    client.post(f"/account/addresses/{second.pk}/delete/")
    signed_in.refresh_from_db()
    assert list(Address.objects.filter(user=signed_in)) == [first]
    assert signed_in.default_shipping_address is None


@pytest.mark.parametrize(("method", "suffix"), [
    ("get", ""), ("post", ""), ("post", "delete/"), ("post", "default/")])
def test_another_customers_address_is_not_found_and_stays_as_it_was(client, signed_in, method,
                                                                    suffix):
    someone = UserFactory()
    theirs = _book(someone)

    response = getattr(client, method)(f"/account/addresses/{theirs.pk}/{suffix}", NEW)

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.street_address_1 == "3 avenue Hassan II"
    someone.refresh_from_db()
    assert someone.default_shipping_address == theirs
    signed_in.refresh_from_db()
    assert signed_in.default_shipping_address is None


def test_deleting_needs_a_post(client, signed_in):
    address = _book(signed_in)

    assert client.get(f"/account/addresses/{address.pk}/delete/").status_code == 405
    assert Address.objects.filter(pk=address.pk).exists()
