"""Orders, shipments and partner staff for the board and tracking tests (and the browser one)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from backend.accounts.models import Address, User
from backend.orders.models import ChargeStatus, Order, OrderDelivery, OrderLine
from backend.orders.numbers import next_order_number
from backend.payments.gateways import CASH_ON_DELIVERY
from fulfillment.models import Partner, PartnerStaff, Shipment
from fulfillment.services.shipments import (
    ShipmentActor,
    shipment_transition,
    shipments_create_for_order,
)
from tests.factories.catalog import ChannelFactory, CooperativeFactory, UserFactory, city
from tests.factories.fulfillment import make_partner

PASSWORD = "coop-pass-2026"


def legs(*hops: tuple[Partner, str, str]) -> list[dict]:
    """``(partner, from_slug, to_slug)`` hops as ``legs_snapshot`` writes them."""
    return [{"partner_id": p.pk, "partner_slug": p.slug, "partner_name": p.name,
             "from_city_id": city(a).pk, "to_city_id": city(b).pk, "km": "12.5",
             "price": "25.00"} for p, a, b in hops]


def staff(partner: Partner, email: str) -> User:
    user = UserFactory(email=email)
    PartnerStaff.objects.create(partner=partner, user=user)
    return user


def order_with_parcel(cooperative, chain: list[dict], *, user: User | None = None,
                      email: str = "amina@example.ma", total: str = "120.00",
                      ready: bool = True) -> tuple[Order, Shipment]:
    """A cash-on-delivery order with one parcel along ``chain``, packed when ``ready``."""
    channel = ChannelFactory()
    address = Address.objects.create(first_name="Amina", last_name="Idrissi",
                                     street_address_1="12 rue de Tiznit", city="Agadir",
                                     country="MA", phone="+212612345678")
    order = Order.objects.create(
        number=next_order_number(), channel=channel, currency="MAD", user=user,
        subtotal_amount=Decimal(total), shipping_amount=Decimal("25.00"),
        total_amount=Decimal(total) + 25, payment_gateway=CASH_ON_DELIVERY,
        charge_status=ChargeStatus.NONE, user_email=email, shipping_address=address)
    OrderLine.objects.create(order=order, cooperative=cooperative, quantity=2,
                             product_name="Safran de Taliouine", currency="MAD",
                             unit_price_amount=Decimal(total) / 2,
                             total_price_amount=Decimal(total), weight_grams=100)
    OrderDelivery.objects.create(order=order, cooperative=cooperative, option_id="test",
                                 price_amount=Decimal("25.00"), short_circuit_level="REGIONAL",
                                 minimum_delivery_days=1, maximum_delivery_days=2,
                                 legs=chain)
    shipment = shipments_create_for_order(order=order)[0]
    if ready:
        shipment_transition(shipment_id=shipment.pk, to_status="ready_for_pickup",
                            actor=ShipmentActor.for_cooperative(cooperative.pk))
    shipment.refresh_from_db()
    return order, shipment


@dataclass
class Board:
    partner_a: Partner
    partner_b: Partner
    user_a: User
    user_b: User
    cooperative: object
    order_a: Order
    shipment_a: Shipment
    order_b: Order
    shipment_b: Shipment


def build_board() -> Board:
    """Two partners of Souss-Massa, each offered one parcel from Taliouine to Agadir.

    Starts by ``city()``, which reloads the geography a transactional test may have flushed.
    """
    city("agadir")
    partner_a = make_partner(regions=("MA-09",), slug="souss-express", name="Souss Express",
                             hub="agadir")
    partner_b = make_partner(regions=("MA-09",), slug="rival-coursiers", name="Rival Coursiers")
    cooperative = CooperativeFactory(city_slug="taliouine", name="Coopérative Safran")
    order_a, shipment_a = order_with_parcel(cooperative,
                                            legs((partner_a, "taliouine", "agadir")))
    order_b, shipment_b = order_with_parcel(cooperative,
                                            legs((partner_b, "taliouine", "agadir")),
                                            email="karim@example.ma")
    return Board(partner_a=partner_a, partner_b=partner_b,
                 user_a=staff(partner_a, "partner.a@example.ma"),
                 user_b=staff(partner_b, "partner.b@example.ma"), cooperative=cooperative,
                 order_a=order_a, shipment_a=shipment_a, order_b=order_b, shipment_b=shipment_b)
