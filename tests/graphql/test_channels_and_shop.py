"""Channels, Saleor's default-channel rule, and the shop settings."""
from __future__ import annotations

import pytest

from catalog.models import Channel, ProductChannelListing, ProductVariantChannelListing
from catalog.services.products import product_refresh_listing_prices
from tests.graphql.conftest import gid

pytestmark = pytest.mark.django_db

CHANNELS = "{ channels { id name slug isActive currencyCode defaultCountry { code country } } }"
LISTING = "{ products(first: 5) { totalCount edges { node { slug channel } } } }"


def test_channels_lists_the_public_channels_with_saleors_fields(channel, graphql_data):
    assert graphql_data(CHANNELS) == {"channels": [{
        "id": gid("Channel", channel.pk), "name": "Maroc", "slug": "maroc", "isActive": True,
        "currencyCode": "MAD", "defaultCountry": {"code": "MA", "country": "Morocco"}}]}


def test_inactive_and_restricted_channels_are_hidden_from_anonymous_clients(channel,
                                                                            graphql_data):
    Channel.objects.create(name="Ancien", slug="ancien", currency_code="MAD", is_active=False)
    Channel.objects.create(name="Pro", slug="pro", currency_code="MAD", is_restricted=True)

    assert [c["slug"] for c in graphql_data(CHANNELS)["channels"]] == ["maroc"]
    assert graphql_data('{ channel(slug: "pro") { slug } }') == {"channel": None}
    assert graphql_data('{ channel(slug: "ancien") { slug } }') == {"channel": None}


def test_channel_is_found_by_slug_or_id(channel, graphql_data):
    by_slug = graphql_data('{ channel(slug: "maroc") { id name } }')
    by_id = graphql_data("query($id: ID) { channel(id: $id) { slug } }",
                         id=gid("Channel", channel.pk))

    assert by_slug == {"channel": {"id": gid("Channel", channel.pk), "name": "Maroc"}}
    assert by_id == {"channel": {"slug": "maroc"}}


def test_an_unknown_channel_is_null(channel, graphql_data):
    assert graphql_data('{ channel(slug: "nulle-part") { slug } }') == {"channel": None}
    assert graphql_data("query($id: ID) { channel(id: $id) { slug } }",
                        id=gid("Channel", 999)) == {"channel": None}


@pytest.mark.parametrize(("arguments", "message"), [
    ("", "At least one of arguments is required: 'id', 'slug'."),
    ('(id: "Q2hhbm5lbDox", slug: "maroc")', "Argument 'id' cannot be combined with 'slug'"),
    ('(id: "nope")', "Invalid ID: nope. Expected: Channel."),
])
def test_channel_lookup_errors_are_saleors(channel, graphql, arguments, message):
    body = graphql(f"{{ channel{arguments} {{ slug }} }}")

    assert [error["message"] for error in body["errors"]] == [message]


def test_with_one_channel_it_is_the_default(product, graphql_data):
    assert graphql_data(LISTING) == {"products": {"totalCount": 1, "edges": [
        {"node": {"slug": product.slug, "channel": "maroc"}}]}}


def test_omitting_the_channel_when_several_exist_gives_saleors_error(product, other_channel,
                                                                     graphql):
    body = graphql(LISTING)

    assert body["data"] == {"products": None}
    assert [error["message"] for error in body["errors"]] == [
        "More than one channel exists. Specify which channel to use."]


def test_the_same_error_for_a_single_product_or_variant(product, other_channel, graphql):
    for query in ('query($slug: String) { product(slug: $slug) { name } }',
                  'query($slug: String) { productVariant(sku: $slug) { name } }'):
        body = graphql(query, slug=product.slug)
        assert [error["message"] for error in body["errors"]] == [
            "More than one channel exists. Specify which channel to use."]


def test_with_several_channels_but_one_active_the_active_one_is_the_default(
        product, other_channel, graphql_data):
    other_channel.is_active = False
    other_channel.save()

    assert graphql_data(LISTING)["products"]["totalCount"] == 1


def test_without_any_channel_there_is_no_default(db, graphql):
    body = graphql(LISTING)

    assert [error["message"] for error in body["errors"]] == ["A default channel does not exist."]


def test_an_unknown_channel_lists_no_products_and_finds_none(product, graphql_data):
    listing = graphql_data('{ products(first: 5, channel: "nulle-part") '
                           '{ totalCount edges { node { slug } } } }')
    single = graphql_data('query($slug: String) { product(slug: $slug, channel: "nulle-part") '
                          '{ slug } }', slug=product.slug)

    assert listing == {"products": {"totalCount": 0, "edges": []}}
    assert single == {"product": None}


def test_prices_and_listings_follow_the_channel_asked_for(product, other_channel, graphql_data):
    ProductChannelListing.objects.create(product=product, channel=other_channel,
                                         is_published=True, currency="EUR")
    variant = product.variants.get()
    ProductVariantChannelListing.objects.create(variant=variant, channel=other_channel,
                                                currency="EUR", price_amount="7.50")
    product_refresh_listing_prices(product=product)  # as the services do after a price
    query = """query($channel: String) { products(first: 1, channel: $channel) { edges { node {
      channel pricing { priceRange { start { gross { amount currency } } } } } } } }"""

    export = graphql_data(query, channel="export")["products"]["edges"][0]["node"]
    maroc = graphql_data(query, channel="maroc")["products"]["edges"][0]["node"]

    assert export == {"channel": "export", "pricing": {"priceRange": {"start": {
        "gross": {"amount": 7.5, "currency": "EUR"}}}}}
    assert maroc["pricing"]["priceRange"]["start"]["gross"] == {"amount": 60.0,
                                                                "currency": "MAD"}


def test_a_product_not_listed_in_a_channel_is_not_in_it(product, other_channel, graphql_data):
    data = graphql_data('{ products(first: 5, channel: "export") { totalCount } }')

    assert data == {"products": {"totalCount": 0}}


def test_shop_gives_the_storefront_settings(channel, graphql_data):
    data = graphql_data("""{ shop { id name description headerText domain { host sslEnabled url }
      defaultCountry { code country } countries { code } channelCurrencies
      languages { code language } defaultWeightUnit trackInventoryByDefault version
      schemaVersion includeTaxesInPrices displayGrossPrices metadata { key } } }""")

    assert data["shop"] == {
        "id": gid("Shop", 1), "name": "CoopStore",
        "description": "Le marché des coopératives du Maroc : produits du terroir, "
                       "commerce équitable, circuit court.",
        "headerText": "Le marché des coopératives du Maroc : produits du terroir, "
                      "commerce équitable, circuit court.",
        "domain": {"host": "testserver", "sslEnabled": False, "url": "http://testserver/"},
        "defaultCountry": {"code": "MA", "country": "Morocco"}, "countries": [{"code": "MA"}],
        "channelCurrencies": ["MAD"],
        "languages": [{"code": "FR", "language": "French"},
                      {"code": "AR", "language": "Arabic"},
                      {"code": "EN", "language": "English"}],
        "defaultWeightUnit": "G", "trackInventoryByDefault": True, "version": "0.1.0",
        "schemaVersion": "3.24", "includeTaxesInPrices": True, "displayGrossPrices": True,
        "metadata": [],
    }


def test_shop_domain_follows_public_url_when_set(db, graphql_data, settings):
    settings.PUBLIC_URL = "https://coopstore.ma"

    data = graphql_data("{ shop { domain { host sslEnabled url } } }")

    assert data["shop"]["domain"] == {"host": "coopstore.ma", "sslEnabled": True,
                                      "url": "https://coopstore.ma/"}
