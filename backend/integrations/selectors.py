"""Who an app token belongs to (1 query)."""
from __future__ import annotations

from .models import App
from .tokens import MAX_TOKEN_LENGTH, hash_token


def app_for_token(raw: str | None) -> App | None:
    """The active app holding this token, ``None`` for an unknown, malformed or inactive one."""
    if not isinstance(raw, str) or not raw or len(raw) > MAX_TOKEN_LENGTH or "\x00" in raw:
        return None
    return App.objects.filter(tokens__token_hash=hash_token(raw), is_active=True).first()
