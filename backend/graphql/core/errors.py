"""Saleor-style error types (``field``, ``message``, ``code``) and the mapping from Django's
``ValidationError``, so every mutation reports broken rules the same way."""
from __future__ import annotations

from enum import Enum
from typing import Any

import graphene
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from graphene.utils.str_converters import to_camel_case

from .error_codes import ChannelErrorCode, CooperativeErrorCode, ProductErrorCode

ProductErrorCodeEnum = graphene.Enum.from_enum(ProductErrorCode, name="ProductErrorCode")
ChannelErrorCodeEnum = graphene.Enum.from_enum(ChannelErrorCode, name="ChannelErrorCode")
CooperativeErrorCodeEnum = graphene.Enum.from_enum(CooperativeErrorCode,
                                                   name="CooperativeErrorCode")


class BaseError(graphene.ObjectType):
    field = graphene.String(description=(
        "Name of a field that caused the error. A value of `null` indicates that the error "
        "isn't associated with a particular field."))
    message = graphene.String(description="The error message.")

    class Meta:
        abstract = True


class ProductError(BaseError):
    code = ProductErrorCodeEnum(required=True, description="The error code.")
    attributes = graphene.List(graphene.NonNull(graphene.ID),
                               description="List of attributes IDs which causes the error.")
    values = graphene.List(graphene.NonNull(graphene.ID),
                           description="List of attribute values IDs which causes the error.")


class ChannelError(BaseError):
    code = ChannelErrorCodeEnum(required=True, description="The error code.")


class CooperativeError(BaseError):
    code = CooperativeErrorCodeEnum(required=True, description="The error code.")


def validation_error_to_errors(error: ValidationError, code_enum: type[Enum],
                               default_code: str = "invalid") -> list[dict[str, Any]]:
    """``[{field, message, code}]`` from a ``ValidationError``: field names in camelCase,
    ``None`` for non-field errors, unknown codes mapped to ``default_code``."""
    known = {member.value: member for member in code_enum}
    by_field = error.error_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: [error]}
    result = []
    for field, field_errors in by_field.items():
        for single in ValidationError(field_errors).error_list:
            message = single.message % single.params if single.params else single.message
            member = known.get(single.code or default_code) or known[default_code]
            result.append({
                "field": None if field == NON_FIELD_ERRORS else to_camel_case(field),
                "message": str(message),
                "code": member,
            })
    return result
