"""``channel(slug)`` answers Saleor's public fields; ``countries`` starts with the channel's
own country, which Saleor's checkout preselects."""
from __future__ import annotations

from tests.factories.catalog import ChannelFactory
from tests.graphql.conftest import gid

QUERY = """query($slug: String) { channel(slug: $slug) {
  id slug name isActive currencyCode defaultCountry { code country }
  countries { code country } metadata { key } } }"""


def test_the_mad_channel_lists_morocco_first(db, graphql_data):
    channel = ChannelFactory(slug="maroc", name="Maroc", currency_code="MAD",
                             default_country="MA")
    data = graphql_data(QUERY, slug="maroc")["channel"]
    assert data == {"id": gid("Channel", channel.pk), "slug": "maroc", "name": "Maroc",
                    "isActive": True, "currencyCode": "MAD",
                    "defaultCountry": {"code": "MA", "country": "Morocco"},
                    "countries": [{"code": "MA", "country": "Morocco"}], "metadata": []}


def test_each_channel_lists_its_own_country_first(db, graphql_data):
    ChannelFactory(slug="maroc", default_country="MA")
    ChannelFactory(slug="export", name="Export", currency_code="EUR", default_country="FR")
    countries = graphql_data(QUERY, slug="export")["channel"]["countries"]
    assert countries[0] == {"code": "FR", "country": "France"}


def test_saleor_checkouts_channel_query_answers_anonymously(db, graphql_data):
    ChannelFactory(slug="maroc")
    data = graphql_data('query channel($slug: String!) { channel(slug: $slug) { countries '
                        '{ code } } }', slug="maroc")
    assert data["channel"]["countries"][0]["code"] == "MA"


def test_an_unknown_or_malformed_slug_is_null(db, graphql_data):
    ChannelFactory(slug="maroc")
    assert graphql_data(QUERY, slug="inconnu")["channel"] is None
    assert graphql_data(QUERY, slug="a\x00b")["channel"] is None
