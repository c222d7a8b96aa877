"""Placing orders: snapshots, totals, idempotency and no oversell under real concurrency."""
from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from django.db import connection

from backend.core.errors import DomainError
from backend.orders.error_codes import CheckoutErrorCode
from backend.orders.models import Checkout, Order
from backend.orders.services.checkout_complete import checkout_complete
from catalog.models import Stock
from tests.factories.catalog import CooperativeFactory, make_listed_product
from tests.orders.conftest import ready_checkout


def test_completing_a_checkout_places_one_order_with_snapshots(channel, make_ready_checkout):
    saffron = make_listed_product(channel=channel, price="60.00", name="Safran pur")
    honey = make_listed_product(channel=channel, price="220.00", name="Miel d'euphorbe",
                                cooperative=CooperativeFactory(city_slug="azilal"))
    checkout = make_ready_checkout(channel, [(saffron.default_variant, 2),
                                             (honey.default_variant, 1)])

    result = checkout_complete(checkout_token=checkout.token)

    order = result.order
    assert result.created is True
    assert order.subtotal_amount == Decimal("340.00")
    assert order.shipping_amount == Decimal("50.00")
    assert order.total_amount == Decimal("390.00")
    assert order.status == "unfulfilled"
    lines = {line.product_name: line for line in order.lines.all()}
    assert lines["Safran pur"].unit_price_amount == Decimal("60.00")
    assert lines["Safran pur"].quantity == 2
    assert lines["Safran pur"].product_sku == saffron.default_variant.sku
    assert lines["Safran pur"].cooperative_id == saffron.cooperative_id
    assert order.deliveries.count() == 2
    assert Stock.objects.get(variant=saffron.default_variant).quantity_allocated == 2
    assert not Checkout.objects.filter(token=checkout.token).exists()


def test_completing_the_same_checkout_twice_returns_the_same_order(channel, product,
                                                                    make_ready_checkout):
    checkout = make_ready_checkout(channel, [(product.default_variant, 1)])
    first = checkout_complete(checkout_token=checkout.token)

    second = checkout_complete(checkout_token=checkout.token)

    assert second.created is False
    assert second.order.pk == first.order.pk
    assert Order.objects.count() == 1
    assert Stock.objects.get(variant=product.default_variant).quantity_allocated == 1


def test_refused_completion_changes_nothing(channel, product, make_ready_checkout):
    checkout = make_ready_checkout(channel, [(product.default_variant, 3)])
    Stock.objects.filter(variant=product.default_variant).update(quantity=2)

    with pytest.raises(DomainError) as refused:
        checkout_complete(checkout_token=checkout.token)

    assert [e.code for e in refused.value.errors] == [CheckoutErrorCode.INSUFFICIENT_STOCK]
    assert refused.value.errors[0].variants == (product.default_variant.pk,)
    assert Order.objects.count() == 0
    assert Stock.objects.get(variant=product.default_variant).quantity_allocated == 0
    assert Checkout.objects.filter(token=checkout.token).exists()


def _race(targets):
    barrier = threading.Barrier(len(targets))
    outcomes: list = [None] * len(targets)

    def run(index, token):
        barrier.wait()
        try:
            outcomes[index] = checkout_complete(checkout_token=token)
        except DomainError as exc:
            outcomes[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, t)) for i, t in enumerate(targets)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_twenty_buyers_racing_for_five_units_get_exactly_five_orders():
    from tests.factories.catalog import ChannelFactory

    channel = ChannelFactory()
    product = make_listed_product(channel=channel, quantity=5)
    variant = product.default_variant
    tokens = [ready_checkout(channel, [(variant, 1)], email=f"b{i}@example.ma").token
              for i in range(20)]

    outcomes = _race(tokens)

    placed = [o for o in outcomes if not isinstance(o, DomainError)]
    refused = [o for o in outcomes if isinstance(o, DomainError)]
    assert len(placed) == 5
    assert len(refused) == 15
    assert all(e.errors[0].code == CheckoutErrorCode.INSUFFICIENT_STOCK for e in refused)
    assert all(e.errors[0].variants == (variant.pk,) for e in refused)
    stock = Stock.objects.get(variant=variant)
    assert stock.quantity_allocated == 5
    assert Order.objects.count() == 5


@pytest.mark.django_db(transaction=True)
def test_completing_one_checkout_twice_in_parallel_gives_one_order():
    from tests.factories.catalog import ChannelFactory

    channel = ChannelFactory()
    product = make_listed_product(channel=channel, quantity=5)
    token = ready_checkout(channel, [(product.default_variant, 2)]).token

    outcomes = _race([token, token])

    assert not any(isinstance(o, DomainError) for o in outcomes)
    assert {o.order.pk for o in outcomes} == {Order.objects.get().pk}
    assert sorted(o.created for o in outcomes) == [False, True]
    assert Stock.objects.get(variant=product.default_variant).quantity_allocated == 2


def _complete_queries(channel, make_ready_checkout, lines: int, cooperatives: int) -> int:
    from django.db import connection as conn
    from django.test.utils import CaptureQueriesContext

    coops = [CooperativeFactory() for _ in range(cooperatives)]
    variants = [make_listed_product(channel=channel, cooperative=coops[i % cooperatives])
                .default_variant for i in range(lines)]
    checkout = make_ready_checkout(channel, [(v, 1) for v in variants])
    with CaptureQueriesContext(conn) as captured:
        checkout_complete(checkout_token=checkout.token)
    return len(captured.captured_queries)


def test_checkout_complete_costs_the_same_queries_for_2_or_10_lines(channel,
                                                                    make_ready_checkout):
    two = _complete_queries(channel, make_ready_checkout, lines=2, cooperatives=2)
    ten = _complete_queries(channel, make_ready_checkout, lines=10, cooperatives=2)

    assert two == ten


def test_removing_the_last_line_of_a_cooperative_drops_its_delivery(channel,
                                                                     make_ready_checkout):
    from backend.orders.services.checkout_lines import LineInput, checkout_lines_update

    saffron = make_listed_product(channel=channel)
    honey = make_listed_product(channel=channel, cooperative=CooperativeFactory())
    checkout = make_ready_checkout(channel, [(saffron.default_variant, 1),
                                             (honey.default_variant, 1)])
    assert checkout.deliveries.count() == 2

    checkout_lines_update(checkout=checkout, lines=[LineInput(honey.default_variant.pk, 0)])

    assert list(checkout.deliveries.values_list("cooperative_id", flat=True)) == [
        saffron.cooperative_id]
