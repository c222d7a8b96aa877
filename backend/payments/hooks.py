"""Where the fair-pay ledger plugs into payments, without payments importing it.

Fair pay (``backend.fairpay``) writes balanced ledger entries when money is captured and the
proportional reversal when it is refunded. It registers its listeners once, from its
``AppConfig.ready()``::

    from backend.payments import hooks
    hooks.register_money_listener(ledger_record_money_movement)

Listeners run inside the database transaction that records the movement, so a failing ledger
write rolls the payment record back with it (and the webhook or admin action is retried).
Each movement is announced exactly once: it follows a money event that is itself stored once.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class MovementKind(StrEnum):
    CHARGE = "charge"  # money captured for an order (card, dummy, cash collected)
    REFUND = "refund"  # money given back or owed back to the customer


@dataclass(frozen=True)
class MoneyMovement:
    kind: MovementKind
    order_id: str
    transaction_id: int
    gateway: str
    amount: Decimal
    currency: str
    psp_reference: str = ""
    refund_id: int | None = None
    # Cash-on-delivery refunds are owed to the customer until paid back.
    owed_to_customer: bool = False
    # Per-line refunds: (order line id, quantity, amount); plus the shipping refunded, if any.
    lines: tuple[tuple[str, int, Decimal], ...] = ()
    shipping_amount: Decimal = Decimal(0)


MoneyListener = Callable[[MoneyMovement], None]
_listeners: list[MoneyListener] = []


def register_money_listener(listener: MoneyListener) -> MoneyListener:
    """Register once (idempotent): ``ready()`` may run more than once in tests."""
    if listener not in _listeners:
        _listeners.append(listener)
    return listener


def unregister_money_listener(listener: MoneyListener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def announce(movement: MoneyMovement) -> None:
    for listener in list(_listeners):
        listener(movement)
