"""A shopper on a phone goes home → category → product, in French and in Arabic.

JavaScript is switched off: every step must work with plain links and GET forms.
"""
from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import DESKTOP, PHONE, overflowing_elements, serve_media
from tests.storefront.shop_data import build_shop

pytestmark = [pytest.mark.e2e,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]

JOURNEYS = [
    # prefix, lang, dir, category link, product link, price, dearer variant, its price
    ("", "fr", "ltr", "Huiles", "Huile d'argan alimentaire", "180,00\xa0MAD", "500 ml",
     "1\u202f180,50\xa0MAD"),
    ("/ar", "ar", "rtl", "زيوت", "زيت أركان غذائي", "\u200f180,00\xa0د.م.\u200f", "500 مل",
     "\u200f1.180,50\xa0د.م.\u200f"),
]
# Where the 180 MAD go (Tifawin is women-led: 5% commission), heading and amounts as shown.
FAIR_PAY = {
    "fr": ("Où va votre argent", {"cooperative": "169,20\xa0MAD", "platform": "9,00\xa0MAD",
                                  "solidarity": "1,80\xa0MAD"}),
    "ar": ("أين تذهب أموالك", {"cooperative": "\u200f169,20\xa0د.م.\u200f",
                               "platform": "\u200f9,00\xa0د.م.\u200f",
                               "solidarity": "\u200f1,80\xa0د.م.\u200f"}),
}


# Seen once in ~20 CI runs: the Arabic product page measured 48 px too wide under load and was
# right on every rerun. Until _page_width's report names the element, a failure is retried
# once (and shown as a rerun in the summary) instead of sinking the whole run.
@pytest.mark.flaky(reruns=1)
@pytest.mark.parametrize(
    ("prefix", "lang", "direction", "category", "product", "price", "variant", "dearer"),
    JOURNEYS)
def test_a_shopper_goes_from_home_to_a_category_to_a_product(
        live_server, chromium, artifacts, prefix, lang, direction, category, product, price,
        variant, dearer):
    build_shop(real_photos=True)
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False,
                                   device_scale_factor=1)
    context.route("**/media/**", serve_media)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}{prefix}/")
        assert page.locator("html").get_attribute("dir") == direction
        assert page.locator("html").get_attribute("lang") == lang
        assert _page_width(page) == PHONE["width"]  # nothing sticks out sideways
        page.screenshot(path=artifacts / f"{lang}-1-home-phone.png", full_page=True)

        page.locator("nav.cats").get_by_role("link", name=category, exact=True).click()
        assert re.search(rf"{prefix}/categories/huiles/$", page.url)
        assert page.locator("h1").text_content() == category
        assert _page_width(page) == PHONE["width"]
        page.screenshot(path=artifacts / f"{lang}-2-category-phone.png", full_page=True)

        page.get_by_role("link", name=product, exact=True).click()
        assert re.search(rf"{prefix}/products/huile-argan-alimentaire/$", page.url)
        assert page.locator("html").get_attribute("dir") == direction
        assert page.locator("h1").text_content() == product
        assert page.locator(".price-lg").text_content() == price
        assert page.locator(".gallery img").first.evaluate("img => img.naturalWidth") > 0
        assert _page_width(page) == PHONE["width"]
        page.screenshot(path=artifacts / f"{lang}-3-product-phone.png", full_page=True)
        _assert_fair_pay_bar(page, lang)
        page.locator("#fair-pay").screenshot(path=artifacts / f"{lang}-3-product-fair-pay.png")

        page.locator("nav.variants").get_by_role("link", name=re.compile(variant)).click()
        assert page.locator(".price-lg").text_content() == dearer
        assert page.locator('nav.variants a[aria-current="true"] span').text_content() == variant

        product_url = page.url
    finally:
        context.close()

    desktop = chromium.new_context(viewport=DESKTOP, java_script_enabled=False)
    desktop.route("**/media/**", serve_media)
    page = desktop.new_page()
    try:
        page.goto(product_url, wait_until="load")
        assert page.locator(".price-lg").text_content() == dearer
        page.screenshot(path=artifacts / f"{lang}-4-product-desktop.png", full_page=True)
        page.goto(f"{live_server.url}{prefix}/", wait_until="load")
        page.screenshot(path=artifacts / f"{lang}-5-home-desktop.png", full_page=True)
    finally:
        desktop.close()


def test_the_search_form_filters_and_sorts_without_javascript(live_server, chromium, artifacts):
    build_shop(real_photos=True)
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
    context.route("**/media/**", serve_media)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/en/search/")
        page.locator("details.filters summary").click()
        page.locator('select[name="region"]').select_option("souss-massa")
        page.locator('select[name="sort"]').select_option("-price")
        page.get_by_role("button", name="Apply").click()

        assert "region=souss-massa" in page.url
        assert page.locator(".card h3").all_text_contents() == [
            "Culinary argan oil", "Taliouine saffron"]
        assert page.locator("p.count").text_content() == "2 products"
        page.screenshot(path=artifacts / "en-search-phone.png", full_page=True)
    finally:
        context.close()


def _assert_fair_pay_bar(page, lang: str) -> None:
    """The split of the price is on screen: heading, bar and one amount per payee."""
    heading, amounts = FAIR_PAY[lang]
    section = page.locator("#fair-pay")
    assert section.is_visible()
    assert section.locator("h2").inner_text() == heading
    bar = section.locator("svg.fair-pay-bar")
    assert bar.is_visible() and bar.bounding_box()["width"] > 200
    assert section.locator("svg.fair-pay-bar rect").count() == 3
    shown = {item.get_attribute("data-payee"): item.locator(".fp-amount").inner_text()
             for item in section.locator("li[data-payee]").all()}
    assert shown == amounts


def _page_width(page) -> int:
    page.wait_for_load_state("networkidle")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    if width != PHONE["width"]:  # name what sticks out, so a failure says where to look
        print("wider than the phone:", overflowing_elements(page))
    return width
