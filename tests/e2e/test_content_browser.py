"""A visitor reads the storefront's menus and a content page, in French and in Arabic.

The header comes from the ``navbar`` menu and the footer from the ``footer`` menu (the demo
content); the footer's "fair pay" link opens the EditorJS page, rendered in the language.
"""
from __future__ import annotations

import re

import pytest
from django.core.cache import cache

from backend.content.demo import seed_content
from catalog.models import CategoryTranslation
from tests.e2e.conftest import PHONE
from tests.factories.catalog import CategoryFactory, ChannelFactory

pytestmark = [pytest.mark.e2e,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]

JOURNEYS = [
    # prefix, lang, dir, navbar link, footer group, footer link, page title, a heading
    ("", "fr", "ltr", "Huiles", "Nous rejoindre", "Prix juste",
     "Le prix juste, dirham par dirham", "Où va votre argent"),
    ("/ar", "ar", "rtl", "الزيوت", "انضمّوا إلينا", "السعر العادل",
     "السعر العادل، درهماً بدرهم", "أين تذهب نقودك"),
]


@pytest.fixture
def content(db):
    ChannelFactory(slug="maroc")
    oils = CategoryFactory(slug="huiles", name="Huiles")
    CategoryTranslation.objects.create(category=oils, language_code="ar", name="الزيوت")
    honey = CategoryFactory(slug="miels", name="Miels")
    CategoryTranslation.objects.create(category=honey, language_code="ar", name="العسل")
    seed_content()
    cache.clear()  # the suite primes the menus as absent; this test reads the real ones


@pytest.mark.parametrize(("prefix", "lang", "direction", "nav_link", "group", "footer_link",
                          "title", "heading"), JOURNEYS)
def test_a_visitor_reads_the_menus_and_the_fair_pay_page(
        live_server, chromium, artifacts, content, prefix, lang, direction, nav_link, group,
        footer_link, title, heading):
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}{prefix}/")
        assert page.locator("html").get_attribute("dir") == direction
        navbar = page.locator("nav.menu-navbar")
        assert navbar.get_by_role("link", name=nav_link, exact=True).is_visible()
        footer = page.locator("nav.menu-footer")
        assert footer.get_by_role("heading", name=group).is_visible()
        page.screenshot(path=artifacts / f"content-{lang}-1-home-menus.png", full_page=True)

        footer.get_by_role("link", name=footer_link, exact=True).click()
        assert re.search(rf"{prefix}/pages/prix-juste/$", page.url)
        assert page.locator("h1").text_content() == title
        assert page.locator(".content-body h2").first.text_content() == heading
        assert page.locator(".content-body li").count() == 4
        assert page.locator(".content-body blockquote footer").is_visible()
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width == PHONE["width"]  # nothing sticks out sideways, also right-to-left
        assert page.locator("nav.menu-footer a[aria-current=page]").text_content() == \
            footer_link
        page.screenshot(path=artifacts / f"content-{lang}-2-fair-pay-page.png", full_page=True)

        navbar = page.locator("nav.menu-navbar")
        navbar.get_by_role("link", name=nav_link, exact=True).click()
        assert re.search(rf"{prefix}/categories/huiles/$", page.url)
    finally:
        context.close()
