"""Fair-pay fixtures: orders placed through the real checkout, or built row by row (fast)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from backend.core.money import quantize
from backend.fairpay.models import CooperativeFairPay, PartnerPayoutDetails
from backend.orders.models import Order, OrderDelivery, OrderLine
from backend.orders.numbers import next_order_number
from backend.orders.services.checkout_complete import checkout_complete
from backend.payments.gateways import CASH_ON_DELIVERY
from tests.factories.fulfillment import PartnerFactory
from tests.orders.conftest import ready_checkout

RIB_A = "011780000012345678901234"
RIB_B = "007640000098765432109876"
RIB_P1 = "230810000055555555555511"


def legs_json(legs) -> list[dict]:
    """The stored shape of delivery legs: partner id and slug, quoted price."""
    return [{"partner_id": partner.pk, "partner_slug": partner.slug, "price": str(price)}
            for partner, price in legs]


def place_order(channel, items, *, deliveries: dict | None = None,
                email: str = "buyer@example.ma") -> Order:
    """Place an order through ``checkout_complete`` (cash on delivery).

    ``items`` are ``(variant, quantity)``; ``deliveries`` maps a cooperative id to
    ``(price, [(partner, quoted price), ...])``: the chosen delivery's stored price and legs
    are replaced, as if the router had quoted that chain of partners.
    """
    checkout = ready_checkout(channel, items, email=email)
    for delivery in checkout.deliveries.all():
        price, legs = (deliveries or {}).get(delivery.cooperative_id, ("25.00", []))
        delivery.price_amount = Decimal(price)
        delivery.legs = legs_json(legs)
        delivery.save()
    return checkout_complete(checkout_token=checkout.token).order


def build_order(channel, lines, deliveries=(), *, gateway: str = CASH_ON_DELIVERY) -> Order:
    """An order written row by row (no stock, no checkout), for property tests.

    ``lines`` are ``(cooperative, total)``, ``deliveries`` ``(cooperative, price, legs)``.
    """
    subtotal = quantize(sum((Decimal(total) for _, total in lines), Decimal(0)), "MAD")
    shipping = quantize(sum((Decimal(price) for _, price, _ in deliveries), Decimal(0)), "MAD")
    order = Order.objects.create(
        number=next_order_number(), channel=channel, currency="MAD", subtotal_amount=subtotal,
        shipping_amount=shipping, total_amount=subtotal + shipping, payment_gateway=gateway,
        user_email="prop@example.ma")
    for index, (cooperative, total) in enumerate(lines):
        OrderLine.objects.create(order=order, cooperative=cooperative,
                                 product_name=f"Produit {index}", quantity=1, currency="MAD",
                                 unit_price_amount=Decimal(total),
                                 total_price_amount=Decimal(total))
    for cooperative, price, legs in deliveries:
        OrderDelivery.objects.create(order=order, cooperative=cooperative, option_id="test",
                                     price_amount=Decimal(price), short_circuit_level="REGIONAL",
                                     legs=legs_json(legs))
    return order


@pytest.fixture
def partner(db):
    return PartnerFactory(name="Atlas Express", slug="atlas-express")


@pytest.fixture
def other_partner(db):
    return PartnerFactory(name="Souss Relais", slug="souss-relais")


def bank_details(cooperative=None, partner=None, rib: str = RIB_A, stripe: str = ""):
    if cooperative is not None:
        return CooperativeFairPay.objects.update_or_create(
            cooperative=cooperative, defaults={"rib": rib, "stripe_account_id": stripe})[0]
    return PartnerPayoutDetails.objects.update_or_create(
        partner=partner, defaults={"rib": rib, "stripe_account_id": stripe})[0]
