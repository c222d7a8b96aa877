"""A network admin signs in, opens a prize programme's monthly report, switches it to
Arabic, and downloads the XLSX and the PDF: both parse and carry the cooperative's numbers.
Screenshots go to test-artifacts/."""
from __future__ import annotations

import re
from datetime import date
from io import BytesIO

import pytest

from tests.e2e.conftest import DESKTOP, PHONE
from tests.factories.catalog import ChannelFactory, UserFactory
from tests.followup.conftest import PASSWORD, make_programme
from tests.followup.data import two_months

pytestmark = [pytest.mark.e2e,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_network_admin_opens_the_report_and_downloads_both_exports(live_server, chromium,
                                                                   artifacts, settings):
    from openpyxl import load_workbook
    from playwright.sync_api import expect
    from pypdf import PdfReader

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    built = two_months(ChannelFactory())
    _, cohort = make_programme([built.cooperative, built.other], awarded=date(2026, 3, 20))
    UserFactory(email="admin@reseau.ma", password=PASSWORD, is_staff=True, is_superuser=True)
    context = chromium.new_context(viewport=DESKTOP, device_scale_factor=1, accept_downloads=True,
                                   locale="fr-FR")
    page = context.new_page()

    def shot(name: str) -> None:
        page.wait_for_load_state("load")
        page.screenshot(path=artifacts / f"programme-report-{name}.png", full_page=True)

    try:
        page.goto(f"{live_server.url}/admin/programmes/report/")
        page.wait_for_url(re.compile(r"/admin/login/"))
        page.fill("#id_username", "admin@reseau.ma")
        page.fill("#id_password", PASSWORD)
        page.locator("input[type=submit]").click()
        page.wait_for_url(re.compile(r"/admin/programmes/report/"))
        page.select_option("#id_cohort", str(cohort.pk))
        page.fill("#id_month", "2026-04")
        page.locator("#report-filters button[type=submit]").click()
        page.wait_for_url(re.compile(r"month=2026-04"))
        row = page.locator('#report-table tr[data-cooperative="tifawine-safran"]')
        expect(row).to_contain_text("300,00")
        expect(page.locator("#chart-region svg")).to_have_count(1)
        expect(page.locator("#chart-prize svg")).to_have_count(1)
        expect(page.locator("#prize-table")).to_contain_text("300,00")
        shot("1-fr-desktop")

        with page.expect_download() as download_info:
            page.locator("#xlsx-fr").click()
        workbook = load_workbook(BytesIO(download_info.value.path().read_bytes()))
        rows = list(workbook.worksheets[0].iter_rows(values_only=True))
        sales = rows[2].index("Ventes (MAD)")
        assert {r[0]: r[sales] for r in rows[3:]}["Coopérative Tifawine Safran"] == 300

        with page.expect_download() as download_info:
            page.locator("#pdf-ar").click()
        pdf = download_info.value.path().read_bytes()
        assert download_info.value.suggested_filename.endswith("-2026-04-ar.pdf")
        assert pdf.startswith(b"%PDF-")
        text = " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages).split())
        assert "Coopérative Tifawine Safran" in text and "300,00" in text

        page.select_option("#id_lang", "ar")
        page.locator("#report-filters button[type=submit]").click()
        page.wait_for_url(re.compile(r"lang=ar"))
        assert page.locator("html").get_attribute("dir") == "rtl"
        expect(page.locator("#report-title")).to_contain_text("2026")
        page.set_viewport_size(PHONE)
        shot("2-ar-phone")
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{width}px wide"
    finally:
        context.close()
