"""Fixtures of the catalog spreadsheet tests: two cooperatives, their staff, sheet builders."""
from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from catalog.models import (
    CatalogImportJob,
    Product,
    ProductChannelListing,
    ProductLabel,
    ProductTranslation,
    ProductVariant,
    ProductVariantChannelListing,
    Stock,
)
from catalog.spreadsheets.services import (
    catalog_import_confirm,
    catalog_import_job_create,
)
from tests.factories.catalog import (
    CategoryFactory,
    CooperativeFactory,
    CooperativeStaffFactory,
    LabelFactory,
    make_listed_product,
)

BASE = ["product_slug", "product_name_fr", "product_name_ar", "product_name_en",
        "category_slug", "labels", "description_fr", "sku", "variant_name", "weight_grams",
        "stock", "low_stock_threshold", "price_maroc", "published_maroc"]


def csv_bytes(rows: list[list[object]], header: list[str] | None = None) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header or BASE)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def xlsx_bytes(rows: list[list[object]], header: list[str] | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header or BASE)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def row(slug="huile-argan", name="Huile d'argan", sku="ARG-250", price="120.00", stock="10",
        **overrides) -> list[object]:
    values = {"product_slug": slug, "product_name_fr": name, "product_name_ar": "زيت الأركان",
              "product_name_en": "Argan oil", "category_slug": "", "labels": "",
              "description_fr": "Pressée à froid.", "sku": sku, "variant_name": "250 ml",
              "weight_grams": "300", "stock": stock, "low_stock_threshold": "5",
              "price_maroc": price, "published_maroc": "oui"}
    values.update(overrides)
    return [values[h] for h in BASE]


def catalog_state() -> dict[str, list]:
    """Everything an import may write, to assert that a refused import changed nothing."""
    return {
        "products": list(Product.objects.order_by("pk").values_list(
            "pk", "cooperative_id", "slug", "name", "category_id", "description_plaintext",
            "search_document", "default_variant_id", "updated_at")),
        "translations": list(ProductTranslation.objects.order_by("pk").values_list(
            "product_id", "language_code", "name")),
        "labels": list(ProductLabel.objects.order_by("pk").values_list(
            "product_id", "label_id", "certificate_reference")),
        "listings": list(ProductChannelListing.objects.order_by("pk").values_list(
            "product_id", "channel_id", "is_published", "discounted_price_amount")),
        "variants": list(ProductVariant.objects.order_by("pk").values_list(
            "pk", "product_id", "sku", "name", "weight_grams", "low_stock_threshold")),
        "stock": list(Stock.objects.order_by("pk").values_list("variant_id", "quantity")),
        "prices": list(ProductVariantChannelListing.objects.order_by("pk").values_list(
            "variant_id", "channel_id", "price_amount")),
    }


@pytest.fixture
def coop_a(db):
    return CooperativeFactory(name="Coopérative Tifawine", slug="tifawine")


@pytest.fixture
def coop_b(db):
    return CooperativeFactory(name="Coopérative Amal", slug="amal")


@pytest.fixture
def staff_a(coop_a):
    return CooperativeStaffFactory(cooperative=coop_a, user__email="fatima@tifawine.ma").user


@pytest.fixture
def staff_b(coop_b):
    return CooperativeStaffFactory(cooperative=coop_b, user__email="karim@amal.ma").user


@pytest.fixture
def client_a(client, staff_a):
    client.force_login(staff_a)
    return client


@pytest.fixture
def label(db):
    return LabelFactory(slug="bio", name="Bio", kind="ORGANIC")


@pytest.fixture
def category(db):
    return CategoryFactory(slug="huiles", name="Huiles")


@pytest.fixture
def product_b(channel, coop_b):
    """A product of cooperative B (SKU SKU-B1, slug amlou-b)."""
    product = make_listed_product(channel=channel, cooperative=coop_b, slug="amlou-b",
                                  name="Amlou", price=Decimal("80.00"))
    ProductVariant.objects.filter(product=product).update(sku="SKU-B1")
    return product


@pytest.fixture
def run_import(django_capture_on_commit_callbacks):
    """Upload + dry run (and, with ``confirm=True``, the import), as the tasks would run them."""

    def run(cooperative, data: bytes, *, user=None, language="fr", confirm=False,
            name="catalog.csv") -> CatalogImportJob:
        with django_capture_on_commit_callbacks(execute=True):
            job = catalog_import_job_create(cooperative_id=cooperative.pk, user=user,
                                            file_name=name, data=data, language=language)
        job.refresh_from_db()
        if confirm:
            with django_capture_on_commit_callbacks(execute=True):
                catalog_import_confirm(cooperative_id=cooperative.pk, job_id=job.pk)
            job.refresh_from_db()
        return job

    return run
