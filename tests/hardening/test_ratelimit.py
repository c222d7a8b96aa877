"""Sign-in, password reset and registration are rate-limited in Redis, by address and account,
with Saleor's LOGIN_ATTEMPT_DELAYED error and a lockout message in the user's language."""
from __future__ import annotations

import json

import pytest
import redis
from django.core import mail
from django.utils import translation

from backend.accounts.models import User
from backend.core import ratelimit

pytestmark = pytest.mark.django_db

REDIS_TEST_URL = "redis://127.0.0.1:6379/6"
PASSWORD = "coop-pass-2026"
TOKEN_CREATE = """mutation($email: String!, $password: String!) {
  tokenCreate(email: $email, password: $password) {
    token user { email } errors { field code message } accountErrors { code } } }"""
RESET = """mutation($email: String!, $redirectUrl: String!) {
  requestPasswordReset(email: $email, redirectUrl: $redirectUrl) {
    errors { field code message } } }"""
REGISTER = """mutation($input: AccountRegisterInput!) { accountRegister(input: $input) {
  user { email } errors { field code message } } }"""


@pytest.fixture(autouse=True)
def redis_cache(settings):
    """Django's cache is the real Redis (a database of this test file's own)."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": REDIS_TEST_URL}}
    return redis.Redis.from_url(REDIS_TEST_URL)


def _post(client, query: str, **variables) -> dict:
    response = client.post("/graphql/", json.dumps({"query": query, "variables": variables}),
                           content_type="application/json", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200, response.content  # as GraphQL answers refusals
    return response.json()["data"]


def _sign_in(client, email: str, password: str) -> dict:
    return _post(client, TOKEN_CREATE, email=email, password=password)["tokenCreate"]


def test_a_rule_allows_its_limit_then_refuses_until_the_window_ends(redis_cache, settings):
    rule = ratelimit.Rule("test-rule", limit=3, window=600)

    for _ in range(3):
        ratelimit.throttle(rule, "203.0.113.9")
    with pytest.raises(ratelimit.RateLimited) as refused:
        ratelimit.throttle(rule, "203.0.113.9")
    ratelimit.throttle(rule, "203.0.113.10")  # another address has its own count

    assert 0 < refused.value.retry_after <= 600
    keys = redis_cache.keys(f"*rl:{settings.RATELIMIT_NAMESPACE}:test-rule:*")
    counters = [key for key in keys if not key.endswith(b":start")]
    assert len(counters) == 2  # the counters live in Redis, one per address


def test_the_lockout_message_says_how_many_minutes_in_french_arabic_and_english():
    limited = ratelimit.RateLimited(ratelimit.Rule("x", 1, 900), retry_after=14 * 60 + 1)

    with translation.override("fr"):
        assert limited.message() == "Trop de tentatives, réessayez dans 15 minutes."
    with translation.override("ar"):
        assert limited.message() == "محاولات كثيرة جدًا، أعد المحاولة بعد 15 دقيقة."
    with translation.override("en"):
        assert limited.message() == "Too many attempts, try again in 15 minutes."
    one = ratelimit.RateLimited(ratelimit.Rule("x", 1, 60), retry_after=30)
    with translation.override("fr"):
        assert one.message() == "Trop de tentatives, réessayez dans 1 minute."


def test_token_create_locks_an_account_after_five_wrong_passwords(client, customer):
    for _ in range(5):
        result = _sign_in(client, customer.email, "wrong")
        assert [e["code"] for e in result["errors"]] == ["INVALID_CREDENTIALS"]

    result = _sign_in(client, customer.email, PASSWORD)  # even the right password waits

    assert result["token"] is None and result["user"] is None
    assert result["errors"] == [{"field": None, "code": "LOGIN_ATTEMPT_DELAYED",
                                 "message": "Trop de tentatives, réessayez dans 15 minutes."}]
    assert result["accountErrors"] == [{"code": "LOGIN_ATTEMPT_DELAYED"}]
    customer.refresh_from_db()
    assert customer.last_login is None  # nothing happened


def test_a_right_password_resets_the_accounts_count(client, customer):
    for _ in range(4):
        _sign_in(client, customer.email, "wrong")
    assert _sign_in(client, customer.email, PASSWORD)["token"]

    for _ in range(4):
        _sign_in(client, customer.email, "wrong")
    assert _sign_in(client, customer.email, PASSWORD)["errors"] == []


def test_one_address_trying_many_accounts_is_locked_out(client, customer, settings):
    settings.RATELIMITS = {"login-ip": (3, 900)}
    for number in range(3):
        _sign_in(client, f"nobody{number}@example.ma", "guess")

    result = _sign_in(client, customer.email, PASSWORD)

    assert [e["code"] for e in result["errors"]] == ["LOGIN_ATTEMPT_DELAYED"]
    other = client.__class__(REMOTE_ADDR="198.51.100.7")  # another address is not locked
    assert _sign_in(other, customer.email, PASSWORD)["token"]


def test_behind_the_proxy_the_address_is_the_one_nginx_saw(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", REMOTE_ADDR="10.0.0.2",
                     HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5")  # first entry: the client's

    assert ratelimit.client_ip(request) == "203.0.113.5"
    settings.TRUSTED_PROXY_COUNT = 0
    assert ratelimit.client_ip(request) == "10.0.0.2"


def test_password_reset_mails_an_address_three_times_then_quietly_stops(
        client, customer, django_capture_on_commit_callbacks):
    for _ in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            result = _post(client, RESET, email=customer.email,
                           redirectUrl="http://localhost:8000/reset/")["requestPasswordReset"]
        assert result["errors"] == []  # the answer never tells

    assert len(mail.outbox) == 3


def test_password_reset_requests_from_one_address_are_limited(client, customer, settings,
                                                             django_capture_on_commit_callbacks):
    settings.RATELIMITS = {"password-reset-ip": (2, 3600)}
    for number in range(2):
        _post(client, RESET, email=f"x{number}@example.ma", redirectUrl="http://localhost/r/")

    with django_capture_on_commit_callbacks(execute=True):
        result = _post(client, RESET, email=customer.email,
                       redirectUrl="http://localhost/r/")["requestPasswordReset"]

    assert [e["code"] for e in result["errors"]] == ["LOGIN_ATTEMPT_DELAYED"]
    assert mail.outbox == []


def test_account_register_is_limited_by_address_and_creates_nobody_when_refused(client,
                                                                                settings):
    settings.RATELIMITS = {"register-ip": (2, 3600)}
    for number in range(2):
        result = _post(client, REGISTER, input={"email": f"new{number}@example.ma",
                                                "password": "Argan-et-safran-2026"})
        assert result["accountRegister"]["errors"] == []

    result = _post(client, REGISTER, input={"email": "third@example.ma",
                                            "password": "Argan-et-safran-2026"})

    assert [e["code"] for e in result["accountRegister"]["errors"]] == ["LOGIN_ATTEMPT_DELAYED"]
    assert sorted(User.objects.values_list("email", flat=True)) == ["new0@example.ma",
                                                                    "new1@example.ma"]


def test_the_sign_in_page_locks_out_with_a_429_and_a_french_message(client, customer):
    for _ in range(5):
        response = client.post("/account/login/", {"username": customer.email,
                                                   "password": "wrong"})
        assert response.status_code == 200

    response = client.post("/account/login/", {"username": customer.email,
                                               "password": PASSWORD})

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Trop de tentatives, réessayez dans 15 minutes." in response.content.decode()
    assert "_auth_user_id" not in client.session  # not signed in


def test_the_arabic_sign_in_page_says_it_in_arabic(client, customer, settings):
    settings.RATELIMITS = {"login-email": (1, 900)}
    client.post("/ar/account/login/", {"username": customer.email, "password": "wrong"})

    response = client.post("/ar/account/login/", {"username": customer.email,
                                                  "password": PASSWORD})

    assert response.status_code == 429
    assert "محاولات كثيرة جدًا، أعد المحاولة بعد 15 دقيقة." in response.content.decode()


def test_with_the_cache_down_signing_in_still_works(client, customer, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://127.0.0.1:1/0"}}  # nothing listens

    for _ in range(6):
        _sign_in(client, customer.email, "wrong")

    assert _sign_in(client, customer.email, PASSWORD)["token"]
