"""Saleor's sign-in and account mutations, each calling one accounts service."""
from __future__ import annotations

from typing import Any

import graphene
from django.urls import NoReverseMatch, reverse

from backend.accounts import jwt as tokens
from backend.accounts.models import User as UserModel
from backend.accounts.services.accounts import (
    account_register,
    password_reset_request,
    password_set,
    token_create,
    token_refresh,
)
from backend.core import ratelimit
from backend.core.errors import DomainError
from backend.graphql.core.enums import LanguageCodeEnum
from backend.graphql.core.types import NonNullList

from .common import (  # noqa: F401 (stored_language: imported from here by the checkout API)
    SUPPORTED_LANGUAGES,
    _account_errors,
    _errors,
    _failure,
    _text,
    stored_language,
    storefront_url_clean,
)
from .metadata import MetadataInput, MetadataMutations
from .mutations_account import AccountSelfServiceMutations, metadata_of
from .types import User


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
            pair = ratelimit.login_attempt(  # lockout after repeated failures
                _info.context, email, lambda: token_create(email=email, password=password))
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
    metadata = NonNullList(MetadataInput, description="User public metadata.")


def confirmation_url(info: Any, redirect_url: Any) -> str:
    """Where the confirmation link points: the client's ``redirectUrl`` (checked as Saleor
    does), else CoopStore's own confirmation page."""
    if redirect_url:
        return storefront_url_clean(redirect_url)
    try:
        return info.context.build_absolute_uri(reverse("storefront:account_confirm"))
    except (NoReverseMatch, AttributeError):
        return ""


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
            ratelimit.register_ensure_allowed(info.context)
            user = account_register(
                email=_text(input.get("email"), "email", required=True),
                password=input.get("password") or "",
                first_name=_text(input.get("first_name"), "firstName"),
                last_name=_text(input.get("last_name"), "lastName"),
                language_code=stored_language(input.get("language_code")),
                redirect_url=confirmation_url(info, input.get("redirect_url")),
                metadata=metadata_of(input.get("metadata")))
        except DomainError as error:
            return _failure(cls, error)
        # The account works at once; confirming the e-mail gives it the guest orders.
        return cls(user=user, requires_confirmation=True, errors=[], account_errors=[])


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
            email = _text(email, "email", required=True)
            if ratelimit.password_reset_allowed(_info.context, email):
                password_reset_request(email=email, redirect_url=url)
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


class AccountMutations(AccountSelfServiceMutations, MetadataMutations, graphene.ObjectType):
    token_create = CreateToken.Field(description="Create JWT token.")
    token_refresh = RefreshToken.Field(description="Refresh JWT token.")
    account_register = AccountRegister.Field(description="Register a new user.")
    request_password_reset = RequestPasswordReset.Field(
        description="Sends an email with the account password modification link.")
    set_password = SetPassword.Field(description="Sets the user's password from the token sent "
                                     "by email using the RequestPasswordReset mutation.")
