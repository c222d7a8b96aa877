"""A shopper on a phone goes home → a collection → a product and reads its attributes, then
filters a search by one of them, in French and in Arabic. JavaScript is off: links and GET
forms only."""
from __future__ import annotations

import re

import pytest

from catalog.models import ProductType
from tests.e2e.conftest import PHONE, serve_media
from tests.factories.attributes import (
    assign,
    assign_own_value,
    make_attribute,
    make_collection,
    translate_value,
    value_of,
)
from tests.storefront.shop_data import build_shop

pytestmark = [pytest.mark.e2e,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]

JOURNEYS = [
    # prefix, lang, dir, collection, product, process label, process value, origin text
    ("", "fr", "ltr", "Coopératives de femmes", "Huile d'argan alimentaire", "Procédé",
     "Pressée à froid", "Douar Tidzi, commune de Smimou"),
    ("/ar", "ar", "rtl", "تعاونيات نسائية", "زيت أركان غذائي", "طريقة التحضير",
     "معصورة على البارد", "دوار تيدزي، جماعة سميمو"),
]


def _catalog() -> None:
    shop = build_shop(real_photos=True)
    product_type = shop.argan_oil.product_type
    assert ProductType.objects.filter(pk=product_type.pk).exists()
    process = make_attribute("process", name="Procédé", values=["Pressée à froid", "Brut"],
                             product_type=product_type,
                             translations={"ar": "طريقة التحضير", "en": "Process"})
    translate_value(value_of(process, "pressee-a-froid"), "ar", "معصورة على البارد")
    translate_value(value_of(process, "brut"), "ar", "خام")
    origin = make_attribute("origin", name="Origine", input_type="plain-text",
                            product_type=product_type, translations={"ar": "المنشأ"},
                            filterable_in_storefront=False)
    harvest = make_attribute("harvest-year", name="Année de récolte", input_type="numeric",
                             product_type=product_type, translations={"ar": "سنة الجني"},
                             filterable_in_storefront=False)
    assign(shop.argan_oil, process, "pressee-a-froid")
    assign(shop.saffron, process, "brut")
    text = assign_own_value(shop.argan_oil, origin, plain_text="Douar Tidzi, commune de Smimou")
    translate_value(text, "ar", plain_text="دوار تيدزي، جماعة سميمو")
    assign_own_value(shop.argan_oil, harvest, name="2025")
    make_collection("cooperatives-feminines", channel=shop.channel,
                    products=[shop.saffron, shop.argan_oil], name="Coopératives de femmes",
                    translations={"ar": "تعاونيات نسائية", "en": "Women-led cooperatives"},
                    description={"blocks": [{"type": "paragraph", "data": {
                        "text": "Des produits de coopératives dirigées par des femmes."}}]})


def _page_width(page) -> int:
    page.wait_for_load_state("networkidle")
    return page.evaluate("() => document.documentElement.scrollWidth")


@pytest.mark.parametrize(
    ("prefix", "lang", "direction", "collection", "product", "process", "value", "origin"),
    JOURNEYS)
def test_a_shopper_opens_a_collection_then_a_product_and_reads_its_attributes(
        live_server, chromium, artifacts, prefix, lang, direction, collection, product,
        process, value, origin):
    _catalog()
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False,
                                   device_scale_factor=1)
    context.route("**/media/**", serve_media)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}{prefix}/")
        page.locator("section.collections").get_by_role("link", name=collection,
                                                         exact=True).click()
        assert re.search(rf"{prefix}/collections/cooperatives-feminines/$", page.url)
        assert page.locator("html").get_attribute("dir") == direction
        assert page.locator("h1").text_content() == collection
        cards = page.locator("ul.grid a.card-link")
        assert cards.count() == 2
        assert _page_width(page) == PHONE["width"]
        page.screenshot(path=artifacts / f"{lang}-collection-phone.png", full_page=True)

        page.get_by_role("link", name=product, exact=True).click()
        assert re.search(rf"{prefix}/products/huile-argan-alimentaire/$", page.url)
        section = page.locator("section.attributes")
        assert section.locator('[data-attribute="process"] dt').text_content() == process
        assert section.locator('[data-attribute="process"] dd').text_content() == value
        assert section.locator('[data-attribute="origin"] dd').text_content() == origin
        assert section.locator('[data-attribute="harvest-year"] dd').text_content() == "2025"
        assert _page_width(page) == PHONE["width"]
        section.screenshot(path=artifacts / f"{lang}-product-attributes.png")
        page.screenshot(path=artifacts / f"{lang}-product-attributes-phone.png",
                        full_page=True)

        page.goto(f"{live_server.url}{prefix}/search/")
        page.locator("details.filters summary").click()
        page.locator('select[name="attr-process"]').select_option("pressee-a-froid")
        page.locator("details.filters button[type=submit]").click()
        assert "attr-process=pressee-a-froid" in page.url
        names = page.locator("ul.grid a.card-link").all_text_contents()
        assert [n.strip() for n in names] == [product]
        assert page.locator('select[name="attr-process"] option[selected]'
                            ).text_content() == value
        page.screenshot(path=artifacts / f"{lang}-search-by-process-phone.png", full_page=True)
    finally:
        context.close()
