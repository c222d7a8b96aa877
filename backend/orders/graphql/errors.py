"""Saleor's checkout and order error types, over the domain's error-code enums."""
from __future__ import annotations

from enum import StrEnum

import graphene

from backend.accounts.graphql.errors import AddressTypeEnum
from backend.graphql.core.errors import BaseError
from backend.graphql.core.types import NonNullList
from backend.orders.error_codes import CheckoutErrorCode, OrderErrorCode

CheckoutErrorCodeEnum = graphene.Enum.from_enum(CheckoutErrorCode, name="CheckoutErrorCode")
OrderErrorCodeEnum = graphene.Enum.from_enum(OrderErrorCode, name="OrderErrorCode")


class DeliveryOptionsCalculateErrorCode(StrEnum):
    """Saleor's codes of ``deliveryOptionsCalculate``."""

    GRAPHQL_ERROR = "graphql_error"
    NOT_FOUND = "not_found"
    INVALID = "invalid"


DeliveryOptionsCalculateErrorCodeEnum = graphene.Enum.from_enum(
    DeliveryOptionsCalculateErrorCode, name="DeliveryOptionsCalculateErrorCode")


class CheckoutError(BaseError):
    code = CheckoutErrorCodeEnum(required=True, description="The error code.")
    variants = NonNullList(graphene.ID, description="List of varint IDs which causes the error.")
    lines = NonNullList(graphene.ID, description="List of line Ids which cause the error.")
    address_type = AddressTypeEnum(description="A type of address that causes the error.")


class OrderError(BaseError):
    code = OrderErrorCodeEnum(required=True, description="The error code.")
    warehouse = graphene.ID(description="Warehouse ID which causes the error.")
    order_lines = NonNullList(graphene.ID, description="List of order line IDs that cause "
                              "the error.")
    variants = NonNullList(graphene.ID, description="List of product variants that are "
                           "associated with the error")
    address_type = AddressTypeEnum(description="A type of address that causes the error.")


class DeliveryOptionsCalculateError(BaseError):
    code = DeliveryOptionsCalculateErrorCodeEnum(required=True, description="The error code.")
