"""Saleor's ``checkoutAddPromoCode`` and ``checkoutRemovePromoCode``: thin over the promo-code
services; the caller must own the checkout (another customer's is ``NOT_FOUND``)."""
from __future__ import annotations

from typing import Any
from uuid import UUID

import graphene
from django.utils.translation import gettext as _
from graphql import GraphQLError

from backend.core.errors import DomainError
from backend.graphql.core.ids import from_global_id_or_error
from backend.graphql.core.mutations import input_error
from backend.graphql.core.validators import validate_one_of_args_is_in_query
from backend.orders.error_codes import CheckoutErrorCode
from backend.orders.graphql.mutations_base import (
    CheckoutIdsArguments,
    checkout_errors_field,
    checkout_failure,
    checkout_for_mutation,
    checkout_payload,
    errors_field,
)
from backend.orders.graphql.types import Checkout

from ..services.promo_codes import checkout_promo_code_add, checkout_promo_code_remove


class CheckoutAddPromoCode(graphene.Mutation):
    checkout = graphene.Field(Checkout, description="The checkout with the added gift card or "
                              "voucher.")
    checkout_errors = checkout_errors_field()
    errors = errors_field()

    class Arguments(CheckoutIdsArguments):
        promo_code = graphene.String(required=True, description="Gift card code or voucher "
                                     "code.")

    class Meta:
        description = "Adds a gift card or a voucher to a checkout."

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, promo_code: str, id: str | None = None,
               token: UUID | None = None, checkout_id: str | None = None
               ) -> CheckoutAddPromoCode:
        try:
            checkout = checkout_for_mutation(info, id=id, token=token, checkout_id=checkout_id)
            checkout_promo_code_add(checkout=checkout, promo_code=promo_code)
        except DomainError as error:
            return checkout_failure(cls, error)
        return checkout_payload(cls, checkout)


def _promo_code_id_clean(promo_code_id: str) -> tuple[str, int]:
    """Saleor's rule: a Voucher or GiftCard id, else NOT_FOUND (GRAPHQL_ERROR if malformed)."""
    try:
        kind, pk = from_global_id_or_error(promo_code_id)
    except GraphQLError as error:
        raise input_error(CheckoutErrorCode.GRAPHQL_ERROR, error.message,
                          "promoCodeId") from None
    if kind not in ("Voucher", "GiftCard"):
        raise input_error(CheckoutErrorCode.NOT_FOUND, _("Must receive Voucher or GiftCard id."),
                          "promoCodeId")
    try:
        number = int(pk)
    except (TypeError, ValueError):
        raise input_error(CheckoutErrorCode.NOT_FOUND,
                          _("Couldn't resolve to a node: %(id)s") % {"id": promo_code_id},
                          "promoCodeId") from None
    if not 0 < number < 2**63:
        raise input_error(CheckoutErrorCode.NOT_FOUND,
                          _("Couldn't resolve to a node: %(id)s") % {"id": promo_code_id},
                          "promoCodeId")
    return kind, number


class CheckoutRemovePromoCode(graphene.Mutation):
    checkout = graphene.Field(Checkout, description="The checkout with the removed gift card "
                              "or voucher.")
    checkout_errors = checkout_errors_field()
    errors = errors_field()

    class Arguments(CheckoutIdsArguments):
        promo_code = graphene.String(description="Gift card code or voucher code.")
        promo_code_id = graphene.ID(description="Gift card or voucher ID.")

    class Meta:
        description = "Remove a gift card or a voucher from a checkout."

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, id: str | None = None, token: UUID | None = None,
               checkout_id: str | None = None, promo_code: str | None = None,
               promo_code_id: str | None = None) -> CheckoutRemovePromoCode:
        try:
            try:
                validate_one_of_args_is_in_query("promo_code", promo_code,
                                                 "promo_code_id", promo_code_id)
            except GraphQLError as error:
                raise input_error(CheckoutErrorCode.GRAPHQL_ERROR, error.message,
                                  None) from None
            checkout = checkout_for_mutation(info, id=id, token=token, checkout_id=checkout_id)
            if promo_code is not None:
                checkout_promo_code_remove(checkout=checkout, promo_code=promo_code)
            else:
                kind, pk = _promo_code_id_clean(promo_code_id or "")
                checkout_promo_code_remove(
                    checkout=checkout, voucher_id=pk if kind == "Voucher" else None,
                    gift_card_id=pk if kind == "GiftCard" else None)
        except DomainError as error:
            return checkout_failure(cls, error)
        return checkout_payload(cls, checkout)


class DiscountMutations(graphene.ObjectType):
    checkout_add_promo_code = CheckoutAddPromoCode.Field(
        description="Adds a gift card or a voucher to a checkout.")
    checkout_remove_promo_code = CheckoutRemovePromoCode.Field(
        description="Remove a gift card or a voucher from a checkout.")
