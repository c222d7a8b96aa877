"""Error codes of delivery quotes, with Saleor's values where Saleor has the same error."""
from enum import StrEnum


class DeliveryErrorCode(StrEnum):
    GRAPHQL_ERROR = "graphql_error"
    INVALID = "invalid"
    NOT_FOUND = "not_found"
    REQUIRED = "required"
    ZERO_QUANTITY = "zero_quantity"
    NO_LINES = "no_lines"
    QUANTITY_GREATER_THAN_LIMIT = "quantity_greater_than_limit"
    CHANNEL_INACTIVE = "channel_inactive"
    MISSING_CHANNEL_SLUG = "missing_channel_slug"
    UNAVAILABLE_VARIANT_IN_CHANNEL = "unavailable_variant_in_channel"


class ShipmentErrorCode(StrEnum):
    """Why a shipment step was refused; a refused step changes nothing."""

    NOT_FOUND = "not_found"
    INVALID = "invalid"
    INVALID_TRANSITION = "invalid_transition"
    ALREADY_ACCEPTED = "already_accepted"
    NOT_ALLOWED = "not_allowed"
    NO_NEXT_LEG = "no_next_leg"
    NOT_LAST_LEG = "not_last_leg"
    REASON_REQUIRED = "reason_required"
    ATTEMPTS_EXHAUSTED = "attempts_exhausted"
    DELIVERY_CODE_REQUIRED = "delivery_code_required"
    WRONG_DELIVERY_CODE = "wrong_delivery_code"
    DELIVERY_CODE_LOCKED = "delivery_code_locked"
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    PARCEL_ON_THE_ROAD = "parcel_on_the_road"
