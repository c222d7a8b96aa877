"""The storefront's collection pages, the attributes on the product page and the attribute
filters of listings, in French, Arabic and English, at a fixed query cost."""
from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from catalog.cache import catalog_pages_new_version
from catalog.models import Attribute, ProductType
from tests.factories.attributes import (
    assign,
    assign_own_value,
    make_attribute,
    make_collection,
    translate_value,
    value_of,
)
from tests.factories.catalog import ChannelFactory, CooperativeFactory, make_listed_product
from tests.storefront.helpers import card_slugs, queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop(db):
    channel = ChannelFactory()
    terroir = ProductType.objects.get_or_create(slug="terroir",
                                                defaults={"name": "Produit du terroir"})[0]
    process = make_attribute("process", name="Procédé", values=["Pressée à froid", "Brut"],
                             product_type=terroir,
                             translations={"ar": "طريقة التحضير", "en": "Process"})
    translate_value(value_of(process, "pressee-a-froid"), "ar", "معصورة على البارد")
    translate_value(value_of(process, "pressee-a-froid"), "en", "Cold-pressed")
    origin = make_attribute("origin", name="Origine", input_type="plain-text",
                            product_type=terroir, translations={"ar": "المنشأ"},
                            filterable_in_storefront=False)
    argan = make_listed_product(channel=channel, name="Huile d'argan", slug="huile-argan")
    honey = make_listed_product(channel=channel, name="Miel de thym", slug="miel-thym")
    make_listed_product(channel=channel, name="Amlou", slug="amlou")
    assign(argan, process, "pressee-a-froid")
    assign(honey, process, "brut")
    text = assign_own_value(argan, origin, plain_text="Douar Tidzi, commune de Smimou")
    translate_value(text, "ar", plain_text="دوار تيدزي، جماعة سميمو")
    return {"channel": channel, "argan": argan, "honey": honey, "process": process,
            "origin": origin}


@pytest.fixture
def gifts(shop):
    return make_collection(
        "cadeaux-de-l-atlas", channel=shop["channel"], products=[shop["honey"], shop["argan"]],
        name="Cadeaux de l'Atlas", translations={"ar": "هدايا الأطلس",
                                                 "en": "Gifts from the Atlas"},
        description={"blocks": [{"type": "paragraph", "data": {"text": "Des cadeaux."}}]})


@pytest.mark.parametrize("prefix, title", [("", "Cadeaux de l&#x27;Atlas"),
                                           ("/ar", "هدايا الأطلس"),
                                           ("/en", "Gifts from the Atlas")])
def test_the_collection_page_lists_its_products_in_its_order(client, gifts, prefix, title):
    response = client.get(f"{prefix}/collections/cadeaux-de-l-atlas/")

    html = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{title}</h1>" in html
    assert card_slugs(html) == ["miel-thym", "huile-argan"]


def test_the_collection_page_shows_its_description(client, gifts):
    html = client.get("/collections/cadeaux-de-l-atlas/").content.decode()

    assert "<p>Des cadeaux.</p>" in html


@pytest.mark.parametrize("kind", ["unpublished", "scheduled", "unlisted", "unknown"])
def test_hidden_collections_are_not_found(client, shop, kind):
    channel = shop["channel"]
    if kind == "unpublished":
        make_collection("cachee", channel=channel, published=False, products=[shop["argan"]])
    elif kind == "scheduled":
        make_collection("cachee", channel=channel, products=[shop["argan"]],
                        published_at=timezone.now() + timedelta(days=1))
    elif kind == "unlisted":
        make_collection("cachee", channel=None, products=[shop["argan"]])

    assert client.get("/collections/cachee/").status_code == 404
    assert client.get("/ar/collections/cachee/").status_code == 404


def test_products_not_on_sale_stay_out_of_the_collection_page(client, gifts, shop):
    shop["honey"].channel_listings.update(is_published=False)

    assert card_slugs(client.get("/collections/cadeaux-de-l-atlas/").content.decode()) == [
        "huile-argan"]


def test_the_home_page_links_published_collections(client, gifts, shop):
    make_collection("brouillon", channel=shop["channel"], published=False, name="Brouillon")
    html = client.get("/ar/").content.decode()

    assert 'href="/ar/collections/cadeaux-de-l-atlas/"' in html
    assert "هدايا الأطلس" in html
    assert "brouillon" not in html


def test_a_collection_page_costs_the_same_queries_with_10_and_40_products(client, shop):
    collection = make_collection("nouvelle-recolte", channel=shop["channel"])

    def add(count):
        start = collection.collection_products.count()
        for index in range(count):
            product = make_listed_product(channel=shop["channel"],
                                          cooperative=CooperativeFactory(), variants=2)
            collection.collection_products.create(product=product, sort_order=start + index)

    add(10)
    small = queries_for(client, "/collections/nouvelle-recolte/")
    add(30)
    large = queries_for(client, "/ar/collections/nouvelle-recolte/?page=2")

    assert len(card_slugs(client.get("/collections/nouvelle-recolte/").content.decode())) == 24
    assert large == small


# --- the product page lists its attributes ---------------------------------------------------

@pytest.mark.parametrize("prefix, expected", [
    ("", ["<dt>Procédé</dt>", "Pressée à froid", "<dt>Origine</dt>",
          "Douar Tidzi, commune de Smimou"]),
    ("/ar", ["<dt>طريقة التحضير</dt>", "معصورة على البارد", "<dt>المنشأ</dt>",
             "دوار تيدزي، جماعة سميمو"]),
    ("/en", ["<dt>Process</dt>", "Cold-pressed", "<dt>Origine</dt>",
             "Douar Tidzi, commune de Smimou"]),
])
def test_the_product_page_lists_its_attributes(client, shop, prefix, expected):
    html = client.get(f"{prefix}/products/huile-argan/").content.decode()

    positions = [html.find(text) for text in expected]
    assert -1 not in positions, expected
    assert positions == sorted(positions)  # the product type's order


def test_hidden_attributes_and_products_without_values(client, shop):
    Attribute.objects.filter(slug="origin").update(visible_in_storefront=False)

    argan = client.get("/products/huile-argan/").content.decode()
    amlou = client.get("/products/amlou/").content.decode()

    assert "Douar Tidzi" not in argan and "Pressée à froid" in argan
    assert 'class="attributes"' not in amlou


# --- listings filter by attribute values ----------------------------------------------------

@pytest.mark.parametrize("query, expected", [
    ("attr-process=pressee-a-froid", ["huile-argan"]),
    ("attr-process=brut", ["miel-thym"]),
    ("attr-process=", ["amlou", "huile-argan", "miel-thym"]),
    ("attr-process=nope", []),
    ("attr-process=pressee%00", ["amlou", "huile-argan", "miel-thym"]),
    ("attr-pro%00cess=brut", ["amlou", "huile-argan", "miel-thym"]),
    ("attr-process=brut&attr-origin=x", []),
    ("attr-process=" + "x" * 500, ["amlou", "huile-argan", "miel-thym"]),
])
def test_the_search_page_filters_by_attribute_values(client, shop, query, expected):
    response = client.get(f"/search/?{query}")

    assert response.status_code == 200
    assert sorted(card_slugs(response.content.decode())) == expected


def test_the_filter_form_offers_choice_attributes_in_the_language(client, shop):
    html = client.get("/ar/search/?attr-process=brut").content.decode()

    assert '<select name="attr-process">' in html
    assert '<option value="brut" selected>' in html
    assert "معصورة على البارد" in html
    assert 'name="attr-origin"' not in html  # not filterable


def test_a_category_page_filters_by_attribute_and_keeps_its_cost(client, shop):
    slug = shop["argan"].category.slug
    plain = queries_for(client, f"/categories/{slug}/")
    catalog_pages_new_version()  # both cold: the filter form's cooperatives are cached
    filtered = queries_for(client, f"/categories/{slug}/?attr-process=pressee-a-froid")

    assert card_slugs(client.get(f"/categories/{slug}/?attr-process=pressee-a-froid")
                      .content.decode()) == ["huile-argan"]
    assert filtered == plain
