"""Saleor's ``AppErrorCode`` values used here."""
from enum import StrEnum


class AppErrorCode(StrEnum):
    INVALID = "invalid"
    NOT_FOUND = "not_found"
    REQUIRED = "required"
