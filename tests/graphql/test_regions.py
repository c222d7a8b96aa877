"""Morocco's regions and cities, with names in the client's language."""
from __future__ import annotations

import pytest

from fulfillment.models import City, Region
from tests.graphql.conftest import gid

pytestmark = pytest.mark.django_db


def test_regions_lists_the_twelve_regions_by_code(graphql_data):
    regions = graphql_data("{ regions { code name capital } }")["regions"]

    assert len(regions) == 12
    assert regions[0] == {"code": "MA-01", "name": "Tanger-Tétouan-Al Hoceïma",
                          "capital": "Tanger"}
    assert [r["code"] for r in regions] == [f"MA-{n:02d}" for n in range(1, 13)]


def test_a_region_shows_its_names_position_and_cities(graphql_data):
    souss = Region.objects.get(code="MA-09")
    taliouine = City.objects.get(slug="taliouine")

    region = graphql_data("""{ region(code: "MA-09") { id code slug name latitude longitude
      ar: localizedName(languageCode: AR) en: localizedName(languageCode: EN_GB)
      other: localizedName(languageCode: DE)
      cities { id name localizedName(languageCode: AR) postalCode region { code } } } }""")[
        "region"]

    assert {k: v for k, v in region.items() if k != "cities"} == {
        "id": gid("Region", souss.pk), "code": "MA-09", "slug": souss.slug,
        "name": "Souss-Massa", "latitude": float(souss.latitude),
        "longitude": float(souss.longitude), "ar": "سوس ماسة", "en": souss.name_en,
        "other": "Souss-Massa"}
    assert [c["name"] for c in region["cities"]] == sorted(
        souss.cities.values_list("name", flat=True))
    assert {"id": gid("City", taliouine.pk), "name": "Taliouine",
            "localizedName": taliouine.name_ar, "postalCode": taliouine.postal_code or None,
            "region": {"code": "MA-09"}} in region["cities"]


def test_localized_names_default_to_the_request_language(graphql, client):
    response = client.post("/graphql/", {"query": '{ region(slug: "souss-massa") '
                                                  '{ localizedName } }'},
                           content_type="application/json", HTTP_ACCEPT_LANGUAGE="ar")

    assert response.json() == {"data": {"region": {"localizedName": "سوس ماسة"}}}


def test_a_region_is_found_by_id_code_or_slug_and_unknown_is_null(graphql, graphql_data):
    souss = Region.objects.get(code="MA-09")

    assert graphql_data("query($id: ID) { region(id: $id) { code } }",
                        id=gid("Region", souss.pk)) == {"region": {"code": "MA-09"}}
    assert graphql_data('{ region(code: "ma-09") { code } }') == {"region": {"code": "MA-09"}}
    assert graphql_data('{ region(code: "MA-99") { code } }') == {"region": None}
    assert graphql_data('{ region(slug: "x\\u0000") { code } }') == {"region": None}
    assert [e["message"] for e in graphql("{ region { code } }")["errors"]] == [
        "At least one of arguments is required: 'id', 'code', 'slug'."]
