"""Network admins edit pages and menus in the Django admin; nobody else may."""
from __future__ import annotations

import json

import pytest

from backend.content.models import Menu, MenuItem, Page
from tests.factories.catalog import UserFactory


@pytest.fixture
def admin_client(client, staff):
    client.force_login(staff)
    return client


def page_form(page_type, **overrides) -> dict:
    data = {"page_type": page_type.pk, "title": "Livraison", "slug": "livraison",
            "content": json.dumps({"blocks": []}), "content_text": "", "seo_title": "",
            "seo_description": "", "metadata": "{}", "published_at_0": "",
            "published_at_1": "", "translations-TOTAL_FORMS": "0",
            "translations-INITIAL_FORMS": "0", "is_published": "on"}
    data.update(overrides)
    return data


def test_an_admin_writes_a_page_as_plain_paragraphs(admin_client, page_type):
    response = admin_client.post("/admin/content/page/add/", page_form(
        page_type, content_text="## Circuit court\n\nDe la coopérative à votre porte."))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = Page.objects.get(slug="livraison")
    assert page.content == {"blocks": [
        {"type": "header", "data": {"text": "Circuit court", "level": 2}},
        {"type": "paragraph", "data": {"text": "De la coopérative à votre porte."}}]}
    assert page.is_published


def test_an_admin_pastes_editorjs_json(admin_client, page_type):
    blocks = {"blocks": [{"type": "paragraph", "data": {"text": "Bonjour"}}]}
    response = admin_client.post("/admin/content/page/add/",
                                 page_form(page_type, content=json.dumps(blocks)))
    assert response.status_code == 302
    assert Page.objects.get(slug="livraison").content == blocks


@pytest.mark.parametrize("content", [
    json.dumps({"blocks": [{"type": "raw", "data": {"html": "<script>"}}]}),
    json.dumps(["not", "a", "document"]),
])
def test_bad_editorjs_content_is_refused_and_nothing_is_saved(admin_client, page_type, content):
    response = admin_client.post("/admin/content/page/add/", page_form(page_type,
                                                                       content=content))
    assert response.status_code == 200
    assert "EditorJS" in response.content.decode() or "unknown type" in \
        response.content.decode()
    assert not Page.objects.exists()


def test_a_nul_character_in_the_text_is_refused(admin_client, page_type):
    response = admin_client.post("/admin/content/page/add/",
                                 page_form(page_type, content_text="a\x00b"))
    assert response.status_code == 200
    assert not Page.objects.exists()


def menu_form(**items: str) -> dict:
    data = {"name": "footer", "slug": "footer", "metadata": "{}", "private_metadata": "{}",
            "items-TOTAL_FORMS": "1", "items-INITIAL_FORMS": "0"}
    data.update({f"items-0-{key}": value for key, value in items.items()})
    return data


def test_an_admin_builds_a_menu_with_items(admin_client, oils):
    response = admin_client.post("/admin/content/menu/add/", menu_form(
        name="Huiles", sort_order="0", category=str(oils.pk)))
    assert response.status_code == 302, response.content.decode()[:3000]
    item = MenuItem.objects.get()
    assert (item.menu.slug, item.name, item.category_id) == ("footer", "Huiles", oils.pk)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "//evil.example"])
def test_an_unsafe_menu_url_is_refused_and_nothing_is_saved(admin_client, url):
    response = admin_client.post("/admin/content/menu/add/",
                                 menu_form(name="Piège", sort_order="0", url=url))
    assert response.status_code == 200
    assert not Menu.objects.exists() and not MenuItem.objects.exists()


def test_an_item_linking_two_things_is_refused(admin_client, oils, fair_pay_page):
    response = admin_client.post("/admin/content/menu/add/", menu_form(
        name="Double", sort_order="0", category=str(oils.pk), page=str(fair_pay_page.pk)))
    assert response.status_code == 200
    assert "mène à une seule chose" in response.content.decode()  # the admin is in French
    assert not MenuItem.objects.exists()


@pytest.mark.parametrize("path", ["/admin/content/page/add/", "/admin/content/menu/add/"])
def test_customers_and_cooperative_managers_cannot_edit_content(client, db, path):
    client.force_login(UserFactory(email="client@example.ma"))
    response = client.get(path)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    response = client.post(path, {"name": "x", "slug": "x"})
    assert not Menu.objects.exists() and not Page.objects.exists()
