"""Error codes of the Rawabit services (opportunities, replies, deals)."""
from __future__ import annotations

from enum import StrEnum


class RawabitErrorCode(StrEnum):
    REQUIRED = "required"
    INVALID = "invalid"
    NOT_FOUND = "not_found"
    PERMISSION_DENIED = "permission_denied"
    NOT_OPEN = "not_open"
    OWN_OPPORTUNITY = "own_opportunity"
    NOT_CONVERTIBLE = "not_convertible"
    ALREADY_CONVERTED = "already_converted"
