"""checkoutCreate: guests and customers get a cart; every refused input creates nothing."""
from __future__ import annotations

import pytest

from backend.orders.models import Checkout
from catalog.models import ProductChannelListing, ProductVariantChannelListing, Stock
from tests.factories.catalog import ChannelFactory, make_listed_product
from tests.graphql.checkout_helpers import CHECKOUT_FIELDS, ERRORS, variant_gid
from tests.graphql.conftest import gid

pytestmark = pytest.mark.django_db

CREATE = f"""
mutation($input: CheckoutCreateInput!) {{
  checkoutCreate(input: $input) {{
    {ERRORS} checkoutErrors {{ code }} created
    checkout {{ {CHECKOUT_FIELDS} }}
  }}
}}
"""


def _create(graphql, **fields) -> dict:
    return graphql(CREATE, input=fields)["data"]["checkoutCreate"]


def test_a_guest_creates_a_checkout_with_lines(graphql, saffron_variant, argan_variant):
    result = _create(graphql, channel="maroc", email="Amina@Example.MA", lines=[
        {"variantId": variant_gid(saffron_variant), "quantity": 2},
        {"variantId": variant_gid(argan_variant), "quantity": 1}])

    checkout = result["checkout"]
    assert result["errors"] == [] and result["created"] is True
    stored = Checkout.objects.get()
    assert checkout["id"] == gid("Checkout", stored.token)
    assert checkout["token"] == str(stored.token)
    assert checkout["email"] == "amina@example.ma"
    assert checkout["user"] is None
    assert checkout["channel"] == {"slug": "maroc"}
    assert checkout["quantity"] == 3
    assert [(line["variant"]["id"], line["quantity"], line["unitPrice"]["gross"])
            for line in checkout["lines"]] == [
        (variant_gid(saffron_variant), 2, {"amount": 60.0, "currency": "MAD"}),
        (variant_gid(argan_variant), 1, {"amount": 120.0, "currency": "MAD"})]
    assert checkout["subtotalPrice"]["gross"]["amount"] == 240.0
    assert checkout["shippingPrice"]["gross"]["amount"] == 0.0
    assert checkout["totalPrice"]["gross"] == {"amount": 240.0, "currency": "MAD"}
    assert checkout["chargeStatus"] == "NONE" and checkout["authorizeStatus"] == "NONE"
    assert checkout["languageCode"] == "FR"


def test_a_signed_in_customer_creates_a_checkout_of_their_own(graphql, api_login, customer,
                                                              saffron_variant):
    api_login(customer)

    result = _create(graphql, channel="maroc",
                     lines=[{"variantId": variant_gid(saffron_variant), "quantity": 1}])

    assert result["checkout"]["user"] == {"id": gid("User", customer.pk),
                                          "email": "amina@example.ma"}
    assert result["checkout"]["email"] == "amina@example.ma"
    assert Checkout.objects.get().user == customer


def test_an_empty_checkout_in_the_default_channel_as_saleors_storefront_makes_it(
        graphql, channel):
    result = _create(graphql, lines=[], languageCode="AR_MA")

    assert result["errors"] == []
    assert result["checkout"]["lines"] == [] and result["checkout"]["quantity"] == 0
    assert result["checkout"]["isShippingRequired"] is False
    assert result["checkout"]["languageCode"] == "AR"
    assert Checkout.objects.get().language_code == "ar"


def test_the_same_variant_twice_makes_one_line(graphql, saffron_variant):
    line = {"variantId": variant_gid(saffron_variant), "quantity": 2}

    result = _create(graphql, channel="maroc", lines=[line, line])

    assert [line["quantity"] for line in result["checkout"]["lines"]] == [4]


def _unpublished(channel):
    product = make_listed_product(channel=channel)
    ProductChannelListing.objects.filter(product=product).update(is_published=False)
    return product.default_variant


def _unpriced(channel):
    product = make_listed_product(channel=channel, variants=2)
    second = product.variants.order_by("sort_order")[1]
    ProductVariantChannelListing.objects.filter(variant=second).delete()
    return second


@pytest.mark.parametrize(("case", "code", "field"), [
    ("zero", "ZERO_QUANTITY", "quantity"),
    ("too_many", "QUANTITY_GREATER_THAN_LIMIT", "quantity"),
    ("no_stock", "INSUFFICIENT_STOCK", "quantity"),
    ("unpublished", "PRODUCT_NOT_PUBLISHED", "lines"),
    ("unpriced", "UNAVAILABLE_VARIANT_IN_CHANNEL", "lines"),
    ("unknown", "NOT_FOUND", "variantId"),
])
def test_a_bad_line_is_refused_naming_its_variant_and_creates_nothing(
        graphql, channel, saffron_variant, case, code, field):
    variant, quantity = {
        "zero": (saffron_variant, 0), "too_many": (saffron_variant, 51),
        "no_stock": (saffron_variant, 11), "unpublished": (_unpublished(channel), 1),
        "unpriced": (_unpriced(channel), 1),
    }.get(case, (None, 1))
    variant_id = variant_gid(variant) if variant else gid("ProductVariant", 987654)
    if case == "too_many":
        Stock.objects.filter(variant=saffron_variant).update(quantity=100)

    result = _create(graphql, channel="maroc",
                     lines=[{"variantId": variant_id, "quantity": quantity}])

    assert [(e["code"], e["field"], e["variants"]) for e in result["errors"]] == [
        (code, field, [variant_id])]
    assert result["checkoutErrors"] == [{"code": code}]
    assert result["checkout"] is None
    assert Checkout.objects.count() == 0


@pytest.mark.parametrize("variant_id", ["", "nope", "UHJvZHVjdFZhcmlhbnQ6MQ==\x00",
                                        gid("Product", 1), gid("ProductVariant", 2**70)])
def test_a_malformed_variant_id_is_a_clean_error(graphql, saffron_variant, variant_id):
    result = _create(graphql, channel="maroc",
                     lines=[{"variantId": variant_id, "quantity": 1}])

    assert [(e["code"], e["field"]) for e in result["errors"]] == [("GRAPHQL_ERROR",
                                                                     "variantId")]
    assert result["errors"][0]["message"].startswith("Invalid ID: ")
    assert Checkout.objects.count() == 0


@pytest.mark.parametrize(("channel_slug", "code"), [
    ("export", "NOT_FOUND"), ("maroc\x00", "NOT_FOUND"), ("b2b", "NOT_FOUND"),
    ("ferme", "CHANNEL_INACTIVE"),
])
def test_a_channel_that_is_unknown_hidden_or_inactive_is_refused(graphql, channel,
                                                                 channel_slug, code):
    ChannelFactory(slug="b2b", name="B2B", is_restricted=True)
    ChannelFactory(slug="ferme", name="Fermé", is_active=False)

    result = _create(graphql, channel=channel_slug, lines=[])

    assert [(e["code"], e["field"]) for e in result["errors"]] == [(code, "channel")]
    assert Checkout.objects.count() == 0


def test_without_a_channel_slug_several_active_channels_are_ambiguous(graphql, channel):
    ChannelFactory(slug="export", name="Export", currency_code="EUR")

    result = _create(graphql, lines=[])

    assert [(e["code"], e["field"], e["message"]) for e in result["errors"]] == [
        ("MISSING_CHANNEL_SLUG", "channel", "You need to provide channel slug.")]
    assert Checkout.objects.count() == 0


def test_an_invalid_email_is_refused(graphql, channel):
    result = _create(graphql, channel="maroc", email="not-an-email", lines=[])

    assert [(e["code"], e["field"]) for e in result["errors"]] == [("INVALID", "email")]
    assert Checkout.objects.count() == 0


def test_a_nul_character_never_reaches_the_database(graphql, channel):
    result = _create(graphql, channel="maroc", email="a\x00@example.ma", lines=[])

    assert result["errors"] == []
    assert Checkout.objects.get().email == "a@example.ma"


def test_more_than_a_hundred_lines_at_once_are_refused(graphql, saffron_variant):
    line = {"variantId": variant_gid(saffron_variant), "quantity": 1}

    result = _create(graphql, channel="maroc", lines=[line] * 101)

    assert [(e["code"], e["field"]) for e in result["errors"]] == [("INVALID", "lines")]
    assert Checkout.objects.count() == 0
