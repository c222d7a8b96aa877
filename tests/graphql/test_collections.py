"""Saleor's collections: published per channel, translated, their products in their order."""
from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalog.models import Collection, CollectionChannelListing
from tests.factories.attributes import make_collection
from tests.factories.catalog import CooperativeFactory, UserFactory, make_listed_product
from tests.graphql.conftest import gid

pytestmark = pytest.mark.django_db


@pytest.fixture
def products(channel):
    return [make_listed_product(channel=channel, slug=slug, name=name)
            for slug, name in (("safran", "Safran"), ("argan", "Argan"), ("miel", "Miel"))]


@pytest.fixture
def women_led(channel, products):
    """Argan first, then saffron: the collection's own order, not the alphabet."""
    collection = make_collection(
        "cooperatives-feminines", channel=channel, products=[products[1], products[0]],
        name="Coopératives de femmes", seo_title="Coopératives féminines",
        seo_description="Produits de coopératives de femmes",
        description={"blocks": [{"type": "paragraph", "data": {"text": "Des femmes."}}]},
        translations={"ar": "تعاونيات نسائية", "en": "Women-led cooperatives"})
    collection.background_image.save("women.png", ContentFile(b"png"), save=True)
    collection.background_image_alt = "Femmes au travail"
    collection.save()
    return collection


COLLECTION = """query($slug: String, $id: ID, $channel: String) {
  collection(slug: $slug, id: $id, channel: $channel) {
    id name slug seoTitle seoDescription description channel
    backgroundImage(size: 1024, format: WEBP) { url alt }
    ar: translation(languageCode: AR) { name language { code } }
    en: translation(languageCode: EN) { name }
    fr: translation(languageCode: FR) { name }
    metadata { key }
    products(first: 10) { totalCount edges { node { slug } } } } }"""


def test_collection_by_slug_with_its_products_in_its_order(women_led, graphql_data):
    data = graphql_data(COLLECTION, slug="cooperatives-feminines", channel="maroc")["collection"]

    assert data["id"] == gid("Collection", women_led.pk)
    assert data["name"] == "Coopératives de femmes"
    assert data["seoTitle"] == "Coopératives féminines"
    assert data["seoDescription"] == "Produits de coopératives de femmes"
    assert json.loads(data["description"]) == women_led.description
    assert data["channel"] == "maroc"
    assert data["backgroundImage"]["alt"] == "Femmes au travail"
    assert data["backgroundImage"]["url"].startswith("http://testserver/media/collection-")
    assert data["ar"] == {"name": "تعاونيات نسائية", "language": {"code": "AR"}}
    assert data["en"] == {"name": "Women-led cooperatives"}
    assert data["fr"] is None
    assert data["products"] == {"totalCount": 2, "edges": [{"node": {"slug": "argan"}},
                                                           {"node": {"slug": "safran"}}]}


def test_collection_by_id_and_its_default_channel(women_led, graphql_data):
    data = graphql_data(COLLECTION, id=gid("Collection", women_led.pk))["collection"]

    assert data["slug"] == "cooperatives-feminines"
    assert data["channel"] == "maroc"


def test_collection_products_sorted_and_filtered_as_products(women_led, graphql_data):
    query = """query($sort: ProductOrder, $where: ProductWhereInput) {
      collection(slug: "cooperatives-feminines", channel: "maroc") {
        products(first: 10, sortBy: $sort, where: $where) { edges { node { slug } } } } }"""

    def slugs(**variables):
        data = graphql_data(query, **variables)["collection"]["products"]["edges"]
        return [e["node"]["slug"] for e in data]

    assert slugs(sort={"field": "NAME", "direction": "ASC"}) == ["argan", "safran"]
    assert slugs(sort={"field": "COLLECTION", "direction": "DESC"}) == ["safran", "argan"]
    assert slugs(where={"slug": {"eq": "safran"}}) == ["safran"]


def test_a_collection_page_costs_the_same_queries_with_100_products_as_with_10(
        channel, graphql_data):
    collection = make_collection("nouvelle-recolte", channel=channel)

    def add(count):
        start = collection.collection_products.count()
        for index in range(count):
            product = make_listed_product(channel=channel, cooperative=CooperativeFactory())
            collection.collection_products.create(product=product, sort_order=start + index)

    query = """query($first: Int!) { collection(slug: "nouvelle-recolte", channel: "maroc") {
      name translation(languageCode: AR) { name }
      products(first: $first) { totalCount edges { node { slug name
        thumbnail { url } pricing { priceRange { start { gross { amount } } } }
        collections { slug } } } } } }"""
    add(10)
    with CaptureQueriesContext(connection) as small:
        small_data = graphql_data(query, first=10)
    add(90)
    with CaptureQueriesContext(connection) as large:
        large_data = graphql_data(query, first=100)

    assert small_data["collection"]["products"]["totalCount"] == 10
    assert len(large_data["collection"]["products"]["edges"]) == 100
    assert large_data["collection"]["products"]["edges"][0]["node"]["collections"] == [
        {"slug": "nouvelle-recolte"}]
    assert len(large) == len(small)


# --- visibility -----------------------------------------------------------------------------

@pytest.fixture
def hidden(channel, products):
    return make_collection("brouillon", channel=channel, published=False,
                           products=[products[2]])


@pytest.fixture
def scheduled(channel, products):
    return make_collection("bientot", channel=channel,
                           published_at=timezone.now() + timedelta(days=3),
                           products=[products[2]])


@pytest.fixture
def elsewhere(other_channel, products):
    return make_collection("export", channel=other_channel, products=[products[2]])


def test_unpublished_scheduled_and_unlisted_collections_are_hidden_from_shoppers(
        women_led, hidden, scheduled, elsewhere, graphql_data):
    listing = graphql_data("""{ collections(first: 10, channel: "maroc") {
      totalCount edges { node { slug } } } }""")["collections"]

    assert listing == {"totalCount": 1,
                       "edges": [{"node": {"slug": "cooperatives-feminines"}}]}
    for collection in (hidden, scheduled, elsewhere):
        assert graphql_data(COLLECTION, slug=collection.slug, channel="maroc"
                            )["collection"] is None
        assert graphql_data(COLLECTION, id=gid("Collection", collection.pk),
                            channel="maroc")["collection"] is None


def test_product_collections_list_only_published_ones(women_led, hidden, products,
                                                      graphql_data):
    make_collection("aussi-cache", channel=None, products=[products[1]])
    data = graphql_data("""{ product(slug: "argan", channel: "maroc") {
      collections { slug name translation(languageCode: EN) { name } } } }""")

    assert data["product"]["collections"] == [
        {"slug": "cooperatives-feminines", "name": "Coopératives de femmes",
         "translation": {"name": "Women-led cooperatives"}}]


def test_staff_see_every_collection_and_its_channel_listings(women_led, hidden, graphql_data,
                                                            api_login):
    api_login(UserFactory(email="admin@coopstore.ma", is_staff=True))
    data = graphql_data("""{ collections(first: 10, channel: "maroc") { edges { node {
      slug channelListings { isPublished channel { slug } } } } } }""")

    assert data["collections"]["edges"] == [
        {"node": {"slug": "brouillon", "channelListings": [
            {"isPublished": False, "channel": {"slug": "maroc"}}]}},
        {"node": {"slug": "cooperatives-feminines", "channelListings": [
            {"isPublished": True, "channel": {"slug": "maroc"}}]}}]


def test_channel_listings_are_refused_to_shoppers(women_led, graphql):
    body = graphql('{ collection(slug: "cooperatives-feminines") { channelListings { '
                   'isPublished } } }')

    assert body["errors"][0]["message"] == ("To access this path, you need one of the "
                                            "following permissions: MANAGE_PRODUCTS")
    assert CollectionChannelListing.objects.get(collection=women_led).is_published is True


def test_an_unknown_channel_shows_no_collection(women_led, graphql_data):
    assert graphql_data('{ collections(first: 5, channel: "nowhere") { totalCount } }'
                        ) == {"collections": {"totalCount": 0}}


# --- filters and sorting --------------------------------------------------------------------

def test_collections_filter_search_slugs_ids_and_where(women_led, channel, products,
                                                       graphql_data):
    gifts = make_collection("cadeaux-atlas", channel=channel, products=products,
                            name="Cadeaux de l'Atlas", translations={"ar": "هدايا الأطلس"},
                            metadata={"home": "yes"})
    query = """query($filter: CollectionFilterInput, $where: CollectionWhereInput) {
      collections(first: 10, channel: "maroc", filter: $filter, where: $where) {
        edges { node { slug } } } }"""

    def slugs(**variables):
        return [e["node"]["slug"]
                for e in graphql_data(query, **variables)["collections"]["edges"]]

    assert slugs(filter={"search": "atlas"}) == ["cadeaux-atlas"]
    assert slugs(filter={"search": "الأطلس"}) == ["cadeaux-atlas"]
    assert slugs(filter={"search": "at\x00las"}) == []
    assert slugs(filter={"slugs": ["cooperatives-feminines"]}) == ["cooperatives-feminines"]
    assert slugs(filter={"ids": [gid("Collection", gifts.pk)]}) == ["cadeaux-atlas"]
    assert slugs(filter={"metadata": [{"key": "home", "value": "yes"}]}) == ["cadeaux-atlas"]
    assert slugs(filter={"published": "PUBLISHED"}) == ["cadeaux-atlas",
                                                        "cooperatives-feminines"]
    assert slugs(filter={"published": "HIDDEN"}) == []
    assert slugs(where={"OR": [{"ids": [gid("Collection", gifts.pk)]},
                               {"metadata": [{"key": "nope"}]}]}) == ["cadeaux-atlas"]


def test_collections_sort_by_product_count_and_name(women_led, channel, products,
                                                    graphql_data):
    make_collection("cadeaux-atlas", channel=channel, products=products, name="Atlas")
    query = """query($sort: CollectionSortingInput) { collections(first: 5, channel: "maroc",
      sortBy: $sort) { edges { node { slug } } } }"""

    def slugs(field, direction):
        data = graphql_data(query, sort={"field": field, "direction": direction})
        return [e["node"]["slug"] for e in data["collections"]["edges"]]

    assert slugs("PRODUCT_COUNT", "DESC") == ["cadeaux-atlas", "cooperatives-feminines"]
    assert slugs("NAME", "ASC") == ["cadeaux-atlas", "cooperatives-feminines"]
    assert slugs("NAME", "DESC") == ["cooperatives-feminines", "cadeaux-atlas"]


def test_collections_paginate_with_cursors(channel, graphql_data):
    for index in range(5):
        make_collection(f"c-{index}", channel=channel, sort_order=index)
    first = graphql_data("""{ collections(first: 2, channel: "maroc") {
      edges { node { slug } } pageInfo { hasNextPage endCursor } } }""")["collections"]
    after = graphql_data("""query($after: String) { collections(first: 2, channel: "maroc",
      after: $after) { edges { node { slug } } } }""", after=first["pageInfo"]["endCursor"])

    assert [e["node"]["slug"] for e in first["edges"]] == ["c-0", "c-1"]
    assert first["pageInfo"]["hasNextPage"] is True
    assert [e["node"]["slug"] for e in after["collections"]["edges"]] == ["c-2", "c-3"]


# --- products filtered by collection --------------------------------------------------------

def test_products_filter_and_where_by_collection(women_led, hidden, products, graphql_data):
    query = """query($filter: ProductFilterInput, $where: ProductWhereInput) {
      products(first: 10, channel: "maroc", filter: $filter, where: $where) {
        edges { node { slug } } } }"""

    def slugs(**variables):
        return sorted(e["node"]["slug"]
                      for e in graphql_data(query, **variables)["products"]["edges"])

    women = gid("Collection", women_led.pk)
    assert slugs(filter={"collections": [women]}) == ["argan", "safran"]
    assert slugs(where={"collection": {"eq": women}}) == ["argan", "safran"]
    assert slugs(where={"collection": {"oneOf": [women, gid("Collection", hidden.pk)]}}) == [
        "argan", "miel", "safran"]
    assert slugs(filter={"collections": [gid("Product", 1)]}) == []


@pytest.mark.parametrize("arguments, message", [
    ("", "At least one of arguments is required: 'id', 'slug'."),
    ('(id: "garbage")', "Invalid ID: garbage. Expected: Collection."),
])
def test_collection_lookup_errors(women_led, graphql, arguments, message):
    body = graphql(f"{{ collection{arguments} {{ slug }} }}")

    assert [e["message"] for e in body["errors"]] == [message]
    assert Collection.objects.count() == 1


@pytest.mark.parametrize("slug", ["cooperatives\x00", "x" * 10_000])
def test_collection_bad_slugs_find_nothing(women_led, graphql_data, slug):
    assert graphql_data("query($s: String) { collection(slug: $s) { slug } }", s=slug
                        )["collection"] is None
