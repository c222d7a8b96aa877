"""A cooperative manager on a phone (390×844), in Arabic (RTL), puts a new product online.

She signs in, creates a product with its first size, adds a photo and a second size,
publishes it, then finds it with the storefront search. Screenshots go to test-artifacts/.
"""
from __future__ import annotations

import re

import pytest

from catalog.models import Product, ProductChannelListing, ProductMedia
from tests.catalog.services.uploads import jpeg
from tests.e2e.conftest import PHONE, serve_media
from tests.factories.catalog import (
    CategoryFactory,
    ChannelFactory,
    CooperativeFactory,
    CooperativeStaffFactory,
)

pytestmark = [pytest.mark.e2e,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "coop-pass-2026"


def test_a_manager_creates_and_publishes_a_product_in_arabic_on_a_phone(
        live_server, chromium, artifacts, settings, tmp_path):
    from playwright.sync_api import expect

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    ChannelFactory()
    category = CategoryFactory(name="Épices", slug="epices-e2e")
    coop = CooperativeFactory()
    staff = CooperativeStaffFactory(cooperative=coop)
    staff.user.set_password(PASSWORD)
    staff.user.save(update_fields=["password"])
    photo = tmp_path / "safran.jpg"
    photo.write_bytes(jpeg(1200, 900, gps=True))

    context = chromium.new_context(viewport=PHONE, device_scale_factor=1, locale="ar")
    context.route("**/media/**", serve_media)
    page = context.new_page()

    def shot(name: str) -> None:
        page.wait_for_load_state("load")
        page.screenshot(path=artifacts / f"ar-coop-catalog-{name}-phone.png", full_page=True)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE["width"] + 1, f"{name}: the page is {width}px wide"

    try:
        base = live_server.url
        page.goto(f"{base}/ar/account/login/?next=/ar/coop/products/")
        page.locator("input[name=username]").fill(staff.user.email)
        page.locator("input[name=password]").fill(PASSWORD)
        page.locator("form.stack-form button[type=submit]").click()
        page.wait_for_url(re.compile(r"/ar/coop/products/$"))
        assert page.evaluate("() => document.documentElement.dir") == "rtl"
        shot("1-list")

        page.locator("#new-product").click()
        page.locator("#id_name").fill("زعفران تالوين الحر")
        page.locator("#id_category").select_option(str(category.pk))
        page.locator("#id_description").fill("زعفران حر من تالوين.")
        page.locator("#id_variant_name").fill("1 غ")
        page.locator("#id_sku").fill("E2E-SAF-1")
        page.locator("#id_price").fill("60")
        page.locator("#id_quantity").fill("12")
        shot("2-create")
        page.locator("#product-form button[type=submit]").click()
        page.wait_for_url(re.compile(r"/ar/coop/products/\d+/$"))
        expect(page.locator("#missing-marker")).to_be_visible()

        page.locator("#images").set_input_files(str(photo))
        page.locator("#alt-new").fill("خيوط الزعفران")
        page.locator("#photo-form button[type=submit]").click()
        page.wait_for_url(re.compile(r"/ar/coop/products/\d+/(#photos)?$"))
        expect(page.locator(".cat-photos img")).to_have_count(1)

        page.locator("#id_new-name").fill("5 غ")
        page.locator("#id_new-sku").fill("E2E-SAF-5")
        page.locator("#id_new-price").fill("280")
        page.locator("#id_new-quantity").fill("4")
        page.locator("#variant-form button[type=submit]").click()
        page.wait_for_url(re.compile(r"/ar/coop/products/\d+/(#variants)?$"))
        expect(page.locator("#variants tbody tr")).to_have_count(2)

        page.locator("#publish-maroc").click()
        page.wait_for_url(re.compile(r"/ar/coop/products/\d+/(#channels)?$"))
        expect(page.locator("#ch-maroc .badge-ok")).to_be_visible()
        shot("3-published")

        product = Product.objects.get(name="زعفران تالوين الحر")
        assert product.cooperative_id == coop.pk
        assert product.variants.count() == 2
        assert ProductChannelListing.objects.get(product=product).is_published
        assert ProductMedia.objects.get(product=product).alt == "خيوط الزعفران"

        page.goto(f"{base}/ar/search/?q=زعفران")
        link = page.locator(f'a[href*="{product.slug}"]').first
        expect(link).to_be_visible()
        shot("4-storefront-search")
        link.click()
        page.wait_for_load_state("load")
        expect(page.locator("body")).to_contain_text("زعفران تالوين الحر")
        shot("5-product-page")
    except Exception:
        page.screenshot(path=artifacts / "ar-coop-catalog-failure-phone.png", full_page=True)
        raise
    finally:
        context.close()
