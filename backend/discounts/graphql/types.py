"""Saleor's ``Voucher``, ``OrderDiscount`` and ``OrderLineDiscount`` over our rows."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

import graphene
import prices

from backend.graphql.core.ids import to_global_id
from backend.graphql.core.money import Money
from backend.graphql.core.scalars import PositiveDecimal
from backend.graphql.core.types import ModelObjectType, Node, ObjectWithMetadata

from ..models import OrderDiscount as OrderDiscountModel
from ..models import OrderDiscountType, RewardValueType, VoucherType
from ..models import OrderLineDiscount as OrderLineDiscountModel
from ..models import Voucher as VoucherModel

DiscountValueTypeEnum = graphene.Enum(
    "DiscountValueTypeEnum", [(t.name, t.value) for t in RewardValueType])
VoucherTypeEnum = graphene.Enum("VoucherTypeEnum", [(t.name, t.value) for t in VoucherType])
OrderDiscountTypeEnum = graphene.Enum(
    "OrderDiscountType", [(t.name, t.value) for t in OrderDiscountType])


class Voucher(ModelObjectType):
    """What a checkout or an order shows of its voucher (the code used, not the others)."""

    name = graphene.String()
    code = graphene.String(description="The code of the voucher used.")
    usage_limit = graphene.Int()
    used = graphene.Int(required=True)
    start_date = graphene.DateTime(required=True)
    end_date = graphene.DateTime()
    apply_once_per_order = graphene.Boolean(required=True)
    apply_once_per_customer = graphene.Boolean(required=True)
    single_use = graphene.Boolean(required=True)
    only_for_staff = graphene.Boolean(required=True)
    discount_value_type = DiscountValueTypeEnum(required=True)
    type = VoucherTypeEnum(required=True)

    private_metadata_permission = "MANAGE_DISCOUNTS"

    class Meta:
        interfaces = (Node, ObjectWithMetadata)
        description = "Vouchers allow giving discounts to particular customers on categories, "\
                      "collections or specific products."

    @staticmethod
    def resolve_code(root: VoucherModel, _info: Any) -> str | None:
        return getattr(root, "used_code", None)

    @staticmethod
    def resolve_used(root: VoucherModel, _info: Any) -> int:
        return sum(code.used for code in root.codes.all())

    @staticmethod
    def resolve_discount_value_type(root: VoucherModel, _info: Any) -> str:
        return root.discount_value_type

    @staticmethod
    def resolve_type(root: VoucherModel, _info: Any) -> str:
        return root.type


class OrderDiscount(graphene.ObjectType):
    id = graphene.ID(required=True)
    type = OrderDiscountTypeEnum(required=True)
    name = graphene.String()
    translated_name = graphene.String()
    value_type = DiscountValueTypeEnum(required=True)
    value = PositiveDecimal(required=True, description="Value of the discount. Can store fixed "
                            "value or percent value")
    reason = graphene.String(description="Explanation for the applied discount.")
    amount = graphene.Field(Money, required=True, deprecation_reason="Use `total` instead.")
    total = graphene.Field(Money, required=True, description="The amount of discount applied "
                           "to the order.")
    funded_by = graphene.String(required=True, description="CoopStore: who pays for the "
                                "discount: platform, cooperative or shared.")

    class Meta:
        description = "Contains all details related to the applied discount to the order."

    @staticmethod
    def resolve_id(root: OrderDiscountModel, _info: Any) -> str:
        return to_global_id("OrderDiscount", root.pk)

    @staticmethod
    def resolve_type(root: OrderDiscountModel, _info: Any) -> str:
        return root.type

    @staticmethod
    def resolve_value_type(root: OrderDiscountModel, _info: Any) -> str:
        return root.value_type

    @staticmethod
    def resolve_translated_name(root: OrderDiscountModel, _info: Any) -> str | None:
        return root.translated_name or None

    @staticmethod
    def resolve_reason(root: OrderDiscountModel, _info: Any) -> str | None:
        return root.reason or None

    @staticmethod
    def resolve_amount(root: OrderDiscountModel, _info: Any) -> prices.Money:
        return prices.Money(root.amount, root.currency)

    @staticmethod
    def resolve_total(root: OrderDiscountModel, _info: Any) -> prices.Money:
        return prices.Money(root.amount, root.currency)


class OrderLineDiscount(graphene.ObjectType):
    id = graphene.ID(required=True)
    type = OrderDiscountTypeEnum(required=True)
    name = graphene.String()
    translated_name = graphene.String()
    value_type = DiscountValueTypeEnum(required=True)
    value = PositiveDecimal(required=True)
    reason = graphene.String()
    total = graphene.Field(Money, required=True, description="The discount amount applied to "
                           "the line.")
    unit = graphene.Field(Money, required=True, description="The discount amount applied to "
                          "the single line unit.")

    class Meta:
        description = "The discount applied to an order line."

    @staticmethod
    def resolve_id(root: OrderLineDiscountModel, _info: Any) -> str:
        return to_global_id("OrderLineDiscount", root.pk)

    @staticmethod
    def resolve_type(root: OrderLineDiscountModel, _info: Any) -> str:
        return root.discount.type

    @staticmethod
    def resolve_name(root: OrderLineDiscountModel, _info: Any) -> str:
        return root.discount.name

    @staticmethod
    def resolve_translated_name(root: OrderLineDiscountModel, _info: Any) -> str | None:
        return root.discount.translated_name or None

    @staticmethod
    def resolve_value_type(root: OrderLineDiscountModel, _info: Any) -> str:
        return root.discount.value_type

    @staticmethod
    def resolve_value(root: OrderLineDiscountModel, _info: Any) -> Decimal:
        return root.discount.value

    @staticmethod
    def resolve_reason(root: OrderLineDiscountModel, _info: Any) -> str | None:
        return root.discount.reason or None

    @staticmethod
    def resolve_total(root: OrderLineDiscountModel, _info: Any) -> prices.Money:
        return prices.Money(root.amount, root.discount.currency)

    @staticmethod
    def resolve_unit(root: OrderLineDiscountModel, _info: Any) -> prices.Money:
        from backend.core.money import quantize

        return prices.Money(quantize(root.amount / root.line.quantity, root.discount.currency),
                            root.discount.currency)
