"""A new cooperative signs up in Arabic on a phone, lands on its dashboard (waiting for
approval), then, approved, marks an order ready from "orders to prepare". Screenshots go to
test-artifacts/; no page may be wider than the phone."""
from __future__ import annotations

import re

import pytest

from backend.cooperatives.models import Cooperative, CooperativeStatus
from fulfillment.models import Shipment, ShipmentStatus
from tests.e2e.conftest import PHONE, phone_screenshot
from tests.factories.catalog import city

pytestmark = [pytest.mark.e2e,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_cooperative_signs_up_in_arabic_and_prepares_an_order(live_server, chromium,
                                                                 artifacts, settings):
    from playwright.sync_api import expect

    from tests.cooperatives.data import parcel

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    taliouine = city("taliouine")
    context = chromium.new_context(viewport=PHONE, device_scale_factor=1)
    page = context.new_page()

    def shot(name: str) -> None:
        phone_screenshot(page, artifacts / f"ar-coop-{name}-phone.png", name)

    try:
        page.goto(f"{live_server.url}/ar/coop/signup/")
        assert page.locator("html").get_attribute("dir") == "rtl"
        page.fill("#id_name", "تعاونية أمل")
        page.fill("#id_odco_number", "odco 09 2019 0042")
        page.select_option("#id_city", str(taliouine.pk))
        page.fill("#id_manager_email", "fatima@amal.ma")
        page.fill("#id_manager_password", "Argan-Oil-2026!")
        shot("1-signup")
        page.locator("form.dash-form button[type=submit]").click()
        page.wait_for_url(re.compile(r"/ar/coop/$"))
        expect(page.locator("#approval-banner")).to_contain_text("في انتظار الاعتماد")
        shot("2-home-pending")

        cooperative = Cooperative.objects.get(odco_number="ODCO-09-2019-0042")
        Cooperative.objects.filter(pk=cooperative.pk).update(status=CooperativeStatus.APPROVED)
        _order, shipment = parcel(cooperative, total="150.00")
        page.goto(f"{live_server.url}/ar/coop/orders/")
        card = page.locator(f"#s-{shipment.pk}")
        expect(card).to_contain_text("Safran de Taliouine")
        expect(page.locator("#approval-banner")).to_have_count(0)
        shot("3-orders")
        card.locator("button[type=submit]").click()
        page.wait_for_url(re.compile(r"/ar/coop/orders/$"))
        assert Shipment.objects.get(pk=shipment.pk).status == ShipmentStatus.READY_FOR_PICKUP
        shot("4-orders-ready")
        page.goto(f"{live_server.url}/ar/coop/team/")
        expect(page.locator("#staff")).to_contain_text("fatima@amal.ma")
        shot("5-team")
    finally:
        context.close()
