"""Catalog import of a 5,000-row sheet (2,500 products of two sizes) by one cooperative: the
dry run (upload + check, what the manager sees before confirming) and the write, first with
new products, then changing every price.

The rows go to a cooperative of the bench's own (pending, so nothing shows in the storefront),
whose products are deleted before each repetition and at the end. Celery is eager: confirming
runs the import task at once. ``bench/catalog_import.py`` runs this alone from the shell.
"""
from __future__ import annotations

import csv
import io
import os
import time
from collections.abc import Callable
from typing import Any

from bench.harness import BenchError, Context, Result
from bench.suites._common import channel

GROUP = "batch"
ROWS = 5000
SLUG = "bench-import"


def sheet(rows: int, *, channel_slug: str, price: str) -> bytes:
    """A CSV in the import's columns: two sizes per product, every row published."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(["product_slug", "product_name_fr", "product_name_ar", "sku", "variant_name",
                     "weight_grams", "stock", f"price_{channel_slug}",
                     f"published_{channel_slug}", "description_fr"])
    for i in range(rows):
        writer.writerow([f"bench-{i // 2}", f"Produit {i // 2}", f"منتج {i // 2}",
                         f"BENCH-{i:05d}", f"{250 * (1 + i % 2)} ml", "300", "20", price, "oui",
                         f"Huile d'argan pressée à froid, lot {i // 2}."])
    return buffer.getvalue().encode()


def importer() -> tuple[Any, Any]:
    """The bench's cooperative (pending) and its manager, made once in the bench database."""
    from django.contrib.auth import get_user_model

    from backend.cooperatives.models import Cooperative, CooperativeStaff

    template = Cooperative.objects.order_by("pk").first()
    if template is None:
        raise BenchError("the bench database has no cooperative to copy a city from")
    coop, _ = Cooperative.objects.get_or_create(slug=SLUG, defaults={
        "name": "Bench import", "odco_number": "BENCH-IMPORT", "city": template.city,
        "region": template.region, "latitude": template.latitude,
        "longitude": template.longitude})
    user, created = get_user_model().objects.get_or_create(email="bench-import@bench.invalid")
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    CooperativeStaff.objects.get_or_create(cooperative=coop, user=user,
                                           defaults={"role": "manager"})
    return coop, user


def clear(coop: Any) -> None:
    from catalog.models import CatalogImportJob, Product

    Product.objects.filter(cooperative=coop).delete()
    CatalogImportJob.objects.filter(cooperative=coop).delete()


def _timed(call: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    value = call()
    return (time.perf_counter() - started) * 1000.0, value


def import_once(coop: Any, user: Any, data: bytes) -> tuple[float, float, dict]:
    """(dry run ms, write ms, the report's counts) of one sheet."""
    from catalog.models import CatalogImportJob
    from catalog.spreadsheets import services

    def check() -> CatalogImportJob:
        job = services.catalog_import_job_create(cooperative_id=coop.pk, user=user,
                                                 file_name="bench.csv", data=data,
                                                 language="fr")
        services.catalog_import_check(job_id=job.pk)  # a no-op when eager already checked
        return job

    dry_ms, job = _timed(check)
    job.refresh_from_db()
    if job.status != "ready":
        raise BenchError(f"dry run ended {job.status}: {job.errors[:3]}")
    write_ms, _ = _timed(lambda: services.catalog_import_confirm(cooperative_id=coop.pk,
                                                                 job_id=job.pk))
    job.refresh_from_db()
    if job.status != "done":
        raise BenchError(f"import ended {job.status}: {job.errors[:3]}")
    return dry_ms, write_ms, job.report.get("counts", {})


def run(ctx: Context) -> list[Result]:
    public = channel()
    rows = int(os.environ.get("BENCH_IMPORT_ROWS", str(ROWS)))
    repeat = int(os.environ.get("BENCH_IMPORT_REPEAT", "2"))
    coop, user = importer()
    samples: dict[str, list[float]] = {k: [] for k in ("dry new", "write new", "dry update",
                                                       "write update")}
    counts: dict[str, Any] = {}
    try:
        for i in range(repeat):
            clear(coop)
            for kind, price in (("new", "50.00"), ("update", f"{55 + i}.50")):
                dry, write, counts[kind] = import_once(
                    coop, user, sheet(rows, channel_slug=public.slug, price=price))
                samples[f"dry {kind}"].append(dry)
                samples[f"write {kind}"].append(write)
                ctx.log(f"  {rows} rows, {kind}: dry run {dry:.0f} ms, write {write:.0f} ms")
    finally:
        clear(coop)
    label = f"catalog import {rows:,} rows"
    return [Result(name=f"{label}: {step} ({kind} products)", group=GROUP, scale=ctx.scale,
                   samples_ms=samples[f"{'dry' if step == 'dry run' else 'write'} {kind}"],
                   extra={"rows": rows, "counts": counts.get(kind, {})})
            for kind in ("new", "update") for step in ("dry run", "write")]
