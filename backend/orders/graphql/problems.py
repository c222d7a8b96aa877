"""Saleor's checkout problems: what would stop a checkout from becoming an order, read from
the lines the view already holds (no query)."""
from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.types import ChannelContext
from catalog.graphql.types import ProductVariant
from catalog.selectors import variant_quantity_available

from .dataloaders import LineView
from .deliveries import Delivery

LINE_TYPE = "backend.orders.graphql.types.CheckoutLine"


class CheckoutLineProblemInsufficientStock(graphene.ObjectType):
    available_quantity = graphene.Int(description="Available quantity of a variant.")
    line = graphene.Field(LINE_TYPE, required=True,
                          description="The line that has variant with insufficient stock.")
    variant = graphene.Field(ProductVariant, required=True,
                             description="The variant with insufficient stock.")

    class Meta:
        description = "Indicates insufficient stock for a given checkout line."


class CheckoutLineProblemVariantNotAvailable(graphene.ObjectType):
    line = graphene.Field(LINE_TYPE, required=True,
                          description="The line that has variant that is not available.")

    class Meta:
        description = "The variant assigned to the checkout line is not available."


class CheckoutProblemDeliveryMethodStale(graphene.ObjectType):
    delivery = graphene.Field(Delivery, required=True, description="The delivery method "
                              "that is stale.")

    class Meta:
        description = "Indicates that the delivery method is stale."


class CheckoutProblemDeliveryMethodInvalid(graphene.ObjectType):
    delivery = graphene.Field(Delivery, required=True, description="The delivery method "
                              "that is invalid.")

    class Meta:
        description = "Indicates that the delivery method is invalid."


class CheckoutLineProblem(graphene.Union):
    class Meta:
        types = (CheckoutLineProblemInsufficientStock, CheckoutLineProblemVariantNotAvailable)
        description = "Represents an problem in the checkout line."


class CheckoutProblem(graphene.Union):
    class Meta:
        types = (CheckoutProblemDeliveryMethodStale, CheckoutProblemDeliveryMethodInvalid,
                 CheckoutLineProblemInsufficientStock, CheckoutLineProblemVariantNotAvailable)
        description = "Represents an problem in the checkout."


def line_problems(root: LineView) -> list[Any]:
    """What would stop the line from being ordered: no read beyond the view's lines."""
    info = root.info
    if info.unit_price is None or not info.is_visible:
        return [CheckoutLineProblemVariantNotAvailable(line=root)]
    available = variant_quantity_available(info.variant)
    if info.quantity > available:
        return [CheckoutLineProblemInsufficientStock(
            available_quantity=max(available, 0), line=root,
            variant=ChannelContext(node=info.variant, channel=root.checkout.checkout.channel))]
    return []


def delivery_problems(root: Any, chosen: Any) -> list[Any]:
    """Saleor's delivery problems of the chosen whole-basket delivery ``chosen``.

    Invalid: a parcel's chosen option is no longer offered to the shipping address (a partner
    suspended, a coverage removed, the cooperative's lines gone); completing would be refused.
    Stale: every option is still offered but a price changed since it was quoted; the stored
    price is what the customer agreed to, so choose again (``deliveryOptionsCalculate``) to
    see the current one. Costs the checkout's quote, computed once per request.
    """
    if chosen is None or not root.deliveries:
        return []
    groups = {group.cooperative.pk: group for group in root.quote.groups}
    stale = False
    for delivery in root.deliveries:
        group = groups.get(delivery.cooperative_id)
        option = group.find_option(delivery.option_id) if group is not None else None
        if option is None:
            return [CheckoutProblemDeliveryMethodInvalid(delivery=chosen)]
        if option.price.quantize(delivery.price_amount) != delivery.price_amount:
            stale = True
    return [CheckoutProblemDeliveryMethodStale(delivery=chosen)] if stale else []
