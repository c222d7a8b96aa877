"""The storefront's header and footer come from the ``navbar`` and ``footer`` menus, cached
per language, rebuilt after a change, with a fixed query count."""
from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.content.models import MenuItem, MenuItemTranslation
from backend.content.selectors import storefront_menu
from tests.factories.catalog import CategoryFactory

from .conftest import add_item

NAV = re.compile(r'<nav class="cats menu-navbar"[^>]*><div class="wrap">(.*?)</div></nav>', re.S)
FOOT = re.compile(r'<nav class="menu-footer"[^>]*>(.*?)</nav>', re.S)
LINK = re.compile(r'<a href="([^"]*)"[^>]*>([^<]*)</a>')


def links(pattern: re.Pattern, html: str) -> list[tuple[str, str]]:
    match = pattern.search(html)
    assert match, "menu not on the page"
    return LINK.findall(match.group(1))


@pytest.fixture
def menus(channel, navbar, footer):
    return navbar, footer


def test_the_header_shows_the_navbar_menu_in_french(client, menus):
    html = client.get("/").content.decode()
    assert 'aria-label="Menu principal"' in html and 'aria-label="À propos de CoopStore"' in html
    assert links(NAV, html) == [("/categories/huiles/", "Huiles"),
                                ("/pages/prix-juste/", "Prix juste")]


def test_the_header_and_footer_are_translated_in_arabic(client, menus):
    html = client.get("/ar/").content.decode()
    assert links(NAV, html) == [("/ar/categories/huiles/", "الزيوت"),
                                ("/ar/pages/prix-juste/", "السعر العادل")]
    assert 'dir="rtl"' in html
    assert 'aria-label="القائمة الرئيسية"' in html and 'aria-label="حول كوب ستور"' in html
    footer = FOOT.search(html).group(1)
    assert "<h2>كوب ستور</h2>" in footer
    assert LINK.findall(footer) == [("/ar/pages/prix-juste/", "السعر العادل"),
                                    ("mailto:bonjour@coopstore.ma", "Contact")]


def test_the_footer_leaves_out_a_draft_page(client, menus):
    footer = FOOT.search(client.get("/en/").content.decode()).group(1)
    assert "Brouillon" not in footer
    assert LINK.findall(footer)[0] == ("/en/pages/prix-juste/", "Fair pay")


def test_without_a_navbar_menu_the_header_falls_back_to_the_categories(client, channel, oils):
    html = client.get("/").content.decode()
    assert "menu-navbar" not in html and "menu-footer" not in html
    assert '<nav class="cats" aria-label="Catégories">' in html
    assert 'href="/categories/huiles/"' in html


def test_unsafe_urls_in_a_menu_are_never_rendered(client, channel, navbar):
    # The admin refuses them; a row written some other way is still left out.
    MenuItem.objects.filter(menu=navbar).update(url="")
    add_item(navbar, "Piège", url="javascript:alert(1)", order=9)
    add_item(navbar, "Vide", order=10)
    html = client.get("/").content.decode()
    assert "javascript" not in html and "Piège" not in html and "Vide" not in html


def test_menus_are_cached_per_language_and_cost_no_query_once_cached(channel, menus):
    with CaptureQueriesContext(connection) as first:
        french = storefront_menu(slug="navbar", language="fr")
    with CaptureQueriesContext(connection) as again:
        assert storefront_menu(slug="navbar", language="fr") == french
    arabic = storefront_menu(slug="navbar", language="ar")
    assert len(again) == 0
    assert 1 <= len(first) <= 8
    assert [link.name for link in arabic] == ["الزيوت", "السعر العادل"]
    assert [link.href for link in arabic] == ["/ar/categories/huiles/", "/ar/pages/prix-juste/"]


def test_a_menu_costs_the_same_queries_with_2_or_30_items(channel, navbar, fair_pay_page):
    with CaptureQueriesContext(connection) as few:
        storefront_menu(slug="navbar", language="ar")
    for index in range(14):
        parent = add_item(navbar, f"G{index}", order=10 + index, ar="ع",
                          category=CategoryFactory(slug=f"c-{index}"))
        add_item(navbar, f"P{index}", parent=parent, page=fair_pay_page, ar="ص")
    from backend.content.cache import invalidate_menus

    invalidate_menus()
    with CaptureQueriesContext(connection) as many:
        menu = storefront_menu(slug="navbar", language="ar")
    assert len(menu) == 16 and len(menu[2].children) == 1
    assert len(many) == len(few)


def test_renaming_an_item_rebuilds_the_cached_menu_after_commit(
        channel, navbar, django_capture_on_commit_callbacks):
    assert storefront_menu(slug="navbar", language="ar")[0].name == "الزيوت"
    with django_capture_on_commit_callbacks(execute=True):
        MenuItemTranslation.objects.filter(language_code="ar", name="الزيوت").update(
            name="x")  # a queryset update sends no signal: still cached
    assert storefront_menu(slug="navbar", language="ar")[0].name == "الزيوت"
    with django_capture_on_commit_callbacks(execute=True):
        translation = MenuItemTranslation.objects.get(language_code="ar", name="x")
        translation.name = "زيوت الأركان"
        translation.save()
    assert storefront_menu(slug="navbar", language="ar")[0].name == "زيوت الأركان"


def test_renaming_a_linked_category_or_deleting_an_item_also_rebuilds_it(
        channel, navbar, oils, django_capture_on_commit_callbacks):
    assert [link.name for link in storefront_menu(slug="navbar", language="fr")] == \
        ["Huiles", "Prix juste"]
    with django_capture_on_commit_callbacks(execute=True):
        oils.slug = "huiles-du-maroc"
        oils.save()
    assert storefront_menu(slug="navbar", language="fr")[0].href == \
        "/categories/huiles-du-maroc/"
    with django_capture_on_commit_callbacks(execute=True):
        MenuItem.objects.get(name="Prix juste").delete()
    assert [link.name for link in storefront_menu(slug="navbar", language="fr")] == ["Huiles"]


def test_a_page_with_menus_costs_a_fixed_number_of_queries(client, channel, menus,
                                                           fair_pay_page):
    client.get("/pages/prix-juste/")  # warm the menus' cache
    with CaptureQueriesContext(connection) as cached:
        assert client.get("/pages/prix-juste/").status_code == 200
    for index in range(10):
        add_item(menus[0], f"X{index}", order=20 + index,
                 category=CategoryFactory(slug=f"x-{index}"))
    from backend.content.cache import invalidate_menus

    invalidate_menus()
    client.get("/pages/prix-juste/")
    with CaptureQueriesContext(connection) as again:
        client.get("/pages/prix-juste/")
    assert len(again) == len(cached)


def test_a_collection_shows_in_the_navbar_only_while_published_in_the_channel(
        channel, navbar, django_capture_on_commit_callbacks):
    from catalog.models import Collection, CollectionChannelListing

    featured = Collection.objects.create(name="À la une", slug="featured-products")
    listing = CollectionChannelListing.objects.create(collection=featured, channel=channel,
                                                      is_published=True)
    add_item(navbar, "À la une", collection=featured, order=-1, ar="مختارات")
    assert [(link.name, link.href) for link in storefront_menu(slug="navbar", language="ar")
            ][0] == ("مختارات", "/ar/collections/featured-products/")
    with django_capture_on_commit_callbacks(execute=True):
        listing.is_published = False
        listing.save()  # unpublishing drops the cached menus
    assert "مختارات" not in [link.name for link in storefront_menu(slug="navbar",
                                                                  language="ar")]
