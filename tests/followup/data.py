"""A cooperative's two months of records (March and April 2026), built with the real services:
orders through the checkout, parcels walked to the door, cash captured, payout runs and a
member distribution. ``tests/followup`` and the browser test share it."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from backend.fairpay.models import CooperativeMember, MemberDistribution, Payout
from backend.fairpay.services.distribution import member_distribution_create
from backend.fairpay.services.ledger import ledger_record_capture
from backend.fairpay.services.payouts import payout_mark_failed, payout_mark_paid, payout_run_create
from backend.orders.models import Order, OrderStatus
from catalog.models import Product, ProductChannelListing
from fulfillment.models import Partner, Shipment
from fulfillment.models import ShipmentStatus as S
from fulfillment.services.shipments import ShipmentActor, shipment_transition
from tests.factories.catalog import CooperativeFactory, city, make_listed_product
from tests.factories.fulfillment import make_partner
from tests.fairpay.conftest import bank_details, place_order

CASABLANCA = ZoneInfo("Africa/Casablanca")
MARCH, APRIL = date(2026, 3, 1), date(2026, 4, 1)


def local(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=CASABLANCA)


def backdate_order(order: Order, at: datetime, status: str | None = None) -> Order:
    changes = {"created_at": at, **({"status": status} if status else {})}
    Order.objects.filter(pk=order.pk).update(**changes)
    Shipment.objects.filter(order=order).update(created_at=at)
    order.refresh_from_db()
    return order


def deliver(order: Order, cooperative, at: datetime) -> Shipment:
    """Walk the cooperative's parcel of ``order`` to the door, every step dated ``at``."""
    shipment = Shipment.objects.get(order=order, cooperative=cooperative)
    staff = ShipmentActor.staff()
    for status in (S.READY_FOR_PICKUP, S.ACCEPTED, S.PICKED_UP, S.IN_TRANSIT,
                   S.OUT_FOR_DELIVERY):
        shipment_transition(shipment_id=shipment.pk, to_status=status, actor=staff,
                            occurred_at=at)
    shipment_transition(shipment_id=shipment.pk, to_status=S.DELIVERED, actor=staff,
                        occurred_at=at, note="Remis en main propre")
    shipment.refresh_from_db()
    return shipment


def publish_since(product: Product, at: datetime | None, published: bool = True) -> None:
    ProductChannelListing.objects.filter(product=product).update(published_at=at,
                                                                 is_published=published)


@dataclass
class Months:
    """What was built, to compute by hand."""

    cooperative: object
    other: object
    regional: Partner
    outsider: Partner
    orders: dict[str, Order] = field(default_factory=dict)
    products: dict[str, Product] = field(default_factory=dict)
    payouts: dict[str, Payout] = field(default_factory=dict)
    distribution: MemberDistribution | None = None
    members: list[CooperativeMember] = field(default_factory=list)


def two_months(channel, cooperative=None, other=None) -> Months:
    """March and April 2026 of a Taliouine (Souss-Massa) cooperative. See the test for the
    hand computation of each indicator."""
    city("agadir")
    cooperative = cooperative or CooperativeFactory(name="Coopérative Tifawine Safran",
                                                    slug="tifawine-safran")
    other = other or CooperativeFactory(name="Coopérative Voisine", slug="voisine")
    regional = make_partner(regions=("MA-09",), slug="souss-coursiers", name="Souss Coursiers")
    outsider = make_partner(regions=("MA-07", "MA-06"), slug="atlas-national",
                            name="Atlas National")
    built = Months(cooperative=cooperative, other=other, regional=regional, outsider=outsider)
    p = built.products
    p["saffron"] = make_listed_product(channel=channel, cooperative=cooperative, price="60.00",
                                       quantity=50, name="Safran 1 g")
    p["honey"] = make_listed_product(channel=channel, cooperative=cooperative, price="80.00",
                                     quantity=4, name="Miel de thym")
    p["oil"] = make_listed_product(channel=channel, cooperative=cooperative, price="90.00",
                                   quantity=5, name="Huile d'argan")
    p["hidden"] = make_listed_product(channel=channel, cooperative=cooperative, price="10.00",
                                      quantity=5, name="Brouillon")
    p["neighbour"] = make_listed_product(channel=channel, cooperative=other, price="30.00",
                                         quantity=5, name="Dattes")
    publish_since(p["saffron"], local(2026, 2, 1))
    publish_since(p["honey"], local(2026, 3, 15))
    publish_since(p["oil"], local(2026, 4, 10))
    publish_since(p["hidden"], None, published=False)
    publish_since(p["neighbour"], local(2026, 1, 1))
    saffron, honey = p["saffron"].default_variant, p["honey"].default_variant
    by = {cooperative.pk: ("25.00", [(regional, "25.00")])}
    far = {cooperative.pk: ("25.00", [(outsider, "25.00")])}
    o = built.orders
    o["a"] = place_order(channel, [(saffron, 2)], deliveries=by, email="amina@example.ma")
    o["b"] = place_order(channel, [(saffron, 1), (honey, 1)], deliveries=far,
                         email="karim@example.ma")
    o["c"] = place_order(channel, [(saffron, 3)], deliveries=by, email="amina@example.ma")
    o["d"] = place_order(channel, [(p["neighbour"].default_variant, 1)],
                         email="amina@example.ma")
    o["e"] = place_order(channel, [(honey, 3)], deliveries=by, email="AMINA@example.ma")
    o["f"] = place_order(channel, [(saffron, 1)], deliveries=by, email="karim@example.ma")
    o["g"] = place_order(channel, [(saffron, 1)], deliveries=by, email="amina@example.ma")
    backdate_order(o["a"], local(2026, 3, 5))
    backdate_order(o["b"], local(2026, 3, 12))
    backdate_order(o["c"], local(2026, 3, 14), status=OrderStatus.CANCELED)
    backdate_order(o["d"], local(2026, 3, 16))
    backdate_order(o["e"], local(2026, 4, 3))
    backdate_order(o["f"], local(2026, 4, 1, 0, 30))  # 2026-03-31 23:30 UTC: April here
    backdate_order(o["g"], local(2026, 5, 1, 0, 30))  # 2026-04-30 23:30 UTC: May here
    deliver(o["a"], cooperative, local(2026, 3, 7))
    deliver(o["b"], cooperative, local(2026, 3, 15))
    deliver(o["e"], cooperative, local(2026, 4, 6))
    for key, day in (("a", local(2026, 3, 7)), ("b", local(2026, 3, 15)),
                     ("e", local(2026, 4, 6))):
        order = o[key]
        partner = regional if key != "b" else outsider
        ledger_record_capture(order=order, amount=order.total_amount, method="cash",
                              collected_by=partner, cooperative=cooperative, occurred_at=day)
    bank_details(cooperative=cooperative)
    run = payout_run_create(at=local(2026, 3, 25))
    march = payout_mark_paid(payout=run.payouts.get(account__cooperative=cooperative))
    Payout.objects.filter(pk=march.pk).update(settled_at=local(2026, 3, 26))
    bounced = payout_run_create(at=local(2026, 4, 20)).payouts.get(
        account__cooperative=cooperative)
    payout_mark_failed(payout=bounced, reason="RIB fermé")
    Payout.objects.filter(pk=bounced.pk).update(settled_at=local(2026, 4, 21))
    # The bounced amount is back on the balance from the failure's (real) date: paid again
    # by the next run, which the bank confirmed on 28 April.
    april = payout_mark_paid(payout=payout_run_create().payouts.get(
        account__cooperative=cooperative))
    Payout.objects.filter(pk=april.pk).update(settled_at=local(2026, 4, 28))
    built.payouts = {"march": Payout.objects.get(pk=march.pk),
                     "bounced": Payout.objects.get(pk=bounced.pk),
                     "april": Payout.objects.get(pk=april.pk)}
    built.members = [CooperativeMember.objects.create(cooperative=cooperative, full_name=name)
                     for name in ("Fatima Ait Ali", "Khadija Oubella", "Aicha Id Brahim")]
    built.distribution = member_distribution_create(
        cooperative=cooperative, period_start=date(2026, 3, 1), period_end=date(2026, 3, 31),
        unit="kg", contributions={built.members[0]: Decimal("12.5"),
                                  built.members[1]: Decimal("7.5"),
                                  built.members[2]: Decimal("0")})
    return built
