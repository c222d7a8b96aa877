"""The pro channel and its prices are invisible to consumers, anonymous visitors and pending
accounts, on pages and in the API; an approved business account sees them."""
from __future__ import annotations

import pytest

from backend.business.models import BusinessStatus
from backend.orders.models import Checkout
from tests.graphql.conftest import gid

from .conftest import make_business, make_pro_product

pytestmark = pytest.mark.django_db

CHANNELS = "{ channels { slug } }"
PRO_CHANNEL = '{ channel(slug: "pro") { slug isRestricted } }'
PRO_PRODUCTS = """{ products(first: 5, channel: "pro") { edges { node { name
  pricing { priceRange { start { gross { amount } } } } } } } }"""
PUBLIC_PRODUCTS = """{ products(first: 5, channel: "maroc") { edges { node {
  pricing { priceRange { start { gross { amount } } } } } } } }"""
PRO_CHECKOUT = """mutation($variant: ID!) { checkoutCreate(input: {channel: "pro",
  lines: [{variantId: $variant, quantity: 10}]}) { checkout { id }
  errors { field code message } } }"""


@pytest.fixture
def argan(channel, pro_channel):
    return make_pro_product(channel=channel, price="100.00", pro_price="80.00", name="Argan")


def _variant_gid(product) -> str:
    return gid("ProductVariant", product.default_variant.pk)


@pytest.mark.parametrize("who", ["anonymous", "consumer", "pending", "rejected", "suspended"])
def test_the_api_hides_the_pro_channel_and_its_prices(who, argan, graphql, graphql_data,
                                                      api_login, customer):
    if who == "consumer":
        api_login(customer)
    elif who != "anonymous":
        api_login(make_business(status=who).user)

    assert graphql_data(CHANNELS) == {"channels": [{"slug": "maroc"}]}
    assert graphql_data(PRO_CHANNEL) == {"channel": None}
    assert graphql_data(PRO_PRODUCTS) == {"products": {"edges": []}}
    body = graphql(PRO_CHECKOUT, variant=_variant_gid(argan))
    assert body["data"]["checkoutCreate"]["errors"] == [{
        "field": "channel", "code": "NOT_FOUND",
        "message": "Channel with 'pro' slug does not exist."}]
    assert body["data"]["checkoutCreate"]["checkout"] is None
    # the public channel still answers, at the consumer price
    public = graphql_data(PUBLIC_PRODUCTS)["products"]["edges"]
    assert public[0]["node"]["pricing"]["priceRange"]["start"]["gross"]["amount"] == 100.0


def test_an_approved_business_account_sees_the_pro_channel_and_orders_in_it(
        argan, graphql, graphql_data, api_login, buyer):
    api_login(buyer.user)

    assert graphql_data(CHANNELS) == {"channels": [{"slug": "maroc"}, {"slug": "pro"}]}
    assert graphql_data(PRO_CHANNEL) == {"channel": {"slug": "pro", "isRestricted": True}}
    edges = graphql_data(PRO_PRODUCTS)["products"]["edges"]
    assert [(e["node"]["name"], e["node"]["pricing"]["priceRange"]["start"]["gross"]["amount"])
            for e in edges] == [("Argan", 80.0)]
    body = graphql(PRO_CHECKOUT, variant=_variant_gid(argan))
    assert body["data"]["checkoutCreate"]["errors"] == []
    assert body["data"]["checkoutCreate"]["checkout"]["id"]


def test_the_api_refuses_a_pro_line_below_its_minimum_with_saleors_invalid_code(
        argan, graphql, api_login, buyer):
    api_login(buyer.user)

    body = graphql(PRO_CHECKOUT.replace("quantity: 10", "quantity: 3"),
                   variant=_variant_gid(argan))

    assert [(e["field"], e["code"]) for e in body["data"]["checkoutCreate"]["errors"]] == [
        ("quantity", "INVALID")]


def test_the_default_channel_stays_the_public_one_when_the_pro_channel_exists(
        argan, graphql_data):
    edges = graphql_data("{ products(first: 5) { edges { node { channel } } } }")

    assert edges == {"products": {"edges": [{"node": {"channel": "maroc"}}]}}


def test_the_pro_page_shows_wholesale_prices_only_to_an_approved_buyer(client, argan,
                                                                       customer):
    anonymous = client.get("/pro/").content.decode()
    client.force_login(customer)
    consumer = client.get("/pro/").content.decode()
    pending = make_business(status=BusinessStatus.PENDING, company_name="Épicerie Darna")
    client.force_login(pending.user)
    waiting = client.get("/pro/").content.decode()
    approved = make_business()
    client.force_login(approved.user)
    seen = client.get("/pro/").content.decode()

    for page in (anonymous, consumer, waiting):
        assert "80,00" not in page and "75,00" not in page and "Argan" not in page
    assert "/pro/register/" in anonymous and "/pro/register/" in consumer
    assert "Épicerie Darna" in waiting
    assert "80,00" in seen and "75,00" in seen and "Argan" in seen


def test_the_storefront_never_shows_the_pro_price(client, argan, buyer):
    client.force_login(buyer.user)

    page = client.get(f"/products/{argan.slug}/").content.decode()

    assert "100,00" in page
    assert "80,00" not in page


def test_only_an_approved_buyer_may_add_to_a_pro_cart(client, argan, customer):
    client.force_login(customer)

    response = client.post("/pro/cart/add/", {"variant": argan.default_variant.pk,
                                              "quantity": 10})

    assert response.status_code == 404
    assert Checkout.objects.count() == 0


def test_an_approved_buyer_adds_wholesale_quantities_to_the_normal_cart(client, argan, buyer):
    client.force_login(buyer.user)

    response = client.post("/pro/cart/add/", {"variant": argan.default_variant.pk,
                                              "quantity": 60})
    cart = client.get("/cart/").content.decode()

    assert response.status_code == 303 and response["Location"] == "/cart/"
    checkout = Checkout.objects.get()
    assert (checkout.channel.slug, checkout.user_id) == ("pro", buyer.user_id)
    assert "75,00" in cart  # the break from 50 units
    assert 'value="60"' in cart and 'max="100000"' in cart  # a wholesale line stays editable
    assert "4\u202f500,00" in cart or "4 500,00" in cart or "4500,00" in cart
