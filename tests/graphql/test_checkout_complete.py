"""checkoutComplete: the order is placed once, refusals change nothing, nobody completes or
reads another customer's checkout, and the cost in SQL queries does not grow with the lines."""
from __future__ import annotations

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.orders.models import Checkout, CheckoutDelivery, Order
from backend.payments.gateways import DUMMY
from catalog.models import ProductChannelListing, ProductVariantChannelListing, Stock
from fulfillment.models import Partner, PartnerStatus
from tests.factories.catalog import CooperativeFactory, make_listed_product
from tests.graphql.checkout_helpers import ERRORS, checkout_gid, variant_gid
from tests.graphql.conftest import gid
from tests.orders.conftest import ready_checkout

pytestmark = pytest.mark.django_db

COMPLETE = f"""mutation($id: ID, $token: UUID) {{ checkoutComplete(id: $id, token: $token) {{
  {ERRORS} checkoutErrors {{ code }} confirmationNeeded confirmationData
  order {{ id number status userEmail isPaid chargeStatus authorizeStatus canCancel
    channel {{ slug }} languageCodeEnum checkoutId paymentGateway
    total {{ gross {{ amount currency }} }} subtotal {{ gross {{ amount }} }}
    shippingPrice {{ gross {{ amount }} }}
    lines {{ productName variantName productSku quantity productVariantId variant {{ id }}
             unitPrice {{ gross {{ amount }} }} totalPrice {{ gross {{ amount }} }}
             cooperative {{ name }} thumbnail {{ url }} }}
    cooperativeDeliveries {{ cooperative {{ name }} price {{ amount }} shortCircuitLevel }} }}
}} }}"""
CHECKOUT = """query($id: ID!) { checkout(id: $id) {
  id quantity lines { id quantity
    variant { id name sku quantityAvailable pricing { price { gross { amount } } }
              product { name slug thumbnail { url } cooperative { name }
                        pricing { priceRange { start { gross { amount } } } } } }
    unitPrice { gross { amount } } totalPrice { gross { amount } }
    undiscountedUnitPrice { amount } problems { __typename } }
  subtotalPrice { gross { amount } } shippingPrice { gross { amount } }
  totalPrice { gross { amount } } totalBalance { amount } chargeStatus authorizeStatus
  problems { __typename } delivery { id } availablePaymentGateways { id } } }"""


@pytest.fixture
def ready(channel, saffron_variant, argan_variant):
    """A guest checkout from two cooperatives: 2 x 60 + 1 x 120, two parcels at 25.00, cash on
    delivery."""
    return ready_checkout(channel, [(saffron_variant, 2), (argan_variant, 1)])


def _complete(graphql, checkout) -> dict:
    return graphql(COMPLETE, id=checkout_gid(checkout))["data"]["checkoutComplete"]


def _nothing_placed(checkout) -> None:
    assert Order.objects.count() == 0
    assert Checkout.objects.filter(token=checkout.token).exists()
    assert set(Stock.objects.values_list("quantity_allocated", flat=True)) == {0}


def test_completing_a_checkout_places_the_order(graphql, ready, saffron_variant):
    result = _complete(graphql, ready)

    assert result["errors"] == [] and result["checkoutErrors"] == []
    assert result["confirmationNeeded"] is False
    order = result["order"]
    stored = Order.objects.get()
    assert order["id"] == gid("Order", stored.pk)
    assert order["number"] == str(stored.number)
    assert (order["status"], order["isPaid"], order["chargeStatus"], order["canCancel"]) == (
        "UNFULFILLED", False, "NONE", True)
    assert order["userEmail"] == "buyer@example.ma"
    assert order["checkoutId"] == checkout_gid(ready)
    assert order["paymentGateway"] == "coopstore.cash-on-delivery"
    assert order["subtotal"]["gross"]["amount"] == 240.0
    assert order["shippingPrice"]["gross"]["amount"] == 50.0
    assert order["total"]["gross"] == {"amount": 290.0, "currency": "MAD"}
    assert [(line["productName"], line["quantity"], line["unitPrice"]["gross"]["amount"],
             line["totalPrice"]["gross"]["amount"], line["cooperative"]["name"])
            for line in order["lines"]] == [
        ("Huile d'argan", 1, 120.0, 120.0, "Coopérative Argan"),
        ("Safran de Taliouine", 2, 60.0, 120.0, "Coopérative Safran")]
    saffron_line = order["lines"][1]
    assert saffron_line["variant"] == {"id": variant_gid(saffron_variant)}
    assert saffron_line["productVariantId"] == variant_gid(saffron_variant)
    assert saffron_line["productSku"] == saffron_variant.sku
    assert sorted(d["price"]["amount"] for d in order["cooperativeDeliveries"]) == [25.0, 25.0]
    assert not Checkout.objects.filter(token=ready.token).exists()
    assert Stock.objects.get(variant=saffron_variant).quantity_allocated == 2


def test_completing_the_same_checkout_again_returns_the_same_order(graphql, ready):
    first = _complete(graphql, ready)

    again = _complete(graphql, ready)
    by_token = graphql(COMPLETE, token=str(ready.token))["data"]["checkoutComplete"]

    assert again["errors"] == [] and by_token["errors"] == []
    assert again["order"]["id"] == by_token["order"]["id"] == first["order"]["id"]
    assert Order.objects.count() == 1


def _no_lines(checkout):
    checkout.lines.all().delete()


def _no_email(checkout):
    Checkout.objects.filter(pk=checkout.pk).update(email="")


def _no_address(checkout):
    Checkout.objects.filter(pk=checkout.pk).update(shipping_address=None)


def _no_delivery(checkout):
    CheckoutDelivery.objects.filter(checkout=checkout).delete()


def _no_payment(checkout):
    Checkout.objects.filter(pk=checkout.pk).update(payment_gateway="")


def _unpaid_card(checkout):
    Checkout.objects.filter(pk=checkout.pk).update(payment_gateway=DUMMY)


def _no_stock(checkout):
    Stock.objects.filter(variant__in=checkout.lines.values("variant")).update(quantity=0)


def _unpublished(checkout):
    ProductChannelListing.objects.update(is_published=False)


def _unpriced(checkout):
    ProductVariantChannelListing.objects.all().delete()


def _courier_suspended(checkout):
    Partner.objects.update(status=PartnerStatus.SUSPENDED)


@pytest.mark.parametrize(("spoil", "code", "field"), [
    (_no_lines, "NO_LINES", "lines"),
    (_no_email, "EMAIL_NOT_SET", "email"),
    (_no_address, "SHIPPING_ADDRESS_NOT_SET", "shippingAddress"),
    (_no_delivery, "SHIPPING_METHOD_NOT_SET", "deliveryMethod"),
    (_no_payment, "PAYMENT_ERROR", "paymentGateway"),
    (_unpaid_card, "CHECKOUT_NOT_FULLY_PAID", "id"),
    (_no_stock, "INSUFFICIENT_STOCK", "lines"),
    (_unpublished, "PRODUCT_NOT_PUBLISHED", "lines"),
    (_unpriced, "UNAVAILABLE_VARIANT_IN_CHANNEL", "lines"),
    (_courier_suspended, "DELIVERY_METHOD_NOT_APPLICABLE", "deliveryMethodId"),
])
def test_a_refused_completion_places_nothing(graphql, settings, ready, spoil, code, field):
    settings.DUMMY_PAYMENTS_ENABLED = True
    spoil(ready)

    result = _complete(graphql, ready)

    assert result["order"] is None
    assert code in [e["code"] for e in result["errors"]]
    assert (code, field) in [(e["code"], e["field"]) for e in result["errors"]]
    assert result["checkoutErrors"] == [{"code": e["code"]} for e in result["errors"]]
    _nothing_placed(ready)


def test_insufficient_stock_names_the_variant(graphql, ready, saffron_variant):
    Stock.objects.filter(variant=saffron_variant).update(quantity=1)

    result = _complete(graphql, ready)

    assert [(e["code"], e["variants"]) for e in result["errors"]] == [
        ("INSUFFICIENT_STOCK", [variant_gid(saffron_variant)])]
    _nothing_placed(ready)


@pytest.mark.parametrize(("checkout_id", "code"), [
    (gid("Checkout", uuid.uuid4()), "NOT_FOUND"), ("nope", "GRAPHQL_ERROR"),
    ("\x00", "GRAPHQL_ERROR"), (gid("Checkout", 7), "GRAPHQL_ERROR")])
def test_an_unknown_or_malformed_checkout_is_a_clean_error(graphql, checkout_id, code):
    result = graphql(COMPLETE, id=checkout_id)["data"]["checkoutComplete"]

    assert [(e["code"], e["field"]) for e in result["errors"]] == [(code, "id")]
    assert Order.objects.count() == 0


def test_nobody_completes_another_customers_checkout(graphql, api_login, channel, customer,
                                                     other_customer, saffron_variant):
    theirs = ready_checkout(channel, [(saffron_variant, 1)])
    Checkout.objects.filter(pk=theirs.pk).update(user=customer)
    api_login(other_customer)

    result = _complete(graphql, theirs)

    assert [e["code"] for e in result["errors"]] == ["NOT_FOUND"]
    _nothing_placed(theirs)


def test_once_placed_a_customers_order_is_not_given_to_someone_else_with_the_checkout_id(
        graphql, api_login, client, channel, customer, other_customer, saffron_variant):
    mine = ready_checkout(channel, [(saffron_variant, 1)])
    Checkout.objects.filter(pk=mine.pk).update(user=customer)
    api_login(customer)
    placed = _complete(graphql, mine)
    api_login(other_customer)

    again = _complete(graphql, mine)
    client.defaults.pop("HTTP_AUTHORIZATION")
    anonymous = _complete(graphql, mine)

    assert placed["errors"] == [] and placed["order"]
    assert [e["code"] for e in again["errors"]] == ["NOT_FOUND"] and again["order"] is None
    assert [e["code"] for e in anonymous["errors"]] == ["NOT_FOUND"]


def _basket(channel, count: int) -> list:
    """``count`` products from as many cooperatives in two cities."""
    return [make_listed_product(channel=channel, cooperative=CooperativeFactory(
        city_slug="agadir" if index % 2 else "taliouine")).default_variant
        for index in range(count)]


def _queries(graphql, query: str, **variables) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as queries:
        body = graphql(query, **variables)
    return len(queries.captured_queries), body


def test_reading_a_checkout_costs_the_same_with_2_or_10_lines(graphql, channel):
    small = ready_checkout(channel, [(v, 1) for v in _basket(channel, 2)])
    large = ready_checkout(channel, [(v, 1) for v in _basket(channel, 10)])

    small_count, small_body = _queries(graphql, CHECKOUT, id=checkout_gid(small))
    large_count, large_body = _queries(graphql, CHECKOUT, id=checkout_gid(large))

    assert "errors" not in small_body and "errors" not in large_body
    assert len(large_body["data"]["checkout"]["lines"]) == 10
    # + promotion rules (for the totals and for the variants' pricing), voucher, gift cards
    assert small_count == large_count == 26


def test_completing_a_checkout_costs_the_same_with_2_or_10_lines(graphql, channel):
    small = ready_checkout(channel, [(v, 1) for v in _basket(channel, 2)])
    large = ready_checkout(channel, [(v, 1) for v in _basket(channel, 10)])

    small_count, small_body = _queries(graphql, COMPLETE, id=checkout_gid(small))
    large_count, large_body = _queries(graphql, COMPLETE, id=checkout_gid(large))

    assert small_body["data"]["checkoutComplete"]["errors"] == []
    assert large_body["data"]["checkoutComplete"]["errors"] == []
    assert small_count == large_count, (small_count, large_count)
