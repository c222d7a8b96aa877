"""Pure rules: a transaction's amounts from its events, and Saleor's charge/authorize statuses.

No ORM here, so the rules can be tested on plain values; services persist what they return.
Amounts depend only on the *set* of money events, never on their order, so webhooks arriving
late or twice cannot change the result.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from backend.orders.models import AuthorizeStatus, ChargeStatus

from .models import TransactionAction, TransactionEventType

ZERO = Decimal("0")


@dataclass(frozen=True)
class EventAmount:
    type: str
    amount: Decimal


@dataclass(frozen=True)
class TransactionAmounts:
    authorized: Decimal
    charged: Decimal
    refunded: Decimal
    canceled: Decimal

    @property
    def available_actions(self) -> list[str]:
        actions = []
        if self.authorized > 0:
            actions += [TransactionAction.CHARGE.value, TransactionAction.CANCEL.value]
        if self.charged > 0:
            actions.append(TransactionAction.REFUND.value)
        return actions


def transaction_amounts(events: Iterable[EventAmount]) -> TransactionAmounts:
    """Saleor's bookkeeping: a charge consumes an authorization, a refund moves charged money
    to refunded, a charge-back takes it away, a cancel releases an authorization."""
    sums: dict[str, Decimal] = {}
    adjustment: Decimal | None = None
    for event in events:
        if event.type == TransactionEventType.AUTHORIZATION_ADJUSTMENT:
            adjustment = event.amount  # an adjustment states the new authorized total
        else:
            sums[event.type] = sums.get(event.type, ZERO) + event.amount

    def total(kind: TransactionEventType) -> Decimal:
        return sums.get(kind.value, ZERO)

    authorized_total = (adjustment if adjustment is not None
                        else total(TransactionEventType.AUTHORIZATION_SUCCESS))
    charge = total(TransactionEventType.CHARGE_SUCCESS)
    cancel = total(TransactionEventType.CANCEL_SUCCESS)
    refunded = (total(TransactionEventType.REFUND_SUCCESS)
                - total(TransactionEventType.REFUND_REVERSE))
    authorized = max(authorized_total - charge - cancel, ZERO) if authorized_total else ZERO
    charged = charge - refunded - total(TransactionEventType.CHARGE_BACK)
    return TransactionAmounts(authorized=authorized, charged=charged, refunded=refunded,
                              canceled=cancel)


def charge_status(*, charged: Decimal, total: Decimal, granted_refund: Decimal = ZERO) -> str:
    """Saleor's charge status: the total is reduced by the refunds already granted."""
    target = max(total - granted_refund, ZERO)
    if charged == target and total > 0:
        return ChargeStatus.FULL
    if charged <= 0:
        return ChargeStatus.NONE
    if charged < target:
        return ChargeStatus.PARTIAL
    return ChargeStatus.OVERCHARGED


def authorize_status(*, authorized: Decimal, charged: Decimal, total: Decimal,
                     granted_refund: Decimal = ZERO) -> str:
    """Saleor's authorize status: is the total covered by money authorized or charged?"""
    target = max(total - granted_refund, ZERO)
    covered = authorized + charged
    if total <= 0 or (covered <= 0 and target > 0):
        return AuthorizeStatus.NONE
    if covered >= target:
        return AuthorizeStatus.FULL
    return AuthorizeStatus.PARTIAL
