"""The small interface through which payouts send Stripe Connect transfers.

Fair pay never imports ``stripe``: ``default_transfer_sender`` adapts
``backend.payments.stripe_client.transfer_create`` (one module per outside system) to the
``TransferSender`` signature, and payout services take a sender as an argument, so tests pass
a fake and the demo runs without Stripe.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.conf import settings

from backend.core.money import from_minor_units


@dataclass(frozen=True)
class TransferRequest:
    """A transfer from the platform's Stripe balance to a connected account (minor units)."""

    destination: str
    amount: int
    currency: str
    idempotency_key: str
    transfer_group: str
    description: str = ""
    metadata: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class TransferResult:
    transfer_id: str


class TransferDeclined(Exception):
    """Stripe refused the transfer for good (account closed, not payable): the payout fails.

    Any other exception is taken as temporary: the payout stays pending and is retried with
    the same idempotency key.
    """


TransferSender = Callable[[TransferRequest], TransferResult]


def default_transfer_sender() -> TransferSender | None:
    """The Stripe Connect sender of ``backend.payments.stripe_client``; None without Stripe keys.

    A 4xx refusal (account closed, not payable) becomes ``TransferDeclined``; a provider still
    unavailable after the client's retries propagates, so the payout stays pending.
    """
    if not getattr(settings, "STRIPE_SECRET_KEY", ""):
        return None
    from backend.payments import stripe_client

    def send(request: TransferRequest) -> TransferResult:
        try:
            transfer = stripe_client.transfer_create(
                amount=from_minor_units(request.amount, request.currency.upper()),
                currency=request.currency, destination=request.destination,
                idempotency_key=request.idempotency_key, metadata=dict(request.metadata),
                transfer_group=request.transfer_group)
        except stripe_client.ProviderRequestRefused as exc:
            raise TransferDeclined(str(exc)) from exc
        return TransferResult(transfer_id=transfer.id)

    return send
