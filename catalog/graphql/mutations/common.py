"""What the catalog mutations share: who may call them, for which cooperative, and how a
refusal becomes Saleor's error list.

Only the staff of a product's cooperative may change it; a network admin (``is_staff`` or
superuser) may act on every cooperative. A caller with no such role gets Saleor's permission
error (``extensions.exception.code == "PermissionDenied"``, no data). An object of another
cooperative is answered exactly like a missing one (``NOT_FOUND`` on the id's argument) and
the service is never called. The rules themselves live in ``catalog.services``.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.utils.translation import gettext as _
from graphql import GraphQLError

from backend.cooperatives.access import cooperative_ids_for
from backend.core.errors import DomainError, ErrorItem
from backend.graphql.core.error_codes import ProductErrorCode
from backend.graphql.core.ids import decode_global_id, from_global_id_or_error
from backend.graphql.core.mutations import errors_of
from backend.graphql.core.types import ChannelContext
from catalog.models import Product, ProductMedia, ProductVariant

Code = ProductErrorCode
PERMISSION_MESSAGE = ("To access this path, you need one of the following permissions: "
                      "MANAGE_PRODUCTS")
DEPRECATED_ERRORS = "Use `errors` field instead."
MAX_TEXT_ARGUMENT = 1000  # ids and SKUs longer than this name nothing


@dataclass(frozen=True)
class Caller:
    """The cooperatives a caller may act for; ``is_admin`` = every cooperative."""

    user: Any
    cooperative_ids: tuple[int, ...]
    is_admin: bool

    def may_act_for(self, cooperative_id: int | None) -> bool:
        return cooperative_id is not None and (self.is_admin
                                               or cooperative_id in self.cooperative_ids)


def catalog_caller(info: Any) -> Caller:
    """The caller of a catalog mutation, or Saleor's ``PermissionDenied`` error."""
    user = getattr(info.context, "user", None)
    if user is None or not user.is_authenticated or not user.is_active:
        raise PermissionDenied(PERMISSION_MESSAGE)
    is_admin = bool(user.is_staff or user.is_superuser)
    cooperative_ids = tuple(cooperative_ids_for(user))
    if not is_admin and not cooperative_ids:
        raise PermissionDenied(PERMISSION_MESSAGE)
    return Caller(user=user, cooperative_ids=cooperative_ids, is_admin=is_admin)


def error(code: ProductErrorCode, message: str, field: str | None, **extra: Any) -> DomainError:
    return DomainError(ErrorItem(code=code, message=message, field=field, **extra))


def not_found(field: str) -> DomainError:
    return error(Code.NOT_FOUND, _("This item does not exist."), field)


def pk_of(global_id: object, type_name: str, field: str) -> int:
    """The primary key of a Relay ID of ``type_name``; a malformed ID is GRAPHQL_ERROR and
    an ID of another type NOT_FOUND, both on ``field`` (as Saleor reports them)."""
    try:
        _type, pk = from_global_id_or_error(global_id, type_name)
    except GraphQLError as exc:
        raise error(Code.GRAPHQL_ERROR, exc.message, field) from None
    if pk is None:
        raise error(Code.NOT_FOUND, _("Couldn't resolve id: %(id)s.") % {"id": global_id},
                    field)
    return pk


def pks_of(global_ids: Iterable[object], type_name: str, field: str) -> list[int]:
    return [pk_of(value, type_name, field) for value in global_ids or ()]


def is_type(global_id: object, type_name: str) -> bool:
    try:
        return decode_global_id(global_id)[0] == type_name
    except ValueError:
        return False


def _owner(model: type[Model], pk: int, cooperative_path: str) -> int | None:
    return model.objects.filter(pk=pk).values_list(cooperative_path, flat=True).first()


def cooperative_of(caller: Caller, model: type[Model], pk: int, field: str) -> int:
    """The cooperative owning the row, when the caller may act for it; NOT_FOUND otherwise
    (another cooperative's row is never told apart from a missing one)."""
    path = "cooperative_id" if model is Product else "product__cooperative_id"
    owner = _owner(model, pk, path)
    if not caller.may_act_for(owner):
        raise not_found(field)
    return owner  # type: ignore[return-value]


def product_target(caller: Caller, global_id: object, field: str = "id") -> tuple[int, int]:
    """``(cooperative_id, product pk)`` of a product the caller may change."""
    pk = pk_of(global_id, "Product", field)
    return cooperative_of(caller, Product, pk, field), pk


def media_target(caller: Caller, global_id: object, field: str = "id") -> tuple[int, int]:
    pk = pk_of(global_id, "ProductMedia", field)
    return cooperative_of(caller, ProductMedia, pk, field), pk


def variant_target(caller: Caller, *, id: object = None, sku: object = None,
                   external_reference: object = None, id_field: str = "id") -> tuple[int, int]:
    """``(cooperative_id, variant pk)`` from exactly one of ``id``, ``sku``,
    ``externalReference`` (Saleor's rule); nothing here has an external reference."""
    given = [name for name, value in (("id", id), ("sku", sku),
                                      ("externalReference", external_reference))
             if value is not None]
    if len(given) != 1:
        message = (_("At least one of arguments is required: 'id', 'sku', "
                     "'externalReference'.") if not given else
                   _("Only one of arguments can be given: 'id', 'sku', 'externalReference'."))
        raise error(Code.GRAPHQL_ERROR, message, id_field)
    if id is not None:
        pk = pk_of(id, "ProductVariant", id_field)
    elif sku is not None:
        text = sku if isinstance(sku, str) else ""
        if not text or "\x00" in text or len(text) > MAX_TEXT_ARGUMENT:
            raise not_found("sku")
        pk = (ProductVariant.objects.filter(sku=text).values_list("pk", flat=True).first()
              or 0)
        if not pk:
            raise not_found("sku")
        id_field = "sku"
    else:
        raise not_found("externalReference")
    return cooperative_of(caller, ProductVariant, pk, id_field), pk


def product_by_reference(caller: Caller, *, id: object, external_reference: object,
                         field: str = "id") -> tuple[int, int]:
    """The product named by ``id`` (or ``externalReference``, which nothing here has)."""
    if (id is None) == (external_reference is None):
        raise error(Code.GRAPHQL_ERROR,
                    _("Exactly one of arguments is required: 'id', 'externalReference'."),
                    field)
    if external_reference is not None:
        raise not_found("externalReference")
    return product_target(caller, id, field)


def product_context(product: Product | None) -> ChannelContext | None:
    """A product as the payload shows it: seen through no channel, as in Saleor."""
    return ChannelContext(node=product, channel=None) if product is not None else None


def variant_context(variant: ProductVariant | None) -> ChannelContext | None:
    return ChannelContext(node=variant, channel=None) if variant is not None else None


def fresh_product(pk: int) -> Product | None:
    return Product.objects.filter(pk=pk).first()


def failure(payload: type, exc: DomainError, error_type: type, code_enum: type,
            **values: Any) -> Any:
    """The payload of a refusal: its errors in the new and the deprecated field."""
    errors = errors_of(exc, error_type, code_enum)
    fields = payload._meta.fields  # type: ignore[attr-defined]
    for name in fields:
        if name == "errors" or name.endswith("_errors"):
            values[name] = errors
    return payload(**values)


def success(payload: type, **values: Any) -> Any:
    """A payload without errors (both the new and the deprecated error field empty)."""
    for name in payload._meta.fields:  # type: ignore[attr-defined]
        if name == "errors" or name.endswith("_errors"):
            values[name] = []
    return payload(**values)
