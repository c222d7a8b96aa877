"""Error codes as enums, Saleor's values: the API maps them to ``{field, code, message}``.

Domain services raise ``django.core.exceptions.ValidationError`` with these codes; mutations
turn them into the error types of :mod:`backend.graphql.core.errors`.
"""
from __future__ import annotations

from enum import Enum


class ProductErrorCode(Enum):
    ALREADY_EXISTS = "already_exists"
    ATTRIBUTE_ALREADY_ASSIGNED = "attribute_already_assigned"
    ATTRIBUTE_CANNOT_BE_ASSIGNED = "attribute_cannot_be_assigned"
    ATTRIBUTE_VARIANTS_DISABLED = "attribute_variants_disabled"
    MEDIA_ALREADY_ASSIGNED = "media_already_assigned"
    DUPLICATED_INPUT_ITEM = "duplicated_input_item"
    GRAPHQL_ERROR = "graphql_error"
    INVALID = "invalid"
    INVALID_PRICE = "invalid_price"
    PRODUCT_WITHOUT_CATEGORY = "product_without_category"
    NOT_PRODUCTS_IMAGE = "not_products_image"
    NOT_PRODUCTS_VARIANT = "not_products_variant"
    NOT_FOUND = "not_found"
    REQUIRED = "required"
    UNIQUE = "unique"
    CANNOT_MANAGE_PRODUCT_WITHOUT_VARIANT = "cannot_manage_product_without_variant"
    PRODUCT_NOT_ASSIGNED_TO_CHANNEL = "product_not_assigned_to_channel"
    UNSUPPORTED_MEDIA_PROVIDER = "unsupported_media_provider"
    INVALID_FILE_TYPE = "invalid_file_type"
    UNSUPPORTED_MIME_TYPE = "unsupported_mime_type"
    FILE_SIZE_LIMIT_EXCEEDED = "file_size_limit_exceeded"


class ChannelErrorCode(Enum):
    ALREADY_EXISTS = "already_exists"
    GRAPHQL_ERROR = "graphql_error"
    INVALID = "invalid"
    NOT_FOUND = "not_found"
    REQUIRED = "required"
    UNIQUE = "unique"
    CHANNELS_CURRENCY_MUST_BE_THE_SAME = "channels_currency_must_be_the_same"
    CHANNEL_WITH_ORDERS = "channel_with_orders"
    DUPLICATED_INPUT_ITEM = "duplicated_input_item"


class CooperativeErrorCode(Enum):
    """CoopStore's own: the cooperative onboarding and catalog rules."""

    GRAPHQL_ERROR = "graphql_error"
    INVALID = "invalid"
    NOT_FOUND = "not_found"
    REQUIRED = "required"
    UNIQUE = "unique"
    NOT_APPROVED = "not_approved"
