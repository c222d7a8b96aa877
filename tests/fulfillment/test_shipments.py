"""Shipments: one per cooperative of an order, moved through their states by one service."""
from __future__ import annotations

import itertools
import re
import threading
from decimal import Decimal

import pytest
from django.db import connection

from backend.core.errors import DomainError
from backend.orders.error_codes import OrderErrorCode
from backend.orders.models import ChargeStatus, Order, OrderDelivery, OrderLine, OrderStatus
from backend.orders.numbers import next_order_number
from backend.orders.services.checkout_complete import checkout_complete
from backend.orders.services.order_cancel import order_cancel
from backend.payments.gateways import CASH_ON_DELIVERY, DUMMY
from catalog.models import Stock
from fulfillment.delivery_codes import delivery_code_for_customer
from fulfillment.error_codes import ShipmentErrorCode
from fulfillment.models import ActorKind, Shipment, ShipmentEvent, ShipmentStatus
from fulfillment.services.shipments import (
    MAX_DELIVERY_ATTEMPTS,
    MAX_DELIVERY_CODE_FAILURES,
    TRANSITIONS,
    ShipmentActor,
    shipment_transition,
)
from fulfillment.services.shipments import (
    shipments_create_for_order as create_for_order,
)
from tests.factories.catalog import (
    ChannelFactory,
    CooperativeFactory,
    UserFactory,
    city,
    make_listed_product,
)
from tests.factories.fulfillment import make_partner
from tests.orders.conftest import TEST_COURIER_SLUG, ready_checkout

S = ShipmentStatus
STAFF = ShipmentActor.staff()


# --- building orders and shipments -------------------------------------------------------------

def _legs(*hops) -> list[dict]:
    """``(partner, from_slug, to_slug)`` hops as ``legs_snapshot`` writes them."""
    return [{"partner_id": partner.pk, "partner_slug": partner.slug, "partner_name": partner.name,
             "from_city_id": city(origin).pk, "to_city_id": city(destination).pk,
             "km": "10.0", "price": "20.00"} for partner, origin, destination in hops]


def _order(channel, parcels, *, gateway: str = CASH_ON_DELIVERY,
           charge: str = ChargeStatus.NONE) -> Order:
    """An order written row by row: ``parcels`` are ``(cooperative, [(total, grams)], price,
    legs)``."""
    order = Order.objects.create(
        number=next_order_number(), channel=channel, currency="MAD", subtotal_amount=0,
        shipping_amount=0, total_amount=0, payment_gateway=gateway, charge_status=charge,
        user_email="amina@example.ma")
    for index, (cooperative, lines, price, legs) in enumerate(parcels):
        for total, grams in lines:
            OrderLine.objects.create(order=order, cooperative=cooperative, quantity=1,
                                     product_name=f"Produit {index}", currency="MAD",
                                     unit_price_amount=Decimal(total),
                                     total_price_amount=Decimal(total), weight_grams=grams)
        OrderDelivery.objects.create(order=order, cooperative=cooperative, option_id="test",
                                     price_amount=Decimal(price), short_circuit_level="REGIONAL",
                                     legs=legs)
    # Totals as a placed order has them (no discount): what it costs is what is collected.
    goods = sum((Decimal(t) for _, lines, _, _ in parcels for t, _ in lines), Decimal(0))
    shipping = sum((Decimal(price) for _, _, price, _ in parcels), Decimal(0))
    Order.objects.filter(pk=order.pk).update(subtotal_amount=goods, shipping_amount=shipping,
                                             total_amount=goods + shipping)
    order.refresh_from_db()
    return order


@pytest.fixture
def partners(db):
    return {
        "a": make_partner(regions=("MA-09",), slug="souss-express", hub="marrakech"),
        "b": make_partner(regions=("MA-07",), slug="haouz-livraison"),
        "rival": make_partner(regions=("MA-09",), slug="rival-coursiers"),
    }


@pytest.fixture
def cooperative_at_taliouine(db):
    return CooperativeFactory(city_slug="taliouine")


@pytest.fixture
def relay(channel, partners, cooperative_at_taliouine) -> Shipment:
    """Taliouine -> Marrakech hub with Souss Express, then -> Marrakech door with Haouz."""
    legs = _legs((partners["a"], "taliouine", "marrakech"), (partners["b"], "marrakech",
                                                              "marrakech"))
    order = _order(channel, [(cooperative_at_taliouine, [("120.00", 400)], "45.00", legs)])
    return create_for_order(order=order)[0]


@pytest.fixture
def direct(channel, partners, cooperative_at_taliouine) -> Shipment:
    legs = _legs((partners["a"], "taliouine", "agadir"))
    order = _order(channel, [(cooperative_at_taliouine, [("60.00", 100)], "25.00", legs)])
    return create_for_order(order=order)[0]


def _put(shipment: Shipment, status: ShipmentStatus, **fields) -> Shipment:
    """Test set-up only: place a shipment in a state without going through the steps."""
    Shipment.objects.filter(pk=shipment.pk).update(status=status, **fields)
    return Shipment.objects.get(pk=shipment.pk)


def _state(shipment: Shipment) -> tuple:
    row = Shipment.objects.filter(pk=shipment.pk).values().get()
    return row, list(ShipmentEvent.objects.filter(shipment=shipment).values_list("pk", flat=True))


def _step(shipment, to_status, actor, **kwargs):
    return shipment_transition(shipment_id=shipment.pk, to_status=to_status, actor=actor,
                               **kwargs)


def _refused(shipment, to_status, actor, **kwargs) -> DomainError:
    with pytest.raises(DomainError) as refused:
        _step(shipment, to_status, actor, **kwargs)
    return refused.value


def _code(error: DomainError) -> ShipmentErrorCode:
    assert len(error.errors) == 1
    return error.errors[0].code


# --- creation by order placement ---------------------------------------------------------------

def test_placing_an_order_creates_one_shipment_per_cooperative(channel):
    saffron = make_listed_product(channel=channel, price="60.00")
    honey = make_listed_product(channel=channel, price="220.00",
                                cooperative=CooperativeFactory(city_slug="azilal"))
    checkout = ready_checkout(channel, [(saffron.default_variant, 2), (honey.default_variant, 1)])

    order = checkout_complete(checkout_token=checkout.token).order

    shipments = {s.cooperative_id: s for s in order.shipments.all()}
    assert set(shipments) == {saffron.cooperative_id, honey.cooperative_id}
    by_cooperative = {d.cooperative_id: d for d in order.deliveries.all()}
    for cooperative_id, shipment in shipments.items():
        delivery = by_cooperative[cooperative_id]
        assert shipment.status == S.AWAITING_PREPARATION
        assert shipment.delivery == delivery
        assert shipment.legs == delivery.legs
        assert shipment.partner.slug == TEST_COURIER_SLUG
        assert shipment.current_leg == 0
        assert re.fullmatch(r"CS[0-9A-HJKMNP-TV-Z]{10}", shipment.tracking_number)
        events = list(shipment.events.values_list("from_status", "to_status", "actor_kind",
                                                  "city_id"))
        assert events == [("", S.AWAITING_PREPARATION, ActorKind.SYSTEM,
                           shipment.cooperative.city_id)]
    saffron_parcel = shipments[saffron.cooperative_id]
    honey_parcel = shipments[honey.cooperative_id]
    assert saffron_parcel.weight_grams == 2 * 50
    assert saffron_parcel.cash_to_collect_amount == Decimal("145.00")  # 2 x 60 + 25 delivery
    assert honey_parcel.cash_to_collect_amount == Decimal("245.00")
    assert sum(s.cash_to_collect_amount for s in shipments.values()) == order.total_amount
    assert saffron_parcel.tracking_number != honey_parcel.tracking_number


def test_the_delivery_code_is_four_digits_and_stored_nowhere(direct):
    code = delivery_code_for_customer(direct)

    assert re.fullmatch(r"\d{4}", code)
    row = Shipment.objects.filter(pk=direct.pk).values().get()
    assert not any(code in str(value) for key, value in row.items() if key != "id")
    assert delivery_code_for_customer(Shipment.objects.get(pk=direct.pk)) == code


def test_a_paid_order_has_no_cash_to_collect(channel, partners, cooperative_at_taliouine):
    order = _order(channel, [(cooperative_at_taliouine, [("60.00", 100)], "25.00",
                              _legs((partners["a"], "taliouine", "agadir")))],
                   gateway=DUMMY, charge=ChargeStatus.FULL)

    shipment = create_for_order(order=order)[0]

    assert shipment.cash_to_collect_amount == Decimal("0.00")


def test_creating_shipments_twice_for_an_order_creates_them_once(direct):
    again = create_for_order(order=direct.order)

    assert [s.pk for s in again] == [direct.pk]
    assert Shipment.objects.count() == 1
    assert ShipmentEvent.objects.count() == 1


def test_a_leg_naming_an_unknown_partner_leaves_the_shipment_unassigned(channel, partners,
                                                                       cooperative_at_taliouine):
    order = _order(channel, [(cooperative_at_taliouine, [("60.00", 100)], "25.00",
                              [{"partner_id": 999999, "price": "25.00"}])])

    shipment = create_for_order(order=order)[0]

    assert shipment.partner is None
    assert shipment.legs == [{"partner_id": 999999, "price": "25.00"}]


def test_creation_costs_six_queries_whatever_the_order_holds(channel, partners,
                                                             django_assert_num_queries):
    def order_of(count: int) -> Order:
        parcels = [(CooperativeFactory(), [("10.00", 50), ("20.00", 60)], "25.00",
                    _legs((partners["a"], "taliouine", "agadir"),
                          (partners["b"], "marrakech", "marrakech")))
                   for _ in range(count)]
        return _order(channel, parcels)

    small, large = order_of(1), order_of(4)

    with django_assert_num_queries(6):
        assert len(create_for_order(order=small)) == 1
    with django_assert_num_queries(6):
        assert len(create_for_order(order=large)) == 4


# --- walking through every state ---------------------------------------------------------------

def test_a_relay_parcel_walks_through_every_state_to_the_door(relay, partners,
                                                             cooperative_at_taliouine):
    a = ShipmentActor.for_partner(partners["a"].pk)
    b = ShipmentActor.for_partner(partners["b"].pk)
    cooperative = ShipmentActor.for_cooperative(cooperative_at_taliouine.pk)
    code = delivery_code_for_customer(relay)
    steps = [
        (S.READY_FOR_PICKUP, cooperative, {}),
        (S.ACCEPTED, a, {}), (S.PICKED_UP, a, {}), (S.IN_TRANSIT, a, {}), (S.AT_HUB, a, {}),
        (S.ACCEPTED, b, {}), (S.PICKED_UP, b, {}), (S.IN_TRANSIT, b, {}),
        (S.OUT_FOR_DELIVERY, b, {}), (S.FAILED_ATTEMPT, b, {"note": "Client absent"}),
        (S.OUT_FOR_DELIVERY, b, {}), (S.DELIVERED, b, {"delivery_code": code}),
    ]

    for to_status, actor, extra in steps:
        step = _step(relay, to_status, actor, **extra)
        assert step.shipment.status == to_status
        assert step.replayed is False

    relay.refresh_from_db()
    assert relay.status == S.DELIVERED
    assert (relay.current_leg, relay.partner_id, relay.failed_attempts) == (1, partners["b"].pk, 1)
    events = list(relay.events.values_list("from_status", "to_status", "leg", "actor_kind",
                                           "actor_partner_id"))
    expected_from = [S.AWAITING_PREPARATION] + [to for to, _, _ in steps[:-1]]
    assert events[1:] == [
        (from_status, to_status, 0 if index < 5 else 1, actor.kind, actor.partner_id)
        for index, (from_status, (to_status, actor, _)) in enumerate(zip(expected_from, steps,
                                                                         strict=True))]
    hub = relay.events.get(to_status=S.AT_HUB)
    assert hub.city_id == city("marrakech").pk
    assert relay.events.get(to_status=S.FAILED_ATTEMPT).note == "Client absent"


def test_a_parcel_that_cannot_be_delivered_is_returned_after_its_attempts(direct, partners):
    a = ShipmentActor.for_partner(partners["a"].pk)
    shipment = _put(direct, S.OUT_FOR_DELIVERY)
    for attempt in range(MAX_DELIVERY_ATTEMPTS):
        _step(shipment, S.FAILED_ATTEMPT, a, note=f"Absent ({attempt + 1})")
        if attempt + 1 < MAX_DELIVERY_ATTEMPTS:
            _step(shipment, S.OUT_FOR_DELIVERY, a)
    before = _state(shipment)

    assert _code(_refused(shipment, S.OUT_FOR_DELIVERY, a)) == ShipmentErrorCode.ATTEMPTS_EXHAUSTED
    assert _state(shipment) == before
    assert _step(shipment, S.RETURNED, a).shipment.status == S.RETURNED


def test_a_parcel_awaiting_preparation_can_be_cancelled(direct):
    step = _step(direct, S.CANCELED, STAFF, note="Stock abîmé")

    assert step.shipment.status == S.CANCELED
    assert step.event.actor_kind == ActorKind.STAFF


# --- refusals ----------------------------------------------------------------------------------

ILLEGAL = [(current, target) for current, target in itertools.product(S, S)
           if target not in TRANSITIONS[current]]


@pytest.mark.parametrize(("current", "target"), ILLEGAL, ids=lambda s: s.value)
def test_each_illegal_transition_is_refused_with_its_code_and_changes_nothing(relay, current,
                                                                              target):
    shipment = _put(relay, current)
    before = _state(shipment)

    refused = _refused(shipment, target, STAFF, note="essai", delivery_code="0000")

    expected = (ShipmentErrorCode.ALREADY_ACCEPTED
                if target == S.ACCEPTED and current not in (S.AWAITING_PREPARATION, S.CANCELED)
                else ShipmentErrorCode.INVALID_TRANSITION)
    assert _code(refused) == expected
    assert refused.errors[0].field == "status"
    assert _state(shipment) == before


def test_the_table_has_every_state_and_terminal_states_lead_nowhere():
    assert set(TRANSITIONS) == set(S)
    assert all(not TRANSITIONS[s] for s in (S.DELIVERED, S.RETURNED, S.CANCELED))
    assert len(ILLEGAL) == len(S) ** 2 - sum(len(moves) for moves in TRANSITIONS.values())


@pytest.mark.parametrize(("current", "target", "who", "code"), [
    (S.AWAITING_PREPARATION, S.READY_FOR_PICKUP, "partner_a", ShipmentErrorCode.NOT_ALLOWED),
    (S.AWAITING_PREPARATION, S.READY_FOR_PICKUP, "customer", ShipmentErrorCode.NOT_ALLOWED),
    (S.AWAITING_PREPARATION, S.READY_FOR_PICKUP, "other_cooperative",
     ShipmentErrorCode.NOT_FOUND),
    (S.READY_FOR_PICKUP, S.ACCEPTED, "cooperative", ShipmentErrorCode.NOT_ALLOWED),
    (S.READY_FOR_PICKUP, S.ACCEPTED, "partner_b", ShipmentErrorCode.NOT_ALLOWED),
    (S.READY_FOR_PICKUP, S.ACCEPTED, "rival", ShipmentErrorCode.NOT_FOUND),
    (S.READY_FOR_PICKUP, S.CANCELED, "customer", ShipmentErrorCode.NOT_ALLOWED),
    (S.READY_FOR_PICKUP, S.CANCELED, "partner_a", ShipmentErrorCode.NOT_ALLOWED),
    (S.ACCEPTED, S.PICKED_UP, "partner_b", ShipmentErrorCode.NOT_ALLOWED),
    (S.AT_HUB, S.ACCEPTED, "partner_a", ShipmentErrorCode.NOT_ALLOWED),
    (S.IN_TRANSIT, S.OUT_FOR_DELIVERY, "partner_a", ShipmentErrorCode.NOT_LAST_LEG),
    (S.OUT_FOR_DELIVERY, S.FAILED_ATTEMPT, "partner_a", ShipmentErrorCode.REASON_REQUIRED),
    (S.OUT_FOR_DELIVERY, S.DELIVERED, "partner_a", ShipmentErrorCode.DELIVERY_CODE_REQUIRED),
    (S.OUT_FOR_DELIVERY, S.DELIVERED, "staff", ShipmentErrorCode.REASON_REQUIRED),
    (S.PICKED_UP, S.IN_TRANSIT, "system", ShipmentErrorCode.NOT_ALLOWED),
])
def test_a_step_by_the_wrong_actor_or_against_a_rule_is_refused_and_changes_nothing(
        relay, partners, cooperative_at_taliouine, current, target, who, code):
    actors = {
        "partner_a": ShipmentActor.for_partner(partners["a"].pk),
        "partner_b": ShipmentActor.for_partner(partners["b"].pk),
        "rival": ShipmentActor.for_partner(partners["rival"].pk),
        "cooperative": ShipmentActor.for_cooperative(cooperative_at_taliouine.pk),
        "other_cooperative": ShipmentActor.for_cooperative(CooperativeFactory().pk),
        "customer": ShipmentActor.customer(), "staff": STAFF, "system": ShipmentActor.system(),
    }
    shipment = _put(relay, current)
    before = _state(shipment)

    assert _code(_refused(shipment, target, actors[who])) == code
    assert _state(shipment) == before


def test_a_single_leg_parcel_has_no_hub_to_go_to(direct, partners):
    shipment = _put(direct, S.IN_TRANSIT)
    before = _state(shipment)

    refused = _refused(shipment, S.AT_HUB, ShipmentActor.for_partner(partners["a"].pk))

    assert _code(refused) == ShipmentErrorCode.NO_NEXT_LEG
    assert _state(shipment) == before


def test_an_unknown_or_unreadable_shipment_is_not_found(direct):
    for shipment_id in ("5b0c2ab5-9d5e-4a43-9d38-1f1fb0f0e7a1", "not-a-uuid", None, 12):
        with pytest.raises(DomainError) as refused:
            shipment_transition(shipment_id=shipment_id, to_status=S.READY_FOR_PICKUP,
                                actor=STAFF)
        assert _code(refused.value) == ShipmentErrorCode.NOT_FOUND


def test_an_unknown_step_is_invalid(direct):
    assert _code(_refused(direct, "teleported", STAFF)) == ShipmentErrorCode.INVALID


def test_a_wrong_delivery_code_is_refused_counted_and_locks_after_the_limit(direct, partners):
    a = ShipmentActor.for_partner(partners["a"].pk)
    shipment = _put(direct, S.OUT_FOR_DELIVERY)
    right = delivery_code_for_customer(shipment)
    wrong = f"{(int(right) + 1) % 10000:04d}"

    for failures in range(1, MAX_DELIVERY_CODE_FAILURES + 1):
        refused = _refused(shipment, S.DELIVERED, a, delivery_code=wrong)
        assert _code(refused) == ShipmentErrorCode.WRONG_DELIVERY_CODE
        shipment.refresh_from_db()
        assert (shipment.status, shipment.delivery_code_failures) == (S.OUT_FOR_DELIVERY,
                                                                      failures)
    before = _state(shipment)

    refused = _refused(shipment, S.DELIVERED, a, delivery_code=right)

    assert _code(refused) == ShipmentErrorCode.DELIVERY_CODE_LOCKED
    assert _state(shipment) == before
    assert shipment.events.count() == 1  # only the creation


def test_the_right_delivery_code_delivers(direct, partners):
    shipment = _put(direct, S.OUT_FOR_DELIVERY)

    step = _step(shipment, S.DELIVERED, ShipmentActor.for_partner(partners["a"].pk),
                 delivery_code=f" {delivery_code_for_customer(shipment)} ")

    assert step.shipment.status == S.DELIVERED
    assert step.event.city_id == city("agadir").pk


# --- idempotency -------------------------------------------------------------------------------

def test_the_same_step_sent_twice_with_its_key_records_one_event(direct, partners):
    a = ShipmentActor.for_partner(partners["a"].pk)
    shipment = _put(direct, S.READY_FOR_PICKUP)

    first = _step(shipment, S.ACCEPTED, a, idempotency_key="offline-1")
    second = _step(shipment, S.ACCEPTED, a, idempotency_key="offline-1")

    assert (first.replayed, second.replayed) == (False, True)
    assert second.event.pk == first.event.pk
    assert shipment.events.filter(to_status=S.ACCEPTED).count() == 1


def test_a_step_resent_after_later_steps_is_still_a_no_op(direct, partners):
    a = ShipmentActor.for_partner(partners["a"].pk)
    shipment = _put(direct, S.ACCEPTED)
    _step(shipment, S.PICKED_UP, a, idempotency_key="k-pickup")
    _step(shipment, S.IN_TRANSIT, a, idempotency_key="k-transit")
    before = _state(shipment)

    replay = _step(shipment, S.PICKED_UP, a, idempotency_key="k-pickup")

    assert replay.replayed is True
    assert replay.shipment.status == S.IN_TRANSIT
    assert _state(shipment) == before


def test_a_key_reused_for_another_step_is_refused(direct, partners):
    a = ShipmentActor.for_partner(partners["a"].pk)
    shipment = _put(direct, S.ACCEPTED)
    _step(shipment, S.PICKED_UP, a, idempotency_key="k-1")
    before = _state(shipment)

    refused = _refused(shipment, S.IN_TRANSIT, a, idempotency_key="k-1")

    assert _code(refused) == ShipmentErrorCode.IDEMPOTENCY_KEY_REUSED
    assert _state(shipment) == before


@pytest.mark.parametrize("key", ["a" * 65, "has space", "é", "semi;colon"])
def test_a_malformed_idempotency_key_is_refused(direct, key):
    before = _state(direct)

    assert _code(_refused(direct, S.READY_FOR_PICKUP, STAFF, idempotency_key=key)) == (
        ShipmentErrorCode.INVALID)
    assert _state(direct) == before


def test_a_step_recorded_offline_keeps_its_time_but_never_a_future_one(direct, partners):
    from datetime import timedelta

    from django.utils import timezone

    shipment = _put(direct, S.READY_FOR_PICKUP, created_at=timezone.now() - timedelta(hours=2))
    a = ShipmentActor.for_partner(partners["a"].pk)
    earlier = timezone.now() - timedelta(hours=1)
    too_early = timezone.now() - timedelta(days=3)

    accepted = _step(shipment, S.ACCEPTED, a, occurred_at=earlier).event
    picked = _step(shipment, S.PICKED_UP, a,
                   occurred_at=timezone.now() + timedelta(days=1)).event
    moving = _step(shipment, S.IN_TRANSIT, a, occurred_at=too_early).event

    assert accepted.occurred_at == earlier
    assert picked.occurred_at <= timezone.now()
    assert moving.occurred_at == shipment.created_at


def test_events_are_append_only(direct):
    event = direct.events.get()
    event.note = "rewritten"

    with pytest.raises(ValueError):
        event.save()


# --- cancellation of the order -----------------------------------------------------------------

@pytest.fixture
def placed(channel):
    saffron = make_listed_product(channel=channel, price="60.00")
    honey = make_listed_product(channel=channel, price="220.00",
                                cooperative=CooperativeFactory(city_slug="azilal"))
    checkout = ready_checkout(channel, [(saffron.default_variant, 2), (honey.default_variant, 1)])
    return checkout_complete(checkout_token=checkout.token).order


def _order_state(order: Order) -> tuple:
    return (Order.objects.get(pk=order.pk).status,
            sorted(Stock.objects.filter(variant__order_lines__order=order)
                   .values_list("pk", "quantity_allocated")),
            sorted(order.shipments.values_list("pk", "status")),
            ShipmentEvent.objects.filter(shipment__order=order).count())


def test_a_customer_cancelling_before_preparation_cancels_every_shipment(placed):
    order_cancel(order=placed)

    assert {s.status for s in placed.shipments.all()} == {S.CANCELED}
    cancels = ShipmentEvent.objects.filter(shipment__order=placed, to_status=S.CANCELED)
    assert [e.actor_kind for e in cancels] == [ActorKind.CUSTOMER] * 2
    assert not Stock.objects.filter(variant__order_lines__order=placed,
                                    quantity_allocated__gt=0).exists()


def test_the_customer_cannot_cancel_once_a_parcel_is_ready(placed):
    first = placed.shipments.order_by("pk").first()
    _step(first, S.READY_FOR_PICKUP, ShipmentActor.for_cooperative(first.cooperative_id))
    before = _order_state(placed)

    with pytest.raises(DomainError) as refused:
        order_cancel(order=placed)

    assert refused.value.errors[0].code == OrderErrorCode.CANNOT_CANCEL_ORDER
    assert _order_state(placed) == before
    assert before[0] == OrderStatus.UNFULFILLED


def test_a_network_admin_can_cancel_a_ready_parcel_but_not_one_on_the_road(placed):
    first, second = placed.shipments.order_by("pk")
    _step(first, S.READY_FOR_PICKUP, STAFF)
    _put(second, S.PICKED_UP)
    before = _order_state(placed)

    with pytest.raises(DomainError) as refused:
        order_cancel(order=placed, by_staff=True)

    assert refused.value.errors[0].code == OrderErrorCode.CANNOT_CANCEL_ORDER
    assert _order_state(placed) == before

    _put(second, S.ACCEPTED)
    order_cancel(order=placed, by_staff=True)

    assert {s.status for s in placed.shipments.all()} == {S.CANCELED}


# --- concurrency -------------------------------------------------------------------------------

def _race(calls):
    barrier = threading.Barrier(len(calls))
    outcomes: list = [None] * len(calls)

    def run(index, call):
        barrier.wait()
        try:
            outcomes[index] = call()
        except DomainError as exc:
            outcomes[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return outcomes


def _ready_shipment_for_race(partner) -> Shipment:
    channel = ChannelFactory()
    order = _order(channel, [(CooperativeFactory(), [("60.00", 100)], "25.00",
                              _legs((partner, "taliouine", "agadir")))])
    return _put(create_for_order(order=order)[0], S.READY_FOR_PICKUP)


@pytest.mark.django_db(transaction=True)
def test_two_couriers_and_a_rival_partner_accepting_at_once_make_one_winner():
    """Only the offered partner may accept; two of its couriers click at the same moment, and
    a rival partner tries too: the row lock lets exactly one acceptance through."""
    city("agadir")
    partner = make_partner(regions=("MA-09",), slug="souss-express")
    rival = make_partner(regions=("MA-09",), slug="rival-coursiers")
    shipment = _ready_shipment_for_race(partner)
    couriers = [UserFactory(email=f"courier{i}@souss.ma") for i in range(2)]
    actors = [ShipmentActor.for_partner(partner.pk, user) for user in couriers]
    actors.append(ShipmentActor.for_partner(rival.pk))

    outcomes = _race([lambda actor=actor: shipment_transition(
        shipment_id=shipment.pk, to_status=S.ACCEPTED, actor=actor) for actor in actors])

    won = [o for o in outcomes[:2] if not isinstance(o, DomainError)]
    lost = [o for o in outcomes[:2] if isinstance(o, DomainError)]
    assert len(won) == 1 and len(lost) == 1
    assert _code(lost[0]) == ShipmentErrorCode.ALREADY_ACCEPTED
    assert _code(outcomes[2]) == ShipmentErrorCode.NOT_FOUND
    accepted = ShipmentEvent.objects.filter(shipment=shipment, to_status=S.ACCEPTED).get()
    assert accepted.actor_user_id == won[0].event.actor_user_id
    assert Shipment.objects.get(pk=shipment.pk).status == S.ACCEPTED


@pytest.mark.django_db(transaction=True)
def test_the_same_step_sent_twice_at_once_records_one_event():
    city("agadir")
    partner = make_partner(regions=("MA-09",), slug="souss-express")
    shipment = _ready_shipment_for_race(partner)
    actor = ShipmentActor.for_partner(partner.pk)

    outcomes = _race([lambda: shipment_transition(
        shipment_id=shipment.pk, to_status=S.ACCEPTED, actor=actor,
        idempotency_key="tap-1")] * 2)

    assert sorted(o.replayed for o in outcomes) == [False, True]
    assert ShipmentEvent.objects.filter(shipment=shipment, to_status=S.ACCEPTED).count() == 1


# --- admin -------------------------------------------------------------------------------------

def test_the_admin_shows_shipments_read_only_without_the_code_salt(admin_client, relay):
    listing = admin_client.get("/admin/fulfillment/shipment/")
    page = admin_client.get(f"/admin/fulfillment/shipment/{relay.pk}/change/")

    assert listing.status_code == 200 and relay.tracking_number in listing.text
    assert page.status_code == 200
    assert relay.delivery_code_salt not in page.text
    assert admin_client.post(f"/admin/fulfillment/shipment/{relay.pk}/delete/",
                             {"post": "yes"}).status_code == 403
    assert Shipment.objects.filter(pk=relay.pk).exists()
