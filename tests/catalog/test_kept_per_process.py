"""Reads kept per process between requests (the channels of GraphQL queries, the visible
products' queryset): what they keep must never outlive the change or the time it depends on."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from django.utils import timezone

from catalog.models import Product, ProductChannelListing
from catalog.selectors import core as selectors
from catalog.selectors.core import products_visible
from tests.factories.catalog import make_listed_product

pytestmark = pytest.mark.django_db

LISTING = """query($channel: String, $after: String) {
  products(first: 2, channel: $channel, after: $after) {
    edges { node { slug } } pageInfo { hasNextPage endCursor } } }"""


def _slugs(client, channel_slug: str, after: str | None = None) -> tuple[list[str], dict]:
    response = client.post("/graphql/", json.dumps({"query": LISTING, "variables": {
        "channel": channel_slug, "after": after}}), content_type="application/json")
    assert response.status_code == 200, response.content
    products = response.json()["data"]["products"]
    return [edge["node"]["slug"] for edge in products["edges"]], products["pageInfo"]


def test_a_channel_change_shows_in_the_next_query(client, channel, cooperative):
    make_listed_product(channel=channel, cooperative=cooperative, slug="argan-1")
    assert _slugs(client, channel.slug)[0] == ["argan-1"]
    channel.is_active = False  # an inactive channel is staff-only: anonymous listings empty
    channel.save()
    assert _slugs(client, channel.slug)[0] == []
    channel.is_active = True
    channel.slug = "maroc-2"
    channel.save()
    assert _slugs(client, "maroc-2")[0] == ["argan-1"]


def test_pages_without_edge_cursors_still_continue_from_page_info(client, channel, cooperative):
    for index in range(5):
        make_listed_product(channel=channel, cooperative=cooperative, slug=f"miel-{index}")
    seen, after = [], None
    while True:
        slugs, page = _slugs(client, channel.slug, after)
        seen += slugs
        if not page["hasNextPage"]:
            break
        after = page["endCursor"]
    assert seen == [f"miel-{index}" for index in range(5)]


def test_the_kept_queryset_compares_with_the_time_each_query_runs(channel, cooperative,
                                                                  monkeypatch):
    product = make_listed_product(channel=channel, cooperative=cooperative)
    soon = timezone.now() + dt.timedelta(hours=1)
    ProductChannelListing.objects.filter(product=product).update(published_at=soon)
    assert product not in products_visible(channel)  # the queryset is built and kept here
    later = soon + dt.timedelta(minutes=1)
    monkeypatch.setattr(selectors.timezone, "now", lambda: later)
    assert list(products_visible(channel)) == [product]
    assert list(products_visible(channel, in_listings=False)) == [product]
    assert Product.objects.count() == 1
