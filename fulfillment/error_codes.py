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
