"""Saleor's account error type and the address type enum shared with checkout errors."""
from __future__ import annotations

import graphene

from backend.accounts.error_codes import AccountErrorCode
from backend.graphql.core.errors import BaseError
from backend.graphql.core.types import NonNullList

AccountErrorCodeEnum = graphene.Enum.from_enum(AccountErrorCode, name="AccountErrorCode")


class AddressTypeEnum(graphene.Enum):
    BILLING = "billing"
    SHIPPING = "shipping"


class AccountError(BaseError):
    code = AccountErrorCodeEnum(required=True, description="The error code.")
    address_type = AddressTypeEnum(description="A type of address that causes the error.")
    attributes = NonNullList(graphene.ID, description="List of attributes IDs which causes "
                             "the error.")
