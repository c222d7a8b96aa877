"""``checkout``, ``order`` and ``orderByToken``: nobody reads another customer's rows.

A checkout owned by a customer is visible to that customer only, a guest checkout to whoever
has its ID (the token is the secret, as in Saleor). An order is read by whoever has its ID (a
random UUID: Saleor's storefront shows the confirmation page with an anonymous ``order(id:)``),
but its account, payments, tracking token and delivery codes stay with its customer and network
admins (``types_order``); a guest's tracking link (``orderByToken``) opens the delivery codes.
Anything else is ``null``, exactly as if it did not exist.
"""
from __future__ import annotations

from typing import Any
from uuid import UUID

import graphene

from backend.graphql.core.ids import from_global_uuid_or_error
from backend.graphql.core.validators import validate_one_of_args_is_in_query
from backend.orders.models import Order as OrderModel

from .dataloaders import (
    CheckoutView,
    checkout_load,
    checkout_visible,
    order_lines_prefetch,
    orders_for_api,
)
from .types import Checkout
from .types_order import Order


def _order(queryset: Any) -> OrderModel | None:
    order = queryset.first()
    if order is not None:
        order_lines_prefetch([order])
    return order


class CheckoutQueries(graphene.ObjectType):
    checkout = graphene.Field(
        Checkout, id=graphene.ID(description="The checkout's ID."),
        token=graphene.UUID(description="The checkout's token.",
                            deprecation_reason="Use `id` instead."),
        description="Look up a checkout by id.")
    order = graphene.Field(
        Order, id=graphene.ID(description="ID of an order."),
        external_reference=graphene.String(description="External ID of an order."),
        description="Look up an order by ID or external reference (the ID is the credential, as "
                    "in Saleor; its account and payments stay with its customer).")
    order_by_token = graphene.Field(
        Order, token=graphene.UUID(required=True, description="The order's tracking token."),
        description="Look up an order by its tracking token (the guest's link).",
        deprecation_reason="Use `order` with a JWT, or the tracking link.")

    @staticmethod
    def resolve_checkout(_root: Any, info: Any, *, id: str | None = None,
                         token: UUID | None = None) -> CheckoutView | None:
        validate_one_of_args_is_in_query("id", id, "token", token)
        if id:
            token = from_global_uuid_or_error(id, "Checkout")
        checkout = checkout_load(token)
        if checkout is None or not checkout_visible(info, checkout):
            return None
        return CheckoutView(checkout)

    @staticmethod
    def resolve_order(_root: Any, info: Any, *, id: str | None = None,
                      external_reference: str | None = None) -> OrderModel | None:
        validate_one_of_args_is_in_query("id", id, "external_reference", external_reference)
        if not id:
            return None  # CoopStore orders have no external reference
        pk = from_global_uuid_or_error(id, "Order")
        order = orders_for_api().filter(pk=pk).first()
        if order is None:
            return None
        order_lines_prefetch([order])
        return order

    @staticmethod
    def resolve_order_by_token(_root: Any, _info: Any, *, token: UUID) -> OrderModel | None:
        order = _order(orders_for_api().filter(tracking_token=token))
        if order is not None:
            # The tracking link is a guest order's proof of ownership (its delivery code).
            order.reached_by_tracking_token = True
        return order
