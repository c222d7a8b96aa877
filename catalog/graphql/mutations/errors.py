"""Saleor's error types of the catalog mutations (ProductError itself lives in the core)."""
from __future__ import annotations

from enum import Enum

import graphene

from backend.graphql.core.errors import BaseError, ProductErrorCodeEnum
from backend.graphql.core.types import NonNullList


class TranslationErrorCode(Enum):
    GRAPHQL_ERROR = "graphql_error"
    INVALID = "invalid"
    NOT_FOUND = "not_found"
    REQUIRED = "required"
    UNIQUE = "unique"


TranslationErrorCodeEnum = graphene.Enum.from_enum(TranslationErrorCode,
                                                   name="TranslationErrorCode")


class TranslationError(BaseError):
    code = TranslationErrorCodeEnum(required=True, description="The error code.")


class BulkStockError(BaseError):
    code = ProductErrorCodeEnum(required=True, description="The error code.")
    attributes = NonNullList(graphene.ID,
                             description="List of attributes IDs which causes the error.")
    values = NonNullList(graphene.ID,
                         description="List of attribute values IDs which causes the error.")
    index = graphene.Int(description="Index of an input list item that caused the error.")


class ProductChannelListingError(BaseError):
    code = ProductErrorCodeEnum(required=True, description="The error code.")
    attributes = NonNullList(graphene.ID,
                             description="List of attributes IDs which causes the error.")
    values = NonNullList(graphene.ID,
                         description="List of attribute values IDs which causes the error.")
    channels = NonNullList(graphene.ID, description="List of channels IDs which causes the error.")
    variants = NonNullList(graphene.ID, description="List of variants IDs which causes the error.")
