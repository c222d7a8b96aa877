"""The cooperative filter offers the cooperatives of the listing shown, biggest first, a bounded
number of them, and its counts give the listing's size (no COUNT query of its own)."""
from __future__ import annotations

import re

import pytest

from catalog.models import ProductChannelListing
from catalog.selectors import ProductFilters, channel_get_storefront, cooperative_choices
from tests.factories.catalog import CategoryFactory, CooperativeFactory, make_listed_product
from tests.storefront.helpers import card_slugs, queries_for
from tests.storefront.test_query_counts import SEARCH_QUERIES, SEARCH_QUERIES_AGAIN

_SELECT = re.compile(r'<select name="cooperative">(.*?)</select>', re.S)


def _options(html: str) -> list[str]:
    """The cooperative select's options as "value|text" (selected ones marked with *)."""
    found = _SELECT.search(html)
    assert found, "no cooperative select"
    return [f"{value}|{text}{'*' if selected else ''}" for value, selected, text in
            re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', found.group(1))
            if value]


def _count(html: str) -> str:
    return re.search(r'<p class="count">([^<]*)</p>', html).group(1)


@pytest.mark.parametrize(("prefix", "expected"), [
    ("", ["tifawin|Coopérative Tifawin (2)", "nakhla|Coopérative Nakhla (1)"]),
    ("/ar", ["tifawin|تعاونية تيفاوين (2)", "nakhla|Coopérative Nakhla (1)"]),
    ("/en", ["tifawin|Tifawin Cooperative (2)", "nakhla|Coopérative Nakhla (1)"]),
])
def test_the_filter_offers_the_listed_cooperatives_biggest_first_with_counts(
        client, shop, prefix, expected):
    CooperativeFactory(name="Coopérative Sans Produit", slug="sans-produit")

    html = client.get(f"{prefix}/search/").content.decode()

    # Neither the suspended cooperative nor one without a listed product is offered.
    assert _options(html) == expected


def test_the_choices_follow_the_other_filters(client, shop):
    html = client.get("/search/?category=epices").content.decode()

    assert _options(html) == ["tifawin|Coopérative Tifawin (1)"]
    assert _count(html) == "1 produit"


def test_choosing_a_cooperative_keeps_the_others_offered(client, shop):
    html = client.get("/search/?cooperative=nakhla").content.decode()

    assert card_slugs(html) == ["dattes-mejhoul"]
    assert _options(html) == ["tifawin|Coopérative Tifawin (2)",
                              "nakhla|Coopérative Nakhla (1)*"]
    assert _count(html) == "1 produit"


def test_the_chosen_cooperative_stays_shown_when_nothing_of_it_is_left(client, shop):
    html = client.get("/en/search/?cooperative=nakhla&category=epices").content.decode()

    assert card_slugs(html) == []
    assert _options(html) == ["tifawin|Tifawin Cooperative (1)",
                              "nakhla|Coopérative Nakhla (0)*"]
    assert _count(html) == "0 products"


@pytest.mark.parametrize("slug", ["suspendue", "nope"])
def test_a_cooperative_that_is_not_public_is_not_offered_and_empties_the_listing(
        client, shop, slug):
    html = client.get(f"/search/?cooperative={slug}").content.decode()

    assert card_slugs(html) == []
    assert _options(html) == ["tifawin|Coopérative Tifawin (2)", "nakhla|Coopérative Nakhla (1)"]
    assert _count(html) == "0 produit"


def test_at_most_the_limit_is_offered_plus_the_chosen_one(client, shop, monkeypatch):
    monkeypatch.setattr("catalog.selectors.listing.COOPERATIVE_CHOICES_LIMIT", 1)

    assert _options(client.get("/search/").content.decode()) == [
        "tifawin|Coopérative Tifawin (2)"]
    assert _options(client.get("/search/?cooperative=nakhla").content.decode()) == [
        "tifawin|Coopérative Tifawin (2)", "nakhla|Coopérative Nakhla (1)*"]
    assert _options(client.get("/search/?cooperative=tifawin").content.decode()) == [
        "tifawin|Coopérative Tifawin (2)*"]


def test_the_biggest_cooperatives_are_kept_whatever_their_names(shop):
    small = CooperativeFactory(name="Aaa petite", slug="aaa-petite")
    big = CooperativeFactory(name="Zzz grande", slug="zzz-grande")
    category = CategoryFactory(name="Miels", slug="miels")
    make_listed_product(channel=shop.channel, cooperative=small, category=category)
    for index in range(3):
        make_listed_product(channel=shop.channel, cooperative=big, category=category,
                            name=f"Miel {index}", slug=f"miel-{index}")
    channel = channel_get_storefront()

    choices, size = cooperative_choices(channel=channel, filters=ProductFilters(), limit=2)

    assert [(c.slug, c.count) for c in choices] == [("zzz-grande", 3), ("tifawin", 2)]
    assert size == 7


def test_the_listing_size_matches_the_paginated_rows(client, shop):
    for index in range(30):
        make_listed_product(channel=shop.channel, cooperative=shop.youth_coop,
                            category=shop.spices, name=f"Safran lot {index:02d}",
                            slug=f"safran-lot-{index:02d}")

    first = client.get("/search/?cooperative=nakhla").content.decode()
    second = client.get("/search/?cooperative=nakhla&page=2").content.decode()

    assert _count(first) == "31 produits"
    assert "<span>Page 1 sur 2</span>" in first
    assert len(card_slugs(first)) + len(card_slugs(second)) == 31


def test_a_catalog_change_shows_in_the_counts_at_once(client, shop):
    assert _count(client.get("/search/").content.decode()) == "3 produits"

    make_listed_product(channel=shop.channel, cooperative=shop.youth_coop,
                        category=shop.spices, name="Dattes Boufeggous", slug="boufeggous")
    html = client.get("/search/").content.decode()
    assert _count(html) == "4 produits"
    assert "nakhla|Coopérative Nakhla (2)" in _options(html)

    ProductChannelListing.objects.filter(product=shop.saffron).delete()
    html = client.get("/search/").content.decode()
    assert _count(html) == "3 produits"
    assert _options(html) == ["nakhla|Coopérative Nakhla (2)", "tifawin|Coopérative Tifawin (1)"]


def test_the_counts_are_read_once_until_the_catalog_changes(client, shop):
    assert queries_for(client, "/search/?sort=price") == SEARCH_QUERIES
    # Same listing, another sort: the cooperative counts (and the shared rows) are kept.
    assert queries_for(client, "/search/?sort=newest") == SEARCH_QUERIES_AGAIN
    # Another listing: its own counts.
    assert queries_for(client, "/search/?q=safran") == SEARCH_QUERIES_AGAIN + 1


def test_a_cooperative_page_offers_no_cooperative_choice(client, shop):
    html = client.get("/cooperatives/tifawin/").content.decode()

    assert 'name="cooperative"' not in html
    assert _count(html) == "2 produits"
