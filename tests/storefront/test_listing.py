"""Search, filters, sorting and pagination, and what junk in the query string does to them."""
from __future__ import annotations

import pytest

from tests.factories.catalog import make_listed_product
from tests.storefront.helpers import card_slugs

ARGAN, SAFFRON, DATES = "huile-argan-alimentaire", "safran-de-taliouine", "dattes-mejhoul"


def _slugs(client, url: str, data: dict | None = None) -> list[str]:
    response = client.get(url, data or {})
    assert response.status_code == 200
    return card_slugs(response.content.decode())


@pytest.mark.parametrize(("params", "expected"), [
    ({}, [DATES, ARGAN, SAFFRON]),
    ({"q": "safran"}, [SAFFRON]),
    ({"q": "SAFRAN taliouine"}, [SAFFRON]),
    ({"q": "huile argan"}, [ARGAN]),
    ({"q": "Huile d’argan"}, [ARGAN]),
    ({"q": "huile d'argan"}, [ARGAN]),
    ({"q": "زعفران"}, [SAFFRON]),
    ({"q": "introuvable"}, []),
    ({"category": "huiles"}, [ARGAN]),
    ({"category": "huile-d-argan"}, [ARGAN]),
    ({"category": "epices"}, [SAFFRON]),
    ({"region": "draa-tafilalet"}, [DATES]),
    ({"region": "souss-massa"}, [ARGAN, SAFFRON]),
    ({"label": "aop-safran-de-taliouine"}, [SAFFRON]),
    ({"cooperative": "tifawin"}, [ARGAN, SAFFRON]),
    ({"cooperative": "suspendue"}, []),
    ({"price_min": "70", "price_max": "100"}, [DATES]),
    ({"price_min": "100", "price_max": "70"}, [DATES]),
    ({"price_max": "60,00"}, [SAFFRON]),
    ({"price_min": "95.00"}, [DATES, ARGAN]),
    ({"region": "souss-massa", "price_min": "100"}, [ARGAN]),
    ({"category": "nope"}, []),
])
def test_search_filters_narrow_the_listing(client, shop, params, expected):
    assert _slugs(client, "/search/", params) == expected


@pytest.mark.parametrize(("prefix", "sort", "expected"), [
    ("", "name", [DATES, ARGAN, SAFFRON]),
    ("/ar", "name", [DATES, SAFFRON, ARGAN]),  # تمور، زعفران، زيت
    ("/en", "name", [ARGAN, DATES, SAFFRON]),  # Culinary, Medjool, Taliouine
    ("", "price", [SAFFRON, DATES, ARGAN]),
    ("", "-price", [ARGAN, DATES, SAFFRON]),
    ("", "newest", [ARGAN, SAFFRON, DATES]),
    ("", "bogus", [DATES, ARGAN, SAFFRON]),
])
def test_sorting_follows_the_language_of_the_page(client, shop, prefix, sort, expected):
    assert _slugs(client, f"{prefix}/search/", {"sort": sort}) == expected


def test_the_chosen_filters_are_shown_back_in_the_form(client, shop):
    html = client.get("/search/", {"q": "safran", "region": "souss-massa", "price_min": "10",
                                   "sort": "-price"}).content.decode()

    assert '<input type="search" name="q" value="safran" maxlength="100">' in html
    assert '<option value="souss-massa" selected>Souss-Massa</option>' in html
    assert 'name="price_min" value="10"' in html
    assert '<option value="-price" selected>Prix décroissant</option>' in html
    assert "<details class=\"filters\" open>" in html
    assert '<meta name="robots" content="noindex, follow">' in html
    assert "<h1>Résultats pour «\xa0safran\xa0»</h1>" in html


def test_a_page_fixed_dimension_is_not_offered_again(client, shop):
    html = client.get("/categories/huiles/").content.decode()

    assert 'name="category"' not in html
    assert 'name="region"' in html
    assert "<details class=\"filters\">" in html
    assert 'name="robots"' not in html


def test_the_count_is_pluralised_per_language(client, shop):
    assert '<p class="count">3 produits</p>' in client.get("/search/").content.decode()
    assert '<p class="count">1 produit</p>' in client.get(
        "/search/?q=safran").content.decode()
    assert '<p class="count">3 منتجات</p>' in client.get("/ar/search/").content.decode()
    assert '<p class="count">0 products</p>' in client.get(
        "/en/search/?q=zzz").content.decode()


@pytest.fixture
def many(shop):
    """30 more listed saffron products, so the search spans two pages of 24."""
    for index in range(30):
        make_listed_product(channel=shop.channel, cooperative=shop.women_coop,
                            category=shop.spices, name=f"Safran lot {index:02d}",
                            slug=f"safran-lot-{index:02d}")
    return shop


def test_pagination_splits_the_listing_into_pages_of_24(client, many):
    first = client.get("/search/").content.decode()
    second = client.get("/search/?page=2").content.decode()

    assert len(card_slugs(first)) == 24
    assert len(card_slugs(second)) == 9
    assert set(card_slugs(first)).isdisjoint(card_slugs(second))
    assert '<a rel="next" href="?page=2">Suivante</a>' in first
    assert "<span>Page 1 sur 2</span>" in first
    assert '<a rel="prev" href="?">Précédente</a>' in second
    assert '<link rel="canonical" href="http://testserver/search/?page=2">' in second


def test_pagination_links_keep_the_filters(client, many):
    html = client.get("/search/", {"q": "safran", "sort": "price"}).content.decode()

    assert '<a rel="next" href="?q=safran&amp;sort=price&amp;page=2">Suivante</a>' in html


@pytest.mark.parametrize(("page", "shown"), [
    ("1", 1), ("2", 2), ("3", 2), ("999999999", 2), ("9" * 5000, 1), ("0", 1), ("-1", 1),
    ("abc", 1), ("1.5", 1), ("", 1), ("\x00", 1), ("٢", 1), ("2\x00", 1),
])
def test_a_junk_or_out_of_range_page_number_shows_a_real_page(client, many, page, shown):
    response = client.get("/search/", {"page": page})

    assert response.status_code == 200
    assert f"<span>Page {shown} sur 2</span>" in response.content.decode()


@pytest.mark.parametrize("params", [
    {"q": "saf\x00ran"}, {"q": "x" * 5000}, {"category": "\x00"}, {"category": "../../etc"},
    {"region": "é"}, {"label": "a b"}, {"cooperative": "%00"}, {"price_min": "abc"},
    {"price_max": "NaN"}, {"price_min": "Infinity"}, {"price_max": "1e400"},
    {"price_min": "-5"}, {"price_min": "12.345"}, {"price_max": "\x00"}, {"sort": "\x00"},
    {"sort": "-created_at"},
])
def test_a_malformed_filter_is_dropped_and_the_page_still_answers(client, shop, params):
    assert _slugs(client, "/search/", params) == [DATES, ARGAN, SAFFRON]


def test_a_repeated_parameter_uses_its_last_value(client, shop):
    assert _slugs(client, "/search/?region=draa-tafilalet&region=souss-massa") == [
        ARGAN, SAFFRON]


def test_listing_pages_also_sort_and_paginate(client, many):
    html = client.get("/cooperatives/tifawin/?sort=price&page=2").content.decode()

    assert "<span>Page 2 sur 2</span>" in html
    assert card_slugs(html)[-1] == ARGAN  # the dearest, last
