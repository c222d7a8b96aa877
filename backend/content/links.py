"""Which link targets may reach a page: http(s) addresses, site paths and mail addresses."""
from __future__ import annotations

from urllib.parse import urlparse

SAFE_SCHEMES = {"http", "https", "mailto"}


def is_safe_href(href: object) -> bool:
    """``javascript:``, ``data:`` and other schemes (also when hidden by spaces or control
    characters) are refused; ``//host`` protocol-relative links too."""
    if not isinstance(href, str) or not href or len(href) > 2048:
        return False
    if any(ord(ch) < 32 or ch in "\x7f\\" for ch in href) or href != href.strip():
        return False
    if href.startswith("/"):
        return not href.startswith("//")
    if href.startswith("#"):
        return True
    parsed = urlparse(href)
    if parsed.scheme.lower() not in SAFE_SCHEMES:
        return False
    return parsed.scheme.lower() == "mailto" or bool(parsed.netloc)
