"""accountRegister, requestPasswordReset and setPassword, and what `me` shows a customer."""
from __future__ import annotations

import re

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail

from backend.accounts.models import Address, User
from tests.factories.catalog import UserFactory
from tests.graphql.checkout_helpers import make_checkout
from tests.graphql.conftest import gid

pytestmark = pytest.mark.django_db

REGISTER = """mutation($input: AccountRegisterInput!) { accountRegister(input: $input) {
  requiresConfirmation user { email firstName languageCode } errors { field code message }
  accountErrors { code } } }"""
RESET = """mutation($email: String!, $redirectUrl: String!) {
  requestPasswordReset(email: $email, redirectUrl: $redirectUrl) {
    errors { field code message } accountErrors { code } } }"""
SET_PASSWORD = """mutation($email: String!, $token: String!, $password: String!) {
  setPassword(email: $email, token: $token, password: $password) {
    token refreshToken user { email } errors { field code message } } }"""
ME = """{ me { id email firstName lastName isStaff isActive isConfirmed languageCode
  dateJoined addresses { city isDefaultShippingAddress isDefaultBillingAddress }
  defaultShippingAddress { city } defaultBillingAddress { city }
  checkout { token } checkoutIds checkoutTokens(channel: "maroc")
  orders(first: 5) { totalCount edges { node { number } } } } }"""

NEW_CUSTOMER = {"email": "Salma@Example.MA", "password": "Argan-et-safran-2026",
                "firstName": "Salma", "lastName": "Idrissi", "languageCode": "AR"}


def test_a_new_customer_registers_and_can_sign_in(graphql):
    result = graphql(REGISTER, input=NEW_CUSTOMER)["data"]["accountRegister"]

    assert result["errors"] == [] and result["accountErrors"] == []
    assert result["requiresConfirmation"] is True  # the account works; confirming claims
    assert result["user"] == {"email": "salma@example.ma", "firstName": "Salma",
                              "languageCode": "AR"}
    user = User.objects.get(email="salma@example.ma")
    assert user.check_password("Argan-et-safran-2026") and user.language_code == "ar"
    signed_in = graphql("""mutation { tokenCreate(email: "salma@example.ma",
        password: "Argan-et-safran-2026") { errors { code } token } }""")["data"]["tokenCreate"]
    assert signed_in["errors"] == [] and signed_in["token"]


@pytest.mark.parametrize(("change", "code", "field"), [
    ({"email": "amina@example.ma"}, "UNIQUE", "email"),
    ({"email": "not-an-email"}, "INVALID", "email"),
    ({"email": ""}, "REQUIRED", "email"),
    ({"password": "short"}, "PASSWORD_TOO_SHORT", "password"),
    ({"password": "1234567890123"}, "PASSWORD_ENTIRELY_NUMERIC", "password"),
    ({"password": "password123"}, "PASSWORD_TOO_COMMON", "password"),
    ({"password": ""}, "REQUIRED", "password"),
    ({"password": "Argan-et-safran\x002026"}, "INVALID_PASSWORD", "password"),
    ({"firstName": "Sal\x00ma"}, "INVALID", "firstName"),
])
def test_a_refused_registration_creates_nobody(graphql, customer, change, code, field):
    result = graphql(REGISTER, input={**NEW_CUSTOMER, **change})["data"]["accountRegister"]

    assert (code, field) in [(e["code"], e["field"]) for e in result["errors"]]
    assert result["user"] is None
    assert list(User.objects.values_list("email", flat=True)) == ["amina@example.ma"]


def test_a_password_reset_link_is_emailed(graphql, customer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = graphql(RESET, email="amina@example.ma",
                         redirectUrl="http://localhost:8000/reset/")["data"][
            "requestPasswordReset"]

    assert result["errors"] == []
    assert [message.to for message in mail.outbox] == [["amina@example.ma"]]
    link = re.search(r"http://localhost:8000/reset/\?\S+", mail.outbox[0].body).group(0)
    assert "email=amina%40example.ma" in link and "token=" in link


def test_a_reset_for_an_unknown_address_answers_the_same_and_sends_nothing(
        graphql, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = graphql(RESET, email="nobody@example.ma",
                         redirectUrl="http://localhost/reset/")["data"]["requestPasswordReset"]

    assert result == {"errors": [], "accountErrors": []}
    assert mail.outbox == []


@pytest.mark.parametrize(("email", "url", "code", "field"), [
    ("amina@example.ma", "https://phishing.example.com/reset/", "INVALID", "redirectUrl"),
    ("amina@example.ma", "/reset/", "INVALID", "redirectUrl"),
    ("amina@example.ma", "javascript:alert(1)", "INVALID", "redirectUrl"),
    ("amina@example.ma", "", "REQUIRED", "redirectUrl"),
    ("amina\x00@example.ma", "http://localhost/reset/", "INVALID", "email"),
])
def test_a_reset_with_a_bad_link_or_email_sends_nothing(graphql, customer, email, url, code,
                                                        field,
                                                        django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = graphql(RESET, email=email, redirectUrl=url)["data"]["requestPasswordReset"]

    assert [(e["code"], e["field"]) for e in result["errors"]] == [(code, field)]
    assert mail.outbox == []


def test_set_password_with_the_emailed_token_changes_it_and_signs_in(graphql, customer):
    token = default_token_generator.make_token(customer)

    result = graphql(SET_PASSWORD, email="amina@example.ma", token=token,
                     password="Nouveau-mot-de-passe-2026")["data"]["setPassword"]

    assert result["errors"] == [] and result["user"] == {"email": "amina@example.ma"}
    assert result["token"] and result["refreshToken"]
    customer.refresh_from_db()
    assert customer.check_password("Nouveau-mot-de-passe-2026")


@pytest.mark.parametrize(("email", "token", "password", "code", "field"), [
    ("amina@example.ma", "bad-token", "Nouveau-mot-de-passe-2026", "INVALID", "token"),
    ("nobody@example.ma", "valid", "Nouveau-mot-de-passe-2026", "INVALID", "token"),
    ("amina@example.ma", "valid", "short", "PASSWORD_TOO_SHORT", "password"),
    ("amina@example.ma\x00", "valid", "Nouveau-mot-de-passe-2026", "INVALID", "email"),
    ("amina@example.ma", "valid\x00", "Nouveau-mot-de-passe-2026", "INVALID", "token"),
])
def test_a_refused_set_password_keeps_the_old_one(graphql, customer, email, token, password,
                                                  code, field):
    if token.startswith("valid"):
        token = token.replace("valid", default_token_generator.make_token(customer))

    result = graphql(SET_PASSWORD, email=email, token=token,
                     password=password)["data"]["setPassword"]

    assert [(e["code"], e["field"]) for e in result["errors"]] == [(code, field)]
    assert result["token"] is None
    customer.refresh_from_db()
    assert customer.check_password("coop-pass-2026")


def test_me_shows_the_customers_own_addresses_checkouts_and_orders(graphql_data, api_login,
                                                                   channel, customer,
                                                                   other_customer,
                                                                   saffron_variant):
    home = Address.objects.create(user=customer, city="AGADIR", street_address_1="12 rue")
    work = Address.objects.create(user=customer, city="TIZNIT", street_address_1="3 av.")
    customer.default_shipping_address = home
    customer.default_billing_address = work
    customer.save()
    mine = make_checkout(channel, [(saffron_variant, 1)], user=customer)
    make_checkout(channel, [(saffron_variant, 1)], user=other_customer)
    api_login(customer)

    me = graphql_data(ME)["me"]

    assert (me["id"], me["email"], me["isStaff"], me["isActive"], me["isConfirmed"],
            me["languageCode"]) == (gid("User", customer.pk), "amina@example.ma", False, True,
                                    True, "FR")
    assert me["addresses"] == [
        {"city": "AGADIR", "isDefaultShippingAddress": True, "isDefaultBillingAddress": False},
        {"city": "TIZNIT", "isDefaultShippingAddress": False, "isDefaultBillingAddress": True}]
    assert me["defaultShippingAddress"] == {"city": "AGADIR"}
    assert me["defaultBillingAddress"] == {"city": "TIZNIT"}
    assert me["checkout"] == {"token": str(mine.token)}
    assert me["checkoutIds"] == [gid("Checkout", mine.token)]
    assert me["checkoutTokens"] == [str(mine.token)]
    assert me["orders"] == {"totalCount": 0, "edges": []}


def test_a_staff_member_is_flagged(graphql_data, api_login):
    api_login(UserFactory(email="admin@coopstore.ma", is_staff=True))

    assert graphql_data("{ me { isStaff } }")["me"] == {"isStaff": True}
