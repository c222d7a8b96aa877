"""The cart and checkout pages cost the same SQL queries with 2 lines or 10 (from 5 cooperatives).

Every product has a photo with four thumbnails and translations, every cooperative a
translation, so a missing prefetch shows up as one more query per line or per parcel.
"""
from __future__ import annotations

import pytest

from backend.cooperatives.models import CooperativeTranslation
from backend.orders.services.checkout_lines import LineInput, checkout_create
from catalog.models import ProductTranslation, ProductVariantTranslation
from storefront.session import CHECKOUT_KEY, CITY_KEY
from tests.factories.catalog import ChannelFactory, CooperativeFactory, city, make_listed_product
from tests.storefront.checkout_data import choose_first_deliveries, fill_address
from tests.storefront.helpers import queries_for
from tests.storefront.shop_data import add_photo

# session, checkout, then the cart (11): lines, variants, their prices and translations,
# products' translations, photos, thumbnails, cooperatives' translations and cities, chosen
# deliveries, payments; the city picker's cities and the navigation (2; none when a page read it
# since the catalog last changed: storefront/basics.py). The header's cart size comes from the
# cart itself.
NAVIGATION_QUERIES = 2
# + promotions: the channel's rules, the voucher entered, the gift cards (3, backend.discounts)
CART_QUERIES = 19
# ... plus the delivery city and the partner network (2) for every parcel's estimate at once.
CART_WITH_CITY_QUERIES = CART_QUERIES + 3
# session, checkout, the cart (11), the navigation (2) and the fair-pay estimate of the order
# (4: the policy in force, the cooperatives' overrides, the legs' partners by slug, their names).
# + promotions (3)
REVIEW_QUERIES = 22
# session, checkout, the cart (11), the delivery options of every parcel (checkout_delivery_options:
# address, lines again, cooperatives' cities, partner network), cooperatives' names, navigation.
# + promotions (3)
DELIVERY_QUERIES = 28


@pytest.fixture
def cart_of(db, client, network):
    """A cart of ``count`` lines from ``cooperatives`` cooperatives, in this client's session."""
    channel = ChannelFactory()
    towns = ["taliouine", "agadir", "tiznit", "taroudant", "errachidia"]

    def make(count: int, cooperatives: int):
        coops = []
        for index in range(cooperatives):
            coop = CooperativeFactory(city_slug=towns[index])
            CooperativeTranslation.objects.create(cooperative=coop, language_code="ar",
                                                  name=f"تعاونية {index}")
            coops.append(coop)
        lines = []
        for index in range(count):
            product = make_listed_product(channel=channel, cooperative=coops[index % len(coops)],
                                          name=f"Miel {index}", slug=f"miel-{count}-{index}")
            add_photo(product, (200, 150, 40), real=False)
            ProductTranslation.objects.create(product=product, language_code="ar",
                                              name=f"عسل {index}")
            ProductVariantTranslation.objects.create(variant=product.default_variant,
                                                     language_code="ar", name="1 غ")
            lines.append(LineInput(variant_id=product.default_variant_id, quantity=1))
        checkout = checkout_create(channel=channel, lines=lines)
        session = client.session
        session[CHECKOUT_KEY] = str(checkout.token)
        session.save()
        return checkout
    return make


@pytest.mark.parametrize("url", ["/cart/", "/ar/cart/"])
def test_the_cart_page_costs_the_same_queries_with_2_or_10_lines(client, cart_of, url):
    cart_of(2, 2)
    with_2 = queries_for(client, url)

    cart_of(10, 5)
    with_10 = queries_for(client, url)

    assert (with_2, with_10) == (CART_QUERIES, CART_QUERIES)
    assert client.get(url).content.decode().count('<li class="line">') == 10


def test_the_cart_with_delivery_estimates_costs_a_fixed_number_of_queries(client, cart_of):
    session = client.session
    session[CITY_KEY] = city("agadir").pk
    session.save()
    cart_of(2, 2)  # keeps the session's city
    with_2 = queries_for(client, "/cart/")

    cart_of(10, 5)
    with_10 = queries_for(client, "/cart/")

    assert (with_2, with_10) == (CART_WITH_CITY_QUERIES, CART_WITH_CITY_QUERIES)
    assert client.get("/cart/").content.decode().count('class="parcel-delivery"') == 5


def test_the_delivery_and_review_pages_cost_the_same_queries_with_2_or_10_lines(client, cart_of):
    counts = []
    for count, cooperatives in ((2, 2), (10, 5)):
        cart_of(count, cooperatives)
        assert fill_address(client).status_code == 302
        assert choose_first_deliveries(client).status_code == 302
        counts.append((queries_for(client, "/checkout/delivery/"),
                       queries_for(client, "/checkout/review/")))

    # The address and delivery steps drew the navigation already.
    assert counts == [(DELIVERY_QUERIES - NAVIGATION_QUERIES,
                       REVIEW_QUERIES - NAVIGATION_QUERIES)] * 2
