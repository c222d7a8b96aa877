"""Registering, signing in and out, the password reset by e-mail, and the profile."""
from __future__ import annotations

import re

import pytest
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core import mail
from django.test import Client
from django.utils import translation
from django.utils.html import escape

from backend.accounts.models import User
from backend.orders.models import Checkout, Order
from backend.orders.services.checkout_lines import LineInput, checkout_create
from storefront.session import CHECKOUT_KEY
from tests.factories.catalog import UserFactory
from tests.storefront.checkout_data import add_to_cart, buy, variant_of

PASSWORD = "argan-et-safran-2026"


def _field_errors(html: str, field: str) -> list[str]:
    match = re.search(rf'<ul class="errors" id="id_{field}_error">(.*?)</ul>', html, re.S)
    return re.findall(r"<li>(.*?)</li>", match.group(1)) if match else []


def _register(client, prefix: str = "", **data: str):
    return client.post(f"{prefix}/account/register/",
                       {"email": "salma@example.ma", "password": PASSWORD, "first_name": "Salma",
                        "last_name": "Idrissi", **data})


def _signed_in(client) -> User | None:
    user = client.get("/account/").wsgi_request.user
    return user if user.is_authenticated else None


def test_the_register_page_takes_the_email_from_the_confirmation_link(client, db):
    html = client.get("/account/register/?email=salma%40example.ma").content.decode()

    assert 'value="salma@example.ma"' in html
    assert 'autocomplete="new-password"' in html
    assert html.count('name="csrfmiddlewaretoken"') >= 1


def test_registering_signs_in_and_shows_the_guest_orders_once_the_email_is_confirmed(
        client, store, django_capture_on_commit_callbacks):
    buy(client, store)
    order = Order.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        response = _register(client, "/ar", email="Salma@Example.MA")

    assert response.status_code == 302
    assert response["Location"] == "/ar/account/orders/"
    user = User.objects.get(email="salma@example.ma")
    assert user.language_code == "ar" and user.first_name == "Salma"
    assert user.is_confirmed is False
    order.refresh_from_db()
    assert order.user is None  # typing an e-mail address does not prove it is yours
    html = client.get("/ar/account/orders/").content.decode()
    assert f"الطلب {order.number}" not in html
    assert "مرحبًا! حسابك جاهز." in html
    assert _signed_in(client) == user
    link = re.search(r"http://testserver(/ar/account/confirm/\?\S+)", mail.outbox[-1].body)
    page = client.get(link.group(1)).content.decode()
    email = re.search(r'name="email" value="([^"]+)"', page).group(1)
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)

    confirmed = client.post("/ar/account/confirm/", {"email": email, "token": token})

    assert confirmed.status_code == 302 and confirmed["Location"] == "/ar/account/orders/"
    order.refresh_from_db()
    assert order.user == user
    assert f"الطلب {order.number}" in client.get("/ar/account/orders/").content.decode()


def test_registering_gives_the_guest_cart_to_the_account(client, store):
    add_to_cart(client, variant_of(store.saffron), 2)

    _register(client)

    checkout = Checkout.objects.get()
    assert checkout.user == User.objects.get(email="salma@example.ma")
    assert client.session[CHECKOUT_KEY] == str(checkout.token)


def _password_error(language: str, validator: password_validation.MinimumLengthValidator) -> str:
    with translation.override(language):
        return escape(validator.get_error_message())


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_a_refused_registration_shows_the_errors_and_creates_nothing(client, db, prefix):
    UserFactory(email="taken@example.ma")

    taken = _register(client, prefix, email="taken@example.ma").content.decode()
    short = _register(client, prefix, password="argan").content.decode()

    expected = {"": "Un compte existe déjà avec cette adresse e-mail.",
                "/ar": "يوجد حساب بهذا البريد الإلكتروني مسبقًا."}[prefix]
    assert _field_errors(taken, "email") == [expected]
    assert _field_errors(short, "password") == [
        _password_error(prefix.strip("/") or "fr",
                        password_validation.MinimumLengthValidator())]
    assert 'value="Salma"' in short and 'value="salma@example.ma"' in short
    assert list(User.objects.values_list("email", flat=True)) == ["taken@example.ma"]
    assert _signed_in(client) is None


def test_signing_in_gives_the_guest_cart_to_the_account(client, store, customer):
    add_to_cart(client, variant_of(store.saffron), 2)

    response = client.post("/account/login/", {"username": " Amina@Example.ma ",
                                                "password": "coop-pass-2026"})

    assert response.status_code == 302
    assert response["Location"] == "/account/"
    assert _signed_in(client) == customer
    assert Checkout.objects.get().user == customer


def test_signing_in_brings_back_the_customers_last_cart(client, store, customer):
    older = checkout_create(channel=store.channel, user=customer, lines=[
        LineInput(variant_id=variant_of(store.dates).pk, quantity=1)])
    latest = checkout_create(channel=store.channel, user=customer, lines=[
        LineInput(variant_id=variant_of(store.saffron).pk, quantity=3)])

    client.post("/account/login/", {"username": customer.email, "password": "coop-pass-2026"})

    assert client.session[CHECKOUT_KEY] == str(latest.token) != str(older.token)
    assert "Safran de Taliouine" in client.get("/cart/").content.decode()


def test_signing_in_goes_back_to_the_page_that_asked(client, store, customer):
    response = client.post("/account/login/?next=/checkout/", {
        "username": customer.email, "password": "coop-pass-2026", "next": "/checkout/"})

    assert response["Location"] == "/checkout/"


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_wrong_password_is_refused_in_the_users_language(client, customer, language):
    prefix = "" if language == "fr" else f"/{language}"

    response = client.post(f"{prefix}/account/login/", {"username": customer.email,
                                                        "password": "wrong"})

    with translation.override(language):
        expected = str(AuthenticationForm.error_messages["invalid_login"]) % {
            "username": User._meta.get_field("email").verbose_name}
    assert response.status_code == 200
    assert escape(expected) in response.content.decode()
    assert _signed_in(client) is None


def test_signing_out_is_a_post_that_ends_the_session_and_its_cart(client, store, customer):
    client.force_login(customer)
    add_to_cart(client, variant_of(store.saffron), 1)

    assert client.get("/account/logout/").status_code == 405
    response = client.post("/account/logout/")

    assert response["Location"] == "/"
    assert _signed_in(client) is None
    assert CHECKOUT_KEY not in client.session
    assert Checkout.objects.get().user == customer  # back at the next sign-in


def test_account_pages_ask_to_sign_in_in_the_pages_language(client, db):
    for path in ("/account/", "/account/orders/", "/account/addresses/",
                 "/account/addresses/new/", "/account/orders/1001/"):
        response = client.get(f"/ar{path}")

        assert response.status_code == 302
        assert response["Location"] == f"/ar/account/login/?next=/ar{path}"


def _reset_link(message) -> str:
    return re.search(r"http://testserver(\S+)", message.body).group(1)


def test_a_password_reset_link_is_emailed_in_the_customers_language(
        client, db, django_capture_on_commit_callbacks):
    user = UserFactory(email="salma@example.ma", language_code="ar")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/account/password-reset/", {"email": "salma@example.ma"})

    assert response["Location"] == "/account/password-reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert message.subject == "CoopStore: أعد تعيين كلمة مرورك"
    assert _reset_link(message).startswith(
        "/account/password-reset/new/?email=salma%40example.ma&token=")


def test_an_unknown_email_gets_the_same_answer_and_no_mail(
        client, db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/account/password-reset/", {"email": "nobody@example.ma"})

    assert response["Location"] == "/account/password-reset/sent/"
    assert mail.outbox == []


def test_the_emailed_link_sets_a_new_password_and_signs_in(
        client, db, django_capture_on_commit_callbacks):
    user = UserFactory(email="salma@example.ma")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/account/password-reset/", {"email": user.email})
    link = _reset_link(mail.outbox[0])

    page = client.get(link)
    form = page.context["form"]
    response = client.post("/account/password-reset/new/", {
        "email": form["email"].value(), "token": form["token"].value(),
        "password": "nouveau-safran-2027"})

    assert response["Location"] == "/account/"
    user.refresh_from_db()
    assert user.check_password("nouveau-safran-2027")
    assert "Votre nouveau mot de passe est enregistré." in client.get("/account/").content \
        .decode()
    assert _signed_in(client) == user


def test_a_bad_token_or_a_weak_password_changes_nothing(
        client, db, django_capture_on_commit_callbacks):
    user = UserFactory(email="salma@example.ma")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/account/password-reset/", {"email": user.email})
    form = client.get(_reset_link(mail.outbox[0])).context["form"]

    forged = client.post("/ar/account/password-reset/new/", {
        "email": user.email, "token": "forged", "password": "nouveau-safran-2027"})
    weak = client.post("/account/password-reset/new/", {
        "email": user.email, "token": form["token"].value(), "password": "12345678901"})

    assert "الرابط غير صالح أو منتهي الصلاحية." in forged.content.decode()
    assert _field_errors(weak.content.decode(), "password") == [
        "Ce mot de passe est trop courant.", "Ce mot de passe est entièrement numérique."]
    user.refresh_from_db()
    assert user.check_password("coop-pass-2026")
    assert _signed_in(client) is None


def test_the_profile_changes_the_name_and_the_language_of_the_emails(client, customer):
    client.force_login(customer)

    response = client.post("/account/", {"first_name": " Amina ", "last_name": "Ait Ali",
                                         "language_code": "ar"})

    assert response["Location"] == "/account/"
    customer.refresh_from_db()
    assert (customer.first_name, customer.last_name, customer.language_code) == (
        "Amina", "Ait Ali", "ar")
    html = client.get("/account/").content.decode()
    assert "Vos informations sont enregistrées." in html
    assert "<h1>Bonjour Amina</h1>" in html


def test_a_refused_profile_change_changes_nothing(client, customer):
    client.force_login(customer)

    response = client.post("/account/", {"first_name": "X", "language_code": "de"})

    assert response.status_code == 200
    assert "language_code" in response.context["form"].errors
    customer.refresh_from_db()
    assert (customer.first_name, customer.language_code) == ("Amina", "fr")


def test_the_account_forms_need_their_csrf_token(customer):
    browser = Client(enforce_csrf_checks=True)

    assert browser.post("/account/login/", {"username": customer.email,
                                            "password": "coop-pass-2026"}).status_code == 403
    assert browser.post("/account/register/", {"email": "x@example.ma",
                                               "password": PASSWORD}).status_code == 403
    assert browser.post("/account/password-reset/", {"email": customer.email}).status_code == 403
    assert not User.objects.filter(email="x@example.ma").exists()
