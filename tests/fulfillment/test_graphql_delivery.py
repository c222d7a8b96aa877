"""The delivery API: public partners, per-cooperative delivery options, Saleor-style errors."""
from __future__ import annotations

import pytest

from fulfillment.models import Partner, Region
from tests.factories.catalog import CooperativeFactory, make_listed_product
from tests.factories.fulfillment import make_partner
from tests.graphql.conftest import gid

pytestmark = pytest.mark.django_db

DELIVERY_OPTIONS = """
query Quote($lines: [DeliveryLineInput!]!, $city: String!, $postalCode: String,
            $channel: String, $languageCode: LanguageCodeEnum) {
  deliveryOptions(channel: $channel, lines: $lines, languageCode: $languageCode,
                  address: {city: $city, postalCode: $postalCode, countryArea: "Souss-Massa"}) {
    groups {
      cooperative { name city { slug } }
      origin { slug }
      lines { variantId quantity totalPrice { amount } }
      weight { unit value }
      subtotal { amount currency }
      deliveryPrice { amount }
      total { amount }
      noDeliveryReason
      message
      options {
        id price { amount currency fractionalAmount } minimumDeliveryDays maximumDeliveryDays
        distanceKm shortCircuitLevel co2Grams handOffs
        legs { partner { name slug kind } from { slug } to { slug region { code } }
               distanceKm price { amount } }
      }
    }
    subtotal { amount } deliveryTotal { amount } total { amount }
    errors { field code message variants }
  }
}
"""


def line(product, quantity: int = 1) -> dict:
    return {"variantId": gid("ProductVariant", product.default_variant_id), "quantity": quantity}


@pytest.fixture
def taliouine_saffron(channel, demo_network):
    cooperative = CooperativeFactory(city_slug="taliouine", name="Coopérative Souktana")
    return make_listed_product(channel=channel, cooperative=cooperative, price="65.00")


def test_a_taliouine_parcel_to_agadir_is_regional_first(graphql_data, taliouine_saffron):
    data = graphql_data(DELIVERY_OPTIONS, lines=[line(taliouine_saffron, 2)], city="Agadir",
                        postalCode="80000")

    quote = data["deliveryOptions"]
    assert quote["errors"] == []
    (group,) = quote["groups"]
    assert group["cooperative"] == {"name": "Coopérative Souktana",
                                    "city": {"slug": "taliouine"}}
    assert group["weight"] == {"unit": "G", "value": 100.0}
    assert group["subtotal"] == {"amount": 130.0, "currency": "MAD"}
    best = group["options"][0]
    assert best["shortCircuitLevel"] == "REGIONAL"
    assert best["legs"] == [{
        "partner": {"name": "Souss Express", "slug": "souss-express",
                    "kind": "TRANSPORT_COOPERATIVE"},
        "from": {"slug": "taliouine"}, "to": {"slug": "agadir", "region": {"code": "MA-09"}},
        "distanceKm": 209.2, "price": {"amount": 25.46}}]
    assert best["price"] == {"amount": 25.46, "currency": "MAD", "fractionalAmount": 2546}
    assert (best["minimumDeliveryDays"], best["maximumDeliveryDays"]) == (1, 2)
    assert best["handOffs"] == 0
    assert group["deliveryPrice"] == {"amount": 25.46}
    assert group["total"] == {"amount": 155.46}
    assert quote["total"] == {"amount": 155.46}


def test_a_taliouine_parcel_to_tanger_is_national(graphql_data, taliouine_saffron):
    data = graphql_data(DELIVERY_OPTIONS, lines=[line(taliouine_saffron)], city="Tanger")

    options = data["deliveryOptions"]["groups"][0]["options"]
    assert options[0]["shortCircuitLevel"] == "NATIONAL_DIRECT"
    relay = next(o for o in options if o["shortCircuitLevel"] == "NATIONAL_RELAY")
    assert relay["handOffs"] == len(relay["legs"]) - 1 >= 1
    assert relay["legs"][0]["from"] == {"slug": "taliouine"}
    assert relay["legs"][-1]["to"]["slug"] == "tanger"
    assert relay["distanceKm"] == pytest.approx(sum(leg["distanceKm"] for leg in relay["legs"]))


@pytest.mark.parametrize(("language", "expected"), [
    ("FR", "Aucune livraison"), ("AR", "توصيل"), ("EN", "No delivery available")])
def test_a_city_nobody_covers_says_so_in_the_asked_language(graphql_data, channel, language,
                                                            expected):
    make_partner(regions=("MA-09",))
    product = make_listed_product(channel=channel,
                                  cooperative=CooperativeFactory(city_slug="taliouine"))

    data = graphql_data(DELIVERY_OPTIONS, lines=[line(product)], city="Dakhla",
                        languageCode=language)

    group = data["deliveryOptions"]["groups"][0]
    assert group["options"] == []
    assert group["noDeliveryReason"] == "NO_DROPOFF_PARTNER"
    assert expected in group["message"]
    assert group["total"] is None and data["deliveryOptions"]["total"] is None


def test_a_ten_line_cart_from_five_cooperatives_costs_six_queries(
        graphql_data, channel, demo_network, django_assert_num_queries):
    products = [make_listed_product(channel=channel, cooperative=cooperative)
                for cooperative in (CooperativeFactory(city_slug=city) for city in
                                    ("taliouine", "agadir", "marrakech", "fes", "tanger"))
                for _ in range(2)]

    with django_assert_num_queries(6):
        data = graphql_data(DELIVERY_OPTIONS, lines=[line(p) for p in products], city="Rabat")

    assert len(data["deliveryOptions"]["groups"]) == 5
    assert all(g["options"] for g in data["deliveryOptions"]["groups"])


def errors_for(graphql, **variables) -> list[dict]:
    body = graphql(DELIVERY_OPTIONS, **variables)
    assert "errors" not in body, body
    result = body["data"]["deliveryOptions"]
    assert result["groups"] == [] and result["total"] is None
    return result["errors"]


def test_an_unknown_city_is_a_not_found_error_on_city(graphql, taliouine_saffron):
    errors = errors_for(graphql, lines=[line(taliouine_saffron)], city="Atlantis")

    assert [(e["field"], e["code"]) for e in errors] == [("city", "NOT_FOUND")]
    assert "Atlantis" in errors[0]["message"]


@pytest.mark.parametrize(("quantity", "code"), [(0, "ZERO_QUANTITY"), (-1, "INVALID")])
def test_a_zero_or_negative_quantity_is_refused(graphql, taliouine_saffron, quantity, code):
    errors = errors_for(graphql, lines=[line(taliouine_saffron, quantity)], city="Agadir")

    assert errors == [{"field": "quantity", "code": code,
                       "message": errors[0]["message"],
                       "variants": [line(taliouine_saffron)["variantId"]]}]


@pytest.mark.parametrize(("variant_id", "code"), [
    (gid("ProductVariant", 999999), "NOT_FOUND"),
    (gid("Product", 1), "GRAPHQL_ERROR"),
    ("not-an-id", "GRAPHQL_ERROR"),
    ("", "GRAPHQL_ERROR"),
])
def test_an_unknown_or_malformed_variant_id_is_refused(graphql, taliouine_saffron, variant_id,
                                                       code):
    errors = errors_for(graphql, lines=[{"variantId": variant_id, "quantity": 1}],
                        city="Agadir")

    assert [(e["field"], e["code"], e["variants"]) for e in errors] == [
        ("variantId", code, [variant_id])]


def test_every_bad_input_is_listed_at_once(graphql, taliouine_saffron):
    errors = errors_for(graphql, lines=[line(taliouine_saffron, 0)], city="",
                        postalCode="ABC", channel="nowhere")

    assert {(e["field"], e["code"]) for e in errors} == {
        ("channel", "NOT_FOUND"), ("quantity", "ZERO_QUANTITY"), ("city", "REQUIRED"),
        ("postalCode", "INVALID")}


def test_an_empty_cart_is_refused(graphql, channel, demo_network):
    errors = errors_for(graphql, lines=[], city="Agadir")

    assert [(e["field"], e["code"]) for e in errors] == [("lines", "NO_LINES")]


PARTNERS = """
query Partners($region: ID) {
  partners(region: $region) { id name slug kind collectsCash co2GramsPerKm hubCity { slug }
                              regions { code } }
}
"""


def test_partners_of_a_region_by_code_or_id(graphql_data, demo_network):
    souss = Region.objects.get(code="MA-09")

    by_code = graphql_data(PARTNERS, region="MA-09")["partners"]
    by_id = graphql_data(PARTNERS, region=gid("Region", souss.pk))["partners"]

    assert by_code == by_id
    slugs = {p["slug"] for p in by_code}
    assert {"souss-express", "agadir-coursiers", "relais-marrakech",
            "maroc-colis-national"} == slugs
    agadir = next(p for p in by_code if p["slug"] == "agadir-coursiers")
    assert agadir == {"id": gid("DeliveryPartner", Partner.objects.get(slug="agadir-coursiers").pk),
                      "name": "Agadir Coursiers", "slug": "agadir-coursiers", "kind": "COURIER",
                      "collectsCash": True, "co2GramsPerKm": 120, "hubCity": None,
                      "regions": [{"code": "MA-09"}]}


def test_all_partners_without_a_region_and_none_for_an_unknown_one(graphql_data, demo_network):
    assert len(graphql_data(PARTNERS)["partners"]) == len(demo_network)
    assert graphql_data(PARTNERS, region="MA-99")["partners"] == []


def test_pending_partners_are_not_listed(graphql_data, demo_network):
    Partner.objects.filter(slug="souss-express").update(status="pending")

    slugs = {p["slug"] for p in graphql_data(PARTNERS, region="MA-09")["partners"]}

    assert "souss-express" not in slugs


def test_partners_expose_public_fields_only(graphql_data, db):
    fields = graphql_data('{ __type(name: "DeliveryPartner") { fields { name } } }')
    names = {f["name"] for f in fields["__type"]["fields"]}

    assert names == {"id", "name", "slug", "kind", "collectsCash", "co2GramsPerKm", "hubCity",
                     "regions"}
