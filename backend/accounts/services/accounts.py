"""Account life cycle: registration, sign-in for the API, password reset by e-mail."""
from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import authenticate, password_validation
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from backend.core.errors import DomainError, ErrorItem
from backend.core.validation import email_clean
from backend.orders.services.order_claim import orders_claim_for_user

from .. import jwt as tokens
from ..error_codes import AccountErrorCode
from ..models import User

PASSWORD_CODES = {
    "password_too_short": AccountErrorCode.PASSWORD_TOO_SHORT,
    "password_too_common": AccountErrorCode.PASSWORD_TOO_COMMON,
    "password_entirely_numeric": AccountErrorCode.PASSWORD_ENTIRELY_NUMERIC,
    "password_too_similar": AccountErrorCode.PASSWORD_TOO_SIMILAR,
}


def password_check(password: str, user: User | None = None) -> None:
    """Django's password validators, reported with Saleor's codes."""
    if not password:
        raise DomainError.single(AccountErrorCode.REQUIRED, _("This field is required."),
                                 "password")
    if "\x00" in password or len(password) > 128:
        raise DomainError.single(AccountErrorCode.INVALID_PASSWORD,
                                 _("This password is not allowed."), "password")
    try:
        password_validation.validate_password(password, user)
    except ValidationError as exc:
        raise DomainError(*[
            ErrorItem(PASSWORD_CODES.get(e.code, AccountErrorCode.INVALID_PASSWORD),
                      " ".join(e.messages), "password")
            for e in exc.error_list]) from None


@transaction.atomic
def account_register(*, email: str, password: str, first_name: str = "", last_name: str = "",
                     language_code: str = "fr") -> User:
    email = email_clean(email, code_enum=AccountErrorCode)
    if User.objects.filter(email=email).exists():
        raise DomainError.single(AccountErrorCode.UNIQUE,
                                 _("A user with this email already exists."), "email")
    candidate = User(email=email, first_name=first_name[:150], last_name=last_name[:150])
    password_check(password, candidate)
    user = User.objects.create_user(email=email, password=password,
                                    first_name=first_name[:150], last_name=last_name[:150],
                                    language_code=(language_code or "fr")[:2].lower())
    orders_claim_for_user(user=user)
    return user


@dataclass(frozen=True)
class TokenPair:
    user: User
    token: str
    refresh_token: str


def token_create(*, email: str, password: str) -> TokenPair:
    """Sign in to the API with email and password (Saleor's tokenCreate)."""
    email = (email or "").replace("\x00", "").strip().lower()
    user = authenticate(username=email, password=(password or "").replace("\x00", ""))
    if user is None:
        inactive = User.objects.filter(email=email, is_active=False).first()
        if inactive is not None and inactive.check_password(password or ""):
            raise DomainError.single(AccountErrorCode.INACTIVE, _("Account inactive."), "email")
        raise DomainError.single(AccountErrorCode.INVALID_CREDENTIALS,
                                 _("Please, enter valid credentials"), "email")
    return TokenPair(user=user, token=tokens.create_access_token(user),
                     refresh_token=tokens.create_refresh_token(user))


def token_refresh(*, refresh_token: str) -> TokenPair:
    if not refresh_token:
        raise DomainError.single(AccountErrorCode.JWT_MISSING_TOKEN,
                                 _("Missing refreshToken"), "refreshToken")
    try:
        user = tokens.user_from_token(refresh_token, token_type=tokens.REFRESH)
    except tokens.InvalidToken as exc:
        raise DomainError.single(AccountErrorCode(exc.code), _("Invalid token"),
                                 "refreshToken") from None
    return TokenPair(user=user, token=tokens.create_access_token(user),
                     refresh_token=refresh_token)


def password_reset_request(*, email: str, redirect_url: str) -> None:
    """E-mail a reset link; says nothing about whether the address has an account."""
    from ..tasks import send_password_reset

    user = User.objects.filter(email=(email or "").strip().lower(), is_active=True).first()
    if user is None:
        return
    token = default_token_generator.make_token(user)
    transaction.on_commit(lambda: send_password_reset.delay(user.pk, token, redirect_url))


@transaction.atomic
def password_set(*, email: str, token: str, password: str) -> User:
    user = User.objects.filter(email=(email or "").strip().lower()).first()
    if user is None or not default_token_generator.check_token(user, token or ""):
        raise DomainError.single(AccountErrorCode.INVALID, _("Invalid or expired token."),
                                 "token")
    password_check(password, user)
    user.set_password(password)
    user.jwt_token_key = User._meta.get_field("jwt_token_key").default()
    user.save(update_fields=["password", "jwt_token_key"])
    return user


@transaction.atomic
def account_update(*, user: User, first_name: str, last_name: str,
                   language_code: str | None = None) -> User:
    """Change the customer's name and the language of their e-mails (Saleor's accountUpdate)."""
    fields = ["first_name", "last_name"]
    user.first_name = (first_name or "").replace("\x00", "").strip()[:150]
    user.last_name = (last_name or "").replace("\x00", "").strip()[:150]
    if language_code is not None:
        if language_code not in {code for code, _name in settings.LANGUAGES}:
            raise DomainError.single(AccountErrorCode.INVALID,
                                     _("This language is not offered."), "languageCode")
        user.language_code = language_code
        fields.append("language_code")
    user.save(update_fields=[*fields, "updated_at"])
    return user
