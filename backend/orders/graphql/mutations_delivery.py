"""Delivery of the checkout's parcels: Saleor's ``deliveryOptionsCalculate`` and
``checkoutDeliveryMethodUpdate`` (how a client chooses: see ``deliveries``)."""
from __future__ import annotations

from typing import Any
from uuid import UUID

import graphene
from django.db import transaction
from django.utils.translation import gettext as _

from backend.core.errors import DomainError
from backend.graphql.core.ids import decode_global_key
from backend.graphql.core.mutations import errors_of, input_error
from backend.graphql.core.types import NonNullList
from backend.orders.error_codes import CheckoutErrorCode
from backend.orders.services.checkout_delivery import checkout_delivery_set

from .dataloaders import CheckoutView
from .deliveries import (
    COMBINED_TYPE,
    OPTION_TYPE,
    Delivery,
    DeliveryChoice,
    choice_option_ids,
    delivery_choices,
)
from .errors import (
    CheckoutError,
    DeliveryOptionsCalculateError,
    DeliveryOptionsCalculateErrorCode,
)
from .mutations_base import (
    CheckoutIdArguments,
    checkout_failure,
    checkout_for_mutation,
    checkout_payload,
)
from .types import Checkout

FIELD = "deliveryMethodId"


class DeliveryOptionsCalculate(graphene.Mutation):
    deliveries = NonNullList(Delivery, required=True, description="List of the available "
                             "deliveries (whole-basket choices).")
    errors = NonNullList(DeliveryOptionsCalculateError, required=True)

    class Arguments:
        id = graphene.ID(required=True, description="The ID of the checkout.")

    class Meta:
        description = ("Calculates available delivery options for a checkout: each one sets the "
                       "delivery of every parcel. Empty until a shipping address is set.")

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, id: str) -> DeliveryOptionsCalculate:
        try:
            checkout = checkout_for_mutation(info, id=id)
        except DomainError as error:
            return cls(deliveries=[], errors=errors_of(
                error, DeliveryOptionsCalculateError, DeliveryOptionsCalculateErrorCode))
        choices: list[DeliveryChoice] = []
        if checkout.shipping_address_id:
            choices = delivery_choices(CheckoutView(checkout).quote.groups)
        return cls(deliveries=choices, errors=[])


def option_ids_clean(value: str | None) -> list[str]:
    """The per-parcel option ids a delivery method ID names: a ``DeliveryOption`` (one
    parcel) or a ``CheckoutDelivery``/``ShippingMethod`` (every parcel)."""
    if not value:
        raise input_error(CheckoutErrorCode.REQUIRED, _("This field is required."), FIELD)
    try:
        type_name, key = decode_global_key(value)
    except ValueError:
        printable = str(value)[:100].replace("\x00", "\\x00")
        raise input_error(CheckoutErrorCode.GRAPHQL_ERROR, f"Invalid ID: {printable}.",
                          FIELD) from None
    if type_name == OPTION_TYPE:
        return [key]
    ids = choice_option_ids(key) if type_name in (COMBINED_TYPE, "ShippingMethod") else []
    if not ids:
        raise input_error(CheckoutErrorCode.INVALID,
                          _("ID does not belong to CheckoutDelivery, ShippingMethod or "
                            "DeliveryOption."), FIELD)
    return ids


class CheckoutDeliveryMethodUpdate(graphene.Mutation):
    checkout = graphene.Field(Checkout)
    errors = NonNullList(CheckoutError, required=True)

    class Arguments(CheckoutIdArguments):
        delivery_method_id = graphene.ID(description=(
            "A `Delivery` ID from deliveryOptionsCalculate (every parcel), or a "
            "`DeliveryOption` ID from Checkout.deliveryGroups (that cooperative's parcel)."))

    class Meta:
        description = "Updates the delivery of the checkout's parcels."

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, id: str | None = None, token: UUID | None = None,
               delivery_method_id: str | None = None) -> CheckoutDeliveryMethodUpdate:
        try:
            checkout = checkout_for_mutation(info, id=id, token=token)
            option_ids = option_ids_clean(delivery_method_id)
            with transaction.atomic():  # every parcel or none
                for option_id in option_ids:
                    checkout_delivery_set(checkout=checkout, delivery_method_id=option_id)
        except DomainError as error:
            return checkout_failure(cls, error)
        return checkout_payload(cls, checkout)
