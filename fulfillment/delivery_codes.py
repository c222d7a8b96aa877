"""The consumer's one-time 4-digit delivery code, derived rather than stored.

The code is an HMAC of the shipment id and its random salt under the secret key: nothing in the
database reveals it (partners and database dumps never see it), the consumer's pages can show it
again at any time, and a new salt issues a new code. Changing ``SECRET_KEY`` changes the codes of
parcels on the road: list the old key in ``SECRET_KEY_FALLBACKS``, which ``delivery_code_matches``
accepts.
"""
from __future__ import annotations

import secrets

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac

from .models import Shipment

KEY_SALT = "fulfillment.shipment.delivery_code"
CODE_DIGITS = 4


def delivery_code_salt_new() -> str:
    return secrets.token_hex(8)


def _code(shipment: Shipment, secret: str | bytes | None = None) -> str:
    digest = salted_hmac(KEY_SALT, f"{shipment.pk}:{shipment.delivery_code_salt}",
                         secret=secret, algorithm="sha256").hexdigest()
    return f"{int(digest[:12], 16) % 10**CODE_DIGITS:0{CODE_DIGITS}d}"


def delivery_code_for_customer(shipment: Shipment) -> str:
    """The code to show the order's customer only (email, tracking page), never to a partner."""
    return _code(shipment)


def delivery_code_matches(shipment: Shipment, typed: str) -> bool:
    typed = (typed or "").strip()
    secrets_to_try = [None, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return any(constant_time_compare(_code(shipment, secret), typed) for secret in secrets_to_try)
