"""What the checkout mutations share: finding the caller's checkout and shaping payloads."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import UUID

import graphene
from django.utils.translation import gettext as _
from graphql import GraphQLError

from backend.core.errors import DomainError
from backend.graphql.core.ids import from_global_uuid_or_error
from backend.graphql.core.mutations import errors_of, graphql_error_as, input_error
from backend.graphql.core.types import NonNullList
from backend.graphql.core.validators import validate_one_of_args_is_in_query
from backend.orders.error_codes import CheckoutErrorCode
from backend.orders.models import Checkout

from .dataloaders import CheckoutView, checkout_load, checkout_visible
from .errors import CheckoutError

NOT_FOUND_MESSAGE = "Couldn't resolve to a node: %(id)s"
MAX_LINES_PER_CALL = 100


def lines_limit_check(count: int, field: str) -> None:
    """At most ``MAX_LINES_PER_CALL`` lines in one call (INVALID beyond)."""
    if count > MAX_LINES_PER_CALL:
        raise input_error(CheckoutErrorCode.INVALID, _("Send at most %(count)d lines at once.")
                          % {"count": MAX_LINES_PER_CALL}, field)


def errors_field() -> graphene.List:
    return NonNullList(CheckoutError, required=True)


def checkout_errors_field() -> graphene.List:
    """Saleor's deprecated twin of ``errors``."""
    return NonNullList(CheckoutError, required=True,
                       deprecation_reason="Use `errors` field instead.")


class CheckoutIdArguments:
    """``id`` and Saleor's deprecated ``token``: the arguments naming a checkout."""

    id = graphene.ID(description="The checkout's ID.")
    token = graphene.UUID(description="Checkout token.", deprecation_reason="Use `id` instead.")


class CheckoutIdsArguments(CheckoutIdArguments):
    """Plus Saleor's older ``checkoutId``."""

    checkout_id = graphene.ID(description="The ID of the checkout.",
                              deprecation_reason="Use `id` instead.")


def checkout_for_mutation(info: Any, *, id: str | None = None, token: UUID | None = None,
                          checkout_id: str | None = None) -> Checkout:
    """The checkout the arguments name, if the caller may change it; ``NOT_FOUND`` otherwise
    (another customer's checkout looks exactly like one that does not exist)."""
    try:
        validate_one_of_args_is_in_query("checkout_id", checkout_id, "token", token, "id", id)
    except GraphQLError as error:
        raise input_error(CheckoutErrorCode.GRAPHQL_ERROR, error.message, None) from None
    field, given = ("token", token) if token else (
        ("id", id) if id else ("checkoutId", checkout_id))
    if not token:
        token = graphql_error_as(CheckoutErrorCode, field,
                                 lambda: from_global_uuid_or_error(given, "Checkout"))
    checkout = checkout_load(token)
    if checkout is None or not checkout_visible(info, checkout):
        raise input_error(CheckoutErrorCode.NOT_FOUND, NOT_FOUND_MESSAGE % {"id": given},
                          field)
    return checkout


def checkout_payload(payload: type, checkout: Checkout, **values: Any) -> Any:
    """A successful payload with the checkout as it is now (reloaded: services may have
    changed rows the loaded instance had cached)."""
    fresh = checkout_load(checkout.token)
    fields = payload._meta.fields
    if "checkout_errors" in fields:
        values["checkout_errors"] = []
    return payload(checkout=CheckoutView(fresh) if fresh else None, errors=[], **values)


def checkout_failure(payload: type, error: DomainError, *, address_type: str | None = None,
                     lines_sent: Mapping[str, str] | None = None,
                     variants_sent: Mapping[str, str] | None = None, **values: Any) -> Any:
    """A refused payload: the errors, and no checkout."""
    errors = errors_of(error, CheckoutError, CheckoutErrorCode, lines_sent=lines_sent,
                       variants_sent=variants_sent)
    if address_type:
        for item in errors:
            item.address_type = address_type
    values["errors"] = errors
    if "checkout_errors" in payload._meta.fields:
        values["checkout_errors"] = errors
    return payload(**values)
