"""Error codes of the business app (registration, approval, invoices)."""
from enum import StrEnum


class BusinessErrorCode(StrEnum):
    INVALID = "invalid"
    REQUIRED = "required"
    UNIQUE = "unique"
    NOT_FOUND = "not_found"
    NOT_APPROVED = "not_approved"
    ALREADY_PAID = "already_paid"
