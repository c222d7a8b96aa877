"""Input cleaning for the cooperative forms: one rule, one message, everywhere."""
from __future__ import annotations

import re

from django.utils.translation import gettext as _

from backend.core.errors import DomainError

from .error_codes import CooperativeErrorCode as Code

# ODCO-<1 to 4 groups of 1 to 8 digits>, e.g. ODCO-09-2004-0173; a bare number gets the prefix.
ODCO_RE = re.compile(r"^ODCO(?:-\d{1,8}){1,4}$")


def text_clean(value: object, *, field: str, max_length: int, required: bool = True) -> str:
    """Stripped text without NUL characters (PostgreSQL text can't hold them) and not too long."""
    text = str(value or "")
    if "\x00" in text:
        raise DomainError.single(Code.INVALID, _("This field contains invalid characters."),
                                 field)
    text = " ".join(text.split())
    if required and not text:
        raise DomainError.single(Code.REQUIRED, _("This field is required."), field)
    if len(text) > max_length:
        raise DomainError.single(
            Code.INVALID, _("Ensure this value has at most %(max)d characters.")
            % {"max": max_length}, field)
    return text


def odco_clean(value: object, *, field: str = "odco_number") -> str:
    """The normalised ODCO registration number (upper case, dashes), or a clear error."""
    raw = text_clean(value, field=field, max_length=32)
    number = re.sub(r"[\s_/.]+", "-", raw.upper()).strip("-")
    if re.fullmatch(r"\d[\d-]*", number):
        number = f"ODCO-{number}"
    number = re.sub(r"^ODCO(?=\d)", "ODCO-", number)
    if not ODCO_RE.match(number):
        raise DomainError.single(
            Code.INVALID, _("Enter the ODCO registration number as on your certificate, "
                            "e.g. ODCO-09-2004-0173."), field)
    return number
