"""Gateway id → the module that speaks its protocol (imported lazily: the registry in
``gateways/__init__`` is read by checkout code that must not load Stripe's library)."""
from __future__ import annotations

from types import ModuleType

from . import BANK_TRANSFER, CASH_ON_DELIVERY, DUMMY, STRIPE


def provider(gateway_id: str) -> ModuleType | None:
    if gateway_id == STRIPE:
        from . import stripe_card

        return stripe_card
    if gateway_id == DUMMY:
        from . import dummy

        return dummy
    if gateway_id == CASH_ON_DELIVERY:
        from . import cash_on_delivery

        return cash_on_delivery
    if gateway_id == BANK_TRANSFER:
        from . import bank_transfer

        return bank_transfer
    return None


def supports_transactions(gateway_id: str) -> bool:
    """Gateways the client pays through with transactionInitialize (not cash on delivery)."""
    return gateway_id in (STRIPE, DUMMY)
