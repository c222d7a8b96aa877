"""Saleor's ``Order`` and ``OrderLine`` over the order rows (lines prefetched by
``dataloaders.order_lines_prefetch``), plus the chosen delivery of each cooperative's parcel."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

import graphene
import prices
from django.core.exceptions import PermissionDenied

from backend.accounts.graphql.types import Address, User, language_code_enum
from backend.discounts.graphql import resolvers as promo
from backend.fairpay.graphql.types import (
    fair_pay_field,
    order_fair_pay,
    order_split_prefetch_lookups,
)
from backend.graphql.core.connection import CountableConnection
from backend.graphql.core.enums import LanguageCodeEnum, ThumbnailFormatEnum
from backend.graphql.core.ids import to_global_id
from backend.graphql.core.money import Money, TaxedMoney, taxed_money
from backend.graphql.core.scalars import PositiveDecimal
from backend.graphql.core.types import (
    ChannelContext,
    Image,
    Node,
    NonNullList,
    ObjectWithMetadata,
    Weight,
    weight_in_grams,
)
from backend.orders.models import AuthorizeStatus, ChargeStatus, OrderStatus
from backend.orders.models import Order as OrderModel
from backend.orders.models import OrderLine as OrderLineModel
from backend.orders.services.order_cancel import order_can_be_cancelled_by_customer
from backend.payments.selectors import transactions_of_order
from catalog.graphql.channel import ChannelType
from catalog.graphql.media import media_url
from catalog.graphql.types import DEFAULT_THUMBNAIL_SIZE, ProductVariant

from .dataloaders import api_group, order_customer_visible, order_insider
from .deliveries import ChosenDelivery, DeliveryChoice, priced_in
from .delivery_method import DeliveryMethod, order_delivery_method
from .fulfillments import order_fulfillments

USER_PERMISSION_MESSAGE = ("To access this path, you need one of the following permissions: "
                           "MANAGE_USERS, MANAGE_ORDERS, HANDLE_PAYMENTS, HANDLE_TAXES, OWNER")
OWNER_PERMISSION_MESSAGE = ("To access this path, you need one of the following permissions: "
                            "MANAGE_ORDERS, OWNER")
TRANSACTIONS_PERMISSION_MESSAGE = ("To access this path, you need one of the following "
                                   "permissions: MANAGE_ORDERS, HANDLE_PAYMENTS")

OrderStatusEnum = graphene.Enum("OrderStatus", [(s.name, s.value) for s in OrderStatus],
                                description="The status of an order.")
OrderChargeStatusEnum = graphene.Enum(
    "OrderChargeStatusEnum", [(s.name, s.value) for s in ChargeStatus],
    description="Whether the order's total is charged.")
OrderAuthorizeStatusEnum = graphene.Enum(
    "OrderAuthorizeStatusEnum", [(s.name, s.value) for s in AuthorizeStatus],
    description="Whether the order's total is authorized.")


class PaymentChargeStatusEnum(graphene.Enum):
    NOT_CHARGED = "not-charged"
    PENDING = "pending"
    PARTIALLY_CHARGED = "partially-charged"
    FULLY_CHARGED = "fully-charged"
    PARTIALLY_REFUNDED = "partially-refunded"
    FULLY_REFUNDED = "fully-refunded"
    REFUSED = "refused"
    CANCELLED = "cancelled"


PAYMENT_STATUS_OF_CHARGE = {
    ChargeStatus.NONE: PaymentChargeStatusEnum.NOT_CHARGED,
    ChargeStatus.PARTIAL: PaymentChargeStatusEnum.PARTIALLY_CHARGED,
    ChargeStatus.FULL: PaymentChargeStatusEnum.FULLY_CHARGED,
    ChargeStatus.OVERCHARGED: PaymentChargeStatusEnum.FULLY_CHARGED,
}


class OrderOriginEnum(graphene.Enum):
    CHECKOUT = "checkout"
    DRAFT = "draft"
    REISSUE = "reissue"
    BULK_CREATE = "bulk_create"


def _money(amount: Decimal, currency: str) -> prices.Money:
    return taxed_money(amount, currency).gross


def _product_details(line: OrderLineModel) -> None:
    """Load what product fields read, for every line of the orders loaded with this one."""
    details = getattr(line.order, "product_details", None)
    if details is not None:
        details.load()


class OrderLine(graphene.ObjectType):
    product_name = graphene.String(required=True)
    variant_name = graphene.String(required=True)
    product_sku = graphene.String()
    product_variant_id = graphene.String()
    is_shipping_required = graphene.Boolean(required=True)
    quantity = graphene.Int(required=True)
    quantity_fulfilled = graphene.Int(required=True)
    tax_rate = graphene.Float(required=True)
    thumbnail = graphene.Field(
        Image, size=graphene.Int(description="Size of the image."),
        format=ThumbnailFormatEnum(default_value=ThumbnailFormatEnum.ORIGINAL.value,
                                   description="The format of the image."))
    unit_price = graphene.Field(TaxedMoney, required=True, description="Price of the single "
                                "item in the order line.")
    undiscounted_unit_price = graphene.Field(TaxedMoney, required=True)
    unit_discount = graphene.Field(Money, required=True)
    total_price = graphene.Field(TaxedMoney, required=True, description="Price of the order "
                                 "line.")
    undiscounted_total_price = graphene.Field(TaxedMoney, required=True)
    variant = graphene.Field(ProductVariant, description="A purchased product variant; null "
                             "if it no longer exists.")
    translated_product_name = graphene.String(required=True)
    translated_variant_name = graphene.String(required=True)
    quantity_to_fulfill = graphene.Int(required=True)
    is_gift = graphene.Boolean()
    cooperative = graphene.Field("backend.cooperatives.graphql.types.Cooperative",
                                 required=True, description="CoopStore: who ships this line.")
    # Promotions and vouchers (backend.discounts)
    unit_discount_value = PositiveDecimal(required=True, description="Value of the discount. "
                                          "Can store fixed value or percent value")
    unit_discount_type = graphene.Field("backend.discounts.graphql.types.DiscountValueTypeEnum",
                                        description="Type of the discount: fixed or percent")
    unit_discount_reason = graphene.String(description="Reason for any discounts applied on a "
                                           "product in the order.")
    voucher_code = graphene.String(description="Voucher code that was used for this order "
                                   "line.")
    discounts = NonNullList("backend.discounts.graphql.types.OrderLineDiscount",
                            description="List of applied discounts")

    private_metadata_permission = "MANAGE_ORDERS"

    class Meta:
        interfaces = (Node, ObjectWithMetadata)
        description = "Represents order line of particular order."

    @staticmethod
    def resolve_id(root: OrderLineModel, _info: Any) -> str:
        return to_global_id("OrderLine", root.pk)

    @staticmethod
    def resolve_product_sku(root: OrderLineModel, _info: Any) -> str | None:
        return root.product_sku or None

    @staticmethod
    def resolve_product_variant_id(root: OrderLineModel, _info: Any) -> str | None:
        return to_global_id("ProductVariant", root.variant_id) if root.variant_id else None

    @staticmethod
    def resolve_is_shipping_required(_root: OrderLineModel, _info: Any) -> bool:
        return True

    @staticmethod
    def resolve_tax_rate(_root: OrderLineModel, _info: Any) -> float:
        return 0.0

    @staticmethod
    def resolve_thumbnail(root: OrderLineModel, info: Any, *, size: int | None = None,
                          format: Any = None) -> Image | None:
        if root.variant is None:
            return None
        _product_details(root)
        media = list(root.variant.product.media.all())
        if not media:
            return None
        url = media_url(info, media[0], DEFAULT_THUMBNAIL_SIZE if size is None else size, format)
        return Image(url=url, alt=media[0].alt) if url else None

    @staticmethod
    def resolve_unit_price(root: OrderLineModel, _info: Any) -> prices.TaxedMoney:
        """After promotions and the voucher (``backend.discounts``)."""
        return taxed_money(promo.order_line_unit(root), root.currency)

    @staticmethod
    def resolve_undiscounted_unit_price(root: OrderLineModel, _info: Any) -> prices.TaxedMoney:
        return taxed_money(root.unit_price_amount, root.currency)

    @staticmethod
    def resolve_unit_discount(root: OrderLineModel, _info: Any) -> prices.Money:
        return _money(promo.order_line_unit_discount(root), root.currency)

    @staticmethod
    def resolve_total_price(root: OrderLineModel, _info: Any) -> prices.TaxedMoney:
        return taxed_money(promo.order_line_total(root), root.currency)

    @staticmethod
    def resolve_unit_discount_value(root: OrderLineModel, _info: Any) -> Decimal:
        return promo.order_line_unit_discount_value(root)

    @staticmethod
    def resolve_unit_discount_type(root: OrderLineModel, _info: Any) -> str | None:
        return promo.order_line_unit_discount_type(root)

    @staticmethod
    def resolve_unit_discount_reason(_root: OrderLineModel, _info: Any) -> None:
        return None

    @staticmethod
    def resolve_voucher_code(root: OrderLineModel, _info: Any) -> str | None:
        return promo.order_line_voucher_code(root)

    @staticmethod
    def resolve_discounts(root: OrderLineModel, _info: Any) -> list:
        return promo.order_line_discounts(root)

    @staticmethod
    def resolve_undiscounted_total_price(root: OrderLineModel, _info: Any) -> prices.TaxedMoney:
        return taxed_money(root.total_price_amount, root.currency)

    @staticmethod
    def resolve_variant(root: OrderLineModel, _info: Any) -> ChannelContext | None:
        if root.variant is None:
            return None
        _product_details(root)
        return ChannelContext(node=root.variant, channel=root.order.channel)

    @staticmethod
    def resolve_translated_product_name(root: OrderLineModel, _info: Any) -> str:
        return root.translated_product_name or root.product_name

    @staticmethod
    def resolve_translated_variant_name(root: OrderLineModel, _info: Any) -> str:
        return root.translated_variant_name or root.variant_name

    @staticmethod
    def resolve_quantity_to_fulfill(root: OrderLineModel, _info: Any) -> int:
        return root.quantity - root.quantity_fulfilled

    @staticmethod
    def resolve_is_gift(_root: OrderLineModel, _info: Any) -> bool:
        return False


class Order(graphene.ObjectType):
    created = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    status = OrderStatusEnum(required=True)
    user = graphene.Field(User)
    tracking_client_id = graphene.String(required=True)
    billing_address = graphene.Field(Address)
    shipping_address = graphene.Field(Address)
    channel = graphene.Field(ChannelType, required=True)
    lines = NonNullList(OrderLine, required=True, description="List of order lines.")
    number = graphene.String(required=True, description="User-friendly number of an order.")
    origin = OrderOriginEnum(required=True)
    is_paid = graphene.Boolean(required=True, description="Informs if an order is fully paid.")
    payment_status = PaymentChargeStatusEnum(required=True, description="Internal payment "
                                             "status (from the charge status).")
    payment_status_display = graphene.String(required=True, description="User-friendly payment "
                                             "status.")
    authorize_status = OrderAuthorizeStatusEnum(required=True)
    charge_status = OrderChargeStatusEnum(required=True)
    tax_exemption = graphene.Boolean(required=True)
    total = graphene.Field(TaxedMoney, required=True, description="Total amount of the order.")
    undiscounted_total = graphene.Field(TaxedMoney, required=True)
    undiscounted_shipping_price = graphene.Field(Money, required=True)
    shipping_price = graphene.Field(TaxedMoney, required=True,
                                    description="Total price of the deliveries.")
    shipping_tax_rate = graphene.Float(required=True)
    token = graphene.String(required=True, deprecation_reason="Use `id` instead.",
                            description="CoopStore: the secret of the order's tracking link "
                            "(orderByToken).")
    customer_note = graphene.String(required=True)
    weight = graphene.Field(Weight, required=True)
    subtotal = graphene.Field(TaxedMoney, required=True, description="The sum of line prices "
                              "not including shipping.")
    status_display = graphene.String(required=True)
    total_charged = graphene.Field(Money, required=True)
    total_captured = graphene.Field(Money, required=True,
                                    deprecation_reason="Use `totalCharged` instead.")
    total_balance = graphene.Field(Money, required=True, description="The difference between "
                                   "the paid and the order total amount.")
    user_email = graphene.String(description="Email address of the customer.")
    # Promotions, vouchers and gift cards (backend.discounts, backend.giftcards)
    discounts = NonNullList("backend.discounts.graphql.types.OrderDiscount", required=True,
                            description="List of all discounts assigned to the order.")
    discount = graphene.Field(Money, deprecation_reason="Use the `discounts` field instead.")
    discount_name = graphene.String(deprecation_reason="Use the `discounts` field instead.")
    translated_discount_name = graphene.String(
        deprecation_reason="Use the `discounts` field instead.")
    voucher = graphene.Field("backend.discounts.graphql.types.Voucher")
    voucher_code = graphene.String(description="Voucher code that was used for Order.")
    gift_cards = NonNullList("backend.giftcards.graphql.types.GiftCard", required=True,
                             description="List of user gift cards.")
    is_shipping_required = graphene.Boolean(required=True)
    delivery_method = graphene.Field(DeliveryMethod, description="The delivery of the whole order "
                                     "(CoopStore: see `cooperativeDeliveries` for each parcel).")
    language_code = graphene.String(required=True, deprecation_reason="Use the "
                                    "`languageCodeEnum` field to fetch the language code.")
    language_code_enum = LanguageCodeEnum(required=True, description="Order language code.")
    display_gross_prices = graphene.Boolean(required=True)
    checkout_id = graphene.ID(description="ID of the checkout that the order was created from.")
    shipping_method_name = graphene.String(description="CoopStore: the partners carrying the "
                                           "parcels.")
    can_finalize = graphene.Boolean(required=True, description="Informs whether a draft order "
                                    "can be finalized (never: no drafts here).")
    errors = NonNullList("backend.orders.graphql.errors.OrderError", required=True,
                         description="List of errors that occurred during order validation.")
    external_reference = graphene.String(description="External ID of this order.")
    redirect_url = graphene.String(description="URL to which user should be redirected after "
                                   "order is placed.")
    cooperative_deliveries = NonNullList(ChosenDelivery, required=True,
                                         description="CoopStore: the delivery of each "
                                                     "cooperative's parcel.")
    payment_gateway = graphene.String(description="CoopStore: the payment gateway chosen.")
    can_cancel = graphene.Boolean(required=True, description="CoopStore: whether the customer "
                                  "may still cancel it (orderCancel).")
    transactions = NonNullList("backend.payments.graphql.types.TransactionItem", required=True,
                               description="List of transactions for the order.")
    fulfillments = NonNullList("backend.orders.graphql.fulfillments.Fulfillment", required=True,
                               description="List of shipments for the order: one per "
                                           "cooperative's parcel.")
    fair_pay = fair_pay_field()

    private_metadata_permission = "MANAGE_ORDERS"

    class Meta:
        interfaces = (Node, ObjectWithMetadata)
        description = "Represents an order in the shop."

    @staticmethod
    def resolve_id(root: OrderModel, _info: Any) -> str:
        return to_global_id("Order", root.pk)

    @staticmethod
    def resolve_created(root: OrderModel, _info: Any) -> Any:
        return root.created_at

    @staticmethod
    def resolve_tracking_client_id(_root: OrderModel, _info: Any) -> str:
        return ""

    @staticmethod
    def resolve_lines(root: OrderModel, _info: Any) -> list[OrderLineModel]:
        return list(root.lines.all())

    @staticmethod
    def resolve_number(root: OrderModel, _info: Any) -> str:
        return str(root.number)

    @staticmethod
    def resolve_origin(_root: OrderModel, _info: Any) -> str:
        return OrderOriginEnum.CHECKOUT.value

    @staticmethod
    def resolve_is_paid(root: OrderModel, _info: Any) -> bool:
        return root.charge_status in (ChargeStatus.FULL, ChargeStatus.OVERCHARGED)

    @staticmethod
    def resolve_payment_status(root: OrderModel, _info: Any) -> str:
        return PAYMENT_STATUS_OF_CHARGE[ChargeStatus(root.charge_status)].value

    @staticmethod
    def resolve_payment_status_display(root: OrderModel, _info: Any) -> str:
        return str(root.get_charge_status_display())

    @staticmethod
    def resolve_tax_exemption(_root: OrderModel, _info: Any) -> bool:
        return False

    @staticmethod
    def resolve_shipping_method_name(root: OrderModel, _info: Any) -> str | None:
        names = [str(leg.get("partner_name", "")) for delivery in root.deliveries.all()
                 for leg in delivery.legs or []]
        return ", ".join(dict.fromkeys(name for name in names if name)) or None

    @staticmethod
    def resolve_can_finalize(_root: OrderModel, _info: Any) -> bool:
        return False

    @staticmethod
    def resolve_errors(_root: OrderModel, _info: Any) -> list:
        return []

    @staticmethod
    def resolve_external_reference(_root: OrderModel, _info: Any) -> None:
        return None

    @staticmethod
    def resolve_redirect_url(_root: OrderModel, _info: Any) -> None:
        return None

    @staticmethod
    def resolve_total(root: OrderModel, _info: Any) -> prices.TaxedMoney:
        return taxed_money(root.total_amount, root.currency)

    @staticmethod
    def resolve_undiscounted_total(root: OrderModel, _info: Any) -> prices.TaxedMoney:
        return taxed_money(promo.order_undiscounted_total(root), root.currency)

    @staticmethod
    def resolve_discounts(root: OrderModel, _info: Any) -> list:
        return promo.order_discounts(root)

    @staticmethod
    def resolve_discount(root: OrderModel, _info: Any) -> prices.Money:
        return promo.order_discount(root)

    @staticmethod
    def resolve_discount_name(root: OrderModel, _info: Any) -> str | None:
        return promo.order_discount_name(root)

    @staticmethod
    def resolve_translated_discount_name(root: OrderModel, _info: Any) -> str | None:
        return promo.order_translated_discount_name(root)

    @staticmethod
    def resolve_voucher(root: OrderModel, _info: Any) -> Any:
        return promo.order_voucher(root)

    @staticmethod
    def resolve_voucher_code(root: OrderModel, _info: Any) -> str | None:
        return promo.order_voucher_code(root)

    @staticmethod
    def resolve_gift_cards(root: OrderModel, _info: Any) -> list:
        return promo.order_gift_card_list(root)

    @staticmethod
    def resolve_undiscounted_shipping_price(root: OrderModel, _info: Any) -> prices.Money:
        return _money(root.shipping_amount, root.currency)

    @staticmethod
    def resolve_shipping_price(root: OrderModel, _info: Any) -> prices.TaxedMoney:
        return taxed_money(root.shipping_amount, root.currency)

    @staticmethod
    def resolve_shipping_tax_rate(_root: OrderModel, _info: Any) -> float:
        return 0.0

    @staticmethod
    def resolve_token(root: OrderModel, info: Any) -> str:
        """The tracking token opens the delivery codes: only for the order's insiders; anyone
        else reading the order by its ID gets Saleor's value, the order's ID."""
        return str(root.tracking_token if order_insider(info, root) else root.pk)

    @staticmethod
    def resolve_user(root: OrderModel, info: Any) -> Any:
        """Saleor: the account behind an order is for its owner and staff only."""
        if root.user_id is None:
            return None
        if not order_customer_visible(info, root):
            raise PermissionDenied(USER_PERMISSION_MESSAGE)
        return root.user

    @staticmethod
    def resolve_weight(root: OrderModel, _info: Any) -> Weight:
        return weight_in_grams(sum(line.weight_grams for line in root.lines.all()))

    @staticmethod
    def resolve_subtotal(root: OrderModel, _info: Any) -> prices.TaxedMoney:
        return taxed_money(root.subtotal_amount, root.currency)

    @staticmethod
    def resolve_status_display(root: OrderModel, _info: Any) -> str:
        return str(root.get_status_display())

    @staticmethod
    def resolve_total_charged(root: OrderModel, _info: Any) -> prices.Money:
        return _money(root.total_charged_amount, root.currency)

    @staticmethod
    def resolve_total_captured(root: OrderModel, _info: Any) -> prices.Money:
        return _money(root.total_charged_amount, root.currency)

    @staticmethod
    def resolve_delivery_method(root: OrderModel, _info: Any) -> DeliveryChoice | None:
        return order_delivery_method(root.deliveries.all(), root.currency)

    @staticmethod
    def resolve_total_balance(root: OrderModel, _info: Any) -> prices.Money:
        return _money(root.total_charged_amount - root.total_amount, root.currency)

    @staticmethod
    def resolve_user_email(root: OrderModel, _info: Any) -> str | None:
        return root.user_email or None

    @staticmethod
    def resolve_is_shipping_required(_root: OrderModel, _info: Any) -> bool:
        return True

    @staticmethod
    def resolve_language_code_enum(root: OrderModel, _info: Any) -> str:
        return language_code_enum(root.language_code)

    @staticmethod
    def resolve_display_gross_prices(_root: OrderModel, _info: Any) -> bool:
        return True

    @staticmethod
    def resolve_checkout_id(root: OrderModel, _info: Any) -> str | None:
        return to_global_id("Checkout", root.checkout_token) if root.checkout_token else None

    @staticmethod
    def resolve_cooperative_deliveries(root: OrderModel, _info: Any) -> list:
        return priced_in(root.deliveries.all(), root.currency)

    @staticmethod
    def resolve_payment_gateway(root: OrderModel, _info: Any) -> str | None:
        return root.payment_gateway or None

    @staticmethod
    def resolve_can_cancel(root: OrderModel, _info: Any) -> bool:
        return order_can_be_cancelled_by_customer(root)

    @staticmethod
    def resolve_transactions(root: OrderModel, info: Any) -> list:
        """Saleor keeps payments behind MANAGE_ORDERS / HANDLE_PAYMENTS; CoopStore also shows
        them to the order's insiders (its customer, its tracking link)."""
        if not order_insider(info, root):
            raise PermissionDenied(TRANSACTIONS_PERMISSION_MESSAGE)
        return list(transactions_of_order(root))

    @staticmethod
    def resolve_fulfillments(root: OrderModel, _info: Any) -> list:
        return order_fulfillments(root)

    @staticmethod
    def resolve_fair_pay(root: OrderModel, info: Any) -> list:
        """The split of what the customer paid is theirs (and the network's), not the ID's."""
        if not order_insider(info, root):
            raise PermissionDenied(OWNER_PERMISSION_MESSAGE)
        api_group(root).ensure("fair_pay", *order_split_prefetch_lookups())
        return order_fair_pay(root)


class OrderCountableConnection(CountableConnection):
    class Meta:
        node = Order
