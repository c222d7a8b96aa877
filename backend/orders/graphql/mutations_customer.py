"""Saleor's ``checkoutCustomerAttach`` / ``checkoutCustomerDetach``: who owns a checkout.

A signed-in customer may take a guest's checkout (its token is the secret) or keep their own;
another customer's checkout is ``NOT_FOUND``. Attaching someone else (``customerId``) needs
Saleor's IMPERSONATE_USER, which nobody has in CoopStore.
"""
from __future__ import annotations

from typing import Any
from uuid import UUID

import graphene
from django.core.exceptions import PermissionDenied

from backend.accounts.graphql.mutations_account import signed_in_user
from backend.core.errors import DomainError
from backend.graphql.core.ids import from_global_id_or_error
from backend.graphql.core.mutations import graphql_error_as
from backend.orders.error_codes import CheckoutErrorCode
from backend.orders.services.checkout_details import (
    checkout_attach_to_user,
    checkout_customer_detach,
)

from .mutations_base import (
    CheckoutIdsArguments,
    checkout_errors_field,
    checkout_failure,
    checkout_for_mutation,
    checkout_payload,
    errors_field,
)
from .types import Checkout

IMPERSONATE = ("To access this path, you need one of the following permissions: "
               "IMPERSONATE_USER")


class CheckoutCustomerAttach(graphene.Mutation):
    checkout = graphene.Field(Checkout)
    checkout_errors = checkout_errors_field()
    errors = errors_field()

    class Arguments(CheckoutIdsArguments):
        customer_id = graphene.ID(description="ID of customer to attach to checkout. Requires "
                                  "IMPERSONATE_USER permission when customerId is different "
                                  "than the logged-in user.")

    class Meta:
        description = "Sets the customer as the owner of the checkout."

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, id: str | None = None, token: UUID | None = None,
               checkout_id: str | None = None, customer_id: str | None = None
               ) -> CheckoutCustomerAttach:
        user = signed_in_user(info)
        try:
            if customer_id is not None:
                _type, pk = graphql_error_as(
                    CheckoutErrorCode, "customerId",
                    lambda: from_global_id_or_error(customer_id, "User", raise_error=True))
                if pk != user.pk:
                    raise PermissionDenied(IMPERSONATE)
            checkout = checkout_for_mutation(info, id=id, token=token, checkout_id=checkout_id)
            checkout_attach_to_user(checkout=checkout, user=user)
        except DomainError as error:
            return checkout_failure(cls, error)
        return checkout_payload(cls, checkout)


class CheckoutCustomerDetach(graphene.Mutation):
    checkout = graphene.Field(Checkout)
    checkout_errors = checkout_errors_field()
    errors = errors_field()

    class Arguments(CheckoutIdsArguments):
        pass

    class Meta:
        description = "Removes the user assigned as the owner of the checkout."

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, id: str | None = None, token: UUID | None = None,
               checkout_id: str | None = None) -> CheckoutCustomerDetach:
        user = signed_in_user(info)
        try:
            checkout = checkout_for_mutation(info, id=id, token=token, checkout_id=checkout_id)
            if checkout.user_id != user.pk:
                raise PermissionDenied("You cannot detach another customer from a checkout.")
            checkout_customer_detach(checkout=checkout)
        except DomainError as error:
            return checkout_failure(cls, error)
        return checkout_payload(cls, checkout)
