"""The pro channel's rules that checkout applies: who may buy, the minimum order quantity,
and the larger line quantities of wholesale. Called by ``backend.orders`` for restricted
channels only, so consumer checkouts run no extra query."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from backend.core.errors import ErrorItem
from backend.orders.error_codes import CheckoutErrorCode

from .access import is_approved_business
from .models import ProVariantTerms

# A wholesale line may hold far more than a consumer's (500 L of argan oil).
PRO_MAX_LINE_QUANTITY = 100_000


def channel_refused_error(channel: Any) -> ErrorItem:
    """Saleor's answer for a channel the caller may not see: it does not exist."""
    return ErrorItem(CheckoutErrorCode.NOT_FOUND,
                     _("Channel with '%(slug)s' slug does not exist.") % {"slug": channel.slug},
                     "channel")


def buyer_errors(channel: Any, user: Any) -> list[ErrorItem]:
    if channel.is_restricted and not is_approved_business(user):
        return [channel_refused_error(channel)]
    return []


def minimum_quantities(channel_id: int, variant_ids: list[int]) -> dict[int, int]:
    """variant id → its minimum order quantity in the channel (one query)."""
    rows = ProVariantTerms.objects.filter(
        variant_listing__channel_id=channel_id, variant_listing__variant_id__in=variant_ids,
    ).values_list("variant_listing__variant_id", "minimum_order_quantity")
    return dict(rows)


def minimum_quantity_errors(channel: Any, wanted: Mapping[int, int]) -> list[ErrorItem]:
    """One error per line below its minimum order quantity (Saleor's ``INVALID`` code: Saleor
    has no code for a minimum, and its enums are not extended)."""
    if not channel.is_restricted or not wanted:
        return []
    minimums = minimum_quantities(channel.pk, list(wanted))
    errors = []
    for variant_id, quantity in wanted.items():
        minimum = minimums.get(variant_id, 1)
        if 0 < quantity < minimum:
            errors.append(ErrorItem(
                CheckoutErrorCode.INVALID,
                _("The minimum order quantity of this item is %(minimum)d.")
                % {"minimum": minimum}, "quantity", variants=(variant_id,)))
    return errors


def max_line_quantity(channel: Any, default: int) -> int:
    return PRO_MAX_LINE_QUANTITY if channel.is_restricted else default
