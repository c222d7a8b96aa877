"""Saleor's line mutations: checkoutLinesAdd, checkoutLinesUpdate, checkoutLinesDelete and
3.23's checkoutLineDelete (kept for Saleor's storefront), each calling one lines service."""
from __future__ import annotations

from typing import Any
from uuid import UUID

import graphene
from django.utils.translation import gettext as _
from graphql import GraphQLError

from backend.core.errors import DomainError
from backend.graphql.core.ids import from_global_id_or_error, from_global_uuid_or_error
from backend.graphql.core.mutations import graphql_error_as, input_error
from backend.graphql.core.types import NonNullList
from backend.graphql.core.validators import validate_one_of_args_is_in_query
from backend.orders.error_codes import CheckoutErrorCode
from backend.orders.models import Checkout as CheckoutModel
from backend.orders.services.checkout_lines import (
    LineInput,
    checkout_lines_add,
    checkout_lines_delete,
    checkout_lines_update,
)

from .mutations_base import (
    CheckoutIdArguments,
    CheckoutIdsArguments,
    checkout_errors_field,
    checkout_failure,
    checkout_for_mutation,
    checkout_payload,
    errors_field,
    lines_limit_check,
)
from .types import Checkout

LINES_NOT_IN_CHECKOUT = "Provided line_ids aren't part of checkout."


class CheckoutLineInput(graphene.InputObjectType):
    quantity = graphene.Int(required=True, description="The number of items purchased.")
    variant_id = graphene.ID(required=True, description="ID of the product variant.")


class CheckoutLineUpdateInput(graphene.InputObjectType):
    variant_id = graphene.ID(description="ID of the product variant.",
                             deprecation_reason="Use `lineId` instead.")
    quantity = graphene.Int(description="The number of items purchased. Optional for apps, "
                            "required for any other users.")
    line_id = graphene.ID(description="ID of the line.")


def _variant_pk(value: Any) -> int:
    _type, pk = graphql_error_as(CheckoutErrorCode, "variantId", lambda: from_global_id_or_error(
        value, "ProductVariant", raise_error=True))
    return pk


def lines_clean(lines: list[dict]) -> tuple[list[LineInput], dict[str, str]]:
    """Service lines from ``CheckoutLineInput``s, and each variant pk's ID as sent."""
    lines_limit_check(len(lines), "lines")
    cleaned, sent = [], {}
    for line in lines:
        pk = _variant_pk(line["variant_id"])
        sent[str(pk)] = line["variant_id"]
        cleaned.append(LineInput(variant_id=pk, quantity=line["quantity"]))
    return cleaned, sent


class CheckoutLinesAdd(graphene.Mutation):
    checkout = graphene.Field(Checkout)
    checkout_errors = checkout_errors_field()
    errors = errors_field()

    class Arguments(CheckoutIdsArguments):
        lines = NonNullList(CheckoutLineInput, required=True, description="A list of checkout "
                            "lines, each containing information about an item in the checkout.")

    class Meta:
        description = "Adds a checkout line to the existing checkout. If line was already in "\
                      "checkout, its quantity will be increased."

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, lines: list[dict], id: str | None = None,
               token: UUID | None = None, checkout_id: str | None = None) -> CheckoutLinesAdd:
        sent: dict[str, str] = {}
        try:
            checkout = checkout_for_mutation(info, id=id, token=token, checkout_id=checkout_id)
            cleaned, sent = lines_clean(lines)
            checkout_lines_add(checkout=checkout, lines=cleaned)
        except DomainError as error:
            return checkout_failure(cls, error, variants_sent=sent)
        return checkout_payload(cls, checkout)


def _update_lines_clean(checkout: CheckoutModel, lines: list[dict], sent: dict[str, str]
                        ) -> list[LineInput]:
    """``lineId`` (or the deprecated ``variantId``) and quantity; lines without a quantity
    are left as they are. ``sent`` records each pk's ID as the client sent it."""
    lines_limit_check(len(lines), "lines")
    variant_of_line = {str(line_id): variant_id for line_id, variant_id
                       in checkout.lines.values_list("id", "variant_id")}
    cleaned = []
    for line in lines:
        try:
            validate_one_of_args_is_in_query("line_id", line.get("line_id"),
                                             "variant_id", line.get("variant_id"))
        except GraphQLError as error:
            raise input_error(CheckoutErrorCode.GRAPHQL_ERROR, error.message, None) from None
        if line.get("line_id"):
            line_pk = str(graphql_error_as(
                CheckoutErrorCode, "lineId",
                lambda value=line["line_id"]: from_global_uuid_or_error(value, "CheckoutLine")))
            sent[line_pk] = line["line_id"]
            if line_pk not in variant_of_line:
                raise input_error(CheckoutErrorCode.INVALID, LINES_NOT_IN_CHECKOUT, "lineId",
                                  lines=(line_pk,))
            variant_pk = variant_of_line[line_pk]
        else:
            variant_pk = _variant_pk(line["variant_id"])
            sent[str(variant_pk)] = line["variant_id"]
        if line.get("quantity") is not None:
            cleaned.append(LineInput(variant_id=variant_pk, quantity=line["quantity"]))
    return cleaned


class CheckoutLinesUpdate(graphene.Mutation):
    checkout = graphene.Field(Checkout)
    checkout_errors = checkout_errors_field()
    errors = errors_field()

    class Arguments(CheckoutIdsArguments):
        lines = NonNullList(CheckoutLineUpdateInput, required=True, description="A list of "
                            "checkout lines, each containing information about an item in the "
                            "checkout.")

    class Meta:
        description = "Updates checkout line in the existing checkout. A quantity of 0 removes "\
                      "the line."

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, lines: list[dict], id: str | None = None,
               token: UUID | None = None, checkout_id: str | None = None
               ) -> CheckoutLinesUpdate:
        sent: dict[str, str] = {}
        try:
            checkout = checkout_for_mutation(info, id=id, token=token, checkout_id=checkout_id)
            cleaned = _update_lines_clean(checkout, lines, sent)
            checkout_lines_update(checkout=checkout, lines=cleaned)
        except DomainError as error:
            return checkout_failure(cls, error, variants_sent=sent, lines_sent=sent)
        return checkout_payload(cls, checkout)


def _line_pks(line_ids: list[str], field: str) -> tuple[list[str], dict[str, str]]:
    lines_limit_check(len(line_ids), field)
    pks, sent = [], {}
    for line_id in line_ids:
        pk = str(graphql_error_as(CheckoutErrorCode, field,
                                  lambda value=line_id: from_global_uuid_or_error(
                                      value, "CheckoutLine")))
        pks.append(pk)
        sent[pk] = line_id
    return pks, sent


class CheckoutLinesDelete(graphene.Mutation):
    checkout = graphene.Field(Checkout)
    errors = errors_field()

    class Arguments(CheckoutIdArguments):
        lines_ids = NonNullList(graphene.ID, required=True,
                                description="A list of checkout lines.")

    class Meta:
        description = "Deletes checkout lines."

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, lines_ids: list[str], id: str | None = None,
               token: UUID | None = None) -> CheckoutLinesDelete:
        sent: dict[str, str] = {}
        try:
            checkout = checkout_for_mutation(info, id=id, token=token)
            pks, sent = _line_pks(lines_ids, "linesIds")
            checkout_lines_delete(checkout=checkout, line_ids=pks)
        except DomainError as error:
            return checkout_failure(cls, error, lines_sent=sent)
        return checkout_payload(cls, checkout)


class CheckoutLineDelete(graphene.Mutation):
    checkout = graphene.Field(Checkout)
    checkout_errors = checkout_errors_field()
    errors = errors_field()

    class Arguments(CheckoutIdsArguments):
        line_id = graphene.ID(description="ID of the checkout line to delete.")

    class Meta:
        description = "Deletes a checkout line (Saleor 3.23's, kept for its storefront)."

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, line_id: str | None = None, id: str | None = None,
               token: UUID | None = None, checkout_id: str | None = None
               ) -> CheckoutLineDelete:
        sent: dict[str, str] = {}
        try:
            checkout = checkout_for_mutation(info, id=id, token=token, checkout_id=checkout_id)
            if not line_id:
                raise input_error(CheckoutErrorCode.REQUIRED, _("This field is required."),
                                  "lineId")
            pks, sent = _line_pks([line_id], "lineId")
            checkout_lines_delete(checkout=checkout, line_ids=pks)
        except DomainError as error:
            return checkout_failure(cls, error, lines_sent=sent)
        return checkout_payload(cls, checkout)
