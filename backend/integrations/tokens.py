"""App tokens: made once, shown once, stored as a SHA-256 hash.

Tokens are 30 random URL-safe characters (like Saleor's), so a plain SHA-256 suffices: there
is nothing to brute-force that a salt would protect.
"""
from __future__ import annotations

import hashlib
import secrets

TOKEN_LENGTH = 30
MAX_TOKEN_LENGTH = 256


def new_raw_token() -> str:
    return secrets.token_urlsafe(TOKEN_LENGTH)[:TOKEN_LENGTH]


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()
