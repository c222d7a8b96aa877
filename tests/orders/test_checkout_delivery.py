"""Choosing a delivery per cooperative's parcel: quotes, snapshots, refusals, stale choices."""
from __future__ import annotations

import base64
from decimal import Decimal

import pytest

from backend.accounts.models import Address
from backend.core.errors import DomainError
from backend.orders.error_codes import CheckoutErrorCode
from backend.orders.models import Checkout, CheckoutDelivery, CheckoutLine, Order
from backend.orders.services.checkout_complete import checkout_complete
from backend.orders.services.checkout_delivery import (
    checkout_delivery_options,
    checkout_delivery_set,
)
from backend.orders.services.checkout_lines import LineInput, checkout_create
from backend.payments.gateways import CASH_ON_DELIVERY
from catalog.models import Stock
from fulfillment.models import PartnerStatus
from fulfillment.routing import ShortCircuitLevel
from tests.factories.catalog import CooperativeFactory, city, make_listed_product
from tests.factories.fulfillment import make_partner


@pytest.fixture
def network(db):
    """A Souss-Massa courier, and a national carrier serving Béni Mellal-Khénifra too."""
    return {
        "souss": make_partner(regions=("MA-09",), slug="souss-express", name="Souss Express"),
        "atlas": make_partner(regions=("MA-05", "MA-09"), slug="atlas-trans", name="Atlas Trans",
                              pricing={"base_fee": Decimal("30.00")}),
    }


@pytest.fixture
def saffron(channel):
    return make_listed_product(channel=channel, price="60.00", name="Safran",
                               cooperative=CooperativeFactory(city_slug="taliouine"))


@pytest.fixture
def honey(channel):
    return make_listed_product(channel=channel, price="220.00", name="Miel",
                               cooperative=CooperativeFactory(city_slug="azilal"))


def _checkout(channel, items, *, address: bool = True) -> Checkout:
    checkout = checkout_create(channel=channel, email="buyer@example.ma",
                               lines=[LineInput(p.default_variant_id, q) for p, q in items])
    if address:
        checkout.shipping_address = Address.objects.create(
            first_name="Amina", street_address_1="12 rue Tiznit", city="AGADIR",
            postal_code="80000", phone="+212612345678", city_ref=city("agadir"))
    checkout.payment_gateway = CASH_ON_DELIVERY
    checkout.save()
    return checkout


@pytest.fixture
def basket(channel, network, saffron, honey) -> Checkout:
    """Two saffron boxes from Taliouine and one honey jar from Azilal, to Agadir."""
    return _checkout(channel, [(saffron, 2), (honey, 1)])


def _snapshot(checkout: Checkout) -> list[tuple]:
    return list(CheckoutDelivery.objects.filter(checkout=checkout).order_by("cooperative_id")
                .values_list("cooperative_id", "option_id", "price_amount", "legs"))


def _refusal(call) -> DomainError:
    with pytest.raises(DomainError) as refused:
        call()
    return refused.value


def test_options_have_one_group_per_cooperative_in_cart_order(basket, saffron, honey, network):
    groups = checkout_delivery_options(checkout=basket)

    assert [g.cooperative.pk for g in groups] == [saffron.cooperative_id, honey.cooperative_id]
    taliouine, azilal = groups
    assert [o.partners[0].slug for o in taliouine.quote.options] == ["souss-express",
                                                                     "atlas-trans"]
    assert taliouine.quote.best.level is ShortCircuitLevel.REGIONAL
    assert [o.partners[0].slug for o in azilal.quote.options] == ["atlas-trans"]
    assert azilal.quote.best.level is ShortCircuitLevel.NATIONAL_DIRECT
    assert taliouine.weight_grams == 100 and azilal.weight_grams == 50
    assert all(g.option_id(o).startswith(f"{g.cooperative.pk}/")
               for g in groups for o in g.quote.options)


def test_options_need_a_shipping_address(channel, network, saffron):
    checkout = _checkout(channel, [(saffron, 1)], address=False)

    refused = _refusal(lambda: checkout_delivery_options(checkout=checkout))

    assert [(e.code, e.field) for e in refused.errors] == [
        (CheckoutErrorCode.SHIPPING_ADDRESS_NOT_SET, "shippingAddress")]


def test_options_cost_nine_queries_whatever_the_cart_holds(channel, network, saffron, honey,
                                                           django_assert_num_queries):
    small = _checkout(channel, [(saffron, 1)])
    more = [make_listed_product(channel=channel, cooperative=CooperativeFactory(city_slug=c))
            for c in ("agadir", "tiznit", "taroudant", "azilal")]
    large = _checkout(channel, [(saffron, 1), (honey, 2), *((p, 1) for p in more)])

    with django_assert_num_queries(9):
        assert len(checkout_delivery_options(checkout=small)) == 1
    with django_assert_num_queries(9):
        assert len(checkout_delivery_options(checkout=large)) == 6


def test_setting_an_option_stores_its_snapshot_for_that_cooperative_only(basket, saffron,
                                                                         network):
    group = checkout_delivery_options(checkout=basket)[0]
    chosen = group.quote.options[1]  # Atlas Trans, not the recommended one

    checkout_delivery_set(checkout=basket, delivery_method_id=group.option_id(chosen))

    delivery = CheckoutDelivery.objects.get(checkout=basket)
    assert delivery.cooperative_id == saffron.cooperative_id
    assert delivery.option_id == group.option_id(chosen)
    assert delivery.price_amount == chosen.price
    assert (delivery.minimum_delivery_days, delivery.maximum_delivery_days) == (
        chosen.min_days, chosen.max_days)
    assert delivery.distance_km == chosen.km
    assert delivery.co2_grams == chosen.co2_grams
    assert delivery.short_circuit_level == "REGIONAL"
    assert [leg["partner_slug"] for leg in delivery.legs] == ["atlas-trans"]
    assert delivery.legs[0]["from_city_id"] == saffron.cooperative.city_id


def test_setting_another_option_of_the_same_parcel_replaces_the_choice(basket, network):
    group = checkout_delivery_options(checkout=basket)[0]
    first, second = group.quote.options[:2]
    checkout_delivery_set(checkout=basket, delivery_method_id=group.option_id(first))

    checkout_delivery_set(checkout=basket, delivery_method_id=group.option_id(second))

    assert [row[1] for row in _snapshot(basket)] == [group.option_id(second)]


def test_one_call_per_group_chooses_every_parcel_and_the_order_keeps_them(basket, network):
    groups = checkout_delivery_options(checkout=basket)
    for group in groups:
        checkout_delivery_set(checkout=basket, delivery_method_id=group.option_id(group.quote.best))

    order = checkout_complete(checkout_token=basket.token).order

    kept = {d.cooperative_id: (d.option_id, d.price_amount) for d in order.deliveries.all()}
    assert kept == {g.cooperative.pk: (g.option_id(g.quote.best), g.quote.best.price)
                    for g in groups}
    assert order.shipping_amount == sum(g.quote.best.price for g in groups)


def test_the_relay_global_id_the_api_exposes_is_accepted(basket, network):
    group = checkout_delivery_options(checkout=basket)[1]
    option_id = group.option_id(group.quote.best)
    global_id = base64.b64encode(f"DeliveryOption:{option_id}".encode()).decode()

    checkout_delivery_set(checkout=basket, delivery_method_id=global_id)

    assert [row[1] for row in _snapshot(basket)] == [option_id]


@pytest.mark.parametrize("malformed", [
    "", "   ", "abc", "12", "12/", "/3", "0/3", "12/3@", "12/3@4", "x/3", "12/3/4",
    base64.b64encode(b"ShippingMethod:12/3").decode(), "1" * 300 + "/3",
])
def test_a_malformed_id_is_invalid_and_changes_nothing(basket, network, malformed):
    group = checkout_delivery_options(checkout=basket)[0]
    checkout_delivery_set(checkout=basket, delivery_method_id=group.option_id(group.quote.best))
    before, updated_at = _snapshot(basket), Checkout.objects.get(pk=basket.pk).updated_at

    refused = _refusal(lambda: checkout_delivery_set(checkout=basket,
                                                     delivery_method_id=malformed))

    assert [(e.code, e.field) for e in refused.errors] == [
        (CheckoutErrorCode.INVALID, "deliveryMethodId")]
    assert _snapshot(basket) == before
    assert Checkout.objects.get(pk=basket.pk).updated_at == updated_at


def test_an_id_not_among_the_options_is_not_applicable_and_changes_nothing(basket, saffron,
                                                                           honey, network):
    taliouine = checkout_delivery_options(checkout=basket)[0]
    checkout_delivery_set(checkout=basket,
                          delivery_method_id=taliouine.option_id(taliouine.quote.best))
    before, updated_at = _snapshot(basket), Checkout.objects.get(pk=basket.pk).updated_at
    souss = network["souss"].pk
    not_offered = [
        f"{honey.cooperative_id}/{souss}",  # Souss Express does not pick up in Azilal
        f"{saffron.cooperative_id}/999999",  # no such partner
        f"{saffron.cooperative_id}/{souss}@{city('marrakech').pk}:{network['atlas'].pk}",
        f"{CooperativeFactory().pk}/{souss}",  # a cooperative that is not in the cart
    ]

    for option_id in not_offered:
        refused = _refusal(lambda option_id=option_id: checkout_delivery_set(
            checkout=basket, delivery_method_id=option_id))

        assert [(e.code, e.field) for e in refused.errors] == [
            (CheckoutErrorCode.DELIVERY_METHOD_NOT_APPLICABLE, "deliveryMethodId")], option_id
    assert _snapshot(basket) == before
    assert Checkout.objects.get(pk=basket.pk).updated_at == updated_at


def test_a_suspended_partner_is_no_longer_applicable(basket, network):
    group = checkout_delivery_options(checkout=basket)[0]
    option_id = group.option_id(group.quote.best)
    network["souss"].status = PartnerStatus.SUSPENDED
    network["souss"].save()

    refused = _refusal(lambda: checkout_delivery_set(checkout=basket,
                                                     delivery_method_id=option_id))

    assert refused.errors[0].code == CheckoutErrorCode.DELIVERY_METHOD_NOT_APPLICABLE
    assert _snapshot(basket) == []


def test_setting_without_address_is_refused_and_changes_nothing(channel, network, saffron):
    checkout = _checkout(channel, [(saffron, 1)], address=False)

    refused = _refusal(lambda: checkout_delivery_set(
        checkout=checkout, delivery_method_id=f"{saffron.cooperative_id}/{network['souss'].pk}"))

    assert refused.errors[0].code == CheckoutErrorCode.SHIPPING_ADDRESS_NOT_SET
    assert _snapshot(checkout) == []


def test_setting_on_a_completed_checkout_is_not_found(basket, network):
    groups = checkout_delivery_options(checkout=basket)
    for group in groups:
        checkout_delivery_set(checkout=basket, delivery_method_id=group.option_id(group.quote.best))
    checkout_complete(checkout_token=basket.token)

    refused = _refusal(lambda: checkout_delivery_set(
        checkout=basket, delivery_method_id=groups[0].option_id(groups[0].quote.best)))

    assert refused.errors[0].code == CheckoutErrorCode.NOT_FOUND


def test_a_choice_for_a_cooperative_no_longer_in_the_cart_is_dropped_on_the_next_choice(
        basket, saffron, honey, network):
    for group in checkout_delivery_options(checkout=basket):
        checkout_delivery_set(checkout=basket, delivery_method_id=group.option_id(group.quote.best))
    CheckoutLine.objects.filter(checkout=basket, variant=honey.default_variant).delete()
    group = checkout_delivery_options(checkout=basket)[0]

    checkout_delivery_set(checkout=basket, delivery_method_id=group.option_id(group.quote.best))

    assert [row[0] for row in _snapshot(basket)] == [saffron.cooperative_id]


def test_completion_refuses_a_delivery_that_is_no_longer_offered(basket, saffron, network):
    for group in checkout_delivery_options(checkout=basket):
        checkout_delivery_set(checkout=basket, delivery_method_id=group.option_id(group.quote.best))
    network["souss"].status = PartnerStatus.SUSPENDED
    network["souss"].save()

    refused = _refusal(lambda: checkout_complete(checkout_token=basket.token))

    assert [(e.code, e.field) for e in refused.errors] == [
        (CheckoutErrorCode.DELIVERY_METHOD_NOT_APPLICABLE, "deliveryMethodId")]
    assert Order.objects.count() == 0
    assert Stock.objects.get(variant=saffron.default_variant).quantity_allocated == 0
    assert len(_snapshot(basket)) == 2


def test_completion_refuses_a_delivery_of_a_cooperative_whose_lines_were_removed(
        basket, saffron, honey, network):
    for group in checkout_delivery_options(checkout=basket):
        checkout_delivery_set(checkout=basket, delivery_method_id=group.option_id(group.quote.best))
    CheckoutLine.objects.filter(checkout=basket, variant=honey.default_variant).delete()

    refused = _refusal(lambda: checkout_complete(checkout_token=basket.token))

    assert refused.errors[0].code == CheckoutErrorCode.DELIVERY_METHOD_NOT_APPLICABLE
    assert Order.objects.count() == 0


def test_completion_costs_the_same_queries_for_one_or_many_cooperatives(
        channel, network, saffron, honey):
    """The delivery re-check and the shipments add a fixed number of queries (lines, their
    allocations and stock rows are still written one by one by ``_allocate``/``_create_order``)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def completion_queries(items) -> int:
        checkout = _checkout(channel, items)
        for group in checkout_delivery_options(checkout=checkout):
            checkout_delivery_set(checkout=checkout,
                                  delivery_method_id=group.option_id(group.quote.best))
        with CaptureQueriesContext(connection) as captured:
            checkout_complete(checkout_token=checkout.token)
        per_line = [q for q in captured.captured_queries
                    if q["sql"].startswith(('INSERT INTO "orders_orderline"',
                                            'INSERT INTO "orders_allocation"',
                                            'UPDATE "catalog_stock"'))]
        return len(captured.captured_queries) - len(per_line)

    one = completion_queries([(saffron, 1)])
    two = completion_queries([(saffron, 1), (honey, 1)])

    assert one == two
