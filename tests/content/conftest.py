"""Content fixtures: a page type, published / draft / scheduled pages, the two menus."""
from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from backend.content.models import (
    Menu,
    MenuItem,
    MenuItemTranslation,
    Page,
    PageTranslation,
    PageType,
)
from tests.factories.catalog import CategoryFactory, UserFactory
from tests.graphql.conftest import api_login, graphql, graphql_data  # noqa: F401 (fixtures)


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def page_type(db):
    return PageType.objects.create(name="Informations", slug="informations")


def make_page(page_type: PageType, slug: str, title: str, *, published: bool = True,
              published_at=None, blocks=None, ar: str | None = None, en: str | None = None
              ) -> Page:
    page = Page.objects.create(
        page_type=page_type, slug=slug, title=title, is_published=published,
        published_at=published_at,
        content={"blocks": blocks or [{"type": "paragraph", "data": {"text": f"{title}."}}]})
    for code, text in (("ar", ar), ("en", en)):
        if text:
            PageTranslation.objects.create(
                page=page, language_code=code, title=text, slug=f"{slug}-{code}",
                content={"blocks": [{"type": "paragraph", "data": {"text": f"{text}."}}]})
    return page


@pytest.fixture
def fair_pay_page(page_type):
    return make_page(page_type, "prix-juste", "Le prix juste", ar="السعر العادل",
                     en="Fair pay")


@pytest.fixture
def draft_page(page_type):
    return make_page(page_type, "brouillon", "Brouillon", published=False)


@pytest.fixture
def scheduled_page(page_type):
    return make_page(page_type, "bientot", "Bientôt",
                     published_at=timezone.now() + timedelta(days=3))


@pytest.fixture
def oils(db):
    return CategoryFactory(slug="huiles", name="Huiles")


def add_item(menu: Menu, name: str, *, parent: MenuItem | None = None, order: int = 0,
             ar: str | None = None, en: str | None = None, **link) -> MenuItem:
    item = MenuItem.objects.create(menu=menu, name=name, parent=parent, sort_order=order,
                                   **link)
    for code, text in (("ar", ar), ("en", en)):
        if text:
            MenuItemTranslation.objects.create(menu_item=item, language_code=code, name=text)
    return item


@pytest.fixture
def navbar(oils, fair_pay_page):
    menu = Menu.objects.create(name="navbar", slug="navbar")
    add_item(menu, "Huiles", category=oils, order=0, ar="الزيوت", en="Oils")
    add_item(menu, "Prix juste", page=fair_pay_page, order=1, ar="السعر العادل", en="Fair pay")
    return menu


@pytest.fixture
def footer(fair_pay_page, draft_page):
    menu = Menu.objects.create(name="footer", slug="footer")
    group = add_item(menu, "CoopStore", ar="كوب ستور", en="CoopStore")
    add_item(menu, "Prix juste", parent=group, page=fair_pay_page, order=0,
             ar="السعر العادل", en="Fair pay")
    add_item(menu, "Brouillon", parent=group, page=draft_page, order=1)
    add_item(menu, "Contact", parent=group, url="mailto:bonjour@coopstore.ma", order=2)
    return menu


@pytest.fixture
def staff(db):
    return UserFactory(email="admin@coopstore.ma", is_staff=True, is_superuser=True)
