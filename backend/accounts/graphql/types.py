"""Saleor's ``User`` and ``Address`` types, and the ``AddressInput`` the mutations read."""
from __future__ import annotations

from typing import Any

import graphene

from backend.accounts.models import Address as AddressModel
from backend.accounts.models import User as UserModel
from backend.accounts.services.addresses import AddressInput as AddressData
from backend.graphql.core.connection import SortSpec, connection_args, paginate_queryset
from backend.graphql.core.enums import CountryCodeEnum, LanguageCodeEnum, ThumbnailFormatEnum
from backend.graphql.core.ids import to_global_id
from backend.graphql.core.languages import LANGUAGE_CODES
from backend.graphql.core.types import (
    CountryDisplay,
    Image,
    ModelObjectType,
    Node,
    NonNullList,
    ObjectWithMetadata,
    country_display,
)
from backend.graphql.core.validators import is_clean_text

CHECKOUT_TYPE = "backend.orders.graphql.types.Checkout"
ORDER_CONNECTION_TYPE = "backend.orders.graphql.types_order.OrderCountableConnection"
ORDERS_SORT = SortSpec(fields=("number",), descending=True)


def language_code_enum(code: str | None) -> str:
    """A stored language (``fr``) as Saleor's enum value (``FR``)."""
    value = (code or "fr").replace("-", "_").upper()
    return value if value in LANGUAGE_CODES else "FR"


class Address(ModelObjectType):
    first_name = graphene.String(required=True)
    last_name = graphene.String(required=True)
    company_name = graphene.String(required=True)
    street_address_1 = graphene.String(required=True)
    street_address_2 = graphene.String(required=True)
    city = graphene.String(required=True)
    city_area = graphene.String(required=True)
    postal_code = graphene.String(required=True)
    country = graphene.Field(CountryDisplay, required=True, description="Shop's default country.")
    country_area = graphene.String(required=True)
    phone = graphene.String()
    is_default_shipping_address = graphene.Boolean(
        description="Address is user's default shipping address.")
    is_default_billing_address = graphene.Boolean(
        description="Address is user's default billing address.")

    private_metadata_permission = "MANAGE_USERS"

    class Meta:
        interfaces = (Node, ObjectWithMetadata)
        description = "Represents user address data."

    @staticmethod
    def resolve_country(root: AddressModel, _info: Any) -> CountryDisplay:
        return country_display(root.country)

    @staticmethod
    def resolve_phone(root: AddressModel, _info: Any) -> str | None:
        return root.phone or None

    @staticmethod
    def resolve_is_default_shipping_address(root: AddressModel, _info: Any) -> bool | None:
        return getattr(root, "is_default_shipping", None)

    @staticmethod
    def resolve_is_default_billing_address(root: AddressModel, _info: Any) -> bool | None:
        return getattr(root, "is_default_billing", None)


class AddressInput(graphene.InputObjectType):
    first_name = graphene.String(description="Given name.")
    last_name = graphene.String(description="Family name.")
    company_name = graphene.String(description="Company or organization.")
    street_address_1 = graphene.String(description="Address.")
    street_address_2 = graphene.String(description="Address.")
    city = graphene.String(description="City.")
    city_area = graphene.String(description="District.")
    postal_code = graphene.String(description="Postal code.")
    country = CountryCodeEnum(description="Country.")
    country_area = graphene.String(description="State or province.")
    phone = graphene.String(description="Phone number (Moroccan numbers in any usual form).")


def address_data(value: Any) -> AddressData:
    """The service's ``AddressInput`` from the GraphQL input (unset fields are empty)."""
    country = getattr(value.get("country"), "value", value.get("country")) or "MA"
    return AddressData(**{name: (value.get(name) or "") for name in (
        "first_name", "last_name", "company_name", "street_address_1", "street_address_2",
        "city", "city_area", "postal_code", "country_area", "phone")}, country=str(country))


class User(ModelObjectType):
    email = graphene.String(required=True)
    first_name = graphene.String(required=True)
    last_name = graphene.String(required=True)
    is_staff = graphene.Boolean(required=True, description="CoopStore: a network admin.")
    is_active = graphene.Boolean(required=True)
    is_confirmed = graphene.Boolean(required=True)
    addresses = NonNullList(Address, required=True, description="List of all user's addresses.")
    checkout = graphene.Field(CHECKOUT_TYPE, description="Returns the last open checkout of "
                              "this user.", deprecation_reason="Use the `checkoutTokens` field "
                              "to fetch the user checkouts.")
    checkout_tokens = NonNullList(graphene.UUID, channel=graphene.String(),
                                  description="Returns the checkout UUID's assigned to this user.",
                                  deprecation_reason="Use `checkoutIds` instead.")
    checkout_ids = NonNullList(graphene.ID, channel=graphene.String(),
                               description="Returns the checkout ID's assigned to this user.")
    orders = graphene.Field(ORDER_CONNECTION_TYPE, **connection_args(),
                            description="List of user's orders, most recent first.")
    language_code = LanguageCodeEnum(required=True, description="User language code.")
    default_shipping_address = graphene.Field(Address)
    default_billing_address = graphene.Field(Address)
    external_reference = graphene.String()
    avatar = graphene.Field(Image, size=graphene.Int(description="Size of the avatar."),
                            format=ThumbnailFormatEnum(
                                default_value=ThumbnailFormatEnum.ORIGINAL.value,
                                description="The format of the image."),
                            description="CoopStore keeps no avatars: always null.")
    date_joined = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)

    private_metadata_permission = "MANAGE_USERS"

    class Meta:
        interfaces = (Node, ObjectWithMetadata)
        description = "Represents user data."

    @staticmethod
    def resolve_addresses(root: UserModel, _info: Any) -> list[AddressModel]:
        addresses = list(root.addresses.all())
        for address in addresses:
            address.is_default_shipping = address.pk == root.default_shipping_address_id
            address.is_default_billing = address.pk == root.default_billing_address_id
        return addresses

    @staticmethod
    def resolve_checkout(root: UserModel, _info: Any) -> Any:
        from backend.orders.graphql.dataloaders import CheckoutView, checkouts_for_api

        checkout = checkouts_for_api().filter(user=root).order_by("-updated_at").first()
        return CheckoutView(checkout) if checkout else None

    @staticmethod
    def _checkouts(root: UserModel, channel: str | None) -> list:
        checkouts = root.checkouts.order_by("-updated_at")
        if channel is not None:
            if not is_clean_text(channel):
                return []
            checkouts = checkouts.filter(channel__slug=channel)
        return list(checkouts.values_list("token", flat=True))

    @staticmethod
    def resolve_checkout_tokens(root: UserModel, _info: Any, *, channel: str | None = None
                                ) -> list:
        return User._checkouts(root, channel)

    @staticmethod
    def resolve_checkout_ids(root: UserModel, _info: Any, *, channel: str | None = None
                             ) -> list[str]:
        return [to_global_id("Checkout", token) for token in User._checkouts(root, channel)]

    @staticmethod
    def resolve_orders(root: UserModel, info: Any, **args: Any) -> Any:
        from backend.orders.graphql.dataloaders import order_lines_prefetch, orders_for_api
        from backend.orders.graphql.types_order import OrderCountableConnection

        page = paginate_queryset(orders_for_api().filter(user=root), info, args,
                                 connection=OrderCountableConnection, sort=ORDERS_SORT)
        order_lines_prefetch([edge.node for edge in page.edges])
        return page

    @staticmethod
    def resolve_language_code(root: UserModel, _info: Any) -> str:
        return language_code_enum(root.language_code)

    @staticmethod
    def resolve_external_reference(_root: UserModel, _info: Any) -> None:
        return None

    @staticmethod
    def resolve_avatar(_root: UserModel, _info: Any, **_args: Any) -> None:
        return None
