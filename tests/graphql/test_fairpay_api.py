"""Fair pay in the API: ``Order.fairPay`` is the split frozen when the order was placed (a later
policy never changes it) and ``Product.fairPayEstimate`` the split of a product's price under
the policy in force. Both cost a fixed number of queries for a list."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backend.fairpay.models import CooperativeFairPay, SplitPolicy
from backend.orders.models import Order
from backend.orders.services.checkout_complete import checkout_complete
from tests.factories.catalog import CooperativeFactory, make_listed_product
from tests.graphql.conftest import gid
from tests.orders.conftest import ready_checkout

pytestmark = pytest.mark.django_db

FAIR_PAY = "fairPay { payee { type name } amount { amount currency } share }"
ORDER = f"""query($id: ID!) {{ order(id: $id) {{
  id total {{ gross {{ amount }} }} {FAIR_PAY} }} }}"""
MY_ORDERS = f"""query($first: Int!) {{ me {{ orders(first: $first) {{ edges {{ node {{
  id {FAIR_PAY} }} }} }} }} }}"""
ESTIMATE = """fairPayEstimate%s { price { amount currency } policyVersion
  cooperative { amount { amount } share } delivery { amount { amount } share }
  platform { amount { amount } share } solidarity { amount { amount } share } }"""
PRODUCT = """query($slug: String!) { product(slug: $slug, channel: "maroc") { %s } }"""
PRODUCTS = """query($first: Int!) { products(first: $first, channel: "maroc") {
  edges { node { id %s } } } }""" % (ESTIMATE % "")


def _place(channel, variants, user=None) -> Order:
    checkout = ready_checkout(channel, variants)
    if user is not None:
        checkout.user = user
        checkout.save(update_fields=["user"])
    return checkout_complete(checkout_token=checkout.token).order


def _new_policy(**rates) -> SplitPolicy:
    version = (SplitPolicy.objects.order_by("-version").first().version + 1
               if SplitPolicy.objects.exists() else 1)
    return SplitPolicy.objects.create(version=version,
                                      effective_from=timezone.now() - timedelta(seconds=1),
                                      **rates)


def _shares(fair_pay: list[dict]) -> dict[tuple[str, str], float]:
    return {(p["payee"]["type"], p["payee"]["name"]): p["amount"]["amount"] for p in fair_pay}


def test_an_orders_fair_pay_adds_up_to_what_was_paid_and_names_each_payee(
        graphql, api_login, channel, customer, saffron_variant, argan_variant):
    order = _place(channel, [(saffron_variant, 2), (argan_variant, 1)], customer)
    api_login(customer)

    seen = graphql(ORDER, id=gid("Order", order.pk))["data"]["order"]

    parts = seen["fairPay"]
    assert round(sum(p["amount"]["amount"] for p in parts), 2) == seen["total"]["gross"]["amount"]
    assert abs(sum(p["share"] for p in parts) - 1) < 0.001
    assert {p["amount"]["currency"] for p in parts} == {"MAD"}
    shares = _shares(parts)
    # Cash on delivery, published defaults: 8% commission, 1% solidarity, no card fee.
    assert shares[("COOPERATIVE", "Coopérative Safran")] == 109.20
    assert shares[("COOPERATIVE", "Coopérative Argan")] == 109.20
    assert shares[("PARTNER", "Coursier national (tests)")] == 50.0
    assert shares[("PLATFORM", "CoopStore")] == 19.20
    [solidarity] = [p for p in parts if p["payee"]["type"] == "SOLIDARITY_FUND"]
    assert solidarity["amount"]["amount"] == 2.40
    assert solidarity["payee"]["name"]  # "Fonds de solidarité" in the default language
    assert [p["payee"]["type"] for p in parts] == [
        "COOPERATIVE", "COOPERATIVE", "PARTNER", "PLATFORM", "SOLIDARITY_FUND"]


def test_a_later_policy_never_changes_a_placed_orders_fair_pay(
        graphql, api_login, channel, customer, argan_variant):
    order = _place(channel, [(argan_variant, 1)], customer)
    api_login(customer)
    before = graphql(ORDER, id=gid("Order", order.pk))["data"]["order"]["fairPay"]

    _new_policy(commission_rate=Decimal("0.2000"))

    assert graphql(ORDER, id=gid("Order", order.pk))["data"]["order"]["fairPay"] == before


def test_another_customers_order_and_its_split_are_unreachable(
        graphql, api_login, channel, customer, other_customer, argan_variant):
    order = _place(channel, [(argan_variant, 1)], customer)
    api_login(other_customer)

    # The order's ID opens the order (Saleor), not its split: a permission error.
    body = graphql(ORDER, id=gid("Order", order.pk))
    assert body["data"]["order"] is None
    assert [e["path"] for e in body["errors"]] == [["order", "fairPay"]]
    orders = graphql(MY_ORDERS, first=5)["data"]["me"]["orders"]["edges"]
    assert orders == []


def test_the_estimate_splits_the_price_under_the_policy_in_force(graphql, channel):
    product = make_listed_product(channel=channel, price="120.00", name="Huile d'argan")

    estimate = graphql(PRODUCT % (ESTIMATE % ""), slug=product.slug)["data"]["product"][
        "fairPayEstimate"]

    assert estimate["price"] == {"amount": 120.0, "currency": "MAD"}
    assert estimate["cooperative"] == {"amount": {"amount": 109.2}, "share": 0.91}
    assert estimate["platform"] == {"amount": {"amount": 9.6}, "share": 0.08}
    assert estimate["solidarity"] == {"amount": {"amount": 1.2}, "share": 0.01}
    assert estimate["delivery"] == {"amount": {"amount": 0.0}, "share": 0.0}

    _new_policy(commission_rate=Decimal("0.1000"), solidarity_rate=Decimal("0.0200"))
    again = graphql(PRODUCT % (ESTIMATE % ""), slug=product.slug)["data"]["product"][
        "fairPayEstimate"]
    assert again["platform"]["amount"]["amount"] == 12.0
    assert again["solidarity"]["amount"]["amount"] == 2.4
    assert again["policyVersion"] == SplitPolicy.objects.order_by("-version").first().version


def test_the_estimate_with_a_delivery_and_the_cooperatives_terms(graphql, channel):
    women_led = CooperativeFactory(name="Coopérative Tifaout", women_led=True)
    product = make_listed_product(channel=channel, cooperative=women_led, price="100.00")
    overridden = make_listed_product(channel=channel, price="100.00")
    CooperativeFairPay.objects.create(cooperative=overridden.cooperative,
                                      commission_override=Decimal("0.0200"))

    estimate = graphql(PRODUCT % (ESTIMATE % "(deliveryPrice: 25)"), slug=product.slug)[
        "data"]["product"]["fairPayEstimate"]
    assert estimate["price"]["amount"] == 125.0
    assert estimate["delivery"] == {"amount": {"amount": 25.0}, "share": 0.2}
    assert estimate["platform"]["amount"]["amount"] == 5.0  # the reduced 5% commission
    assert estimate["cooperative"]["amount"]["amount"] == 94.0

    other = graphql(PRODUCT % (ESTIMATE % ""), slug=overridden.slug)["data"]["product"][
        "fairPayEstimate"]
    assert other["platform"]["amount"]["amount"] == 2.0


def test_a_negative_delivery_price_is_refused(graphql, channel, product):
    body = graphql(PRODUCT % (ESTIMATE % "(deliveryPrice: -1)"), slug=product.slug)

    assert "cannot be lower than 0" in body["errors"][0]["message"]


def _queries(run) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as queries:
        data = run()
    return len(queries), data


def test_estimates_cost_the_same_queries_for_3_or_12_products(graphql_data, channel):
    for _ in range(3):
        make_listed_product(channel=channel, cooperative=CooperativeFactory())
    small, small_data = _queries(lambda: graphql_data(PRODUCTS, first=20))
    for _ in range(9):
        make_listed_product(channel=channel, cooperative=CooperativeFactory(women_led=True))
    large, large_data = _queries(lambda: graphql_data(PRODUCTS, first=20))

    assert len(small_data["products"]["edges"]) == 3
    assert len(large_data["products"]["edges"]) == 12
    assert all(e["node"]["fairPayEstimate"] for e in large_data["products"]["edges"])
    assert large == small


def test_my_orders_fair_pay_costs_the_same_queries_for_1_or_3_orders(
        graphql_data, api_login, channel, customer, saffron_variant, argan_variant):
    _place(channel, [(argan_variant, 1)], customer)
    api_login(customer)
    small, small_data = _queries(lambda: graphql_data(MY_ORDERS, first=10))
    _place(channel, [(saffron_variant, 1)], customer)
    _place(channel, [(saffron_variant, 1), (argan_variant, 1)], customer)
    large, large_data = _queries(lambda: graphql_data(MY_ORDERS, first=10))

    assert len(small_data["me"]["orders"]["edges"]) == 1
    assert len(large_data["me"]["orders"]["edges"]) == 3
    assert all(e["node"]["fairPay"] for e in large_data["me"]["orders"]["edges"])
    assert large == small
