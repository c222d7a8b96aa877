"""Quoting a cart: one parcel per cooperative, its options, the consumer's total, bad input."""
from __future__ import annotations

from decimal import Decimal

import pytest

from backend.core.errors import DomainError
from catalog.models import ProductVariantChannelListing
from fulfillment.cart_quotes import LineRequest, delivery_options_quote, legs_snapshot
from fulfillment.error_codes import DeliveryErrorCode
from fulfillment.routing import NoDeliveryReason, ShortCircuitLevel
from tests.factories.catalog import ChannelFactory, CooperativeFactory, make_listed_product
from tests.factories.fulfillment import make_partner

from .conftest import MONDAY

pytestmark = pytest.mark.django_db

COOPERATIVE_CITIES = ["taliouine", "agadir", "marrakech", "fes", "tanger"]


def lines_for(products, quantity: int = 2) -> list[LineRequest]:
    return [LineRequest(reference=f"v{p.default_variant_id}", variant_id=p.default_variant_id,
                        quantity=quantity) for p in products]


@pytest.fixture
def ten_products(channel, demo_network):
    """Two products from each of five cooperatives, 50 g per unit, 60 and 61 MAD."""
    products = []
    for city in COOPERATIVE_CITIES:
        cooperative = CooperativeFactory(city_slug=city, name=f"Coopérative de {city}")
        products += [make_listed_product(channel=channel, cooperative=cooperative,
                                         price=price) for price in ("60.00", "61.00")]
    return products


def test_a_cart_gets_one_quote_group_per_cooperative(ten_products):
    quote = delivery_options_quote(lines=lines_for(ten_products), city="Agadir", day=MONDAY)

    assert [g.cooperative.city.slug for g in quote.groups] == COOPERATIVE_CITIES
    for group in quote.groups:
        assert len(group.lines) == 2
        assert group.weight_grams == 4 * 50
        assert group.subtotal == Decimal("242.00")
        assert group.total == group.subtotal + group.quote.best.price
    levels = [g.quote.best.level for g in quote.groups]
    assert levels == [ShortCircuitLevel.REGIONAL, ShortCircuitLevel.LOCAL,
                      ShortCircuitLevel.NATIONAL_DIRECT, ShortCircuitLevel.NATIONAL_DIRECT,
                      ShortCircuitLevel.NATIONAL_DIRECT]
    assert quote.subtotal == Decimal("1210.00")
    assert quote.delivery_total == sum(g.quote.best.price for g in quote.groups)
    assert quote.total == quote.subtotal + quote.delivery_total
    assert quote.currency == "MAD"


def test_a_ten_line_cart_from_five_cooperatives_costs_six_queries(ten_products,
                                                                  django_assert_num_queries):
    with django_assert_num_queries(6):
        quote = delivery_options_quote(lines=lines_for(ten_products), city="Agadir",
                                       channel_slug="maroc", day=MONDAY)

    assert len(quote.groups) == 5


def test_a_one_line_cart_costs_the_same_six_queries(ten_products, django_assert_num_queries):
    with django_assert_num_queries(6):
        delivery_options_quote(lines=lines_for(ten_products[:1]), city="Agadir",
                               channel_slug="maroc", day=MONDAY)


def test_a_chosen_option_is_found_again_by_its_id_and_snapshots_its_legs(ten_products):
    def quote_group():
        return delivery_options_quote(lines=lines_for(ten_products[:1]), city="Tanger",
                                      day=MONDAY).groups[0]

    group = quote_group()
    chosen = group.quote.options[-1]
    option_id = group.option_id(chosen)

    again = quote_group().find_option(option_id)

    assert again == chosen
    assert quote_group().find_option("0/404") is None
    snapshot = legs_snapshot(chosen)
    assert [leg["partner_id"] for leg in snapshot] == [p.id for p in chosen.partners]
    assert snapshot[0]["from_city_id"] == group.cooperative.city_id
    assert sum(Decimal(leg["price"]) for leg in snapshot) == chosen.price


def test_repeated_variants_are_added_up(ten_products):
    product = ten_products[0]

    quote = delivery_options_quote(lines=lines_for([product, product], quantity=3),
                                   city="agadir", day=MONDAY)

    assert [line.quantity for line in quote.groups[0].lines] == [6]
    assert quote.groups[0].weight_grams == 300


def test_the_city_may_be_typed_in_any_language_or_case(ten_products):
    for typed in ("AGADIR", "أكادير", "agadir", " Agadir "):
        quote = delivery_options_quote(lines=lines_for(ten_products[:1]), city=typed,
                                       day=MONDAY)
        assert quote.destination.slug == "agadir"


def test_a_parcel_nobody_can_deliver_has_a_reason_and_no_total(channel):
    make_partner(regions=("MA-09",))
    product = make_listed_product(channel=channel,
                                  cooperative=CooperativeFactory(city_slug="taliouine"))

    quote = delivery_options_quote(lines=lines_for([product]), city="Dakhla", day=MONDAY)

    group = quote.groups[0]
    assert group.quote.reason is NoDeliveryReason.NO_DROPOFF_PARTNER
    assert group.total is None
    assert quote.delivery_total is None and quote.total is None


def errors_of(**kwargs) -> list[tuple[str | None, DeliveryErrorCode]]:
    kwargs.setdefault("city", "Agadir")
    with pytest.raises(DomainError) as raised:
        delivery_options_quote(day=MONDAY, **kwargs)
    return [(e.field, e.code) for e in raised.value.errors]


def test_an_unknown_city_is_refused_on_the_city_field(ten_products):
    assert errors_of(lines=lines_for(ten_products[:1]), city="Atlantis") == [
        ("city", DeliveryErrorCode.NOT_FOUND)]


def test_a_close_misspelling_gets_a_suggestion(ten_products):
    with pytest.raises(DomainError) as raised:
        delivery_options_quote(lines=lines_for(ten_products[:1]), city="Agadirr", day=MONDAY)

    assert "Agadir" in raised.value.errors[0].message


@pytest.mark.parametrize(("quantity", "code"), [
    (0, DeliveryErrorCode.ZERO_QUANTITY),
    (-2, DeliveryErrorCode.INVALID),
    (1001, DeliveryErrorCode.QUANTITY_GREATER_THAN_LIMIT),
])
def test_a_bad_quantity_is_refused_naming_the_variant(ten_products, quantity, code):
    line = lines_for(ten_products[:1], quantity=quantity)[0]

    with pytest.raises(DomainError) as raised:
        delivery_options_quote(lines=[line], city="Agadir", day=MONDAY)

    (error,) = raised.value.errors
    assert (error.field, error.code, error.variants) == ("quantity", code, (line.reference,))


def test_unknown_and_unreadable_variants_are_refused(ten_products):
    lines = [LineRequest("UHJvZHVjdFZhcmlhbnQ6OTk5OTk=", 99999, 1),
             LineRequest("not-an-id", None, 1)]

    assert errors_of(lines=lines) == [("variantId", DeliveryErrorCode.GRAPHQL_ERROR),
                                      ("variantId", DeliveryErrorCode.NOT_FOUND)]


def test_a_variant_without_a_price_in_the_channel_is_unavailable(demo_network, channel):
    product = make_listed_product(channel=channel, variants=2)
    unpriced = product.variants.order_by("sort_order").last()
    ProductVariantChannelListing.objects.filter(variant=unpriced).delete()

    errors = errors_of(lines=[LineRequest("unpriced", unpriced.pk, 1)])

    assert errors == [("variantId", DeliveryErrorCode.UNAVAILABLE_VARIANT_IN_CHANNEL)]


def test_a_variant_of_an_unpublished_product_is_not_found(demo_network, channel):
    product = make_listed_product(channel=channel)
    product.channel_listings.update(is_published=False)

    assert errors_of(lines=lines_for([product])) == [("variantId", DeliveryErrorCode.NOT_FOUND)]


def test_an_unknown_or_inactive_channel_is_refused(ten_products):
    ChannelFactory(slug="ferme", name="Fermé", is_active=False)

    assert errors_of(lines=lines_for(ten_products[:1]), channel_slug="nowhere") == [
        ("channel", DeliveryErrorCode.NOT_FOUND)]
    assert errors_of(lines=lines_for(ten_products[:1]), channel_slug="ferme") == [
        ("channel", DeliveryErrorCode.CHANNEL_INACTIVE)]


def test_without_a_default_channel_a_channel_slug_is_required(ten_products):
    from catalog.models import Channel

    Channel.objects.update(is_active=False)

    assert errors_of(lines=lines_for(ten_products[:1])) == [
        ("channel", DeliveryErrorCode.MISSING_CHANNEL_SLUG)]


def test_an_empty_cart_a_missing_city_and_a_bad_postal_code_are_all_reported(demo_network,
                                                                            channel):
    assert errors_of(lines=[], city="", postal_code="8000") == [
        ("lines", DeliveryErrorCode.NO_LINES), ("city", DeliveryErrorCode.REQUIRED),
        ("postalCode", DeliveryErrorCode.INVALID)]
