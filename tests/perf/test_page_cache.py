"""Anonymous catalog pages come from the cache, and change as soon as what they show changes.

Every change below goes through the real service (the cooperative's bulk stock page, stock,
publication, checkout completion), including the paths that write with ``queryset.update``.
"""
from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backend.fairpay.services.policy import split_policy_for
from backend.orders.services.checkout_complete import checkout_complete
from catalog.cache import catalog_pages_version
from catalog.services.listings import ChannelListingInput, product_channel_listing_update
from catalog.services.stock import BulkRow, stock_update, variants_bulk_update_stock_and_prices
from storefront.cache import CACHE_HEADER, CSRF_PLACEHOLDER
from tests.factories.catalog import make_listed_product
from tests.orders.conftest import ready_checkout

pytestmark = pytest.mark.django_db

PRICE = '<p class="price price-lg">{}\xa0MAD</p>'
ADD_TO_CART = 'class="add-to-cart"'


@pytest.fixture
def argan(channel, cooperative):
    return make_listed_product(channel=channel, cooperative=cooperative, price="123.45",
                               quantity=3, name="Huile d'argan", slug="huile-argan")


def _get(client: Client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    return response


def _cached_twice(url: str) -> str:
    """View ``url`` twice as an anonymous visitor; the second view must come from the cache."""
    _get(Client(), url)
    second = _get(Client(), url)
    assert second[CACHE_HEADER] == "hit"
    return second.content.decode()


def test_a_warm_anonymous_page_costs_no_query(argan):
    for url in ("/", "/products/huile-argan/", "/ar/products/huile-argan/",
                f"/cooperatives/{argan.cooperative.slug}/"):
        first = _get(Client(), url)
        assert first[CACHE_HEADER] == "miss"
        with CaptureQueriesContext(connection) as queries:
            second = _get(Client(), url)
        assert second[CACHE_HEADER] == "hit"
        assert len(queries) == 0, url
        assert (re.sub(r'value="[^"]{20,}"', "", second.content.decode())
                == re.sub(r'value="[^"]{20,}"', "", first.content.decode()))


def test_each_language_has_its_own_cached_page(argan):
    assert 'lang="fr"' in _cached_twice("/products/huile-argan/")
    assert 'lang="ar" dir="rtl"' in _cached_twice("/ar/products/huile-argan/")
    assert 'lang="en"' in _cached_twice("/en/products/huile-argan/")


def test_a_price_changed_on_the_bulk_stock_page_shows_at_once(argan, channel):
    assert PRICE.format("123,45") in _cached_twice("/products/huile-argan/")

    variants_bulk_update_stock_and_prices(
        cooperative_id=argan.cooperative_id, channel_id=channel.pk,
        rows=[BulkRow(variant_id=argan.default_variant_id, price="98.70")])

    html = _get(Client(), "/products/huile-argan/").content.decode()
    assert PRICE.format("98,70") in html
    assert PRICE.format("123,45") not in html


def test_stock_down_to_zero_takes_the_add_to_cart_form_off_the_cached_page(argan):
    assert ADD_TO_CART in _cached_twice("/products/huile-argan/")

    stock_update(cooperative_id=argan.cooperative_id, variant_id=argan.default_variant_id,
                 quantity=0)

    html = _get(Client(), "/products/huile-argan/").content.decode()
    assert ADD_TO_CART not in html
    assert "stock-out" in html


def test_the_last_units_sold_by_a_checkout_take_the_product_out_of_stock(argan, channel):
    """Checkout completion allocates stock with one ``queryset.update``: no signal is sent."""
    assert ADD_TO_CART in _cached_twice("/products/huile-argan/")

    checkout = ready_checkout(channel, [(argan.default_variant, 3)])
    checkout_complete(checkout_token=checkout.token)

    assert ADD_TO_CART not in _get(Client(), "/products/huile-argan/").content.decode()


def test_a_sale_that_leaves_plenty_in_stock_keeps_the_cached_pages(channel, cooperative):
    """Above the line limit (50) and the low-stock threshold, pages read "in stock" either way:
    busy checkouts do not empty the page cache."""
    honey = make_listed_product(channel=channel, cooperative=cooperative, quantity=80,
                                slug="miel-thym")
    checkout = ready_checkout(channel, [(honey.default_variant, 2)])
    split_policy_for(timezone.now())  # the policy in force exists (created on first use)
    html = _cached_twice("/products/miel-thym/")
    version = catalog_pages_version()

    checkout_complete(checkout_token=checkout.token)

    assert catalog_pages_version() == version
    assert _get(Client(), "/products/miel-thym/").content.decode().count('max="50"') == \
        html.count('max="50"') == 1


def test_a_sale_down_to_the_line_limit_refreshes_the_quantity_offered(channel, cooperative):
    honey = make_listed_product(channel=channel, cooperative=cooperative, quantity=60,
                                slug="miel-thym")
    assert 'max="50"' in _cached_twice("/products/miel-thym/")

    checkout_complete(checkout_token=ready_checkout(channel, [(honey.default_variant, 20)]).token)

    html = _get(Client(), "/products/miel-thym/").content.decode()
    assert 'max="40"' in html and 'max="50"' not in html


def test_an_unpublished_product_leaves_the_cached_home_and_product_pages(argan, channel):
    assert "/products/huile-argan/" in _cached_twice("/")
    _cached_twice("/products/huile-argan/")

    product_channel_listing_update(
        cooperative_id=argan.cooperative_id, product_id=argan.pk,
        update_channels=[ChannelListingInput(channel_id=channel.pk, is_published=False)])

    assert "/products/huile-argan/" not in _get(Client(), "/").content.decode()
    assert Client().get("/products/huile-argan/").status_code == 404


def test_the_version_changes_again_once_the_change_commits(argan, channel,
                                                           django_capture_on_commit_callbacks):
    """A page rendered by another request from the data of before the commit is dropped."""
    before = catalog_pages_version()
    with django_capture_on_commit_callbacks(execute=True):
        stock_update(cooperative_id=argan.cooperative_id,
                     variant_id=argan.default_variant_id, quantity=2)
        during = catalog_pages_version()
    assert len({before, during, catalog_pages_version()}) == 3


def test_a_signed_in_customer_never_gets_nor_fills_a_cached_page(argan, customer):
    anonymous_html = _cached_twice("/products/huile-argan/")
    signed_in = Client()
    signed_in.force_login(customer)

    response = _get(signed_in, "/products/huile-argan/")

    assert CACHE_HEADER not in response
    assert "/account/" in response.content.decode()
    assert "/account/login/" in anonymous_html
    # Nor is their page stored for others: a fresh version is rendered for them alone.
    version = catalog_pages_version()
    _get(signed_in, "/")
    assert catalog_pages_version() == version
    assert _get(Client(), "/")[CACHE_HEADER] == "miss"


def test_a_visitor_with_a_cart_sees_their_own_cart_count(argan):
    _cached_twice("/")
    shopper = Client()
    added = shopper.post("/products/huile-argan/add-to-cart/",
                         {"variant": argan.default_variant_id, "quantity": 2})
    assert added.status_code in (302, 303)

    response = _get(shopper, "/")

    assert CACHE_HEADER not in response
    assert 'class="count-badge">2' in response.content.decode()


def test_each_visitor_gets_their_own_csrf_token_and_it_works(argan):
    _get(Client(), "/products/huile-argan/")
    visitor = Client(enforce_csrf_checks=True)
    response = _get(visitor, "/products/huile-argan/")
    html = response.content.decode()
    assert response[CACHE_HEADER] == "hit"
    assert CSRF_PLACEHOLDER not in html
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    added = visitor.post("/products/huile-argan/add-to-cart/",
                         {"variant": argan.default_variant_id, "quantity": 1,
                          "csrfmiddlewaretoken": token})

    assert added.status_code in (302, 303)


def test_a_search_or_a_filtered_listing_is_never_cached(argan):
    for url in ("/search/?q=argan", f"/search/?cooperative={argan.cooperative.slug}",
                "/products/huile-argan/?page=" + "9" * 40):
        _get(Client(), url)
        assert CACHE_HEADER not in _get(Client(), url)
