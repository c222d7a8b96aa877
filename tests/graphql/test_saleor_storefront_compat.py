"""What Saleor's own storefront (github:saleor/storefront) needed of our API to build and run.

- its codegen reads the default introspection (graphql-js, no ``inputValueDeprecation``): the
  deprecated arguments and input fields it uses must be listed, as a Saleor server lists them;
- its order page reads ``Order.deliveryMethod { ... on ShippingMethod }`` and ``totalCaptured``;
- its TypeScript code names ``ProductOrderField.RATING``.
"""
from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from graphql import build_client_schema, build_schema, get_introspection_query

from backend.orders.models import Checkout
from backend.orders.services.checkout_complete import checkout_complete
from tests.factories.catalog import make_listed_product
from tests.graphql.conftest import gid
from tests.orders.conftest import ready_checkout

pytestmark = pytest.mark.django_db


def _introspect(client, query: str) -> dict:
    response = client.post("/graphql/", json.dumps({"query": query}),
                           content_type="application/json")
    assert response.status_code == 200
    body = response.json()
    assert "errors" not in body, body["errors"]
    return body["data"]


# -- 1. deprecated arguments and input fields in the default introspection -------------------

def test_the_default_introspection_lists_the_deprecated_inputs_the_storefront_uses(client):
    served = build_client_schema(_introspect(client, get_introspection_query()))

    assert "filter" in served.query_type.fields["products"].args
    assert "filter" in served.get_type("Collection").fields["products"].args
    assert set(served.get_type("PreorderSettingsInput").fields) == {"globalThreshold",
                                                                    "endDate"}


def test_the_default_introspection_lists_every_argument_and_input_field_of_our_sdl(client):
    from backend.graphql.api import schema

    printed = build_schema(str(schema), assume_valid=True)
    served = build_client_schema(_introspect(client, get_introspection_query()))
    hidden = []
    for name, printed_type in printed.type_map.items():
        if name.startswith("__"):
            continue
        served_type = served.get_type(name)
        if hasattr(printed_type, "fields") and not hasattr(printed_type, "of_type"):
            for field_name, field in printed_type.fields.items():
                served_field = served_type.fields[field_name]
                if not hasattr(field, "args"):  # an input object's field
                    continue
                hidden += [f"{name}.{field_name}({arg}:)" for arg in field.args
                           if arg not in served_field.args]
            hidden += [f"{name}.{field_name}" for field_name in printed_type.fields
                       if field_name not in served_type.fields]
    assert hidden == []


def test_deprecated_inputs_still_say_so_when_asked_and_the_sdl_keeps_the_marks(client):
    data = _introspect(client, """{
      query: __type(name: "Query") { fields { name
        args(includeDeprecated: false) { name isDeprecated deprecationReason } } }
      preorder: __type(name: "PreorderSettingsInput") {
        inputFields { name isDeprecated deprecationReason } } }""")
    products = next(f for f in data["query"]["fields"] if f["name"] == "products")
    filter_arg = next(a for a in products["args"] if a["name"] == "filter")
    where_arg = next(a for a in products["args"] if a["name"] == "where")

    assert filter_arg == {"name": "filter", "isDeprecated": True,
                          "deprecationReason": "Use `where` filter instead."}
    assert where_arg["isDeprecated"] is False
    assert [f["name"] for f in data["preorder"]["inputFields"]] == ["globalThreshold", "endDate"]
    from backend.graphql.api import schema

    assert ('filter: ProductFilterInput @deprecated(reason: "Use `where` filter instead.")'
            in str(schema))


# -- 2. Order.deliveryMethod (and Checkout.deliveryMethod), Order.totalCaptured ---------------

SHIPPING = """__typename ... on ShippingMethod { id name price { amount currency }
  minimumDeliveryDays maximumDeliveryDays }"""
CHECKOUT = f"""query($id: ID!) {{ checkout(id: $id) {{
  delivery {{ shippingMethod {{ id name price {{ amount currency }}
                               minimumDeliveryDays maximumDeliveryDays }} }}
  deliveryMethod {{ {SHIPPING} }} }} }}"""
ORDER = f"""query($id: ID!) {{ order(id: $id) {{ deliveryMethod {{ {SHIPPING} }}
  totalCaptured {{ amount currency }} totalCharged {{ amount currency }}
  shippingPrice {{ gross {{ amount }} }} }} }}"""


def _place(channel, variants, user):
    checkout = ready_checkout(channel, variants)
    Checkout.objects.filter(pk=checkout.pk).update(user=user, email=user.email)
    return checkout, checkout_complete(checkout_token=checkout.token).order


def test_an_order_gives_the_delivery_method_its_checkout_had(graphql_data, api_login, channel,
                                                             customer, saffron_variant):
    checkout = ready_checkout(channel, [(saffron_variant, 2)])
    before = graphql_data(CHECKOUT, id=gid("Checkout", checkout.token))["checkout"]
    Checkout.objects.filter(pk=checkout.pk).update(user=customer, email=customer.email)
    order = checkout_complete(checkout_token=checkout.token).order
    api_login(customer)

    data = graphql_data(ORDER, id=gid("Order", order.pk))["order"]

    chosen = before["delivery"]["shippingMethod"]
    assert chosen["price"] == {"amount": 25.0, "currency": "MAD"}
    assert before["deliveryMethod"] == {"__typename": "ShippingMethod", **chosen}
    assert data["deliveryMethod"] == {"__typename": "ShippingMethod", **chosen}
    assert data["shippingPrice"]["gross"]["amount"] == chosen["price"]["amount"]


def test_an_order_from_two_cooperatives_has_one_delivery_method_for_both_parcels(
        graphql_data, api_login, channel, customer, saffron_variant, argan_variant):
    _checkout, order = _place(channel, [(saffron_variant, 1), (argan_variant, 1)], customer)
    api_login(customer)

    method = graphql_data(ORDER, id=gid("Order", order.pk))["order"]["deliveryMethod"]

    deliveries = list(order.deliveries.order_by("pk"))
    assert len(deliveries) == 2
    assert method["__typename"] == "ShippingMethod"
    assert method["price"] == {"amount": 50.0, "currency": "MAD"}
    assert method["id"] == gid("ShippingMethod", "+".join(d.option_id for d in deliveries))
    assert method["maximumDeliveryDays"] == max(d.maximum_delivery_days for d in deliveries)


def test_no_stored_delivery_means_no_delivery_method():
    from backend.orders.graphql.delivery_method import order_delivery_method

    assert order_delivery_method([], "MAD") is None


def test_total_captured_is_saleors_old_name_of_total_charged(graphql_data, api_login, channel,
                                                             customer, saffron_variant):
    _checkout, order = _place(channel, [(saffron_variant, 1)], customer)
    type(order).objects.filter(pk=order.pk).update(total_charged_amount="85.00")
    api_login(customer)

    data = graphql_data(ORDER, id=gid("Order", order.pk))["order"]

    assert data["totalCaptured"] == data["totalCharged"] == {"amount": 85.0, "currency": "MAD"}


def test_the_order_id_opens_the_confirmation_page_not_the_account(graphql, api_login, channel,
                                                                  customer, other_customer,
                                                                  saffron_variant):
    """Saleor's storefront reads ``order(id:)`` without a token ("the order ID in the URL is
    the credential"); the account stays the customer's (tests/graphql/test_order_by_id.py)."""
    _checkout, order = _place(channel, [(saffron_variant, 1)], customer)
    api_login(other_customer)

    body = graphql(ORDER, id=gid("Order", order.pk))
    account = graphql("""query($id: ID!) { order(id: $id) { user { email } } }""",
                      id=gid("Order", order.pk))

    assert "errors" not in body and body["data"]["order"]["deliveryMethod"] is not None
    assert account["data"] == {"order": {"user": None}} and account["errors"]


MY_ORDERS = f"""{{ me {{ orders(first: 20) {{ edges {{ node {{ number
  deliveryMethod {{ {SHIPPING} }} totalCaptured {{ amount }} }} }} }} }} }}"""


def test_delivery_methods_of_a_list_of_orders_cost_a_fixed_number_of_queries(
        graphql_data, api_login, channel, customer, saffron_variant, argan_variant):
    _place(channel, [(saffron_variant, 1)], customer)
    api_login(customer)
    with CaptureQueriesContext(connection) as one:
        assert len(graphql_data(MY_ORDERS)["me"]["orders"]["edges"]) == 1
    for _ in range(3):
        _place(channel, [(saffron_variant, 1), (argan_variant, 1)], customer)
    with CaptureQueriesContext(connection) as four:
        edges = graphql_data(MY_ORDERS)["me"]["orders"]["edges"]

    assert len(edges) == 4
    assert all(e["node"]["deliveryMethod"]["__typename"] == "ShippingMethod" for e in edges)
    assert len(four.captured_queries) == len(one.captured_queries)


# -- 3. ProductOrderField.RATING ---------------------------------------------------------------

PRODUCTS = """query($channel: String, $direction: OrderDirection!, $after: String) {
  products(first: 2, after: $after, channel: $channel,
           sortBy: {field: RATING, direction: $direction}) {
    edges { node { name } } pageInfo { hasNextPage endCursor } } }"""


def _names(graphql_data, channel, direction: str) -> list[str]:
    names, after = [], None
    while True:
        page = graphql_data(PRODUCTS, channel=channel.slug, direction=direction,
                            after=after)["products"]
        names += [edge["node"]["name"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return names
        after = page["pageInfo"]["endCursor"]


def test_sorting_by_rating_is_by_name_since_nothing_is_rated(graphql_data, channel,
                                                             cooperative):
    for name in ["Miel de thym", "Amlou", "Safran", "Couscous", "Argan"]:
        make_listed_product(channel=channel, cooperative=cooperative, name=name)

    ascending = _names(graphql_data, channel, "ASC")

    assert ascending == ["Amlou", "Argan", "Couscous", "Miel de thym", "Safran"]
    assert _names(graphql_data, channel, "DESC") == ascending[::-1]
