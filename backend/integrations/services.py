"""Changes to apps and their tokens."""
from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from backend.core.errors import DomainError

from .error_codes import AppErrorCode
from .models import App, AppToken
from .tokens import hash_token, new_raw_token


@dataclass(frozen=True)
class CreatedToken:
    token: AppToken
    raw: str  # shown to the admin once, never stored


def app_token_create(*, app: App, name: str = "") -> CreatedToken:
    """A new token for ``app``; the raw value is returned once and only its hash is kept."""
    name = (name or "").strip()
    if "\x00" in name or len(name) > 128:
        raise DomainError.single(AppErrorCode.INVALID, _("Enter a valid name."), "name")
    raw = new_raw_token()
    with transaction.atomic():
        token = AppToken.objects.create(app=app, name=name, token_hash=hash_token(raw),
                                        token_last_4=raw[-4:])
    return CreatedToken(token=token, raw=raw)
