"""A 5,000-row sheet imports in one transaction with bulk statements, well under a minute."""
from __future__ import annotations

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.models import CatalogImportStatus, Product, ProductVariant
from catalog.spreadsheets.export import export_csv

from .conftest import csv_bytes, row

pytestmark = pytest.mark.django_db


def big_sheet(rows: int, *, price: str = "50.00") -> bytes:  # bench/catalog_import.py times more
    """``rows`` variants, two per product."""
    return csv_bytes([row(slug=f"produit-{i // 2}", name=f"Produit {i // 2}", sku=f"BIG-{i:05d}",
                          price=price, description_fr=f"Produit {i // 2} du terroir.")
                      for i in range(rows)])


def test_a_5000_row_file_imports_under_a_minute_with_a_bounded_number_of_queries(
        run_import, coop_a, channel):
    data = big_sheet(5000)
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        job = run_import(coop_a, data, confirm=True)
    elapsed = time.perf_counter() - started

    assert job.status == CatalogImportStatus.DONE, job.errors[:3]
    assert job.processed_rows == job.total_rows == 5000
    assert ProductVariant.objects.filter(product__cooperative=coop_a).count() == 5000
    assert Product.objects.filter(cooperative=coop_a).count() == 2500
    assert elapsed < 60, elapsed
    assert len(queries) < 400, len(queries)  # bulk: not one query per row
    # The export of 5,000 variants re-imports unchanged.
    again = run_import(coop_a, export_csv(cooperative_id=coop_a.pk))
    assert again.report["counts"] == {"created": 0, "updated": 0, "unchanged": 5000,
                                      "products_created": 0}
