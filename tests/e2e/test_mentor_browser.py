"""A mentor signs in on a phone, opens the cooperative it follows, reads its dashboard (the
sales figure), adds a follow-up note and sees it listed; in French and in Arabic. Screenshots
go to test-artifacts/; no page may be wider than the phone."""
from __future__ import annotations

import re
from datetime import date

import pytest
from django.utils import timezone

from backend.programmes.models import Cohort, Enrollment, FollowUpNote, Programme
from tests.cooperatives.conftest import make_coop
from tests.e2e.conftest import PHONE, phone_screenshot
from tests.factories.catalog import UserFactory

pytestmark = [pytest.mark.e2e,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "Mentor-Pass-2026"
NOTES = {"fr": "Visite de suivi : l'atelier est prêt, viser la certification bio.",
         "ar": "زيارة متابعة: الورشة جاهزة، الهدف هو شهادة المنتوج العضوي."}


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_a_mentor_reads_the_dashboard_and_adds_a_note(live_server, chromium, artifacts,
                                                      settings, lang):
    from playwright.sync_api import expect

    from tests.cooperatives.data import parcel

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    followed = make_coop(name="Coopérative Tifawine")
    other = make_coop(name="Coopérative Zenaga", city_slug="agadir")
    mentor = UserFactory(email=f"mentor.{lang}@example.ma", first_name="Naima",
                         password=PASSWORD)
    programme = Programme.objects.create(name="Prix Lalla Al Moutaâouina",
                                         slug="lalla-al-moutaaouina", kind="prize")
    cohort = Cohort.objects.create(programme=programme, name="4e édition", year=2024,
                                   starts_on=date(2024, 3, 8))
    Enrollment.objects.create(cohort=cohort, cooperative=followed.cooperative, mentor=mentor,
                              year=2024, prize="1er prix")
    Enrollment.objects.create(cohort=cohort, cooperative=other.cooperative, year=2024)
    parcel(followed.cooperative, total="245.50", at=timezone.localtime())
    prefix = "" if lang == "fr" else f"/{lang}"
    context = chromium.new_context(viewport=PHONE, device_scale_factor=1)
    page = context.new_page()

    def shot(name: str) -> None:
        phone_screenshot(page, artifacts / f"{lang}-mentor-{name}-phone.png", name)

    try:
        page.goto(f"{live_server.url}{prefix}/account/login/?next={prefix}/mentor/")
        page.locator("input[name=username]").fill(mentor.email)
        page.locator("input[name=password]").fill(PASSWORD)
        page.locator("form.stack-form button[type=submit]").click()
        page.wait_for_url(re.compile(rf"{prefix}/mentor/$"))
        if lang == "ar":
            assert page.locator("html").get_attribute("dir") == "rtl"
        coops = page.locator("#mentor-coops")
        expect(coops).to_contain_text("Coopérative Tifawine")
        expect(coops).to_contain_text("1er prix")
        expect(coops).not_to_contain_text("Coopérative Zenaga")
        shot("1-list")

        coops.get_by_role("link", name="Coopérative Tifawine").click()
        page.wait_for_url(re.compile(rf"/mentor/{followed.cooperative.slug}/$"))
        expect(page.locator("#sales-month")).to_contain_text("245")
        expect(page.locator("#orders-waiting")).to_have_text("1")
        shot("2-dashboard")

        page.locator("#note-form textarea[name=body]").fill(NOTES[lang])
        page.locator("#note-form button[type=submit]").click()
        page.wait_for_url(re.compile(rf"/mentor/{followed.cooperative.slug}/(#notes)?$"))
        expect(page.locator("#note-list")).to_contain_text(NOTES[lang])
        expect(page.locator(".messages")).to_be_visible()
        shot("3-note-added")
        note = FollowUpNote.objects.get()
        assert (note.cooperative_id, note.author_id, note.body) == (
            followed.cooperative.pk, mentor.pk, NOTES[lang])

        response = page.goto(f"{live_server.url}{prefix}/mentor/{other.cooperative.slug}/")
        assert response.status == 404

        # The cooperative's manager reads the note on its own follow-up page.
        context.clear_cookies()  # signed out
        manager = followed.manager
        manager.set_password(PASSWORD)
        manager.save()
        page.goto(f"{live_server.url}{prefix}/account/login/?next={prefix}/coop/followup/")
        page.locator("input[name=username]").fill(manager.email)
        page.locator("input[name=password]").fill(PASSWORD)
        page.locator("form.stack-form button[type=submit]").click()
        page.wait_for_url(re.compile(rf"{prefix}/coop/followup/$"))
        expect(page.locator("#note-list")).to_contain_text(NOTES[lang])
        shot("4-coop-followup")
    finally:
        context.close()
