"""Cash on delivery: the partner collects the cash; a refund is money owed back to the customer.

No card is involved, so a refund cannot be pushed anywhere: it is recorded as owed, and the
fair-pay ledger (through ``backend.payments.hooks``) carries the debt until it is paid back.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .types import RefundOutcome

if TYPE_CHECKING:
    from ..models import Refund, TransactionItem

NAME = "Cash on delivery"


def config() -> dict[str, Any] | None:
    return None


def refund(*, transaction: TransactionItem, refund: Refund) -> RefundOutcome:
    return RefundOutcome("owed", f"cash-refund-{refund.token.hex}")
