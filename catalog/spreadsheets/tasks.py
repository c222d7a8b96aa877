"""Celery tasks of the catalog import: thin, by job id, safe to run twice (status-guarded)."""
from __future__ import annotations

from celery import shared_task

from .services import catalog_import_check, catalog_import_run


@shared_task(acks_late=True)
def catalog_import_check_task(job_id: str) -> str | None:
    """Dry-run a freshly uploaded sheet (no-op unless the job is waiting to be checked)."""
    job = catalog_import_check(job_id=job_id)
    return job.status if job else None


@shared_task(acks_late=True)
def catalog_import_run_task(job_id: str) -> str | None:
    """Write a confirmed import (no-op unless the job is confirmed and not yet written)."""
    job = catalog_import_run(job_id=job_id)
    return job.status if job else None
