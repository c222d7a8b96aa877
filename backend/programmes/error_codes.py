"""Error codes of the programmes services (follow-up notes and action items)."""
from __future__ import annotations

from enum import StrEnum


class ProgrammeErrorCode(StrEnum):
    REQUIRED = "required"
    INVALID = "invalid"
    TOO_LONG = "too_long"
    NOT_FOUND = "not_found"
    PERMISSION_DENIED = "permission_denied"
    ALREADY_DONE = "already_done"
