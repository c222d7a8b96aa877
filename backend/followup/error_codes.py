"""Error codes of the follow-up services."""
from __future__ import annotations

from enum import StrEnum


class FollowupErrorCode(StrEnum):
    INVALID = "invalid"
    NOT_FOUND = "not_found"
    PERMISSION_DENIED = "permission_denied"
    FUTURE_MONTH = "future_month"
