"""What a gateway module hands back to the services: events to record and data for the client."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class EventInput:
    """A TransactionEvent to record (the services add it, deduplicated)."""

    type: str
    amount: Decimal
    psp_reference: str = ""
    message: str = ""
    reason_code: str = ""


@dataclass(frozen=True)
class GatewayResult:
    events: tuple[EventInput, ...]
    psp_reference: str = ""
    # The gateway's answer for the client (Saleor's ``data`` field), e.g. a client secret.
    data: dict[str, Any] | None = None
    # Private facts worth keeping on the transaction (the Stripe charge id).
    private: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RefundOutcome:
    """What the provider said about a refund."""

    status: str  # "succeeded", "pending" or "failed"
    psp_reference: str = ""
    message: str = ""
