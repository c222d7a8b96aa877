"""JWT sign-in for the API: tokenCreate, tokenRefresh, the Authorization header and Saleor's
behaviour with expired, revoked, forged and foreign tokens."""
from __future__ import annotations

import time

import jwt
import pytest
from django.conf import settings as django_settings

from backend.accounts.jwt import create_access_token, create_refresh_token
from tests.factories.catalog import UserFactory
from tests.graphql.conftest import gid

pytestmark = pytest.mark.django_db

PASSWORD = "coop-pass-2026"
TOKEN_CREATE = """mutation($email: String!, $password: String!) {
  tokenCreate(email: $email, password: $password) {
    token refreshToken csrfToken user { id email } errors { field code message }
    accountErrors { code } } }"""
TOKEN_REFRESH = """mutation($refreshToken: String) { tokenRefresh(refreshToken: $refreshToken) {
  token user { email } errors { field code message } } }"""
ME = "{ me { id email firstName } }"


def _post(client, query: str, headers: dict | None = None, **variables) -> dict:
    import json

    response = client.post("/graphql/", json.dumps({"query": query, "variables": variables}),
                           content_type="application/json", **(headers or {}))
    assert response.status_code == 200, response.content
    return response.json()


def _bearer(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def _token(user, **changes) -> str:
    """An access token of ``user`` with some claims changed (to forge or expire it)."""
    payload = jwt.decode(create_access_token(user), options={"verify_signature": False})
    payload.update(changes)
    return jwt.encode(payload, django_settings.SECRET_KEY, algorithm="HS256")


def test_token_create_signs_a_customer_in(client, customer):
    result = _post(client, TOKEN_CREATE, email="AMINA@example.ma",
                   password=PASSWORD)["data"]["tokenCreate"]

    assert result["errors"] == [] and result["accountErrors"] == []
    assert result["user"] == {"id": gid("User", customer.pk), "email": "amina@example.ma"}
    me = _post(client, ME, _bearer(result["token"]))["data"]["me"]
    assert me == {"id": gid("User", customer.pk), "email": "amina@example.ma",
                  "firstName": "Amina"}
    assert result["refreshToken"] and result["csrfToken"] is None


@pytest.mark.parametrize(("email", "password", "code"), [
    ("amina@example.ma", "wrong", "INVALID_CREDENTIALS"),
    ("nobody@example.ma", PASSWORD, "INVALID_CREDENTIALS"),
    ("amina@example.ma\x00", f"{PASSWORD}\x00x", "INVALID_CREDENTIALS"),
    ("", "", "INVALID_CREDENTIALS"),
    ("sleeping@example.ma", PASSWORD, "INACTIVE"),
])
def test_token_create_refuses_bad_credentials(client, customer, email, password, code):
    UserFactory(email="sleeping@example.ma", is_active=False)

    result = _post(client, TOKEN_CREATE, email=email, password=password)["data"]["tokenCreate"]

    assert [(e["code"], e["field"]) for e in result["errors"]] == [(code, "email")]
    assert result["token"] is None and result["user"] is None


def test_token_refresh_gives_a_new_access_token(client, customer):
    result = _post(client, TOKEN_REFRESH,
                   refreshToken=create_refresh_token(customer))["data"]["tokenRefresh"]

    assert result["errors"] == [] and result["user"] == {"email": "amina@example.ma"}
    assert _post(client, ME, _bearer(result["token"]))["data"]["me"]["email"] == (
        "amina@example.ma")


@pytest.mark.parametrize(("kind", "code"), [
    ("missing", "JWT_MISSING_TOKEN"), ("garbage", "JWT_DECODE_ERROR"),
    ("access", "JWT_INVALID_TOKEN"), ("expired", "JWT_SIGNATURE_EXPIRED"),
    ("nul", "JWT_DECODE_ERROR"),
])
def test_token_refresh_refuses_what_is_not_a_valid_refresh_token(client, customer, kind, code):
    token = {"missing": None, "garbage": "abc.def.ghi", "nul": "abc\x00",
             "access": create_access_token(customer),
             "expired": _token(customer, type="refresh", exp=int(time.time()) - 60)}[kind]

    result = _post(client, TOKEN_REFRESH, refreshToken=token)["data"]["tokenRefresh"]

    assert [(e["code"], e["field"]) for e in result["errors"]] == [(code, "refreshToken")]
    assert result["token"] is None


def test_me_is_null_without_a_token(client, customer):
    assert _post(client, ME) == {"data": {"me": None}}


@pytest.mark.parametrize("header", ["HTTP_AUTHORIZATION", "HTTP_AUTHORIZATION_BEARER"])
def test_saleors_header_forms_are_accepted(client, customer, header):
    token = create_access_token(customer)
    value = f"JWT {token}" if header == "HTTP_AUTHORIZATION" else token

    assert _post(client, ME, {header: value})["data"]["me"]["email"] == "amina@example.ma"


@pytest.mark.parametrize(("kind", "exception", "message"), [
    ("expired", "ExpiredSignatureError", "Signature has expired"),
    ("revoked", "InvalidTokenError",
     "Invalid token. Create new one by using tokenCreate mutation."),
    ("forged", "InvalidSignatureError", "Signature verification failed"),
    ("refresh", "InvalidTokenError",
     "Invalid token. Create new one by using tokenCreate mutation."),
    ("inactive", "InvalidTokenError",
     "Invalid token. Create new one by using tokenCreate mutation."),
])
def test_a_bad_token_fails_the_fields_that_need_a_user_as_in_saleor(client, customer, kind,
                                                                    exception, message):
    token = {
        "expired": lambda: _token(customer, exp=int(time.time()) - 60),
        "revoked": lambda: _token(customer, token="rotated-key"),
        "forged": lambda: create_access_token(customer)[:-4] + "AAAA",
        "refresh": lambda: create_refresh_token(customer),
        "inactive": lambda: create_access_token(customer),
    }[kind]()
    if kind == "inactive":
        customer.is_active = False
        customer.save()

    body = _post(client, "{ me { email } shop { name } }", _bearer(token))

    assert body["data"] == {"me": None, "shop": {"name": "CoopStore"}}
    assert [(e["message"], e["extensions"]["exception"]["code"]) for e in body["errors"]] == [
        (message, exception)]


def test_a_value_that_is_not_a_jwt_is_ignored_as_saleor_does(client, customer):
    body = _post(client, ME, _bearer("not-a-jwt"))

    assert body == {"data": {"me": None}}


def test_a_session_cookie_does_not_sign_in_to_the_api(client, customer):
    client.force_login(customer)

    assert _post(client, ME) == {"data": {"me": None}}


def test_setting_a_new_password_revokes_the_old_tokens(client, customer):
    from django.contrib.auth.tokens import default_token_generator

    old = create_access_token(customer)
    reset = default_token_generator.make_token(customer)
    _post(client, """mutation($email: String!, $token: String!, $password: String!) {
      setPassword(email: $email, token: $token, password: $password) { errors { code } } }""",
          email=customer.email, token=reset, password="Un-nouveau-mot-2026")

    body = _post(client, ME, _bearer(old))

    assert body["errors"][0]["extensions"]["exception"]["code"] == "InvalidTokenError"
