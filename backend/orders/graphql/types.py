"""Saleor's ``Checkout`` and ``CheckoutLine`` over a :class:`CheckoutView`, plus CoopStore's
per-cooperative delivery groups. Every field reads what the view computed once."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

import graphene
import prices
from django.db.models import prefetch_related_objects

from backend.accounts.graphql.types import Address, User, language_code_enum
from backend.discounts.graphql import resolvers as promo
from backend.graphql.core.enums import LanguageCodeEnum
from backend.graphql.core.ids import to_global_id
from backend.graphql.core.money import Money, TaxedMoney, taxed_money
from backend.graphql.core.types import (
    ChannelContext,
    Node,
    NonNullList,
    ObjectWithMetadata,
    weight_in_grams,
)
from backend.orders.models import AuthorizeStatus, ChargeStatus
from backend.payments.gateways import available_gateways
from backend.payments.gateways.providers import provider
from catalog.graphql.channel import ChannelType
from catalog.graphql.types import ProductVariant
from fulfillment.graphql.queries_delivery import _option as option_view
from fulfillment.messages import no_delivery_message

from .dataloaders import CheckoutView, LineView
from .deliveries import (
    CheckoutDeliveryGroup,
    Delivery,
    DeliveryChoice,
    ShippingMethod,
    chosen_delivery,
    delivery_choices,
    priced_in,
)
from .problems import CheckoutLineProblem, CheckoutProblem, delivery_problems, line_problems

CheckoutChargeStatusEnum = graphene.Enum(
    "CheckoutChargeStatusEnum", [(s.name, s.value) for s in ChargeStatus],
    description="Whether the checkout's total is paid (charged) by its transactions.")
CheckoutAuthorizeStatusEnum = graphene.Enum(
    "CheckoutAuthorizeStatusEnum", [(s.name, s.value) for s in AuthorizeStatus],
    description="Whether the checkout's total is authorized by its transactions.")


class GatewayConfigLine(graphene.ObjectType):
    field = graphene.String(required=True, description="Gateway config key.")
    value = graphene.String(description="Gateway config value for key.")

    class Meta:
        description = "Payment gateway client configuration key and value pair."


class PaymentGateway(graphene.ObjectType):
    name = graphene.String(required=True, description="Payment gateway name.")
    id = graphene.ID(required=True, description="Payment gateway ID.")
    config = NonNullList(GatewayConfigLine, required=True,
                         description="Payment gateway client configuration.")
    currencies = NonNullList(graphene.String, required=True,
                             description="Payment gateway supported currencies.")

    class Meta:
        description = ("Available payment gateway backend with configuration necessary to setup "
                       "client. Choose cash on delivery with checkoutPaymentMethodUpdate.")


def _config(gateway_id: str) -> list[GatewayConfigLine]:
    """The gateway's public configuration (Stripe: its publishable key), as key/value lines."""
    module = provider(gateway_id)
    config = module.config() if module is not None else None
    return [GatewayConfigLine(field=key, value=None if value is None else str(value))
            for key, value in (config or {}).items()]


def _gateways(currency: str, channel: Any = None) -> list[PaymentGateway]:
    return [PaymentGateway(name=str(g.name), id=g.id, config=_config(g.id),
                           currencies=list(g.currencies))
            for g in available_gateways(currency, channel)]


class CheckoutLine(graphene.ObjectType):
    variant = graphene.Field(ProductVariant, required=True)
    quantity = graphene.Int(required=True, description="The quantity of the variant.")
    unit_price = graphene.Field(TaxedMoney, required=True,
                                description="The unit price of the checkout line.")
    undiscounted_unit_price = graphene.Field(Money, required=True,
                                             description="The unit price without discounts.")
    total_price = graphene.Field(TaxedMoney, required=True,
                                 description="The sum of the checkout line price.")
    undiscounted_total_price = graphene.Field(Money, required=True)
    requires_shipping = graphene.Boolean(required=True, description="Indicates whether the "
                                         "item need to be delivered.")
    problems = NonNullList(CheckoutLineProblem, description="List of problems with the "
                           "checkout line.")
    is_gift = graphene.Boolean(description="Determine if the line is a gift.")
    cooperative = graphene.Field("backend.cooperatives.graphql.types.Cooperative",
                                 required=True, description="CoopStore: who ships this line.")

    private_metadata_permission = "MANAGE_CHECKOUTS"

    class Meta:
        interfaces = (Node, ObjectWithMetadata)
        description = "Represents an item in the checkout."

    @staticmethod
    def resolve_id(root: LineView, _info: Any) -> str:
        return to_global_id("CheckoutLine", root.info.line.pk)

    @staticmethod
    def resolve_variant(root: LineView, _info: Any) -> ChannelContext:
        root.checkout.products.load()
        return ChannelContext(node=root.info.variant, channel=root.checkout.checkout.channel)

    @staticmethod
    def resolve_quantity(root: LineView, _info: Any) -> int:
        return root.info.quantity

    @staticmethod
    def _unit(root: LineView) -> Decimal:
        return root.info.unit_price if root.info.unit_price is not None else Decimal(0)

    @staticmethod
    def resolve_unit_price(root: LineView, _info: Any) -> prices.TaxedMoney:
        """After promotions and the voucher (``backend.discounts``)."""
        return taxed_money(promo.checkout_line_unit(root), root.checkout.checkout.currency)

    @staticmethod
    def resolve_undiscounted_unit_price(root: LineView, _info: Any) -> prices.Money:
        return taxed_money(CheckoutLine._unit(root), root.checkout.checkout.currency).gross

    @staticmethod
    def resolve_total_price(root: LineView, _info: Any) -> prices.TaxedMoney:
        return taxed_money(promo.checkout_line_total(root), root.checkout.checkout.currency)

    @staticmethod
    def resolve_undiscounted_total_price(root: LineView, _info: Any) -> prices.Money:
        return taxed_money(CheckoutLine._unit(root) * root.info.quantity,
                           root.checkout.checkout.currency).gross

    @staticmethod
    def resolve_requires_shipping(_root: LineView, _info: Any) -> bool:
        return True

    @staticmethod
    def resolve_problems(root: LineView, _info: Any) -> list[Any]:
        return line_problems(root)

    @staticmethod
    def resolve_is_gift(_root: LineView, _info: Any) -> bool:
        return False

    @staticmethod
    def resolve_cooperative(root: LineView, _info: Any) -> Any:
        return root.info.cooperative


def delivery_groups(root: CheckoutView) -> list[CheckoutDeliveryGroup]:
    """One group per cooperative of the cart, in the order the cart lists them."""
    lines_by_cooperative: dict[int, list[LineView]] = {}
    for line in root.line_views:
        lines_by_cooperative.setdefault(line.info.cooperative.pk, []).append(line)
    checkout = root.checkout
    chosen = {d.cooperative_id: d for d in priced_in(root.deliveries, checkout.currency)}
    quote = root.load_legs() if checkout.shipping_address_id else None
    quoted = {g.cooperative.pk: g for g in quote.groups} if quote else {}
    groups = []
    for cooperative_id, lines in lines_by_cooperative.items():
        group = quoted.get(cooperative_id)
        reason = group.quote.reason if group else None
        subtotal = sum((line.info.total_price or Decimal(0) for line in lines), Decimal(0))
        groups.append(CheckoutDeliveryGroup(
            cooperative=lines[0].info.cooperative, lines=lines,
            subtotal=prices.Money(subtotal, checkout.currency),
            weight=weight_in_grams(sum(line.info.variant.weight_grams * line.info.quantity
                                       for line in lines)),
            options=[option_view(group, option, quote.partners, quote.cities)
                     for option in group.quote.options] if group and quote else [],
            selected=chosen.get(cooperative_id), no_delivery_reason=reason,
            message=no_delivery_message(reason) if reason else None))
    return groups


def _cooperative_ids(root: CheckoutView) -> list[int]:
    return list(dict.fromkeys(line.cooperative.pk for line in root.lines))


def current_delivery(root: CheckoutView) -> DeliveryChoice | None:
    return chosen_delivery(_cooperative_ids(root), root.deliveries, root.checkout.currency)


def offered_deliveries(root: CheckoutView) -> list[DeliveryChoice]:
    return delivery_choices(root.quote.groups) if root.checkout.shipping_address_id else []


class Checkout(graphene.ObjectType):
    created = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    last_change = graphene.DateTime(required=True,
                                    deprecation_reason="Use `updatedAt` instead.")
    user = graphene.Field(User)
    channel = graphene.Field(ChannelType, required=True)
    billing_address = graphene.Field(Address)
    shipping_address = graphene.Field(Address)
    customer_note = graphene.String(required=True)
    available_shipping_methods = NonNullList(ShippingMethod, required=True,
                                             deprecation_reason="Use `shippingMethods` instead.")
    shipping_methods = NonNullList(ShippingMethod, required=True,
                                   description="Shipping methods that can be used with this "
                                   "checkout (whole-basket deliveries).")
    available_payment_gateways = NonNullList(
        PaymentGateway, required=True, description="List of available payment gateways.",
        deprecation_reason="The legacy Payments API is deprecated and will be removed. Use the "
                           "Transactions API instead.")
    email = graphene.String(description="Email of a customer.")
    is_shipping_required = graphene.Boolean(required=True, description="Returns True, if "
                                            "checkout requires shipping.")
    quantity = graphene.Int(required=True, description="The number of items purchased.")
    stock_reservation_expires = graphene.DateTime()
    lines = NonNullList(CheckoutLine, required=True, description="A list of checkout lines, "
                        "each containing information about an item in the checkout.")
    shipping_price = graphene.Field(TaxedMoney, required=True,
                                    description="The price of the checkout's deliveries.")
    delivery = graphene.Field(Delivery, description="The delivery chosen, once every parcel "
                              "has one (CoopStore: see `deliveryGroups`).")
    shipping_method = graphene.Field(ShippingMethod, deprecation_reason="Use `delivery` instead.")
    delivery_method = graphene.Field("backend.orders.graphql.delivery_method.DeliveryMethod",
                                     deprecation_reason="Use `delivery` instead.")
    subtotal_price = graphene.Field(TaxedMoney, required=True,
                                    description="The price of the checkout before deliveries.")
    tax_exemption = graphene.Boolean(required=True)
    token = graphene.UUID(required=True, description="The checkout's token.")
    total_price = graphene.Field(TaxedMoney, required=True,
                                 description="The sum of the checkout line prices and "
                                 "deliveries.")
    total_balance = graphene.Field(Money, required=True, description="The difference between "
                                   "the paid and the checkout total amount.")
    language_code = LanguageCodeEnum(required=True, description="Checkout language code.")
    display_gross_prices = graphene.Boolean(required=True)
    authorize_status = CheckoutAuthorizeStatusEnum(required=True)
    charge_status = CheckoutChargeStatusEnum(required=True)
    problems = NonNullList(CheckoutProblem, description="List of problems with the checkout.")
    delivery_groups = NonNullList(
        CheckoutDeliveryGroup, required=True,
        description="CoopStore: one parcel per cooperative of the cart, each with its delivery "
                    "options and the one chosen.")
    payment_gateway = graphene.String(description="CoopStore: the payment gateway chosen with "
                                      "checkoutPaymentMethodUpdate.")
    transactions = NonNullList("backend.payments.graphql.types.TransactionItem",
                               description="List of transactions for the checkout.")
    # Promo codes (backend.discounts, backend.giftcards)
    discount = graphene.Field(Money, description="The voucher's reduction of the checkout.")
    discount_name = graphene.String(description="The name of the voucher applied.")
    translated_discount_name = graphene.String(description="Translation of the voucher's "
                                               "name in the checkout's language.")
    voucher = graphene.Field("backend.discounts.graphql.types.Voucher",
                             description="The voucher assigned to the checkout.")
    voucher_code = graphene.String(description="The code of voucher assigned to the checkout.")
    gift_cards = NonNullList("backend.giftcards.graphql.types.GiftCard", required=True,
                             description="List of gift cards associated with this checkout.")

    private_metadata_permission = "MANAGE_CHECKOUTS"

    class Meta:
        interfaces = (Node, ObjectWithMetadata)
        description = "Checkout object."

    @staticmethod
    def resolve_id(root: CheckoutView, _info: Any) -> str:
        return to_global_id("Checkout", root.checkout.token)

    @staticmethod
    def resolve_created(root: CheckoutView, _info: Any) -> Any:
        return root.checkout.created_at

    @staticmethod
    def resolve_updated_at(root: CheckoutView, _info: Any) -> Any:
        return root.checkout.updated_at

    @staticmethod
    def resolve_last_change(root: CheckoutView, _info: Any) -> Any:
        return root.checkout.updated_at

    @staticmethod
    def resolve_user(root: CheckoutView, info: Any) -> Any:
        """Saleor's rule: the owner or staff (a guest checkout has no user)."""
        from .dataloaders import is_owner, request_user

        caller = request_user(info)
        staff = bool(caller is not None and caller.is_authenticated and caller.is_staff)
        return root.checkout.user if staff or is_owner(info, root.checkout.user_id) else None

    @staticmethod
    def resolve_channel(root: CheckoutView, _info: Any) -> Any:
        return root.checkout.channel

    @staticmethod
    def resolve_billing_address(root: CheckoutView, _info: Any) -> Any:
        return root.checkout.billing_address

    @staticmethod
    def resolve_shipping_address(root: CheckoutView, _info: Any) -> Any:
        return root.checkout.shipping_address

    @staticmethod
    def resolve_customer_note(root: CheckoutView, _info: Any) -> str:
        return root.checkout.customer_note

    @staticmethod
    def resolve_available_shipping_methods(root: CheckoutView, _info: Any) -> list:
        return offered_deliveries(root)

    @staticmethod
    def resolve_shipping_methods(root: CheckoutView, _info: Any) -> list:
        return offered_deliveries(root)

    @staticmethod
    def resolve_available_payment_gateways(root: CheckoutView, _info: Any) -> list:
        return _gateways(root.checkout.currency, root.checkout.channel)

    @staticmethod
    def resolve_email(root: CheckoutView, _info: Any) -> str | None:
        return root.checkout.email or None

    @staticmethod
    def resolve_is_shipping_required(root: CheckoutView, _info: Any) -> bool:
        return bool(root.lines)

    @staticmethod
    def resolve_quantity(root: CheckoutView, _info: Any) -> int:
        return sum(info.quantity for info in root.lines)

    @staticmethod
    def resolve_stock_reservation_expires(_root: CheckoutView, _info: Any) -> None:
        return None

    @staticmethod
    def resolve_lines(root: CheckoutView, _info: Any) -> list[LineView]:
        return root.line_views

    @staticmethod
    def resolve_shipping_price(root: CheckoutView, _info: Any) -> prices.TaxedMoney:
        return taxed_money(root.totals.shipping, root.checkout.currency)

    @staticmethod
    def resolve_delivery(root: CheckoutView, _info: Any) -> DeliveryChoice | None:
        return current_delivery(root)

    @staticmethod
    def resolve_shipping_method(root: CheckoutView, _info: Any) -> DeliveryChoice | None:
        return current_delivery(root)

    @staticmethod
    def resolve_delivery_method(root: CheckoutView, _info: Any) -> DeliveryChoice | None:
        return current_delivery(root)

    @staticmethod
    def resolve_subtotal_price(root: CheckoutView, _info: Any) -> prices.TaxedMoney:
        return taxed_money(root.totals.subtotal, root.checkout.currency)

    @staticmethod
    def resolve_tax_exemption(_root: CheckoutView, _info: Any) -> bool:
        return False

    @staticmethod
    def resolve_token(root: CheckoutView, _info: Any) -> Any:
        return root.checkout.token

    @staticmethod
    def resolve_total_price(root: CheckoutView, _info: Any) -> prices.TaxedMoney:
        return taxed_money(root.totals.total, root.checkout.currency)

    @staticmethod
    def resolve_total_balance(root: CheckoutView, _info: Any) -> prices.Money:
        totals = root.totals
        return taxed_money(totals.charged - totals.total, root.checkout.currency).gross

    @staticmethod
    def resolve_language_code(root: CheckoutView, _info: Any) -> str:
        return language_code_enum(root.checkout.language_code)

    @staticmethod
    def resolve_display_gross_prices(_root: CheckoutView, _info: Any) -> bool:
        return True

    @staticmethod
    def resolve_authorize_status(root: CheckoutView, _info: Any) -> str:
        return str(root.statuses.authorize_status)

    @staticmethod
    def resolve_charge_status(root: CheckoutView, _info: Any) -> str:
        return str(root.statuses.charge_status)

    @staticmethod
    def resolve_problems(root: CheckoutView, _info: Any) -> list[Any]:
        lines = [problem for line in root.line_views for problem in line_problems(line)]
        return delivery_problems(root, current_delivery(root)) + lines

    @staticmethod
    def resolve_delivery_groups(root: CheckoutView, _info: Any) -> list[CheckoutDeliveryGroup]:
        return delivery_groups(root)

    @staticmethod
    def resolve_payment_gateway(root: CheckoutView, _info: Any) -> str | None:
        return root.checkout.payment_gateway or None

    @staticmethod
    def resolve_transactions(root: CheckoutView, _info: Any) -> list:
        transactions = list(root.checkout.payment_transactions.all())
        prefetch_related_objects(transactions, "events")
        return transactions

    @staticmethod
    def resolve_discount(root: CheckoutView, _info: Any) -> prices.Money:
        return promo.checkout_discount(root)

    @staticmethod
    def resolve_discount_name(root: CheckoutView, _info: Any) -> str | None:
        return promo.checkout_discount_name(root)

    @staticmethod
    def resolve_translated_discount_name(root: CheckoutView, _info: Any) -> str | None:
        return promo.checkout_translated_discount_name(root)

    @staticmethod
    def resolve_voucher(root: CheckoutView, _info: Any) -> Any:
        return promo.checkout_voucher(root)

    @staticmethod
    def resolve_voucher_code(root: CheckoutView, _info: Any) -> str | None:
        return promo.checkout_voucher_code(root)

    @staticmethod
    def resolve_gift_cards(root: CheckoutView, _info: Any) -> list:
        return promo.checkout_gift_card_list(root)
