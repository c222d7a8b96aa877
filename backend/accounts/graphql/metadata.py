"""Saleor's ``updateMetadata`` / ``deleteMetadata`` and their private twins.

Who may change what (as Saleor, with CoopStore's roles): a customer the public metadata of
their own account, of their own addresses and of their checkout (a guest's checkout belongs to
whoever holds its token); network admins (staff) the public and private metadata of users,
addresses, checkouts and orders. Someone else's checkout looks like one that does not exist
(``NOT_FOUND``); someone else's account or address, or private metadata for a customer, is
Saleor's permission error, and nothing changes.
"""
from __future__ import annotations

import uuid
from typing import Any

import graphene
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from graphql import GraphQLError

from backend.accounts.error_codes import MetadataErrorCode
from backend.accounts.models import Address as AddressModel
from backend.accounts.models import User as UserModel
from backend.accounts.services.metadata import metadata_delete, metadata_update
from backend.core.errors import DomainError
from backend.graphql.core.errors import BaseError
from backend.graphql.core.ids import decode_global_id, decode_global_key
from backend.graphql.core.mutations import errors_of, input_error
from backend.graphql.core.types import METADATA_TYPE_NAMES, NonNullList, ObjectWithMetadata
from backend.orders.graphql.dataloaders import (
    CheckoutView,
    checkout_load,
    checkout_visible,
    order_lines_prefetch,
    orders_for_api,
)
from backend.orders.models import Order as OrderModel

MetadataErrorCodeEnum = graphene.Enum.from_enum(MetadataErrorCode, name="MetadataErrorCode")
METADATA_TYPE_NAMES.update({UserModel: "User", AddressModel: "Address",
                            CheckoutView: "Checkout", OrderModel: "Order"})
PERMISSIONS = {"User": "MANAGE_USERS", "Address": "MANAGE_USERS",
               "Checkout": "MANAGE_CHECKOUTS", "Order": "MANAGE_ORDERS"}


class MetadataError(BaseError):
    code = MetadataErrorCodeEnum(required=True, description="The error code.")


class MetadataInput(graphene.InputObjectType):
    key = graphene.String(required=True, description="Key of a metadata item.")
    value = graphene.String(required=True, description="Value of a metadata item.")


def _caller(info: Any) -> UserModel | None:
    user = getattr(info.context, "user", None)
    return user if user is not None and user.is_authenticated and user.is_active else None


def _not_found(global_id: str) -> DomainError:
    return input_error(MetadataErrorCode.NOT_FOUND,
                       _("Couldn't resolve to a node: %(id)s") % {"id": str(global_id)[:100]},
                       "id")


def _denied(type_name: str) -> PermissionDenied:
    return PermissionDenied("You need one of the following permissions: "
                            f"{PERMISSIONS.get(type_name, 'MANAGE_USERS')}")


def _decode(global_id: str) -> tuple[str, Any]:
    """``(type name, key)`` of a Relay ID, or a bare checkout token / order UUID (Saleor)."""
    try:
        return decode_global_id(global_id)
    except ValueError:
        pass
    try:
        type_name, key = decode_global_key(global_id)
        return type_name, uuid.UUID(key)
    except ValueError:
        pass
    try:
        token = uuid.UUID(str(global_id))
    except ValueError:
        raise input_error(MetadataErrorCode.GRAPHQL_ERROR,
                          _("Couldn't resolve to a node."), "id") from None
    if checkout_load(token) is not None:
        return "Checkout", token
    if OrderModel.objects.filter(pk=token).exists():
        return "Order", token
    raise _not_found(global_id)


def metadata_target(info: Any, global_id: str, *, private: bool) -> tuple[Any, Any]:
    """The row the mutation may change and the root to answer with, or the refusal."""
    type_name, key = _decode(global_id)
    user = _caller(info)
    staff = bool(user and user.is_staff)
    if type_name not in PERMISSIONS:
        raise input_error(MetadataErrorCode.NOT_FOUND,
                          _("Couldn't resolve to a item with meta: %(id)s")
                          % {"id": str(global_id)[:100]}, "id")
    if private and not staff:
        raise _denied(type_name)
    if type_name == "Checkout":
        checkout = checkout_load(key) if isinstance(key, uuid.UUID) else None
        if checkout is None or not (staff or checkout_visible(info, checkout)):
            raise _not_found(global_id)
        return checkout, None
    if type_name == "Order":
        if not staff:
            raise _denied(type_name)
        order = OrderModel.objects.filter(pk=key).first() if isinstance(key, uuid.UUID) else None
        if order is None:
            raise _not_found(global_id)
        return order, None
    if not isinstance(key, int):
        raise _not_found(global_id)
    model = UserModel if type_name == "User" else AddressModel
    row = model.objects.filter(pk=key).first()
    owner_id = None if row is None else (row.pk if type_name == "User" else row.user_id)
    if row is None and staff:
        raise _not_found(global_id)
    if row is None or not (staff or (user is not None and owner_id == user.pk)):
        raise _denied(type_name)
    return row, None


def metadata_item(instance: Any) -> Any:
    """The root of the payload's ``item``, as the type's own queries answer it."""
    from backend.orders.models import Checkout as CheckoutModel

    if isinstance(instance, CheckoutModel):
        fresh = checkout_load(instance.token)
        return CheckoutView(fresh) if fresh else None
    if isinstance(instance, OrderModel):
        order = orders_for_api().filter(pk=instance.pk).first()
        if order is not None:
            order_lines_prefetch([order])
        return order
    return instance


class _MetadataMutation(graphene.Mutation):
    """Shared by the four mutations: ``private`` and whether it sets or deletes."""

    metadata_errors = NonNullList(MetadataError, required=True,
                                  deprecation_reason="Use `errors` field instead.")
    errors = NonNullList(MetadataError, required=True)
    item = graphene.Field(ObjectWithMetadata)

    class Meta:
        abstract = True

    private = False

    @classmethod
    def change(cls, instance: Any, **data: Any) -> Any:
        raise NotImplementedError

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, id: str, **data: Any) -> Any:
        try:
            if not isinstance(id, str) or not id or "\x00" in id or len(id) > 1024:
                raise input_error(MetadataErrorCode.GRAPHQL_ERROR,
                                  _("Couldn't resolve to a node."), "id")
            instance, _unused = metadata_target(info, id, private=cls.private)
            cls.change(instance, **data)
        except DomainError as error:
            errors = errors_of(error, MetadataError, MetadataErrorCode)
            return cls(errors=errors, metadata_errors=errors, item=None)
        except GraphQLError as error:
            errors = [MetadataError(field="id", message=error.message,
                                    code=MetadataErrorCodeEnum.GRAPHQL_ERROR)]
            return cls(errors=errors, metadata_errors=errors, item=None)
        return cls(errors=[], metadata_errors=[], item=metadata_item(instance))


def _items(input: list) -> dict[str, str]:
    return {entry["key"]: entry["value"] for entry in input}


class UpdateMetadata(_MetadataMutation):
    class Arguments:
        id = graphene.ID(required=True, description="ID or token (for Order and Checkout) of "
                         "an object to update.")
        input = NonNullList(MetadataInput, required=True,
                            description="Fields required to update the object's metadata.")

    class Meta:
        description = "Updates metadata of an object."

    @classmethod
    def change(cls, instance: Any, *, input: list) -> Any:
        return metadata_update(instance=instance, items=_items(input), private=cls.private)


class UpdatePrivateMetadata(UpdateMetadata):
    private = True

    class Meta:
        description = "Updates private metadata of an object (network admins only)."


class DeleteMetadata(_MetadataMutation):
    class Arguments:
        id = graphene.ID(required=True, description="ID or token (for Order and Checkout) of "
                         "an object to update.")
        keys = NonNullList(graphene.String, required=True, description="Metadata keys to "
                           "delete.")

    class Meta:
        description = "Delete metadata of an object."

    @classmethod
    def change(cls, instance: Any, *, keys: list[str]) -> Any:
        return metadata_delete(instance=instance, keys=keys, private=cls.private)


class DeletePrivateMetadata(DeleteMetadata):
    private = True

    class Meta:
        description = "Delete object's private metadata (network admins only)."


class MetadataMutations(graphene.ObjectType):
    update_metadata = UpdateMetadata.Field(description="Updates metadata of an object.")
    delete_metadata = DeleteMetadata.Field(description="Delete metadata of an object.")
    update_private_metadata = UpdatePrivateMetadata.Field(
        description="Updates private metadata of an object.")
    delete_private_metadata = DeletePrivateMetadata.Field(
        description="Delete object's private metadata.")
