"""Cooperatives (CoopStore's extension): only approved ones are public."""
from __future__ import annotations

import pytest

from backend.cooperatives.models import CooperativeStatus, CooperativeTranslation
from fulfillment.models import Region
from tests.factories.catalog import CooperativeFactory, make_listed_product
from tests.graphql.conftest import gid

pytestmark = pytest.mark.django_db

LIST = """query($filter: CooperativeFilterInput, $sortBy: CooperativeSortingInput) {
  cooperatives(first: 20, filter: $filter, sortBy: $sortBy) { totalCount
    edges { node { slug } } } }"""


@pytest.fixture
def cooperatives(db):
    tifawin = CooperativeFactory(name="Tifawin", slug="tifawin", women_led=True,
                                 member_count=60, founded_year=2004)
    zagora = CooperativeFactory(name="Nakhil Zagora", slug="zagora", city_slug="zagora",
                                youth_led=True, member_count=12, founded_year=2015)
    sefrou = CooperativeFactory(name="Habb Al Moulouk", slug="sefrou", city_slug="sefrou",
                                women_led=True, youth_led=True, member_count=30,
                                founded_year=2010)
    CooperativeFactory(name="En attente", slug="pending", status=CooperativeStatus.PENDING)
    CooperativeFactory(name="Suspendue", slug="suspended", status=CooperativeStatus.SUSPENDED)
    CooperativeTranslation.objects.create(cooperative=tifawin, language_code="ar",
                                          name="تيفاوين", story="تعاونية نسائية.")
    return {"tifawin": tifawin, "zagora": zagora, "sefrou": sefrou}


def slugs(graphql_data, **variables) -> list[str]:
    return [e["node"]["slug"] for e in graphql_data(LIST, **variables)["cooperatives"]["edges"]]


def test_only_approved_cooperatives_are_listed_by_name(cooperatives, graphql_data):
    data = graphql_data(LIST)

    assert data["cooperatives"]["totalCount"] == 3
    assert slugs(graphql_data) == ["sefrou", "zagora", "tifawin"]


def test_cooperatives_filter_by_region_as_id_code_or_slug(cooperatives, graphql_data):
    souss = Region.objects.get(code="MA-09")

    assert slugs(graphql_data, filter={"region": gid("Region", souss.pk)}) == ["tifawin"]
    assert slugs(graphql_data, filter={"region": "ma-09"}) == ["tifawin"]
    assert slugs(graphql_data, filter={"region": souss.slug}) == ["tifawin"]
    assert slugs(graphql_data, filter={"region": gid("Product", souss.pk)}) == []
    assert slugs(graphql_data, filter={"region": "nowhere\x00"}) == []


def test_cooperatives_filter_by_leadership_and_search(cooperatives, graphql_data):
    assert slugs(graphql_data, filter={"womenLed": True}) == ["sefrou", "tifawin"]
    assert slugs(graphql_data, filter={"youthLed": True, "womenLed": True}) == ["sefrou"]
    assert slugs(graphql_data, filter={"youthLed": False}) == ["tifawin"]
    assert slugs(graphql_data, filter={"search": "تيفا"}) == ["tifawin"]
    assert slugs(graphql_data, filter={"search": "zagora"}) == ["zagora"]
    assert slugs(graphql_data, filter={"search": "suspendue"}) == []


def test_cooperatives_sort_by_members_or_foundation(cooperatives, graphql_data):
    assert slugs(graphql_data, sortBy={"field": "MEMBER_COUNT", "direction": "DESC"}) == [
        "tifawin", "sefrou", "zagora"]
    assert slugs(graphql_data, sortBy={"field": "FOUNDED_YEAR", "direction": "ASC"}) == [
        "tifawin", "sefrou", "zagora"]


COOPERATIVE = """query($slug: String, $id: ID) { cooperative(slug: $slug, id: $id) {
  id name slug odcoNumber latitude longitude foundedYear memberCount womenLed youthLed story
  logo { url } created region { code name } city { name }
  ar: translation(languageCode: AR) { name story language { code } }
  en: translation(languageCode: EN) { name } } }"""


def test_a_cooperative_shows_its_story_place_and_translations(cooperatives, graphql_data):
    tifawin = cooperatives["tifawin"]

    data = graphql_data(COOPERATIVE, slug="tifawin")["cooperative"]

    assert data == {
        "id": gid("Cooperative", tifawin.pk), "name": "Tifawin", "slug": "tifawin",
        "odcoNumber": tifawin.odco_number, "latitude": float(tifawin.latitude),
        "longitude": float(tifawin.longitude), "foundedYear": 2004, "memberCount": 60,
        "womenLed": True, "youthLed": False, "story": "Une coopérative de femmes.",
        "logo": None, "created": tifawin.created_at.isoformat(),
        "region": {"code": "MA-09", "name": "Souss-Massa"}, "city": {"name": "Taliouine"},
        "ar": {"name": "تيفاوين", "story": "تعاونية نسائية.", "language": {"code": "AR"}},
        "en": None,
    }
    assert graphql_data(COOPERATIVE, id=gid("Cooperative", tifawin.pk))["cooperative"][
        "slug"] == "tifawin"


def test_pending_suspended_and_unknown_cooperatives_are_null(cooperatives, graphql_data):
    assert graphql_data(COOPERATIVE, slug="pending") == {"cooperative": None}
    assert graphql_data(COOPERATIVE, slug="suspended") == {"cooperative": None}
    assert graphql_data(COOPERATIVE, slug="nope") == {"cooperative": None}
    assert graphql_data(COOPERATIVE, slug="x\x00") == {"cooperative": None}


def test_cooperative_lookup_errors(cooperatives, graphql):
    assert [e["message"] for e in graphql(COOPERATIVE)["errors"]] == [
        "At least one of arguments is required: 'id', 'slug'."]
    assert [e["message"] for e in graphql(COOPERATIVE, id="bad")["errors"]] == [
        "Invalid ID: bad. Expected: Cooperative."]


def test_a_cooperative_lists_its_visible_products_in_a_channel(cooperatives, channel,
                                                               graphql_data):
    make_listed_product(channel=channel, cooperative=cooperatives["tifawin"], slug="argan")
    make_listed_product(channel=channel, cooperative=cooperatives["zagora"], slug="dattes")

    data = graphql_data('{ cooperative(slug: "tifawin") { products(first: 5, channel: "maroc") '
                        '{ totalCount edges { node { slug cooperative { slug } } } } } }')

    assert data["cooperative"]["products"] == {"totalCount": 1, "edges": [
        {"node": {"slug": "argan", "cooperative": {"slug": "tifawin"}}}]}


def test_suspending_a_cooperative_hides_it_and_its_products(cooperatives, channel,
                                                            graphql_data):
    make_listed_product(channel=channel, cooperative=cooperatives["tifawin"], slug="argan")
    cooperatives["tifawin"].status = CooperativeStatus.SUSPENDED
    cooperatives["tifawin"].save()

    assert "tifawin" not in slugs(graphql_data)
    assert graphql_data('{ products(first: 5) { totalCount } }') == {
        "products": {"totalCount": 0}}
    assert graphql_data('{ product(slug: "argan") { slug } }') == {"product": None}
