"""Input cleaning shared by services: the same rule gives the same error everywhere."""
from __future__ import annotations

import uuid
from enum import Enum

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from .errors import DomainError


def email_clean(email: str, *, code_enum: type[Enum], field: str = "email") -> str:
    """A lower-cased valid address, or a REQUIRED / INVALID error of ``code_enum``."""
    email = (email or "").replace("\x00", "").strip().lower()
    if not email:
        raise DomainError.single(code_enum.REQUIRED, _("This field is required."), field)
    try:
        validate_email(email)
    except ValidationError:
        raise DomainError.single(code_enum.INVALID, _("Enter a valid email address."),
                                 field) from None
    return email


def uuid_or_none(value: object) -> uuid.UUID | None:
    """The UUID a string names, or None for anything malformed (empty, NUL, junk)."""
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        return None
