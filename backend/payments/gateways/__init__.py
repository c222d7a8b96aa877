"""Payment gateways. Each provider is one entry here, with its code in its own module.

A gateway answers three questions for checkout: is it offered (``is_active``), must the checkout
be paid before the order is placed (``requires_payment_before_order``), and what its public
configuration is. The ids are those of Saleor's payment apps, so Saleor's clients recognise them;
cash on delivery is CoopStore's own (a Saleor client that does not know it simply skips it).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _

CASH_ON_DELIVERY = "coopstore.cash-on-delivery"
DUMMY = "saleor.io.dummy-payment-app"
STRIPE = "saleor.app.payment.stripe"
BANK_TRANSFER = "coopstore.bank-transfer"  # pro orders, against an invoice


def _always() -> bool:
    return True


def dummy_enabled() -> bool:
    """The dummy gateway pays without money: only where the demo setting allows it."""
    return bool(getattr(settings, "DUMMY_PAYMENTS_ENABLED", False))


def stripe_configured() -> bool:
    """Card payments need both keys; without them the card option is hidden."""
    return bool(getattr(settings, "STRIPE_SECRET_KEY", "")
                and getattr(settings, "STRIPE_PUBLISHABLE_KEY", ""))


@dataclass(frozen=True)
class Gateway:
    id: str
    name: object  # a lazy translated string
    currencies: tuple[str, ...]
    requires_payment_before_order: bool
    active_when: Callable[[], bool] = field(default=_always, compare=False, repr=False)
    # Offered only in restricted channels (the pro channel of approved business buyers).
    restricted_channels_only: bool = False

    def is_active(self) -> bool:
        return self.active_when()

    def offered_in(self, channel: Any) -> bool:
        return not self.restricted_channels_only or bool(
            channel is not None and channel.is_restricted)


GATEWAYS: dict[str, Gateway] = {
    CASH_ON_DELIVERY: Gateway(CASH_ON_DELIVERY, _("Cash on delivery"), ("MAD",), False),
    STRIPE: Gateway(STRIPE, _("Card"), ("MAD",), True, active_when=stripe_configured),
    DUMMY: Gateway(DUMMY, "Dummy Payment App", ("MAD",), True, active_when=dummy_enabled),
    BANK_TRANSFER: Gateway(BANK_TRANSFER, _("Bank transfer against an invoice"), ("MAD",),
                           False, restricted_channels_only=True),
}


def available_gateways(currency: str, channel: Any = None) -> list[Gateway]:
    """Gateways offered for ``currency``; those of restricted channels only with ``channel``."""
    return [g for g in GATEWAYS.values()
            if g.is_active() and currency in g.currencies and g.offered_in(channel)]


def get_gateway(gateway_id: str) -> Gateway | None:
    gateway = GATEWAYS.get(gateway_id)
    return gateway if gateway and gateway.is_active() else None
