"""A courier on a phone (390×844) works a parcel from offer to door; the customer follows it.

The courier signs in, accepts the offer, confirms the pickup (sent while the phone is offline:
the page queues it and sends it again once back online), leaves for the door, types a wrong
code (refused, counted) then the right one with the cash. After each step the customer's
tracking page (the guest link) shows it. Screenshots of every step go to test-artifacts/.
"""
from __future__ import annotations

import re

import pytest

from fulfillment.delivery_codes import delivery_code_for_customer
from fulfillment.models import Shipment, ShipmentEvent, ShipmentStatus
from tests.e2e.conftest import PHONE
from tests.fulfillment.board_data import PASSWORD, build_board

S = ShipmentStatus
pytestmark = [pytest.mark.e2e,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_courier_delivers_a_parcel_and_the_customer_sees_each_step(
        live_server, chromium, artifacts, settings):
    from playwright.sync_api import expect

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    board = build_board()
    shipment = board.shipment_a
    board.user_a.set_password(PASSWORD)
    board.user_a.save(update_fields=["password"])
    courier_context = chromium.new_context(viewport=PHONE, device_scale_factor=1)
    customer_context = chromium.new_context(viewport=PHONE, device_scale_factor=1)
    courier, customer = courier_context.new_page(), customer_context.new_page()
    tracking = f"{live_server.url}/track/{board.order_a.tracking_token}/"

    def shot(page, name: str, lang: str = "fr") -> None:
        page.wait_for_load_state("load")
        width = page.evaluate("() => document.documentElement.scrollWidth")
        page.screenshot(path=artifacts / f"{lang}-partner-{name}-phone.png", full_page=True)
        assert width == PHONE["width"], f"{name}: {width}px wide"

    def customer_sees(label: str, name: str) -> None:
        customer.goto(tracking)
        expect(customer.locator(f"#p-{shipment.tracking_number} .timeline")).to_contain_text(
            label)
        shot(customer, f"tracking-{name}")

    card = courier.locator(f"#s-{shipment.pk}")
    try:
        courier.goto(f"{live_server.url}/account/login/?next=/partner/")
        courier.locator("input[name=username]").fill(board.user_a.email)
        courier.locator("input[name=password]").fill(PASSWORD)
        courier.locator("form.stack-form button[type=submit]").click()
        courier.wait_for_url(re.compile(r"/partner/$"))
        expect(card).to_contain_text(shipment.tracking_number)
        expect(courier.locator("body")).not_to_contain_text(board.shipment_b.tracking_number)
        shot(courier, "1-offer")
        customer_sees("Prêt à être collecté", "1-ready")

        card.get_by_role("button", name="Accepter").click()
        expect(courier.locator(".message")).to_have_text("Accepté.")
        expect(courier.locator(".route-km")).to_contain_text("km au total")
        shot(courier, "2-accepted")
        customer_sees("Accepté par le partenaire", "2-accepted")

        # The pickup is confirmed with no network: queued in the page, sent once back online.
        courier_context.set_offline(True)
        card.get_by_role("button", name="Confirmer la collecte").click()
        expect(courier.locator("[data-queue-note]")).to_contain_text("1")
        shot(courier, "3-queued-offline")
        assert Shipment.objects.get(pk=shipment.pk).status == S.ACCEPTED
        courier_context.set_offline(False)
        courier.evaluate("() => window.dispatchEvent(new Event('online'))")
        expect(card.get_by_role("button", name="En cours de livraison")).to_be_visible()
        assert ShipmentEvent.objects.filter(shipment=shipment, to_status=S.PICKED_UP).count() == 1
        customer_sees("Collecté", "3-picked-up")

        card.get_by_role("button", name="En cours de livraison").click()
        expect(courier.locator(".message")).to_have_text("En cours de livraison.")
        expect(card.locator(".collect")).to_contain_text("145,00")
        shot(courier, "4-at-the-door")
        customer.goto(tracking)
        code = customer.locator(".delivery-code strong").inner_text()
        assert code == delivery_code_for_customer(shipment)
        customer_sees("En cours de livraison", "4-out-for-delivery")

        card.locator("input[name=code]").fill(f"{(int(code) + 1) % 10000:04d}")
        card.locator("input[name=cash_collected]").check()
        card.get_by_role("button", name="Confirmer la livraison").click()
        expect(courier.locator(".message")).to_contain_text(
            "Ce n'est pas le code de livraison du client.")
        assert Shipment.objects.get(pk=shipment.pk).delivery_code_failures == 1
        shot(courier, "5-wrong-code")

        card.locator("input[name=code]").fill(code)
        card.locator("input[name=cash_collected]").check()
        card.get_by_role("button", name="Confirmer la livraison").click()
        expect(courier.locator(".message")).to_have_text("Livré. Merci !")
        expect(courier.locator(f"#s-{shipment.pk}")).to_have_count(0)
        shot(courier, "6-delivered")
        assert Shipment.objects.get(pk=shipment.pk).status == S.DELIVERED

        courier.goto(f"{live_server.url}/partner/cash/")
        expect(courier.locator(".collected")).to_contain_text("145,00")
        shot(courier, "7-cash")
        courier.goto(f"{live_server.url}/ar/partner/")
        assert courier.locator("html").get_attribute("dir") == "rtl"
        expect(courier.locator("h1")).to_have_text("Souss Express")
        expect(courier.locator("#pickups-title")).to_contain_text("الاستلامات")
        shot(courier, "8-board", lang="ar")

        customer_sees("Livré", "5-delivered")
        timeline = customer.locator(".timeline li").all_inner_texts()
        assert len(timeline) == 7  # prepared, ready, accepted, picked up, road, door, delivered
        assert customer.locator(".delivery-code").count() == 0
    finally:
        courier_context.close()
        customer_context.close()
