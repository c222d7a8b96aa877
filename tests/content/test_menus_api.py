"""``menu`` / ``menus`` as Saleor's storefront reads them (MenuGetBySlug)."""
from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.content.models import Menu
from tests.factories.catalog import CategoryFactory
from tests.graphql.conftest import gid

from .conftest import add_item

# Saleor storefront's MenuGetBySlug, as it is written there (minus collection, tested apart).
MENU = """
fragment MenuItem on MenuItem {
  id name level url
  translation(languageCode: $languageCode) { name }
  category { id slug name translation(languageCode: $languageCode) { name slug } }
  page { id title slug translation(languageCode: $languageCode) { title slug } }
}
query MenuGetBySlug($slug: String!, $channel: String!, $languageCode: LanguageCodeEnum!) {
  menu(slug: $slug, channel: $channel) {
    id name slug
    items { ...MenuItem children { ...MenuItem parent { name } children { ...MenuItem } } }
  }
}"""


def test_navbar_reads_by_slug_with_categories_pages_and_translations(
        channel, navbar, oils, fair_pay_page, graphql_data):
    menu = graphql_data(MENU, slug="navbar", channel=channel.slug, languageCode="AR")["menu"]
    assert menu["id"] == gid("Menu", navbar.pk)
    assert menu["slug"] == "navbar"
    first, second = menu["items"]
    assert first["name"] == "Huiles" and first["level"] == 0
    assert first["translation"] == {"name": "الزيوت"}
    assert first["category"]["slug"] == "huiles" and first["page"] is None
    assert first["url"] is None
    assert second["page"] == {"id": gid("Page", fair_pay_page.pk), "title": "Le prix juste",
                              "slug": "prix-juste",
                              "translation": {"title": "السعر العادل", "slug": "prix-juste-ar"}}
    assert second["children"] == []


def test_footer_nests_children_and_hides_a_draft_page(channel, footer, graphql_data):
    menu = graphql_data(MENU, slug="footer", channel=channel.slug, languageCode="EN")["menu"]
    [group] = menu["items"]
    assert group["translation"] == {"name": "CoopStore"}
    names = [child["name"] for child in group["children"]]
    assert names == ["Prix juste", "Brouillon", "Contact"]
    fair, draft, contact = group["children"]
    assert fair["level"] == 1 and fair["parent"] == {"name": "CoopStore"}
    assert fair["page"]["translation"]["title"] == "Fair pay"
    assert draft["page"] is None  # a customer never sees an unpublished page
    assert contact["url"] == "mailto:bonjour@coopstore.ma"


def test_staff_see_the_draft_page_behind_a_menu_item(channel, footer, staff, api_login,
                                                     graphql_data):
    api_login(staff)
    menu = graphql_data(MENU, slug="footer", channel=channel.slug, languageCode="EN")["menu"]
    assert menu["items"][0]["children"][1]["page"]["slug"] == "brouillon"


def test_a_missing_menu_is_null(channel, graphql_data):
    assert graphql_data(MENU, slug="absent", channel=channel.slug,
                        languageCode="EN")["menu"] is None
    assert graphql_data(MENU, slug="x\x00", channel=channel.slug,
                        languageCode="EN")["menu"] is None


def test_menu_reads_by_name_and_by_id(navbar, graphql_data):
    assert graphql_data('{ menu(name: "navbar") { slug } }')["menu"]["slug"] == "navbar"
    data = graphql_data("query($id: ID) { menu(id: $id) { slug } }", id=gid("Menu", navbar.pk))
    assert data["menu"]["slug"] == "navbar"


@pytest.mark.parametrize("arguments, message", [
    ("", "At least one of arguments is required: 'id', 'name', 'slug'."),
    ('(slug: "a", name: "b")', "Argument 'name' cannot be combined with 'slug'"),
    ('(id: "bad")', "Invalid ID: bad. Expected: Menu."),
])
def test_bad_menu_arguments_give_saleor_errors(graphql, arguments, message):
    body = graphql(f"{{ menu{arguments} {{ slug }} }}")
    assert body["errors"][0]["message"] == message


def queries_for(graphql_data, query, **variables) -> int:
    with CaptureQueriesContext(connection) as captured:
        graphql_data(query, **variables)
    return len(captured)


def test_a_menu_costs_the_same_queries_with_3_or_40_items(channel, navbar, fair_pay_page,
                                                          graphql_data):
    variables = {"slug": "navbar", "channel": channel.slug, "languageCode": "AR"}
    few = queries_for(graphql_data, MENU, **variables)
    for index in range(12):
        parent = add_item(navbar, f"Groupe {index}", order=10 + index, ar="م")
        child = add_item(navbar, f"Cat {index}", parent=parent,
                         category=CategoryFactory(slug=f"cat-{index}"), ar="ف")
        add_item(navbar, f"Page {index}", parent=child, page=fair_pay_page, en="P")
    assert Menu.objects.get(slug="navbar").items.count() == 38
    assert queries_for(graphql_data, MENU, **variables) == few


MENUS = """query($filter: MenuFilterInput, $sort: MenuSortingInput) {
  menus(first: 10, filter: $filter, sortBy: $sort) {
    totalCount edges { node { slug items { name children { name } } } } } }"""


def test_menus_list_filter_and_sort_by_items_count(navbar, footer, graphql_data):
    data = graphql_data(MENUS, sort={"field": "ITEMS_COUNT", "direction": "DESC"})
    assert [e["node"]["slug"] for e in data["menus"]["edges"]] == ["footer", "navbar"]
    footer_node = data["menus"]["edges"][0]["node"]
    assert [item["name"] for item in footer_node["items"]] == ["CoopStore"]
    assert len(footer_node["items"][0]["children"]) == 3
    data = graphql_data(MENUS, filter={"slugs": ["navbar"]})
    assert data["menus"]["totalCount"] == 1
    assert graphql_data(MENUS, filter={"search": "foot"})["menus"]["totalCount"] == 1


def test_menus_list_costs_the_same_queries_for_2_or_12_menus(navbar, footer, oils,
                                                             fair_pay_page, graphql_data):
    few = queries_for(graphql_data, MENUS)
    for index in range(10):
        menu = Menu.objects.create(name=f"m{index}", slug=f"m{index}")
        parent = add_item(menu, "parent", page=fair_pay_page, ar="x")
        add_item(menu, "leaf", parent=parent, category=oils, en="y")
    assert queries_for(graphql_data, MENUS) == few


def test_a_menu_item_links_a_collection_published_in_the_channel(channel, navbar,
                                                                  graphql_data):
    types = pytest.importorskip("catalog.graphql.collections")
    assert types.Collection
    from catalog.models import Collection, CollectionChannelListing

    shown = Collection.objects.create(name="À la une", slug="featured-products")
    CollectionChannelListing.objects.create(collection=shown, channel=channel,
                                            is_published=True)
    hidden = Collection.objects.create(name="Cachée", slug="cachee")
    add_item(navbar, "À la une", collection=shown, order=5)
    add_item(navbar, "Cachée", collection=hidden, order=6)
    query = """query($channel: String!) { menu(slug: "navbar", channel: $channel) {
      items { name collection { slug } } } }"""
    items = graphql_data(query, channel=channel.slug)["menu"]["items"]
    assert [(i["name"], i["collection"]) for i in items[2:]] == [
        ("À la une", {"slug": "featured-products"}), ("Cachée", None)]
