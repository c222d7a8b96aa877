"""Placing and cancelling orders: ``checkoutComplete`` and ``orderCancel``."""
from __future__ import annotations

from typing import Any
from uuid import UUID

import graphene
from graphql import GraphQLError

from backend.core.errors import DomainError
from backend.graphql.core.ids import from_global_uuid_or_error
from backend.graphql.core.mutations import errors_of, graphql_error_as, input_error
from backend.graphql.core.types import NonNullList
from backend.graphql.core.validators import validate_one_of_args_is_in_query
from backend.orders.error_codes import CheckoutErrorCode, OrderErrorCode
from backend.orders.models import Checkout as CheckoutModel
from backend.orders.models import Order as OrderModel
from backend.orders.services.checkout_complete import checkout_complete
from backend.orders.services.order_cancel import order_cancel

from .dataloaders import (
    checkout_visible,
    is_owner,
    order_lines_prefetch,
    order_visible,
    orders_for_api,
    request_user,
)
from .errors import CheckoutError, OrderError
from .mutations_base import NOT_FOUND_MESSAGE, CheckoutIdsArguments, checkout_failure
from .types_order import Order


def _order_for_api(pk: Any) -> OrderModel:
    order = orders_for_api().get(pk=pk)
    order_lines_prefetch([order])
    return order


def _checkout_token(*, id: str | None, token: UUID | None, checkout_id: str | None
                    ) -> tuple[UUID, str, Any]:
    """The token the arguments name, with the argument's name and value (for errors)."""
    try:
        validate_one_of_args_is_in_query("checkout_id", checkout_id, "token", token, "id", id)
    except GraphQLError as error:
        raise input_error(CheckoutErrorCode.GRAPHQL_ERROR, error.message, None) from None
    if token:
        return token, "token", token
    field, given = ("id", id) if id else ("checkoutId", checkout_id)
    return graphql_error_as(CheckoutErrorCode, field,
                            lambda: from_global_uuid_or_error(given, "Checkout")), field, given


class CheckoutComplete(graphene.Mutation):
    order = graphene.Field(Order, description="Placed order.")
    confirmation_needed = graphene.Boolean(required=True, description="Set to true if payment "
                                           "needs to be confirmed before checkout is complete.")
    confirmation_data = graphene.JSONString(description="Confirmation data used to process "
                                            "additional authorization steps.")
    checkout_errors = NonNullList(CheckoutError, required=True,
                                  deprecation_reason="Use `errors` field instead.")
    errors = NonNullList(CheckoutError, required=True)

    class Arguments(CheckoutIdsArguments):
        pass

    class Meta:
        description = ("Completes the checkout: places the order, allocating the stock. "
                       "Completing it again returns the same order.")

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, id: str | None = None, token: UUID | None = None,
               checkout_id: str | None = None) -> CheckoutComplete:
        try:
            checkout_token, field, given = _checkout_token(id=id, token=token,
                                                           checkout_id=checkout_id)
            checkout = CheckoutModel.objects.filter(token=checkout_token).only(
                "token", "user_id").first()
            if checkout is None:  # completed already? the same order, to the same buyer
                placed = OrderModel.objects.filter(checkout_token=checkout_token).only(
                    "pk", "user_id").first()
                allowed = placed is not None and (placed.user_id is None
                                                  or is_owner(info, placed.user_id))
            else:
                allowed = checkout_visible(info, checkout)
            if not allowed:
                raise input_error(CheckoutErrorCode.NOT_FOUND, NOT_FOUND_MESSAGE % {"id": given},
                                  field)
            completed = checkout_complete(checkout_token=checkout_token)
        except DomainError as error:
            return checkout_failure(cls, error, confirmation_needed=False)
        order = _order_for_api(completed.order.pk)
        # Whoever held the checkout placed the order (its token and payments are theirs); a
        # repeat completion proves nothing more than the order's public checkoutId.
        order.placed_by_caller = checkout is not None
        return cls(order=order, confirmation_needed=False, errors=[], checkout_errors=[])


class OrderCancel(graphene.Mutation):
    order = graphene.Field(Order, description="Canceled order.")
    order_errors = NonNullList(OrderError, required=True,
                               deprecation_reason="Use `errors` field instead.")
    errors = NonNullList(OrderError, required=True)

    class Arguments:
        id = graphene.ID(required=True, description="ID of an order to cancel.")

    class Meta:
        description = ("Cancel an order: its customer until a cooperative has prepared a parcel, "
                       "a network admin while it is open. The stock goes back on sale.")

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, id: str) -> OrderCancel:
        try:
            pk = graphql_error_as(OrderErrorCode, "id",
                                  lambda: from_global_uuid_or_error(id, "Order"))
            order = OrderModel.objects.filter(pk=pk).first()
            if order is None or not order_visible(info, order):
                raise input_error(OrderErrorCode.NOT_FOUND, NOT_FOUND_MESSAGE % {"id": id}, "id")
            order_cancel(order=order, by_staff=bool(request_user(info).is_staff))
        except DomainError as error:
            errors = errors_of(error, OrderError, OrderErrorCode)
            return cls(errors=errors, order_errors=errors)
        return cls(order=_order_for_api(order.pk), errors=[], order_errors=[])
