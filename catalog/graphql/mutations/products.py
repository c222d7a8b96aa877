"""``productCreate``, ``productUpdate``, ``productDelete``: thin calls of the editing services."""
from __future__ import annotations

from typing import Any

import graphene
from django.db import transaction
from django.utils.translation import gettext as _

from backend.accounts.services.metadata import metadata_update
from backend.core.errors import DomainError
from backend.graphql.core.errors import ProductError
from backend.graphql.core.types import NonNullList
from catalog.graphql.types import Product
from catalog.services.common import UNSET
from catalog.services.editing import product_create, product_delete, product_update

from .common import (
    DEPRECATED_ERRORS,
    Caller,
    Code,
    catalog_caller,
    error,
    failure,
    pk_of,
    product_by_reference,
    product_context,
    success,
)
from .inputs import ProductCreateInput, ProductInput


class ProductErrors:
    """The ``errors`` list and Saleor's deprecated ``productErrors`` twin."""

    product_errors = NonNullList(ProductError, required=True,
                                 deprecation_reason=DEPRECATED_ERRORS)
    errors = NonNullList(ProductError, required=True)


def _cooperative_for_new(caller: Caller, value: object) -> int:
    """The cooperative a new product joins: the one named, or the caller's only one."""
    if value is None:
        if len(caller.cooperative_ids) == 1 and not caller.is_admin:
            return caller.cooperative_ids[0]
        raise error(Code.REQUIRED, _("Choose the cooperative of the product."), "cooperative")
    pk = pk_of(value, "Cooperative", "cooperative")
    if caller.is_admin:
        from backend.cooperatives.models import Cooperative

        if not Cooperative.objects.filter(pk=pk).exists():
            raise error(Code.NOT_FOUND, _("This item does not exist."), "cooperative")
    elif pk not in caller.cooperative_ids:
        raise error(Code.NOT_FOUND, _("This item does not exist."), "cooperative")
    return pk


def _metadata_items(items: list | None) -> dict[str, str]:
    return {item.key: item.value for item in items or ()}


def _product_fields(data: dict[str, Any], *, creating: bool) -> dict[str, Any]:
    """The service's keyword arguments for the fields the client sent (others: UNSET)."""
    fields: dict[str, Any] = {}
    if "name" in data and (data["name"] is not None or creating):
        fields["name"] = data["name"]
    if "slug" in data and data["slug"] is not None:
        fields["slug"] = data["slug"]
    if "description" in data:
        fields["description"] = data["description"]
    if "category" in data:
        fields["category_id"] = (None if data["category"] is None
                                 else pk_of(data["category"], "Category", "category"))
    seo = data.get("seo")
    if seo is not None:
        if "title" in seo:
            fields["seo_title"] = seo["title"] or ""
        if "description" in seo:
            fields["seo_description"] = seo["description"] or ""
    return fields


def _metadata_apply(product: Any, data: dict[str, Any]) -> None:
    for key, private in (("metadata", False), ("private_metadata", True)):
        items = _metadata_items(data.get(key))
        if items:
            metadata_update(instance=product, items=items, private=private)


class ProductCreate(ProductErrors, graphene.Mutation):
    product = graphene.Field(Product)

    class Arguments:
        input = ProductCreateInput(required=True, description="Fields required to create a "
                                   "product.")

    class Meta:
        description = ("Creates a new product. Requires the staff of the product's cooperative "
                       "(or a network admin).")

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, input: dict[str, Any]) -> Any:
        caller = catalog_caller(info)
        try:
            cooperative_id = _cooperative_for_new(caller, input.get("cooperative"))
            fields = _product_fields(input, creating=True)
            fields.setdefault("name", "")
            fields["product_type_id"] = pk_of(input.get("product_type"), "ProductType",
                                              "productType")
            with transaction.atomic():
                product = product_create(cooperative_id=cooperative_id, **fields)
                _metadata_apply(product, input)
        except DomainError as exc:
            return failure(cls, exc, ProductError, Code, product=None)
        return success(cls, product=product_context(product))


class ProductUpdate(ProductErrors, graphene.Mutation):
    product = graphene.Field(Product)

    class Arguments:
        external_reference = graphene.String(description="External ID of a product to update.")
        id = graphene.ID(description="ID of a product to update.")
        input = ProductInput(required=True, description="Fields required to update a product.")

    class Meta:
        description = ("Updates an existing product. Requires the staff of the product's "
                       "cooperative (or a network admin).")

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, input: dict[str, Any], id: str | None = None,
               external_reference: str | None = None) -> Any:
        caller = catalog_caller(info)
        try:
            cooperative_id, pk = product_by_reference(caller, id=id,
                                                      external_reference=external_reference)
            fields = _product_fields(input, creating=False)
            with transaction.atomic():
                product = product_update(cooperative_id=cooperative_id, product_id=pk,
                                         **{k: v for k, v in fields.items() if v is not UNSET})
                _metadata_apply(product, input)
        except DomainError as exc:
            return failure(cls, exc, ProductError, Code, product=None)
        return success(cls, product=product_context(product))


class ProductDelete(ProductErrors, graphene.Mutation):
    product = graphene.Field(Product)

    class Arguments:
        external_reference = graphene.String(description="External ID of a product to delete.")
        id = graphene.ID(description="ID of a product to delete.")

    class Meta:
        description = ("Deletes a product (order lines keep their copied data). Requires the "
                       "staff of the product's cooperative (or a network admin).")

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, id: str | None = None,
               external_reference: str | None = None) -> Any:
        caller = catalog_caller(info)
        try:
            cooperative_id, pk = product_by_reference(caller, id=id,
                                                      external_reference=external_reference)
            product = product_delete(cooperative_id=cooperative_id, product_id=pk)
        except DomainError as exc:
            return failure(cls, exc, ProductError, Code, product=None)
        return success(cls, product=product_context(product))
