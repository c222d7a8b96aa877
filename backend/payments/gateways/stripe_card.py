"""Stripe card payments, in the protocol of Saleor's Stripe app (``saleor.app.payment.stripe``).

``transactionInitialize`` creates a PaymentIntent and hands its client secret to Stripe.js; the
browser confirms the card (and 3-D Secure) with Stripe; ``transactionProcess`` and the signed
webhooks then read the PaymentIntent's state and record it as Saleor transaction events.
"""
from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from backend.core.errors import DomainError

from .. import stripe_client
from ..declines import UNAVAILABLE, decline_message, in_language
from ..error_codes import TransactionInitializeErrorCode, TransactionProcessErrorCode
from ..models import TransactionEventType as T
from .types import EventInput, GatewayResult, RefundOutcome

if TYPE_CHECKING:
    from ..models import Refund, TransactionItem

NAME = "Stripe"
PAYMENT_METHODS = ("card",)
CANCELED = _("The card payment was canceled.")


def config() -> dict[str, Any]:
    """``paymentGatewayInitialize``'s data, as Saleor's Stripe app answers it."""
    return {"stripePublishableKey": stripe_client.publishable_key()}


def validate_initialize_data(data: Any) -> None:
    """Saleor's Stripe app expects ``{paymentIntent: {paymentMethod: "card"}}``."""
    intent = data.get("paymentIntent") if isinstance(data, dict) else None
    method = intent.get("paymentMethod", "card") if isinstance(intent, dict) else None
    if method not in PAYMENT_METHODS:
        raise DomainError.single(
            TransactionInitializeErrorCode.INVALID,
            str(_('Expected data {"paymentIntent": {"paymentMethod": "card"}}.')), "paymentGateway")


def payment_intent_idempotency_key(transaction: TransactionItem) -> str:
    """One PaymentIntent per transaction, however many times its creation is retried."""
    return f"coopstore-pi-{transaction.token}"


def initialize(*, transaction: TransactionItem, amount: Decimal, data: Any, language: str,
               metadata: dict[str, str]) -> GatewayResult:
    """Create (or, with the same key, get back) the PaymentIntent and answer its secret."""
    try:
        intent = stripe_client.payment_intent_create(
            amount=amount, currency=transaction.currency, metadata=metadata,
            idempotency_key=payment_intent_idempotency_key(transaction),
            description=f"CoopStore {transaction.token}")
    except stripe_client.CardDeclined as error:
        return GatewayResult(events=(EventInput(
            T.CHARGE_FAILURE, amount, error.payment_intent_id,
            decline_message(error.code, error.decline_code, language),
            error.decline_code or error.code),), psp_reference=error.payment_intent_id)
    except stripe_client.PaymentProviderError as error:
        return GatewayResult(events=(EventInput(
            T.CHARGE_FAILURE, amount, "", in_language(UNAVAILABLE, language),
            error.code or "provider_unavailable"),))
    return GatewayResult(
        events=events_from_payment_intent(intent, language), psp_reference=intent.id,
        data={"paymentIntent": {"stripeClientSecret": intent.client_secret}},
        private=_private(intent))


def process(*, transaction: TransactionItem, data: Any, language: str) -> GatewayResult:
    """Re-read the PaymentIntent after the browser confirmed it, and say what happened."""
    if not transaction.psp_reference:
        raise DomainError.single(TransactionProcessErrorCode.INVALID,
                                 str(_("This payment was never started with Stripe.")), "id")
    try:
        intent = stripe_client.payment_intent_retrieve(transaction.psp_reference)
    except stripe_client.PaymentProviderError as error:
        # The outcome is unknown, not failed: record nothing and let the client try again.
        raise DomainError.single(TransactionProcessErrorCode.GRAPHQL_ERROR,
                                 in_language(UNAVAILABLE, language), "id") from error
    answer: dict[str, Any] = {"status": intent.status}
    if intent.status in ("requires_action", "requires_payment_method", "requires_confirmation"):
        answer["stripeClientSecret"] = intent.client_secret
    return GatewayResult(events=events_from_payment_intent(intent, language),
                         psp_reference=intent.id, data={"paymentIntent": answer},
                         private=_private(intent))


def events_from_payment_intent(intent: stripe_client.PaymentIntent,
                               language: str) -> tuple[EventInput, ...]:
    """Saleor's reading of a PaymentIntent's status."""
    status = intent.status
    if status == "succeeded":
        return (EventInput(T.CHARGE_SUCCESS, intent.amount_received or intent.amount, intent.id),)
    if status == "requires_capture":
        return (EventInput(T.AUTHORIZATION_SUCCESS, intent.amount_capturable or intent.amount,
                           intent.id),)
    if status == "processing":
        return (EventInput(T.CHARGE_REQUEST, intent.amount, intent.id),)
    if status == "canceled":
        return (EventInput(T.CHARGE_FAILURE, intent.amount, intent.id,
                           in_language(CANCELED, language), "canceled"),)
    if status == "requires_payment_method" and (intent.last_error_code
                                                or intent.last_decline_code):
        return (EventInput(T.CHARGE_FAILURE, intent.amount, intent.id,
                           decline_message(intent.last_error_code, intent.last_decline_code,
                                           language),
                           intent.last_decline_code or intent.last_error_code),)
    # requires_payment_method (not tried yet), requires_confirmation, requires_action (3-D Secure)
    return (EventInput(T.CHARGE_ACTION_REQUIRED, intent.amount, intent.id),)


def refund(*, transaction: TransactionItem, refund: Refund) -> RefundOutcome:
    """A Stripe refund of the PaymentIntent; its key makes a retried click refund once."""
    result = stripe_client.refund_create(
        payment_intent_id=transaction.psp_reference, amount=refund.tender_amount,
        currency=refund.currency, idempotency_key=f"coopstore-refund-{refund.token}",
        metadata={"order": str(refund.order_id), "refund": str(refund.token)})
    if result.status == "succeeded":
        return RefundOutcome("succeeded", result.id)
    if result.status in ("failed", "canceled"):
        return RefundOutcome("failed", result.id, result.failure_reason or result.status)
    return RefundOutcome("pending", result.id)


def _private(intent: stripe_client.PaymentIntent) -> dict[str, str]:
    return {"stripe_charge": intent.latest_charge} if intent.latest_charge else {}
