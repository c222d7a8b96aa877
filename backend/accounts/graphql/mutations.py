"""Saleor's sign-in and account mutations, each calling one accounts service."""
from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

import graphene
from django.conf import settings
from django.http.request import split_domain_port, validate_host
from django.utils.translation import gettext as _

from backend.accounts import jwt as tokens
from backend.accounts.error_codes import AccountErrorCode
from backend.accounts.models import User as UserModel
from backend.accounts.services.accounts import (
    account_register,
    password_reset_request,
    password_set,
    token_create,
    token_refresh,
)
from backend.core.errors import DomainError
from backend.graphql.core.enums import LanguageCodeEnum
from backend.graphql.core.languages import content_language
from backend.graphql.core.mutations import errors_of, input_error
from backend.graphql.core.types import NonNullList
from backend.graphql.core.validators import is_clean_text

from .errors import AccountError
from .types import User

SUPPORTED_LANGUAGES = {code for code, _name in settings.LANGUAGES}


def _errors() -> graphene.List:
    return NonNullList(AccountError, required=True)


def _account_errors() -> graphene.List:
    return NonNullList(AccountError, required=True,
                       deprecation_reason="Use `errors` field instead.")


def _failure(payload: type, error: DomainError, **values: Any) -> Any:
    errors = errors_of(error, AccountError, AccountErrorCode)
    return payload(errors=errors, account_errors=errors, **values)


def _text(value: Any, field: str, *, required: bool = False) -> str:
    """A text input that can reach the database: no NUL character, present when required."""
    if value is None or value == "":
        if required:
            raise input_error(AccountErrorCode.REQUIRED, _("This field is required."), field)
        return ""
    if not is_clean_text(value):
        raise input_error(AccountErrorCode.INVALID, _("Enter a valid value."), field)
    return value


def storefront_url_clean(url: Any, field: str = "redirectUrl") -> str:
    """Saleor's rule for links sent by e-mail: an absolute http(s) URL on an allowed host
    (``ALLOWED_CLIENT_HOSTS``, else ``ALLOWED_HOSTS`` and the host of ``PUBLIC_URL``)."""
    url = _text(url, field, required=True)
    try:
        parsed = urlparse(url)
        domain, _port = split_domain_port(parsed.netloc)
    except ValueError:
        parsed, domain = None, ""
    if parsed is None or not parsed.netloc or parsed.scheme not in ("http", "https"):
        raise input_error(AccountErrorCode.INVALID,
                          _("Invalid URL. Please check if URL is in RFC 1808 format."), field)
    allowed = list(getattr(settings, "ALLOWED_CLIENT_HOSTS", None) or settings.ALLOWED_HOSTS)
    public = urlparse(getattr(settings, "PUBLIC_URL", "") or "").hostname
    if public:
        allowed.append(public)
    if not validate_host(domain, allowed):
        raise input_error(AccountErrorCode.INVALID,
                          _("%(domain)s is not allowed. Please check `ALLOWED_CLIENT_HOSTS` "
                            "configuration.") % {"domain": domain or url[:80]}, field)
    return url


def stored_language(value: Any, default: str = "fr") -> str:
    """``AR_MA`` -> ``ar``; a language we have no content in keeps the default."""
    code = getattr(value, "value", value)
    language = content_language(str(code)) if code else default
    return language if language in SUPPORTED_LANGUAGES else default


class CreateToken(graphene.Mutation):
    token = graphene.String(description="JWT token, required to authenticate.")
    refresh_token = graphene.String(description="JWT refresh token, required to re-generate "
                                    "access token.")
    csrf_token = graphene.String(description="CSRF token required to re-generate access token.")
    user = graphene.Field(User, description="A user instance.")
    account_errors = _account_errors()
    errors = _errors()

    class Arguments:
        audience = graphene.String(description="The audience that will be included to JWT "
                                   "payloads.")
        email = graphene.String(required=True, description="Email of a user.")
        password = graphene.String(required=True, description="Password of a user.")

    class Meta:
        description = "Create JWT token."

    @classmethod
    def mutate(cls, _root: Any, _info: Any, *, email: str, password: str,
               audience: str | None = None) -> CreateToken:
        try:
            pair = token_create(email=email, password=password)
        except DomainError as error:
            return _failure(cls, error)
        return cls(token=pair.token, refresh_token=pair.refresh_token, user=pair.user,
                   errors=[], account_errors=[])


class RefreshToken(graphene.Mutation):
    token = graphene.String(description="JWT token, required to authenticate.")
    user = graphene.Field(User, description="A user instance.")
    account_errors = _account_errors()
    errors = _errors()

    class Arguments:
        csrf_token = graphene.String(description="CSRF token required to refresh token.")
        refresh_token = graphene.String(description="Refresh token.")

    class Meta:
        description = "Refresh JWT token. Mutation tries to take refreshToken from the input."

    @classmethod
    def mutate(cls, _root: Any, _info: Any, *, refresh_token: str | None = None,
               csrf_token: str | None = None) -> RefreshToken:
        try:
            pair = token_refresh(refresh_token=refresh_token or "")
        except DomainError as error:
            return _failure(cls, error)
        return cls(token=pair.token, user=pair.user, errors=[], account_errors=[])


class AccountRegisterInput(graphene.InputObjectType):
    first_name = graphene.String(description="Given name.")
    last_name = graphene.String(description="Family name.")
    language_code = LanguageCodeEnum(description="User language code.")
    email = graphene.String(required=True, description="The email address of the user.")
    password = graphene.String(required=True, description="Password.")
    redirect_url = graphene.String(description="Base of frontend URL that will be needed to "
                                   "create confirmation URL.")
    channel = graphene.String(description="Slug of a channel which will be used to notify "
                              "users.")


class AccountRegister(graphene.Mutation):
    user = graphene.Field(User, deprecation_reason="The field always returns a `User` object "
                          "constructed from the input data.")
    requires_confirmation = graphene.Boolean(description="Informs whether users need to "
                                             "confirm their email address.")
    account_errors = _account_errors()
    errors = _errors()

    class Arguments:
        input = AccountRegisterInput(required=True, description="Fields required to create a "
                                     "user.")

    class Meta:
        description = "Register a new user."

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, input: dict) -> AccountRegister:
        try:
            user = account_register(
                email=_text(input.get("email"), "email", required=True),
                password=input.get("password") or "",
                first_name=_text(input.get("first_name"), "firstName"),
                last_name=_text(input.get("last_name"), "lastName"),
                language_code=stored_language(input.get("language_code")))
        except DomainError as error:
            return _failure(cls, error)
        return cls(user=user, requires_confirmation=False, errors=[], account_errors=[])


class RequestPasswordReset(graphene.Mutation):
    account_errors = _account_errors()
    errors = _errors()

    class Arguments:
        channel = graphene.String(description="Slug of a channel which will be used for notify "
                                  "user.")
        email = graphene.String(required=True, description="Email of the user that will be "
                                "used for password recovery.")
        redirect_url = graphene.String(required=True, description="URL of a view where users "
                                       "should be redirected to reset the password.")

    class Meta:
        description = ("Sends an email with the account password modification link. Answers "
                       "the same whether or not the address has an account.")

    @classmethod
    def mutate(cls, _root: Any, _info: Any, *, email: str, redirect_url: str,
               channel: str | None = None) -> RequestPasswordReset:
        try:
            url = storefront_url_clean(redirect_url)
            password_reset_request(email=_text(email, "email", required=True), redirect_url=url)
        except DomainError as error:
            return _failure(cls, error)
        return cls(errors=[], account_errors=[])


class SetPassword(graphene.Mutation):
    token = graphene.String(description="JWT token, required to authenticate.")
    refresh_token = graphene.String(description="JWT refresh token, required to re-generate "
                                    "access token.")
    csrf_token = graphene.String(description="CSRF token required to re-generate access token.")
    user = graphene.Field(User, description="A user instance.")
    account_errors = _account_errors()
    errors = _errors()

    class Arguments:
        email = graphene.String(required=True, description="Email of a user.")
        password = graphene.String(required=True, description="Password of a user.")
        token = graphene.String(required=True, description="A one-time token required to set "
                                "the password.")

    class Meta:
        description = "Sets the user's password from the token sent by email. Signs the user in."

    @classmethod
    def mutate(cls, _root: Any, _info: Any, *, email: str, password: str, token: str
               ) -> SetPassword:
        try:
            user: UserModel = password_set(email=_text(email, "email", required=True),
                                           token=_text(token, "token", required=True),
                                           password=password)
        except DomainError as error:
            return _failure(cls, error)
        return cls(token=tokens.create_access_token(user),
                   refresh_token=tokens.create_refresh_token(user), user=user,
                   errors=[], account_errors=[])


class AccountMutations(graphene.ObjectType):
    token_create = CreateToken.Field(description="Create JWT token.")
    token_refresh = RefreshToken.Field(description="Refresh JWT token.")
    account_register = AccountRegister.Field(description="Register a new user.")
    request_password_reset = RequestPasswordReset.Field(
        description="Sends an email with the account password modification link.")
    set_password = SetPassword.Field(description="Sets the user's password from the token sent "
                                     "by email using the RequestPasswordReset mutation.")
