"""Account life cycle: registration and e-mail confirmation, sign-in for the API, password reset
and change, deletion by an e-mailed link (the customer is anonymised, their orders are kept)."""
from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import authenticate, password_validation
from django.contrib.auth.tokens import PasswordResetTokenGenerator, default_token_generator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from backend.core.errors import DomainError, ErrorItem
from backend.core.validation import email_clean
from backend.orders.services.order_claim import orders_claim_for_user
from backend.outbox.services import enqueue

from .. import jwt as tokens
from ..error_codes import AccountErrorCode
from ..models import User


class _PurposeTokenGenerator(PasswordResetTokenGenerator):
    """One-time links for one purpose: the token dies once the state it was made for changes
    (confirmed, e-mail or password changed, account deactivated)."""

    def _make_hash_value(self, user: User, timestamp: int) -> str:
        return (f"{user.pk}{user.password}{user.email}{int(user.is_confirmed)}"
                f"{int(user.is_active)}{timestamp}")


class ConfirmationTokenGenerator(_PurposeTokenGenerator):
    key_salt = "coopstore.accounts.confirm-account"


class DeletionTokenGenerator(_PurposeTokenGenerator):
    key_salt = "coopstore.accounts.delete-account"


confirmation_tokens = ConfirmationTokenGenerator()
deletion_tokens = DeletionTokenGenerator()
ANONYMOUS_EMAIL_DOMAIN = "deleted.coopstore.invalid"

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


def _rotate_tokens(user: User) -> None:
    """Revoke every JWT of the user (Django sessions die with the password hash)."""
    user.jwt_token_key = User._meta.get_field("jwt_token_key").default()


@transaction.atomic
def account_register(*, email: str, password: str, first_name: str = "", last_name: str = "",
                     language_code: str = "fr", redirect_url: str = "",
                     metadata: dict | None = None) -> User:
    """Create an unconfirmed account and e-mail the confirmation link to ``redirect_url``.

    The guest orders placed with the address are only given to the account once the owner of
    the mailbox confirms it (``account_confirm``): anyone may type someone else's e-mail.
    """
    from ..tasks import send_account_confirmation

    email = email_clean(email, code_enum=AccountErrorCode)
    if User.objects.filter(email=email).exists():
        raise DomainError.single(AccountErrorCode.UNIQUE,
                                 _("A user with this email already exists."), "email")
    candidate = User(email=email, first_name=first_name[:150], last_name=last_name[:150])
    password_check(password, candidate)
    user = User.objects.create_user(email=email, password=password,
                                    first_name=first_name[:150], last_name=last_name[:150],
                                    language_code=(language_code or "fr")[:2].lower(),
                                    is_confirmed=False, metadata=dict(metadata or {}))
    if redirect_url:
        token = confirmation_tokens.make_token(user)
        enqueue(send_account_confirmation, args=[user.pk, token, redirect_url])
    return user


@transaction.atomic
def account_confirm(*, email: str, token: str) -> User:
    """Confirm the e-mail address from the link; the guest orders of that address join."""
    user = User.objects.select_for_update().filter(
        email=(email or "").strip().lower(), is_active=True).first()
    if user is None:
        raise DomainError.single(AccountErrorCode.NOT_FOUND,
                                 _("User with this email doesn't exist"), "email")
    if not confirmation_tokens.check_token(user, token or ""):
        raise DomainError.single(AccountErrorCode.INVALID, _("Invalid or expired token."),
                                 "token")
    user.is_confirmed = True
    user.save(update_fields=["is_confirmed", "updated_at"])
    orders_claim_for_user(user=user)
    return user


@transaction.atomic
def password_change(*, user: User, old_password: str, new_password: str) -> User:
    """Change the signed-in user's password; every other JWT of theirs stops working."""
    if not user.check_password((old_password or "").replace("\x00", "")):
        raise DomainError.single(AccountErrorCode.INVALID_CREDENTIALS,
                                 _("Old password isn't valid."), "oldPassword")
    try:
        password_check(new_password, user)
    except DomainError as error:
        raise DomainError(*[ErrorItem(e.code, e.message, "newPassword")
                            for e in error.errors]) from None
    user.set_password(new_password)
    _rotate_tokens(user)
    user.save(update_fields=["password", "jwt_token_key", "updated_at"])
    return user


def account_delete_request(*, user: User, redirect_url: str) -> None:
    """E-mail the signed-in customer a link that deletes their account."""
    from ..tasks import send_account_deletion

    token = deletion_tokens.make_token(user)
    enqueue(send_account_deletion, args=[user.pk, token, redirect_url])


@transaction.atomic
def account_delete(*, user: User, token: str) -> User:
    """Delete the customer's account with the e-mailed token, keeping their orders.

    The person disappears: names and e-mail become a placeholder, the address book, open
    carts and metadata go, the password becomes unusable and every JWT and session is revoked.
    The orders stay, linked to the anonymised row, for the cooperatives' books (their
    addresses are copies, owned by no user). Staff accounts are closed in the admin instead.
    """
    from backend.orders.models import Checkout

    user = User.objects.select_for_update().get(pk=user.pk)
    if user.is_staff:
        raise DomainError.single(AccountErrorCode.DELETE_STAFF_ACCOUNT,
                                 _("Cannot delete a staff account."), "token")
    if not deletion_tokens.check_token(user, token or ""):
        raise DomainError.single(AccountErrorCode.INVALID, _("Invalid or expired token."),
                                 "token")
    user.default_shipping_address = None
    user.default_billing_address = None
    user.save(update_fields=["default_shipping_address", "default_billing_address"])
    Checkout.objects.filter(user=user).delete()
    user.addresses.all().delete()
    user.email = f"deleted-{user.pk}@{ANONYMOUS_EMAIL_DOMAIN}"
    user.first_name = user.last_name = ""
    user.metadata, user.private_metadata = {}, {}
    user.is_active = False
    user.set_unusable_password()
    _rotate_tokens(user)
    user.save()
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
    enqueue(send_password_reset, args=[user.pk, token, redirect_url])


@transaction.atomic
def password_set(*, email: str, token: str, password: str) -> User:
    user = User.objects.filter(email=(email or "").strip().lower()).first()
    if user is None or not default_token_generator.check_token(user, token or ""):
        raise DomainError.single(AccountErrorCode.INVALID, _("Invalid or expired token."),
                                 "token")
    password_check(password, user)
    user.set_password(password)
    _rotate_tokens(user)
    user.save(update_fields=["password", "jwt_token_key"])
    return user


@transaction.atomic
def account_update(*, user: User, first_name: str | None, last_name: str | None,
                   language_code: str | None = None, metadata: dict | None = None) -> User:
    """Change the customer's name, the language of their e-mails and public metadata
    (Saleor's accountUpdate: a field left out, ``None``, keeps its value)."""
    fields = []
    if first_name is not None:
        user.first_name = first_name.replace("\x00", "").strip()[:150]
        fields.append("first_name")
    if last_name is not None:
        user.last_name = last_name.replace("\x00", "").strip()[:150]
        fields.append("last_name")
    if metadata:
        user.metadata = {**(user.metadata or {}), **metadata}
        fields.append("metadata")
    if language_code is not None:
        if language_code not in {code for code, _name in settings.LANGUAGES}:
            raise DomainError.single(AccountErrorCode.INVALID,
                                     _("This language is not offered."), "languageCode")
        user.language_code = language_code
        fields.append("language_code")
    user.save(update_fields=[*fields, "updated_at"])
    return user
