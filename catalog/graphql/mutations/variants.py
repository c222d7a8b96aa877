"""Variant mutations: create, update, delete, stock per warehouse, price per channel.

CoopStore keeps one stock per variant, at its cooperative: the cooperative is the only
"warehouse" a variant has, so a ``StockInput.warehouse`` is the ID of the product's own
cooperative (``Cooperative:<pk>`` or ``Warehouse:<pk>``); any other warehouse is NOT_FOUND.
"""
from __future__ import annotations

from typing import Any

import graphene
from django.utils.translation import gettext as _

from backend.core.errors import DomainError
from backend.graphql.core.errors import ProductError
from backend.graphql.core.ids import decode_global_id
from backend.graphql.core.types import NonNullList
from catalog.graphql.types import ProductVariant
from catalog.services.stock import stock_update
from catalog.services.variants import (
    ChannelPriceInput,
    variant_create,
    variant_delete,
    variant_update,
)

from .common import (
    DEPRECATED_ERRORS,
    Code,
    catalog_caller,
    error,
    failure,
    pk_of,
    product_target,
    success,
    variant_context,
    variant_target,
)
from .errors import BulkStockError, ProductChannelListingError
from .inputs import (
    ProductVariantChannelListingAddInput,
    ProductVariantCreateInput,
    ProductVariantInput,
    StockInput,
)
from .products import ProductErrors

WAREHOUSE_TYPES = ("Warehouse", "Cooperative")


def _warehouse_is(value: object, cooperative_id: int, field: str) -> None:
    """Refuse any warehouse but the cooperative's own (malformed IDs: GRAPHQL_ERROR)."""
    try:
        type_name, pk = decode_global_id(value)
    except ValueError:
        raise error(Code.GRAPHQL_ERROR, _("Invalid ID: %(id)s. Expected: Warehouse.")
                    % {"id": str(value).replace("\x00", "\\x00")[:200]}, field) from None
    if type_name not in WAREHOUSE_TYPES or pk != cooperative_id:
        raise error(Code.NOT_FOUND, _("This warehouse does not exist."), field)


def _stock_quantity(stocks: list | None, cooperative_id: int) -> Any:
    """The quantity of a new variant's stock (one entry at most: the cooperative's)."""
    if not stocks:
        return 0
    if len(stocks) > 1:
        raise error(Code.DUPLICATED_INPUT_ITEM,
                    _("A variant has one stock, at its cooperative."), "stocks")
    _warehouse_is(stocks[0].warehouse, cooperative_id, "stocks")
    return stocks[0].quantity


def _variant_fields(data: dict[str, Any]) -> dict[str, Any]:
    """The service's keyword arguments for the fields the client sent."""
    fields: dict[str, Any] = {}
    for key, target in (("sku", "sku"), ("name", "name"), ("weight", "weight_grams"),
                        ("track_inventory", "track_inventory"),
                        ("quantity_limit_per_customer", "quantity_limit_per_customer")):
        if key in data and (data[key] is not None or key in ("sku",
                                                              "quantity_limit_per_customer")):
            fields[target] = data[key]
    return fields


class ProductVariantCreate(ProductErrors, graphene.Mutation):
    product_variant = graphene.Field(ProductVariant)

    class Arguments:
        input = ProductVariantCreateInput(required=True, description="Fields required to create "
                                          "a product variant.")

    class Meta:
        description = ("Creates a new variant for a product. Requires the staff of the "
                       "product's cooperative (or a network admin).")

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, input: dict[str, Any]) -> Any:
        caller = catalog_caller(info)
        try:
            cooperative_id, product_pk = product_target(caller, input.get("product"), "product")
            quantity = _stock_quantity(input.get("stocks"), cooperative_id)
            variant = variant_create(cooperative_id=cooperative_id, product_id=product_pk,
                                     quantity=quantity, **_variant_fields(input))
        except DomainError as exc:
            return failure(cls, exc, ProductError, Code, product_variant=None)
        return success(cls, product_variant=variant_context(variant))


class ProductVariantUpdate(ProductErrors, graphene.Mutation):
    product_variant = graphene.Field(ProductVariant)

    class Arguments:
        external_reference = graphene.String(description="External ID of a product variant to "
                                             "update.")
        id = graphene.ID(description="ID of a product to update.")
        input = ProductVariantInput(required=True, description="Fields required to update a "
                                    "product variant.")
        sku = graphene.String(description="SKU of a product variant to update.")

    class Meta:
        description = ("Updates an existing variant for product. Requires the staff of the "
                       "product's cooperative (or a network admin).")

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, input: dict[str, Any], id: str | None = None,
               sku: str | None = None, external_reference: str | None = None) -> Any:
        caller = catalog_caller(info)
        try:
            cooperative_id, pk = variant_target(caller, id=id, sku=sku,
                                                external_reference=external_reference)
            variant = variant_update(cooperative_id=cooperative_id, variant_id=pk,
                                     **_variant_fields(input))
        except DomainError as exc:
            return failure(cls, exc, ProductError, Code, product_variant=None)
        return success(cls, product_variant=variant_context(variant))


class ProductVariantDelete(ProductErrors, graphene.Mutation):
    product_variant = graphene.Field(ProductVariant)

    class Arguments:
        external_reference = graphene.String(description="External ID of a product variant to "
                                             "update.")
        id = graphene.ID(description="ID of a product variant to delete.")
        sku = graphene.String(description="SKU of a product variant to delete.")

    class Meta:
        description = ("Deletes a product variant. Requires the staff of the product's "
                       "cooperative (or a network admin).")

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, id: str | None = None, sku: str | None = None,
               external_reference: str | None = None) -> Any:
        caller = catalog_caller(info)
        try:
            cooperative_id, pk = variant_target(caller, id=id, sku=sku,
                                                external_reference=external_reference)
            variant = variant_delete(cooperative_id=cooperative_id, variant_id=pk)
        except DomainError as exc:
            return failure(cls, exc, ProductError, Code, product_variant=None)
        return success(cls, product_variant=variant_context(variant))


class ProductVariantStocksUpdate(graphene.Mutation):
    product_variant = graphene.Field(ProductVariant)
    bulk_stock_errors = NonNullList(BulkStockError, required=True,
                                    deprecation_reason=DEPRECATED_ERRORS)
    errors = NonNullList(BulkStockError, required=True)

    class Arguments:
        sku = graphene.String(description="SKU of product variant for which stocks will be "
                              "updated.")
        stocks = NonNullList(StockInput, required=True, description="Input list of stocks to "
                             "create or update.")
        variant_id = graphene.ID(description="ID of a product variant for which stocks will be "
                                 "updated.")

    class Meta:
        description = ("Updates stocks for a given variant (its cooperative's own stock). "
                       "Requires the staff of the product's cooperative (or a network admin).")

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, stocks: list, variant_id: str | None = None,
               sku: str | None = None) -> Any:
        caller = catalog_caller(info)
        index = None
        try:
            cooperative_id, pk = variant_target(caller, id=variant_id, sku=sku,
                                                id_field="variantId")
            seen = False
            for position, stock in enumerate(stocks):
                index = position
                _warehouse_is(stock.warehouse, cooperative_id, "warehouse")
                if seen:
                    raise error(Code.DUPLICATED_INPUT_ITEM,
                                _("The same warehouse is given more than once."), "warehouse")
                seen = True
            for position, stock in enumerate(stocks):
                index = position
                stock_update(cooperative_id=cooperative_id, variant_id=pk,
                             quantity=stock.quantity)
        except DomainError as exc:
            payload = failure(cls, exc, BulkStockError, Code, product_variant=None)
            for item in payload.errors:
                item.index = index
            return payload
        from catalog.models import ProductVariant as VariantModel

        return success(cls, product_variant=variant_context(
            VariantModel.objects.filter(pk=pk).first()))


class ProductVariantChannelListingUpdate(graphene.Mutation):
    variant = graphene.Field(ProductVariant, description="An updated product variant instance.")
    product_channel_listing_errors = NonNullList(ProductChannelListingError, required=True,
                                                 deprecation_reason=DEPRECATED_ERRORS)
    errors = NonNullList(ProductChannelListingError, required=True)

    class Arguments:
        id = graphene.ID(description="ID of a product variant to update.")
        input = NonNullList(ProductVariantChannelListingAddInput, required=True,
                            description="List of fields required to create or upgrade product "
                            "variant channel listings.")
        sku = graphene.String(description="SKU of a product variant to update.")

    class Meta:
        description = ("Manage product variant prices in channels. Requires the staff of the "
                       "product's cooperative (or a network admin).")

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, input: list, id: str | None = None,
               sku: str | None = None) -> Any:
        caller = catalog_caller(info)
        try:
            cooperative_id, pk = variant_target(caller, id=id, sku=sku)
            prices = [ChannelPriceInput(channel_id=pk_of(entry.channel_id, "Channel",
                                                         "channelId"),
                                        price=entry.price, cost_price=entry.get("cost_price"))
                      for entry in input]
            variant = variant_update(cooperative_id=cooperative_id, variant_id=pk,
                                     prices=prices)
        except DomainError as exc:
            payload = failure(cls, exc, ProductChannelListingError, Code, variant=None)
            if len(input) == 1:
                for item in payload.errors:
                    if item.field in ("channelId", "price", "costPrice"):
                        item.channels = [input[0].channel_id]
            return payload
        return success(cls, variant=variant_context(variant))
