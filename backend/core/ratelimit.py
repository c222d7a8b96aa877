"""Fixed-window rate limits kept in Django's cache (Redis when ``REDIS_URL`` is set).

Sign-in, password-reset and registration are the doors a password-guessing or e-mail-bombing
script knocks on; each is limited by client IP and, where it names one, by account e-mail.
A window opens with an identity's first hit and lasts the rule's seconds: a cache counter
that expires with it, so it needs no clean-up, and every web process shares it through Redis.
When the cache itself is down the limiter lets requests through (and logs it): being unable
to count must not take signing in down with it.

Lockouts are reported with Saleor's ``LOGIN_ATTEMPT_DELAYED`` account error code (no field),
and a message that says in the user's language how many minutes to wait.
"""
from __future__ import annotations

import hashlib
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import ngettext

from backend.core.errors import DomainError

logger = logging.getLogger("coopstore.ratelimit")
T = TypeVar("T")


class RateLimitCode(Enum):
    """Maps by name onto Saleor's ``AccountErrorCode.LOGIN_ATTEMPT_DELAYED``."""

    LOGIN_ATTEMPT_DELAYED = "login_attempt_delayed"


@dataclass(frozen=True)
class Rule:
    """At most ``limit`` hits per ``window`` seconds for one identity (IP or e-mail)."""

    name: str
    limit: int
    window: int


# Defaults; ``RATELIMITS = {"login-ip": (limit, window), ...}`` in settings overrides them.
DEFAULT_RULES: dict[str, tuple[int, int]] = {
    "login-ip": (30, 15 * 60),  # failed sign-ins from one address
    "login-email": (5, 15 * 60),  # failed sign-ins on one account
    "password-reset-ip": (10, 60 * 60),
    "password-reset-email": (3, 60 * 60),  # e-mails actually sent to one address
    "register-ip": (10, 60 * 60),
}


class RateLimited(Exception):
    """Too many hits; ``retry_after`` seconds until the window ends."""

    def __init__(self, rule: Rule, retry_after: int) -> None:
        super().__init__(f"rate limit {rule.name} reached")
        self.rule = rule
        self.retry_after = max(1, int(retry_after))

    @property
    def minutes(self) -> int:
        return max(1, math.ceil(self.retry_after / 60))

    def message(self) -> str:
        minutes = self.minutes
        return ngettext("Too many attempts, try again in %(minutes)d minute.",
                        "Too many attempts, try again in %(minutes)d minutes.",
                        minutes) % {"minutes": minutes}

    def as_domain_error(self) -> DomainError:
        """Saleor's shape: one error without a field, code ``LOGIN_ATTEMPT_DELAYED``."""
        return DomainError.single(RateLimitCode.LOGIN_ATTEMPT_DELAYED, self.message(), None)


def rule(name: str) -> Rule:
    limit, window = getattr(settings, "RATELIMITS", {}).get(name, DEFAULT_RULES[name])
    return Rule(name=name, limit=int(limit), window=int(window))


def enabled() -> bool:
    return bool(getattr(settings, "RATELIMIT_ENABLED", True))


def client_ip(request: Any) -> str:
    """The client's address: ``REMOTE_ADDR``, or, behind ``TRUSTED_PROXY_COUNT`` proxies that
    append to ``X-Forwarded-For`` (nginx's ``$proxy_add_x_forwarded_for``), the address the
    outermost trusted proxy saw. Entries a client wrote itself are never trusted."""
    meta = getattr(request, "META", {})
    proxies = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if proxies > 0:
        chain = [part.strip() for part in meta.get("HTTP_X_FORWARDED_FOR", "").split(",")
                 if part.strip()]
        if len(chain) >= proxies:
            return chain[-proxies][:64]
    return str(meta.get("REMOTE_ADDR") or "unknown")[:64]


def _key(rule: Rule, identity: str) -> str:
    digest = hashlib.sha256(identity.encode("utf-8", "replace")).hexdigest()[:32]
    namespace = getattr(settings, "RATELIMIT_NAMESPACE", "")
    return f"rl:{namespace}:{rule.name}:{digest}"


def _retry_after(rule: Rule, identity: str) -> int:
    """Seconds until the window that started with this identity's first hit ends."""
    try:
        started = cache.get(_key(rule, identity) + ":start")
    except Exception:  # noqa: BLE001
        started = None
    if started is None:
        return rule.window
    return max(1, math.ceil(float(started) + rule.window - time.time()))


def count(rule: Rule, identity: str) -> int:
    """Hits so far in the current window (0 when the cache cannot answer)."""
    try:
        return int(cache.get(_key(rule, identity)) or 0)
    except Exception:  # noqa: BLE001 - cache down: let the request through
        logger.warning("rate limit cache unavailable", exc_info=True)
        return 0


def hit(rule: Rule, identity: str) -> int:
    """Count one hit; the first one opens a window of ``rule.window`` seconds (the counter's
    expiry, which later hits do not extend). Returns the count in the window."""
    key = _key(rule, identity)
    try:
        if cache.add(key, 1, timeout=rule.window):
            cache.set(key + ":start", time.time(), timeout=rule.window)
            return 1
        try:
            return int(cache.incr(key))
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=rule.window)
            cache.set(key + ":start", time.time(), timeout=rule.window)
            return 1
    except Exception:  # noqa: BLE001 - cache down: let the request through
        logger.warning("rate limit cache unavailable", exc_info=True)
        return 0


def clear(rule: Rule, identity: str) -> None:
    key = _key(rule, identity)
    try:
        cache.delete_many([key, key + ":start"])
    except Exception:  # noqa: BLE001
        logger.warning("rate limit cache unavailable", exc_info=True)


def ensure_below(rule: Rule, identity: str) -> None:
    """Raise ``RateLimited`` when ``identity`` already used up the window (no hit counted)."""
    if enabled() and count(rule, identity) >= rule.limit:
        logger.warning("rate limit reached", extra={"rule": rule.name})
        raise RateLimited(rule, _retry_after(rule, identity))


def throttle(rule: Rule, identity: str) -> None:
    """Count a hit and raise ``RateLimited`` once it goes beyond the limit."""
    if enabled() and hit(rule, identity) > rule.limit:
        logger.warning("rate limit reached", extra={"rule": rule.name})
        raise RateLimited(rule, _retry_after(rule, identity))


def _email(email: Any) -> str:
    return str(email or "").replace("\x00", "").strip().lower()[:254]


# The doors: one call per entry point, shared by the storefront pages and the API.

def login_ensure_allowed(request: Any, email: Any) -> None:
    """Before checking a password: refuse while the address or the account is locked out."""
    ensure_below(rule("login-ip"), client_ip(request))
    ensure_below(rule("login-email"), _email(email))


def login_failed(request: Any, email: Any) -> None:
    if enabled():
        hit(rule("login-ip"), client_ip(request))
        hit(rule("login-email"), _email(email))


def login_succeeded(request: Any, email: Any) -> None:
    """The right password resets the account's counter (not the address's)."""
    clear(rule("login-email"), _email(email))


def login_attempt(request: Any, email: Any, authenticate: Callable[[], T]) -> T:
    """Run ``authenticate`` under the sign-in limits; a ``DomainError`` it raises counts as a
    failure. Raises ``DomainError`` (``LOGIN_ATTEMPT_DELAYED``) while locked out."""
    try:
        login_ensure_allowed(request, email)
    except RateLimited as limited:
        raise limited.as_domain_error() from None
    try:
        result = authenticate()
    except DomainError:
        login_failed(request, email)
        raise
    login_succeeded(request, email)
    return result


def password_reset_allowed(request: Any, email: Any) -> bool:
    """Throttle reset requests by address (raises ``DomainError`` when over); returns False
    when this e-mail already got its share of links, so the caller quietly sends nothing
    (Saleor's way: the answer never tells whether an account exists)."""
    try:
        throttle(rule("password-reset-ip"), client_ip(request))
    except RateLimited as limited:
        raise limited.as_domain_error() from None
    if not enabled():
        return True
    return hit(rule("password-reset-email"), _email(email)) <= rule("password-reset-email").limit


def register_ensure_allowed(request: Any) -> None:
    """Count a registration attempt from this address; ``DomainError`` when over the limit."""
    try:
        throttle(rule("register-ip"), client_ip(request))
    except RateLimited as limited:
        raise limited.as_domain_error() from None
