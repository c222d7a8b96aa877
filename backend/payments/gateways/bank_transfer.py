"""Bank transfer against an invoice (``coopstore.bank-transfer``): pro orders only.

The order is placed unpaid (charge status NONE) with an invoice; the buyer transfers the money
and a network admin marks the invoice paid (``backend.business.services.invoices``), which
records the charge like cash collected. Nothing is pushed to a provider: a refund is money owed
back to the buyer, carried by the fair-pay ledger until it is paid back.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .types import RefundOutcome

if TYPE_CHECKING:
    from ..models import Refund, TransactionItem

NAME = "Bank transfer"


def config() -> dict[str, Any] | None:
    return None


def refund(*, transaction: TransactionItem, refund: Refund) -> RefundOutcome:
    return RefundOutcome("owed", f"transfer-refund-{refund.token.hex}")
