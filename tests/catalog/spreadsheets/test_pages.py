"""Pages at /coop/catalog/: export, upload → report → confirm → done; isolation both ways."""
from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from catalog.models import CatalogImportJob, CatalogImportStatus, ProductVariant
from tests.factories.catalog import make_listed_product

from .conftest import catalog_state, csv_bytes, row

pytestmark = pytest.mark.django_db


def _upload(client, data: bytes, name="catalog.csv", lang_prefix=""):
    return client.post(f"{lang_prefix}/coop/catalog/import/",
                       {"file": SimpleUploadedFile(name, data, content_type="text/csv")})


def test_export_csv_has_one_row_per_variant_of_the_callers_cooperative_only(
        client_a, coop_a, channel, product_b):
    mine = make_listed_product(channel=channel, cooperative=coop_a, slug="safran", variants=2)

    response = client_a.get(reverse("coop_catalog_io:export", args=["csv"]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="catalog-tifawine-' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(r["product_slug"], r["sku"]) for r in rows] == [
        ("safran", v.sku) for v in mine.variants.order_by("sort_order")]
    assert rows[0]["price_maroc"] == "60.00" and rows[1]["price_maroc"] == "61.00"
    assert rows[0]["published_maroc"] == "yes"
    assert "SKU-B1" not in response.content.decode()


def test_export_xlsx_opens_and_neutralises_formulas(client_a, coop_a, channel):
    product = make_listed_product(channel=channel, cooperative=coop_a, slug="safran",
                                  name="=HYPERLINK(\"http://x\")")

    response = client_a.get(reverse("coop_catalog_io:export", args=["xlsx"]))

    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    values = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert values["product_name_fr"] == "'=HYPERLINK(\"http://x\")"
    assert sheet.cell(row=2, column=header.index("product_name_fr") + 1).data_type == "s"
    assert values["sku"] == product.variants.get().sku
    assert Decimal(str(values["price_maroc"])) == Decimal("60.00")


def test_export_costs_the_same_queries_for_10_or_100_variants(client_a, coop_a, channel):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client_a.get(reverse("coop_catalog_io:export", args=["csv"])).status_code == 200
        return len(queries)

    for index in range(5):
        make_listed_product(channel=channel, cooperative=coop_a, slug=f"p{index}", variants=2)
    small = count()
    for index in range(5, 50):
        make_listed_product(channel=channel, cooperative=coop_a, slug=f"p{index}", variants=2)
    assert count() == small


def test_upload_shows_the_dry_run_then_confirm_imports_it(
        client_a, coop_a, channel, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client_a, csv_bytes([row(), row(sku="ARG-2", price="0")]))
    job = CatalogImportJob.objects.get()
    assert response.status_code == 303
    page = client_a.get(response["Location"]).content.decode()
    assert "ligne 3 : le prix doit être un nombre positif" in page
    assert "confirm-import" not in page

    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client_a, csv_bytes([row(), row(sku="ARG-2", price="130")]))
    job = CatalogImportJob.objects.order_by("-created_at").first()
    page = client_a.get(response["Location"]).content.decode()
    assert job.status == CatalogImportStatus.READY
    assert 'id="count-created"><strong>2</strong>' in page and "confirm-import" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client_a.post(reverse("coop_catalog_io:job_confirm", args=[job.pk]))
    assert response.status_code == 303
    page = client_a.get(response["Location"]).content.decode()
    assert 'id="import-done"' in page
    assert set(ProductVariant.objects.values_list("sku", flat=True)) == {"ARG-250", "ARG-2"}
    status = client_a.get(reverse("coop_catalog_io:job_status", args=[job.pk])).json()
    assert status == {"status": "done", "status_display": "Importé", "processed": 2, "total": 2,
                      "percent": 100, "running": False}


def test_errors_show_in_arabic_on_the_arabic_page(client_a, coop_a, channel,
                                                  django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client_a, csv_bytes([row(price="-1")]), lang_prefix="/ar")
    page = client_a.get(response["Location"]).content.decode()
    assert "السطر 2: يجب أن يكون السعر عددًا موجبًا (price_maroc)" in page
    assert 'dir="rtl"' in page


def test_a_running_job_page_has_a_progress_bar_that_works_without_javascript(
        client_a, coop_a, channel):
    job = CatalogImportJob.objects.create(cooperative=coop_a, file_name="c.csv", file_data=b"x",
                                          format="csv", status=CatalogImportStatus.IMPORTING,
                                          total_rows=200, processed_rows=50)

    page = client_a.get(reverse("coop_catalog_io:job", args=[job.pk])).content.decode()
    status = client_a.get(reverse("coop_catalog_io:job_status", args=[job.pk])).json()

    assert '<progress id="job-progress-bar" max="100" value="25">' in page
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in page
    assert "progress.js" in page
    assert status["percent"] == 25 and status["running"] is True


def test_a_bad_upload_re_renders_the_form_with_the_reason(client_a, coop_a, channel):
    response = _upload(client_a, b"%PDF-1.4", name="catalog.pdf")

    assert response.status_code == 400
    assert "le fichier n’est ni un CSV ni un tableur XLSX" in response.content.decode()
    assert not CatalogImportJob.objects.exists()


def test_pages_need_a_cooperative_staff_account(client, customer, coop_a):
    url = reverse("coop_catalog_io:index")
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(customer)
    assert client.get(url).status_code == 403
    assert client.get(reverse("coop_catalog_io:export", args=["csv"])).status_code == 403
    assert _upload(client, csv_bytes([row()])).status_code == 403
    assert not CatalogImportJob.objects.exists()


def test_cooperative_b_cannot_see_or_confirm_a_job_of_cooperative_a(
        client, run_import, coop_a, staff_b, channel, django_capture_on_commit_callbacks):
    job = run_import(coop_a, csv_bytes([row()]))
    before = catalog_state()
    client.force_login(staff_b)

    assert client.get(reverse("coop_catalog_io:job", args=[job.pk])).status_code == 404
    assert client.get(reverse("coop_catalog_io:job_status", args=[job.pk])).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("coop_catalog_io:job_confirm",
                                   args=[job.pk])).status_code == 404
    index = client.get(reverse("coop_catalog_io:index")).content.decode()

    job.refresh_from_db()
    assert job.status == CatalogImportStatus.READY
    assert catalog_state() == before
    assert job.file_name not in index


def test_cooperative_a_cannot_see_or_change_cooperative_b_through_its_own_import(
        client_a, coop_a, product_b, channel, run_import, staff_b,
        django_capture_on_commit_callbacks):
    job_b = run_import(product_b.cooperative, csv_bytes([row(slug="amlou-b", sku="SKU-B1")]))
    before = catalog_state()

    export = client_a.get(reverse("coop_catalog_io:export", args=["xlsx"]))
    detail = client_a.get(reverse("coop_catalog_io:job", args=[job_b.pk]))
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client_a, csv_bytes([row(slug="amlou-b", sku="SKU-B1", price="1")]))

    assert b"SKU-B1" not in export.content
    assert detail.status_code == 404
    assert response.status_code == 303
    mine = CatalogImportJob.objects.get(cooperative=coop_a)
    assert mine.status == CatalogImportStatus.INVALID
    assert catalog_state() == before


def test_unknown_export_format_is_a_404(client_a):
    assert client_a.get("/coop/catalog/export/pdf/").status_code == 404
