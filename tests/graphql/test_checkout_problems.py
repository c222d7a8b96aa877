"""Checkout.problems (delivery method invalid or stale, line problems), Checkout.user, and the
deprecated checkoutLineDelete kept beside checkoutLinesDelete."""
from __future__ import annotations

from decimal import Decimal

import pytest

from backend.orders.models import CheckoutDelivery
from tests.factories.catalog import UserFactory
from tests.graphql.conftest import gid
from tests.orders.conftest import ready_checkout

pytestmark = pytest.mark.django_db

PROBLEMS = """query($id: ID!) { checkout(id: $id) { isShippingRequired user { email }
  delivery { id shippingMethod { name } }
  problems { __typename
    ... on CheckoutProblemDeliveryMethodStale { delivery { id } }
    ... on CheckoutProblemDeliveryMethodInvalid { delivery { id } }
    ... on CheckoutLineProblemInsufficientStock { availableQuantity } } } }"""


@pytest.fixture
def ready(channel, saffron_variant):
    return ready_checkout(channel, [(saffron_variant, 1)])


def _problems(graphql_data, checkout):
    return graphql_data(PROBLEMS, id=gid("Checkout", checkout.token))["checkout"]


def test_a_ready_checkout_has_no_problem(graphql_data, ready):
    result = _problems(graphql_data, ready)

    assert result["problems"] == [] and result["isShippingRequired"] is True
    assert result["delivery"]["id"] and result["user"] is None


def test_a_delivery_no_longer_offered_is_invalid(graphql_data, ready):
    CheckoutDelivery.objects.filter(checkout=ready).update(option_id="0/gone")

    result = _problems(graphql_data, ready)

    assert [p["__typename"] for p in result["problems"]] == [
        "CheckoutProblemDeliveryMethodInvalid"]


def test_a_delivery_whose_price_changed_is_stale(graphql_data, ready):
    CheckoutDelivery.objects.filter(checkout=ready).update(price_amount=Decimal("1.00"))

    result = _problems(graphql_data, ready)

    assert result["problems"] == [{"__typename": "CheckoutProblemDeliveryMethodStale",
                                   "delivery": {"id": result["delivery"]["id"]}}]


def test_stock_below_the_quantity_is_a_line_problem(graphql_data, ready, saffron_variant):
    from catalog.models import Stock

    Stock.objects.filter(variant=saffron_variant).update(quantity=0)

    result = _problems(graphql_data, ready)

    assert {"__typename": "CheckoutLineProblemInsufficientStock",
            "availableQuantity": 0} in result["problems"]


def test_the_user_is_shown_to_its_owner_and_staff_only(graphql, api_login, ready, customer):
    from backend.orders.models import Checkout

    Checkout.objects.filter(pk=ready.pk).update(user=customer)
    api_login(customer)
    assert graphql(PROBLEMS, id=gid("Checkout", ready.token))["data"]["checkout"]["user"] == {
        "email": "amina@example.ma"}
    api_login(UserFactory(email="admin@coopstore.ma", is_staff=True))
    staff_view = graphql(PROBLEMS, id=gid("Checkout", ready.token))["data"]["checkout"]
    assert staff_view is None or staff_view["user"] == {"email": "amina@example.ma"}
    api_login(UserFactory(email="other@example.ma"))
    assert graphql(PROBLEMS, id=gid("Checkout", ready.token))["data"]["checkout"] is None


def test_the_deprecated_checkout_line_delete_is_kept(graphql_data):
    fields = graphql_data("""{ __type(name: "Mutation") { fields(includeDeprecated: true) {
        name isDeprecated } } }""")["__type"]["fields"]
    by_name = {f["name"]: f["isDeprecated"] for f in fields}
    assert by_name["checkoutLineDelete"] is True and by_name["checkoutLinesDelete"] is False
