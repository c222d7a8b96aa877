"""Registration, API tokens and password reset."""
from __future__ import annotations

import re

import pytest
from django.core import mail

from backend.accounts import jwt as tokens
from backend.accounts.error_codes import AccountErrorCode
from backend.accounts.models import User
from backend.accounts.services.accounts import (
    account_register,
    password_reset_request,
    password_set,
    token_create,
    token_refresh,
)
from backend.core.errors import DomainError


@pytest.fixture(autouse=True)
def _locmem_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_register_creates_a_user_who_can_sign_in(db):
    user = account_register(email="  Salma@Example.MA ", password="argan-oil-2026",
                            language_code="ar")

    assert user.email == "salma@example.ma"
    assert user.language_code == "ar"
    pair = token_create(email="salma@example.ma", password="argan-oil-2026")
    assert tokens.user_from_token(pair.token) == user


@pytest.mark.parametrize(
    ("email", "password", "code"),
    [("", "argan-oil-2026", AccountErrorCode.REQUIRED),
     ("not-an-email", "argan-oil-2026", AccountErrorCode.INVALID),
     ("a@example.ma", "short", AccountErrorCode.PASSWORD_TOO_SHORT),
     ("a@example.ma", "12345678901", AccountErrorCode.PASSWORD_ENTIRELY_NUMERIC),
     ("a@example.ma", "password123", AccountErrorCode.PASSWORD_TOO_COMMON),
     ("a@example.ma", "", AccountErrorCode.REQUIRED),
     ("a@example.ma", "x\x00yyyyyyyyy", AccountErrorCode.INVALID_PASSWORD)],
)
def test_register_refuses_bad_input_and_creates_nothing(db, email, password, code):
    with pytest.raises(DomainError) as refused:
        account_register(email=email, password=password)

    assert code in [e.code for e in refused.value.errors]
    assert User.objects.count() == 0


def test_register_refuses_an_existing_email(customer):
    with pytest.raises(DomainError) as refused:
        account_register(email="AMINA@example.ma", password="argan-oil-2026")

    assert refused.value.errors[0].code == AccountErrorCode.UNIQUE
    assert User.objects.count() == 1


def test_token_create_refuses_wrong_password(customer):
    with pytest.raises(DomainError) as refused:
        token_create(email=customer.email, password="wrong")

    assert refused.value.errors[0].code == AccountErrorCode.INVALID_CREDENTIALS


def test_token_refresh_gives_a_new_access_token_and_refuses_an_access_token(customer):
    pair = token_create(email=customer.email, password="coop-pass-2026")

    refreshed = token_refresh(refresh_token=pair.refresh_token)
    assert tokens.user_from_token(refreshed.token) == customer

    with pytest.raises(DomainError) as refused:
        token_refresh(refresh_token=pair.token)
    assert refused.value.errors[0].code == AccountErrorCode.JWT_INVALID_TOKEN

    with pytest.raises(DomainError) as garbage:
        token_refresh(refresh_token="not.a.jwt")
    assert garbage.value.errors[0].code == AccountErrorCode.JWT_DECODE_ERROR


def test_password_reset_mails_a_link_that_sets_the_password_once(customer,
                                                                 django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        password_reset_request(email=customer.email, redirect_url="http://shop.test/reset")
    old_access = token_create(email=customer.email, password="coop-pass-2026").token

    assert len(mail.outbox) == 1
    token = re.search(r"token=([\w-]+)", mail.outbox[0].body).group(1)
    password_set(email=customer.email, token=token, password="new-saffron-2026")

    assert token_create(email=customer.email, password="new-saffron-2026").user == customer
    with pytest.raises(tokens.InvalidToken):
        tokens.user_from_token(old_access)
    with pytest.raises(DomainError) as reused:
        password_set(email=customer.email, token=token, password="another-one-2026")
    assert reused.value.errors[0].code == AccountErrorCode.INVALID


def test_password_reset_for_an_unknown_email_sends_nothing(db,
                                                          django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        password_reset_request(email="nobody@example.ma", redirect_url="http://shop.test/r")

    assert mail.outbox == []
