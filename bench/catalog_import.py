"""Benchmark: check and import a 5,000-row catalog sheet (the suite bench/suites/catalog_import.py
on its own, outside `make bench`).

Run against a scratch PostgreSQL database that has a channel and a cooperative (seed_demo):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coop_bench \
        .venv/bin/python bench/catalog_import.py
Prints the time of each phase. BENCH_IMPORT_ROWS=… changes the number of rows,
BENCH_IMPORT_REPEAT=… the repetitions.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "true")

import django  # noqa: E402

django.setup()

from bench.harness import Context, median  # noqa: E402
from bench.suites import catalog_import  # noqa: E402


def main() -> None:
    from django.conf import settings

    ctx = Context(scale="adhoc", repeat=1, database_url=os.environ.get(
        "DATABASE_URL", str(settings.DATABASES["default"]["NAME"])))
    for result in catalog_import.run(ctx):
        print(f"{result.name:<52} median {median(result.samples_ms) or 0:8.0f} ms  "
              f"{result.extra.get('counts')}")


if __name__ == "__main__":
    main()
