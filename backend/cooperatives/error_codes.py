"""Error codes of the cooperative services (sign-up, team, invitations)."""
from __future__ import annotations

from enum import StrEnum


class CooperativeErrorCode(StrEnum):
    REQUIRED = "required"
    INVALID = "invalid"
    UNIQUE = "unique"
    NOT_FOUND = "not_found"
    PERMISSION_DENIED = "permission_denied"
    LAST_MANAGER = "last_manager"
    ALREADY_STAFF = "already_staff"
    EXPIRED = "expired"
    ALREADY_USED = "already_used"
    WRONG_ACCOUNT = "wrong_account"
