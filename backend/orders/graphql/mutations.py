"""The checkout and order mutations, as one ``Mutation`` part for ``backend.graphql.api``."""
from __future__ import annotations

import graphene

from .mutations_checkout import (
    CheckoutBillingAddressUpdate,
    CheckoutCreate,
    CheckoutEmailUpdate,
    CheckoutPaymentMethodUpdate,
    CheckoutShippingAddressUpdate,
)
from .mutations_customer import CheckoutCustomerAttach, CheckoutCustomerDetach
from .mutations_delivery import CheckoutDeliveryMethodUpdate, DeliveryOptionsCalculate
from .mutations_lines import (
    CheckoutLineDelete,
    CheckoutLinesAdd,
    CheckoutLinesDelete,
    CheckoutLinesUpdate,
)
from .mutations_orders import CheckoutComplete, OrderCancel


class CheckoutMutations(graphene.ObjectType):
    checkout_create = CheckoutCreate.Field(description="Create a new checkout.")
    checkout_lines_add = CheckoutLinesAdd.Field(
        description="Adds a checkout line to the existing checkout.")
    checkout_lines_update = CheckoutLinesUpdate.Field(
        description="Updates checkout line in the existing checkout.")
    checkout_lines_delete = CheckoutLinesDelete.Field(description="Deletes checkout lines.")
    checkout_line_delete = CheckoutLineDelete.Field(
        description="Deletes a checkout line.",
        deprecation_reason="Use `checkoutLinesDelete` instead.")
    checkout_email_update = CheckoutEmailUpdate.Field(
        description="Updates email address in the existing checkout object.")
    checkout_shipping_address_update = CheckoutShippingAddressUpdate.Field(
        description="Update shipping address in the existing checkout.")
    checkout_billing_address_update = CheckoutBillingAddressUpdate.Field(
        description="Update billing address in the existing checkout.")
    delivery_options_calculate = DeliveryOptionsCalculate.Field(
        description="Calculates available delivery options for a checkout.")
    checkout_delivery_method_update = CheckoutDeliveryMethodUpdate.Field(
        description="Updates the delivery method of the checkout's parcels.")
    checkout_payment_method_update = CheckoutPaymentMethodUpdate.Field(
        description="CoopStore: choose the checkout's payment gateway (cash on delivery).")
    checkout_complete = CheckoutComplete.Field(
        description="Completes the checkout and places the order.")
    order_cancel = OrderCancel.Field(description="Cancel an order.")
    checkout_customer_attach = CheckoutCustomerAttach.Field(
        description="Sets the customer as the owner of the checkout.")
    checkout_customer_detach = CheckoutCustomerDetach.Field(
        description="Removes the user assigned as the owner of the checkout.")
