"""Saleor's self-service account mutations: profile, address book, password, e-mail
confirmation and deletion. Each one checks who calls, cleans its input and calls one service
of ``backend.accounts.services``; a refusal changes nothing and answers ``errors``."""
from __future__ import annotations

from typing import Any

import graphene
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from backend.accounts.models import Address as AddressModel
from backend.accounts.models import User as UserModel
from backend.accounts.services.accounts import (
    account_confirm,
    account_delete,
    account_delete_request,
    account_update,
    password_change,
)
from backend.accounts.services.addresses import (
    BILLING,
    SHIPPING,
    account_address_create,
    account_address_delete,
    account_address_set_default,
    account_address_update,
    account_default_address_save,
)
from backend.accounts.services.metadata import metadata_items_clean
from backend.core.errors import DomainError
from backend.graphql.core.enums import LanguageCodeEnum
from backend.graphql.core.ids import from_global_id_or_error
from backend.graphql.core.mutations import graphql_error_as, input_error
from backend.graphql.core.types import NonNullList

from ..error_codes import AccountErrorCode
from .common import _account_errors, _errors, _failure, _text, stored_language, storefront_url_clean
from .errors import AddressTypeEnum
from .metadata import MetadataInput
from .types import Address, AddressInput, User, address_data

AUTHENTICATED_USER = ("To access this path, you need one of the following permissions: "
                      "AUTHENTICATED_USER")


def signed_in_user(info: Any) -> UserModel:
    """The caller, or Saleor's permission error for an anonymous request."""
    user = getattr(info.context, "user", None)
    if user is None or not user.is_authenticated or not user.is_active:
        raise PermissionDenied(AUTHENTICATED_USER)
    return user


def _no_impersonation(customer_id: str | None) -> None:
    """``customerId`` is for apps with IMPERSONATE_USER; CoopStore has no such apps."""
    if customer_id is not None:
        raise PermissionDenied("To access this path, you need one of the following "
                               "permissions: AUTHENTICATED_APP, IMPERSONATE_USER")


def _address_type(value: Any) -> str | None:
    value = getattr(value, "value", value)
    return {SHIPPING: SHIPPING, BILLING: BILLING}.get(value) if value else None


def own_address(user: UserModel, global_id: str) -> AddressModel:
    """One of the caller's addresses; another customer's looks like one that does not exist."""
    _type, pk = graphql_error_as(AccountErrorCode, "id",
                                 lambda: from_global_id_or_error(global_id, "Address",
                                                                 raise_error=True))
    address = AddressModel.objects.filter(pk=pk, user=user).first() if pk else None
    if address is None:
        raise input_error(AccountErrorCode.NOT_FOUND,
                          _("Couldn't resolve to a node: %(id)s") % {"id": str(global_id)[:100]},
                          "id")
    return address


def fresh_user(user: UserModel) -> UserModel:
    return UserModel.objects.get(pk=user.pk)


def flagged(address: AddressModel | None, user: UserModel) -> AddressModel | None:
    """The address with its ``isDefault*`` flags, as ``User.addresses`` shows them."""
    if address is not None:
        address.is_default_shipping = address.pk == user.default_shipping_address_id
        address.is_default_billing = address.pk == user.default_billing_address_id
    return address


def metadata_of(items: list | None) -> dict[str, str]:
    return metadata_items_clean({e["key"]: e["value"] for e in items or []}, field="metadata")


class AccountInput(graphene.InputObjectType):
    first_name = graphene.String(description="Given name.")
    last_name = graphene.String(description="Family name.")
    language_code = LanguageCodeEnum(description="User language code.")
    default_billing_address = AddressInput(description="Billing address of the customer.")
    default_shipping_address = AddressInput(description="Shipping address of the customer.")
    metadata = NonNullList(MetadataInput, description="Fields required to update the user "
                           "metadata.")

    class Meta:
        description = "Fields required to update the user."


class AccountUpdate(graphene.Mutation):
    account_errors = _account_errors()
    errors = _errors()
    user = graphene.Field(User)

    class Arguments:
        customer_id = graphene.ID(description="ID of customer the application is "
                                  "impersonating (apps only).")
        input = AccountInput(required=True, description="Fields required to update the "
                             "account of the logged-in user.")

    class Meta:
        description = "Updates the account of the logged-in user."

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, input: dict, customer_id: str | None = None
               ) -> AccountUpdate:
        user = signed_in_user(info)
        _no_impersonation(customer_id)
        try:
            with transaction.atomic():
                first = input.get("first_name")
                last = input.get("last_name")
                language = input.get("language_code")
                account_update(
                    user=user,
                    first_name=None if first is None else _text(first, "firstName"),
                    last_name=None if last is None else _text(last, "lastName"),
                    language_code=stored_language(language) if language else None,
                    metadata=metadata_of(input.get("metadata")))
                for field, kind in (("default_shipping_address", SHIPPING),
                                    ("default_billing_address", BILLING)):
                    if input.get(field) is not None:
                        account_default_address_save(user=user, data=address_data(input[field]),
                                                     address_type=kind)
        except DomainError as error:
            return _failure(cls, error)
        return cls(user=fresh_user(user), errors=[], account_errors=[])


class AccountAddressCreate(graphene.Mutation):
    user = graphene.Field(User, description="A user instance for which the address was "
                          "created.")
    account_errors = _account_errors()
    errors = _errors()
    address = graphene.Field(Address)

    class Arguments:
        customer_id = graphene.ID(description="ID of customer the application is "
                                  "impersonating (apps only).")
        input = AddressInput(required=True, description="Fields required to create address.")
        type = AddressTypeEnum(description="A type of address. If provided, the new address "
                               "will be automatically assigned as the customer's default "
                               "address of that type.")

    class Meta:
        description = "Create a new address for the customer."

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, input: dict, customer_id: str | None = None,
               type: Any = None) -> AccountAddressCreate:
        user = signed_in_user(info)
        _no_impersonation(customer_id)
        try:
            address = account_address_create(user=user, data=address_data(input),
                                             address_type=_address_type(type))
        except DomainError as error:
            return _failure(cls, error)
        user = fresh_user(user)
        return cls(user=user, address=flagged(address, user), errors=[], account_errors=[])


class AccountAddressUpdate(graphene.Mutation):
    user = graphene.Field(User, description="A user object for which the address was edited.")
    account_errors = _account_errors()
    errors = _errors()
    address = graphene.Field(Address)

    class Arguments:
        id = graphene.ID(required=True, description="ID of the address to update.")
        input = AddressInput(required=True, description="Fields required to update the "
                             "address.")

    class Meta:
        description = "Updates an address of the logged-in user."

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, id: str, input: dict) -> AccountAddressUpdate:
        user = signed_in_user(info)
        try:
            address = account_address_update(address=own_address(user, id),
                                             data=address_data(input))
        except DomainError as error:
            return _failure(cls, error)
        user = fresh_user(user)
        return cls(user=user, address=flagged(address, user), errors=[], account_errors=[])


class AccountAddressDelete(graphene.Mutation):
    user = graphene.Field(User, description="A user instance for which the address was "
                          "deleted.")
    account_errors = _account_errors()
    errors = _errors()
    address = graphene.Field(Address)

    class Arguments:
        id = graphene.ID(required=True, description="ID of the address to delete.")

    class Meta:
        description = "Deletes an address of the logged-in user."

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, id: str) -> AccountAddressDelete:
        user = signed_in_user(info)
        try:
            address = own_address(user, id)
            flagged(address, user)
            pk = address.pk
            account_address_delete(address=address)
            address.pk = pk  # the payload still names the deleted address, as Saleor's does
        except DomainError as error:
            return _failure(cls, error)
        return cls(user=fresh_user(user), address=address, errors=[], account_errors=[])


class AccountSetDefaultAddress(graphene.Mutation):
    user = graphene.Field(User, description="An updated user instance.")
    account_errors = _account_errors()
    errors = _errors()

    class Arguments:
        id = graphene.ID(required=True, description="ID of the address to set as default.")
        type = AddressTypeEnum(required=True, description="The type of address.")

    class Meta:
        description = "Sets a default address for the authenticated user."

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, id: str, type: Any) -> AccountSetDefaultAddress:
        user = signed_in_user(info)
        try:
            account_address_set_default(user=user, address=own_address(user, id),
                                        address_type=_address_type(type) or "?")
        except DomainError as error:
            return _failure(cls, error)
        return cls(user=fresh_user(user), errors=[], account_errors=[])


class PasswordChange(graphene.Mutation):
    user = graphene.Field(User, description="A user instance with a new password.")
    account_errors = _account_errors()
    errors = _errors()

    class Arguments:
        new_password = graphene.String(required=True, description="New user password.")
        old_password = graphene.String(description="Current user password.")

    class Meta:
        description = ("Change the password of the logged in user. Every token issued before "
                       "stops working: sign in again.")

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, new_password: str,
               old_password: str | None = None) -> PasswordChange:
        user = signed_in_user(info)
        try:
            user = password_change(user=user, old_password=old_password or "",
                                   new_password=new_password)
        except DomainError as error:
            return _failure(cls, error)
        return cls(user=user, errors=[], account_errors=[])


class ConfirmAccount(graphene.Mutation):
    user = graphene.Field(User, description="An activated user account.")
    account_errors = _account_errors()
    errors = _errors()

    class Arguments:
        email = graphene.String(required=True, description="E-mail of the user performing "
                                "account confirmation.")
        password = graphene.String(description="Password of the user confirming their "
                                   "account (not required by CoopStore).")
        token = graphene.String(required=True, description="A one-time token required to "
                                "confirm the account.")

    class Meta:
        description = ("Confirm user account with token sent by email during registration. "
                       "The guest orders placed with that address join the account.")

    @classmethod
    def mutate(cls, _root: Any, _info: Any, *, email: str, token: str,
               password: str | None = None) -> ConfirmAccount:
        try:
            user = account_confirm(email=_text(email, "email", required=True),
                                   token=_text(token, "token", required=True))
        except DomainError as error:
            return _failure(cls, error)
        return cls(user=user, errors=[], account_errors=[])


class AccountRequestDeletion(graphene.Mutation):
    account_errors = _account_errors()
    errors = _errors()

    class Arguments:
        channel = graphene.String(description="Slug of a channel which will be used to notify "
                                  "users. Optional when only one channel exists.")
        redirect_url = graphene.String(required=True, description="URL of a view where users "
                                       "should be redirected to delete their account. URL in "
                                       "RFC 1808 format.")

    class Meta:
        description = "Sends an email with the account removal link for the logged-in user."

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, redirect_url: str, channel: str | None = None
               ) -> AccountRequestDeletion:
        user = signed_in_user(info)
        try:
            account_delete_request(user=user, redirect_url=storefront_url_clean(redirect_url))
        except DomainError as error:
            return _failure(cls, error)
        return cls(errors=[], account_errors=[])


class AccountDelete(graphene.Mutation):
    account_errors = _account_errors()
    errors = _errors()
    user = graphene.Field(User)

    class Arguments:
        token = graphene.String(required=True, description="A one-time token required to "
                                "remove account. Sent by email using AccountRequestDeletion "
                                "mutation.")

    class Meta:
        description = ("Remove user account. CoopStore anonymises the customer and keeps "
                       "their orders for the cooperatives' books.")

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, token: str) -> AccountDelete:
        user = signed_in_user(info)
        try:
            user = account_delete(user=user, token=_text(token, "token", required=True))
        except DomainError as error:
            return _failure(cls, error)
        return cls(user=user, errors=[], account_errors=[])


class AccountSelfServiceMutations(graphene.ObjectType):
    account_update = AccountUpdate.Field(description="Updates the account of the logged-in "
                                         "user.")
    account_address_create = AccountAddressCreate.Field(
        description="Create a new address for the customer.")
    account_address_update = AccountAddressUpdate.Field(
        description="Updates an address of the logged-in user.")
    account_address_delete = AccountAddressDelete.Field(
        description="Deletes an address of the logged-in user.")
    account_set_default_address = AccountSetDefaultAddress.Field(
        description="Sets a default address for the authenticated user.")
    password_change = PasswordChange.Field(description="Change the password of the logged in "
                                           "user.")
    confirm_account = ConfirmAccount.Field(description="Confirm user account with token sent "
                                           "by email during registration.")
    account_request_deletion = AccountRequestDeletion.Field(
        description="Sends an email with the account removal link for the logged-in user.")
    account_delete = AccountDelete.Field(description="Remove user account.")
