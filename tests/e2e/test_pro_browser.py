"""A hotel applies for a pro account in Arabic on a phone, waits, and once approved orders
wholesale from the pro catalog into its cart. Screenshots go to test-artifacts/; no page may be
wider than the phone."""
from __future__ import annotations

import re

import pytest

from backend.business.models import BusinessAccount
from backend.business.services.accounts import business_account_approve
from backend.business.services.listings import pro_channel_get_or_create
from tests.business.conftest import make_pro_product
from tests.e2e.conftest import PHONE, overflowing_elements
from tests.factories.catalog import ChannelFactory

pytestmark = [pytest.mark.e2e,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_hotel_applies_in_arabic_then_orders_wholesale(live_server, chromium, artifacts,
                                                         settings):
    from playwright.sync_api import expect

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    pro_channel_get_or_create()
    make_pro_product(channel=ChannelFactory(), name="Huile d'argan")
    context = chromium.new_context(viewport=PHONE, device_scale_factor=1)
    page = context.new_page()

    def shot(name: str) -> None:
        page.wait_for_load_state("load")
        page.screenshot(path=artifacts / f"ar-pro-{name}-phone.png", full_page=True)
        assert overflowing_elements(page) == [], name

    try:
        page.goto(f"{live_server.url}/ar/pro/register/")
        assert page.locator("html").get_attribute("dir") == "rtl"
        page.fill("#id_company_name", "فندق الأطلس")
        page.fill("#id_ice", "001 525 372 000 044")
        page.select_option("#id_kind", "hotel")
        page.fill("#id_street_address", "شارع محمد الخامس")
        page.fill("#id_city", "أكادير")
        page.fill("#id_phone", "0528000000")
        page.fill("#id_email", "achats@atlas.ma")
        page.fill("#id_password", "Argan-Oil-2026!")
        shot("1-register")
        page.locator("form.pro-form button[type=submit]").click()
        page.wait_for_url(re.compile(r"/ar/pro/$"))
        expect(page.locator(".pro-status")).to_contain_text("في انتظار موافقة")
        assert page.locator(".pro-offer").count() == 0
        shot("2-pending")

        business_account_approve(account_id=BusinessAccount.objects.get(
            ice="001525372000044").pk)
        page.goto(f"{live_server.url}/ar/pro/")
        offer = page.locator(".pro-offer").first
        expect(offer).to_contain_text("Huile d'argan")
        shot("3-catalog")
        offer.locator("input[name=quantity]").fill("60")
        offer.locator("button[type=submit]").click()
        page.wait_for_url(re.compile(r"/cart/$"))
        expect(page.locator(".cart")).to_contain_text("75")
        shot("4-cart")
    finally:
        context.close()
