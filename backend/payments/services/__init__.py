"""Payment services: the functions that change payment state (one database transaction each)."""
from .cash import cash_on_delivery_collected
from .refunds import RefundLineInput, order_refund_create, refund_mark_paid_back
from .transaction_events import transactions_attach_to_order
from .transactions import (
    GatewayConfig,
    TransactionResult,
    payment_gateway_initialize,
    transaction_initialize,
    transaction_process,
)

__all__ = [
    "GatewayConfig",
    "RefundLineInput",
    "TransactionResult",
    "cash_on_delivery_collected",
    "order_refund_create",
    "payment_gateway_initialize",
    "refund_mark_paid_back",
    "transaction_initialize",
    "transaction_process",
    "transactions_attach_to_order",
]
