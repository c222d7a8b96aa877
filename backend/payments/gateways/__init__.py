"""Payment gateways. Each provider is one module exposing a ``Gateway`` instance.

A gateway answers three questions for checkout: is it offered (``is_active``), must the checkout
be paid before the order is placed (``requires_payment_before_order``), and what its public
configuration is. Card providers (Stripe, a Moroccan acquirer, a wallet) add their own module.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

CASH_ON_DELIVERY = "coopstore.cash-on-delivery"
DUMMY = "saleor.io.dummy-payment-app"


@dataclass(frozen=True)
class Gateway:
    id: str
    name: object  # a lazy translated string
    currencies: tuple[str, ...]
    requires_payment_before_order: bool

    def is_active(self) -> bool:
        if self.id == DUMMY:
            return bool(getattr(settings, "DUMMY_PAYMENTS_ENABLED", False))
        return True


GATEWAYS: dict[str, Gateway] = {
    CASH_ON_DELIVERY: Gateway(CASH_ON_DELIVERY, _("Cash on delivery"), ("MAD",), False),
    DUMMY: Gateway(DUMMY, "Dummy Payment App", ("MAD",), True),
}


def available_gateways(currency: str) -> list[Gateway]:
    return [g for g in GATEWAYS.values() if g.is_active() and currency in g.currencies]


def get_gateway(gateway_id: str) -> Gateway | None:
    gateway = GATEWAYS.get(gateway_id)
    return gateway if gateway and gateway.is_active() else None
