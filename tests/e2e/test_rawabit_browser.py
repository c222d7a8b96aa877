"""Rawabit on a phone: a buyer posts a request from the board, a matching cooperative replies
privately and the buyer reads it; in French and in Arabic. Screenshots go to test-artifacts/;
no page may be wider than the phone."""
from __future__ import annotations

import re

import pytest

from backend.rawabit.models import Opportunity, OpportunityMessage
from tests.e2e.conftest import PHONE, phone_screenshot
from tests.rawabit.conftest import world  # noqa: F401 - the fixture

pytestmark = [pytest.mark.e2e,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "coop-pass-2026"  # tests.factories.catalog.UserFactory's
TITLES = {"fr": "240 L d'huile d'argan pour l'export en mars",
          "ar": "240 لتر من زيت الأركان للتصدير في مارس"}


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_a_buyer_posts_a_request_and_reads_a_cooperatives_private_reply(
        live_server, chromium, artifacts, world, lang):  # noqa: F811
    from playwright.sync_api import expect

    prefix = "" if lang == "fr" else f"/{lang}"
    context = chromium.new_context(viewport=PHONE, device_scale_factor=1)
    page = context.new_page()

    def shot(name: str) -> None:
        phone_screenshot(page, artifacts / f"{lang}-rawabit-{name}-phone.png", name)

    def sign_in(user, next_path: str) -> None:
        page.context.clear_cookies()
        page.goto(f"{live_server.url}{prefix}/account/login/?next={prefix}{next_path}")
        page.locator("input[name=username]").fill(user.email)
        page.locator("input[name=password]").fill(PASSWORD)
        page.locator("form.stack-form button[type=submit]").click()
        page.wait_for_url(re.compile(re.escape(f"{prefix}{next_path}") + "$"))

    try:
        sign_in(world.exporter, "/rawabit/new/")
        if lang == "ar":
            assert page.locator("html").get_attribute("dir") == "rtl"
        form = page.locator("#opportunity-form")
        form.locator("input[name=kind][value=request]").check()
        form.locator("input[name=title]").fill(TITLES[lang])
        form.locator("select[name=category]").select_option(str(world.oils.pk))
        form.locator("input[name=quantity]").fill("240")
        form.locator("select[name=unit]").select_option("l")
        shot("1-new")
        form.locator("button[type=submit]").click()
        page.wait_for_url(re.compile(rf"{prefix}/rawabit/\d+/$"))
        opportunity = Opportunity.objects.get()
        expect(page.locator("h1")).to_have_text(TITLES[lang])
        expect(page.locator("#no-replies")).to_be_visible()
        shot("2-posted")

        sign_in(world.argan.manager, "/rawabit/")
        expect(page.locator(f"#opportunity-{opportunity.pk}")).to_contain_text(TITLES[lang])
        shot("3-board")
        page.locator(f"#opportunity-{opportunity.pk} a").click()
        page.locator("#reply-form textarea[name=body]").fill("Nous avons 300 L certifiés.")
        page.locator("#reply-form button[type=submit]").click()
        page.wait_for_url(re.compile(r"/rawabit/conversations/\d+/$"))
        expect(page.locator("#thread-messages")).to_contain_text("Nous avons 300 L")
        shot("4-thread")

        sign_in(world.exporter, f"/rawabit/{opportunity.pk}/")
        page.locator("#replies a").click()
        expect(page.locator("#thread-messages")).to_contain_text("Nous avons 300 L")
        expect(page.locator("#message-form")).to_be_visible()
        shot("5-poster-reads")
        assert OpportunityMessage.objects.get().author == world.argan.manager
    finally:
        context.close()
