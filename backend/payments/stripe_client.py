"""The one module that talks to Stripe, and the only one that imports ``stripe``.

Everything crossing this edge is converted here: amounts to and from minor units, Stripe's
objects to small frozen dataclasses, Stripe's exceptions to ours. Every creating call carries an
idempotency key chosen by the caller; the library retries timeouts, connection errors, 409 and
5xx answers with exponential backoff, resending the *same* key, so a retried create can never
charge, refund or transfer twice. ``STRIPE_API_BASE`` points the client at any
Stripe-compatible server (the tests' fake one).
"""
from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any, TypeVar

import stripe
from django.conf import settings

from backend.core.money import from_minor_units, to_minor_units

logger = logging.getLogger(__name__)

MAX_NETWORK_RETRIES = 3
TIMEOUT_SECONDS = 30

T = TypeVar("T")


class PaymentProviderError(Exception):
    """Stripe refused or could not be reached; ``code``/``decline_code`` are Stripe's."""

    def __init__(self, message: str, *, code: str = "", decline_code: str = "",
                 payment_intent_id: str = "", http_status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code or ""
        self.decline_code = decline_code or ""
        self.payment_intent_id = payment_intent_id or ""
        self.http_status = http_status


class CardDeclined(PaymentProviderError):
    """The card was refused (``card_error``); the message for the customer comes from
    ``backend.payments.declines``, never from Stripe's English text."""


class ProviderUnavailable(PaymentProviderError):
    """Timeouts, network errors, rate limits and 5xx still failing after the retries."""


class ProviderRequestRefused(PaymentProviderError):
    """A 4xx other than a decline: a bug or a state conflict on our side."""


class ProviderNotConfigured(PaymentProviderError):
    """No or wrong API key."""


class WebhookSignatureInvalid(Exception):
    """The Stripe-Signature header is missing, malformed, stale or does not match."""


@dataclass(frozen=True)
class PaymentIntent:
    id: str
    status: str
    amount: Decimal
    amount_received: Decimal
    amount_capturable: Decimal
    currency: str
    client_secret: str
    latest_charge: str = ""
    metadata: Mapping[str, str] = field(default_factory=dict)
    last_error_code: str = ""
    last_decline_code: str = ""
    last_error_message: str = ""
    next_action_type: str = ""


@dataclass(frozen=True)
class Refund:
    id: str
    status: str
    amount: Decimal
    currency: str
    payment_intent: str = ""
    failure_reason: str = ""


@dataclass(frozen=True)
class Transfer:
    id: str
    amount: Decimal
    currency: str
    destination: str


@dataclass(frozen=True)
class Account:
    id: str
    charges_enabled: bool
    payouts_enabled: bool
    details_submitted: bool


def publishable_key() -> str:
    return settings.STRIPE_PUBLISHABLE_KEY


@lru_cache(maxsize=8)
def _build_client(api_key: str, api_base: str, retries: int) -> stripe.StripeClient:
    options: dict[str, Any] = {
        "max_network_retries": retries,
        "http_client": stripe.RequestsClient(timeout=TIMEOUT_SECONDS),
    }
    if api_base:
        options["base_addresses"] = {"api": api_base.rstrip("/")}
    return stripe.StripeClient(api_key, **options)


def _client() -> stripe.StripeClient:
    if not settings.STRIPE_SECRET_KEY:
        raise ProviderNotConfigured("STRIPE_SECRET_KEY is not set.")
    retries = getattr(settings, "STRIPE_MAX_NETWORK_RETRIES", MAX_NETWORK_RETRIES)
    return _build_client(settings.STRIPE_SECRET_KEY, settings.STRIPE_API_BASE or "", retries)


def _error_body(error: stripe.StripeError) -> dict[str, Any]:
    body = error.json_body if isinstance(error.json_body, dict) else {}
    return body.get("error") or {}


def _call(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run one Stripe call and translate its failures into our exceptions."""
    try:
        return fn(*args, **kwargs)
    except stripe.CardError as error:
        body = _error_body(error)
        intent = body.get("payment_intent") or {}
        raise CardDeclined(body.get("message") or str(error), code=body.get("code", ""),
                           decline_code=body.get("decline_code", ""),
                           payment_intent_id=intent.get("id", "") if isinstance(intent, dict)
                           else str(intent),
                           http_status=error.http_status) from error
    except (stripe.APIConnectionError, stripe.RateLimitError, stripe.APIError) as error:
        logger.warning("Stripe unavailable after retries: %s", error)
        raise ProviderUnavailable(str(error) or "Stripe is unavailable.",
                                  http_status=getattr(error, "http_status", None)) from error
    except (stripe.AuthenticationError, stripe.PermissionError) as error:
        logger.error("Stripe refused our credentials: %s", error)
        raise ProviderNotConfigured(str(error), http_status=error.http_status) from error
    except (stripe.InvalidRequestError, stripe.IdempotencyError) as error:
        body = _error_body(error)
        logger.error("Stripe refused a request: %s", error)
        raise ProviderRequestRefused(body.get("message") or str(error),
                                     code=body.get("code", "") or (error.code or ""),
                                     http_status=error.http_status) from error
    except stripe.StripeError as error:
        raise PaymentProviderError(str(error), http_status=error.http_status) from error


def _payment_intent(obj: Any) -> PaymentIntent:
    data = obj.to_dict() if hasattr(obj, "to_dict") else dict(obj)
    return payment_intent_from_payload(data)


def payment_intent_from_payload(data: Mapping[str, Any]) -> PaymentIntent:
    """A PaymentIntent from its JSON (an API answer or a webhook's ``data.object``)."""
    currency = str(data.get("currency") or "").upper()
    error = data.get("last_payment_error") or {}
    next_action = data.get("next_action") or {}
    latest_charge = data.get("latest_charge") or ""
    if isinstance(latest_charge, Mapping):
        latest_charge = latest_charge.get("id", "")
    return PaymentIntent(
        id=data["id"], status=data.get("status", ""),
        amount=from_minor_units(int(data.get("amount") or 0), currency),
        amount_received=from_minor_units(int(data.get("amount_received") or 0), currency),
        amount_capturable=from_minor_units(int(data.get("amount_capturable") or 0), currency),
        currency=currency, client_secret=data.get("client_secret") or "",
        latest_charge=str(latest_charge), metadata=dict(data.get("metadata") or {}),
        last_error_code=error.get("code") or "", last_decline_code=error.get("decline_code") or "",
        last_error_message=error.get("message") or "",
        next_action_type=next_action.get("type") or "")


def payment_intent_create(*, amount: Decimal, currency: str, metadata: Mapping[str, str],
                          idempotency_key: str, payment_method_types: tuple[str, ...] = ("card",),
                          description: str = "") -> PaymentIntent:
    """A PaymentIntent for ``amount`` (converted to minor units here) in the channel currency."""
    params: dict[str, Any] = {
        "amount": to_minor_units(amount, currency),
        "currency": currency.lower(),
        "payment_method_types": list(payment_method_types),
        "metadata": {str(k): str(v) for k, v in metadata.items()},
    }
    if description:
        params["description"] = description
    client = _client()
    obj = _call(client.v1.payment_intents.create, params=params,
                options={"idempotency_key": idempotency_key})
    return _payment_intent(obj)


def payment_intent_retrieve(payment_intent_id: str) -> PaymentIntent:
    client = _client()
    return _payment_intent(_call(client.v1.payment_intents.retrieve, payment_intent_id))


def refund_create(*, payment_intent_id: str, amount: Decimal, currency: str,
                  idempotency_key: str, metadata: Mapping[str, str]) -> Refund:
    client = _client()
    obj = _call(client.v1.refunds.create, params={
        "payment_intent": payment_intent_id,
        "amount": to_minor_units(amount, currency),
        "metadata": {str(k): str(v) for k, v in metadata.items()},
    }, options={"idempotency_key": idempotency_key})
    data = obj.to_dict()
    refund_currency = str(data.get("currency") or currency).upper()
    return Refund(id=data["id"], status=data.get("status", ""),
                  amount=from_minor_units(int(data.get("amount") or 0), refund_currency),
                  currency=refund_currency, payment_intent=str(data.get("payment_intent") or ""),
                  failure_reason=data.get("failure_reason") or "")


def transfer_create(*, amount: Decimal, currency: str, destination: str, idempotency_key: str,
                    metadata: Mapping[str, str], transfer_group: str = "") -> Transfer:
    """A Connect transfer to a cooperative's or partner's connected account (payout runs)."""
    params: dict[str, Any] = {
        "amount": to_minor_units(amount, currency),
        "currency": currency.lower(),
        "destination": destination,
        "metadata": {str(k): str(v) for k, v in metadata.items()},
    }
    if transfer_group:
        params["transfer_group"] = transfer_group
    client = _client()
    data = _call(client.v1.transfers.create, params=params,
                 options={"idempotency_key": idempotency_key}).to_dict()
    transfer_currency = str(data.get("currency") or currency).upper()
    return Transfer(id=data["id"],
                    amount=from_minor_units(int(data.get("amount") or 0), transfer_currency),
                    currency=transfer_currency, destination=str(data.get("destination") or ""))


def account_retrieve(account_id: str) -> Account:
    """A connected account, to know whether it can receive payouts."""
    client = _client()
    data = _call(client.v1.accounts.retrieve, account_id).to_dict()
    return Account(id=data["id"], charges_enabled=bool(data.get("charges_enabled")),
                   payouts_enabled=bool(data.get("payouts_enabled")),
                   details_submitted=bool(data.get("details_submitted")))


def webhook_event_verify(payload: bytes, signature: str | None) -> dict[str, Any]:
    """Check the Stripe-Signature header with the endpoint secret; return the event as JSON.

    Uses the library's own check (HMAC-SHA256 over ``t.payload``, five-minute tolerance), so a
    changed body, a wrong secret or a replayed old delivery is refused.
    """
    secret = settings.STRIPE_WEBHOOK_SECRET
    if not secret:
        raise WebhookSignatureInvalid("STRIPE_WEBHOOK_SECRET is not set.")
    if not signature:
        raise WebhookSignatureInvalid("No Stripe-Signature header.")
    try:
        stripe.Webhook.construct_event(payload, signature, secret,
                                       api_key=settings.STRIPE_SECRET_KEY or None)
        event = json.loads(payload)
    except (stripe.SignatureVerificationError, ValueError, UnicodeDecodeError) as error:
        raise WebhookSignatureInvalid(str(error)) from error
    if not isinstance(event, dict) or not event.get("id") or not event.get("type"):
        raise WebhookSignatureInvalid("Not a Stripe event.")
    return event
