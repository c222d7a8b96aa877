"""Benchmark: check and import a 5,000-row catalog sheet, then re-import its export.

Run against a scratch PostgreSQL database (it creates one cooperative and its products):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coop_bench \
        .venv/bin/python bench/catalog_import.py
Prints the time of each phase. ROWS=… changes the number of rows.
"""
from __future__ import annotations

import csv
import io
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "true")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

HEADER = ["product_slug", "product_name_fr", "product_name_ar", "sku", "variant_name",
          "weight_grams", "stock", "price_maroc", "published_maroc", "description_fr"]


def sheet(rows: int, price: str) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    for i in range(rows):
        writer.writerow([f"bench-{i // 2}", f"Produit {i // 2}", f"منتج {i // 2}",
                         f"BENCH-{i:05d}", f"{250 * (1 + i % 2)} ml", "300", "20", price, "oui",
                         f"Huile d'argan pressée à froid, lot {i // 2}."])
    return buffer.getvalue().encode()


def main() -> None:
    call_command("migrate", verbosity=0)
    from backend.cooperatives.models import CooperativeStaff
    from catalog.models import CatalogImportJob, Product
    from catalog.spreadsheets import services
    from catalog.spreadsheets.export import export_csv
    from tests.factories.catalog import ChannelFactory, CooperativeFactory, UserFactory

    rows = int(os.environ.get("ROWS", "5000"))
    ChannelFactory()
    stamp = int(time.time())
    coop = CooperativeFactory(slug=f"bench-{stamp}", odco_number=f"BENCH-{stamp}")
    user = UserFactory(email=f"bench-{stamp}@example.ma")
    CooperativeStaff.objects.create(cooperative=coop, user=user, role="manager")
    Product.objects.filter(slug__startswith="bench-").delete()

    def timed(label: str, func):
        started = time.perf_counter()
        result = func()
        print(f"{label:<42} {time.perf_counter() - started:6.2f} s")
        return result

    def check(data: bytes) -> CatalogImportJob:
        job = services.catalog_import_job_create(cooperative_id=coop.pk, user=user,
                                                 file_name="bench.csv", data=data,
                                                 language="fr")
        return services.catalog_import_check(job_id=job.pk) or job  # eager: already checked

    for label, price in (("create", "50.00"), ("update every price", "55.50")):
        data = sheet(rows, price)
        job = timed(f"{rows} rows, {label}: upload + dry run", lambda d=data: check(d))
        job.refresh_from_db()
        assert job.status == "ready", job.errors[:3]
        # Eager Celery in autocommit: confirming runs the import task at once.
        timed(f"{rows} rows, {label}: import", lambda j=job: services.catalog_import_confirm(
            cooperative_id=coop.pk, job_id=j.pk))
        job.refresh_from_db()
        assert job.status == "done", job.errors
        print(f"   report: {job.report['counts']}")
    exported = timed(f"export {rows} rows as CSV", lambda: export_csv(cooperative_id=coop.pk))
    job = timed("re-import of the export: dry run", lambda: check(exported))
    job.refresh_from_db()
    print(f"   report: {job.report['counts']}")
    if not os.environ.get("KEEP"):
        Product.objects.filter(cooperative=coop).delete()
        CatalogImportJob.objects.filter(cooperative=coop).delete()


if __name__ == "__main__":
    main()
