"""The life of a catalog import: upload → check (dry run) → confirm → import, one job each.

Checking and importing run in Celery tasks (eager in the embedded mode) that call the functions
here by job id. The import re-plans inside its transaction, with the cooperative's row locked so
two imports of one cooperative never interleave, and writes only if the plan is still the one
the user saw; if any row fails, or the catalog moved meanwhile, nothing is written.
"""
from __future__ import annotations

import logging
import uuid
from typing import Any

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from backend.cooperatives.models import Cooperative
from backend.core.errors import DomainError, ErrorItem

from ..models import CatalogImportFormat, CatalogImportJob, CatalogImportStatus
from .messages import FileRejected, error_dict, error_text, with_messages
from .messages import ImportErrorCode as C
from .plan import import_plan
from .reading import read_sheet

logger = logging.getLogger(__name__)


def _domain_error(error: dict[str, Any], language: str | None = None) -> DomainError:
    return DomainError(ErrorItem(code=C(error["code"]), message=error_text(error, language),
                                 field="file"))


def catalog_import_job_create(*, cooperative_id: int, user: Any, file_name: str, data: bytes,
                              language: str) -> CatalogImportJob:
    """Store an upload as a job after checking it is a readable sheet with the right columns.

    Raises DomainError (field ``file``) for a file that is not a usable spreadsheet; then no job
    exists. The rows themselves are checked by ``catalog_import_check`` (a task).
    """
    try:
        sheet = read_sheet(data)
    except FileRejected as rejected:
        raise _domain_error(rejected.error, language) from None
    from .export import channel_columns
    from .plan import header_errors

    errors = header_errors(sheet.header, channel_columns())
    if errors:
        raise DomainError(*(ErrorItem(code=C(e["code"]), message=error_text(e, language),
                                      field="file") for e in errors))
    name = (file_name or "").replace("\x00", "")[:200] or "catalog"
    job = CatalogImportJob.objects.create(
        cooperative_id=cooperative_id, created_by=user if getattr(user, "pk", None) else None,
        file_name=name, file_data=data, format=CatalogImportFormat(sheet.format),
        language=(language or "fr")[:2], total_rows=len(sheet.rows))
    from backend.outbox.services import enqueue

    enqueue("catalog.spreadsheets.tasks.catalog_import_check_task", args=[str(job.pk)],
            dedup_key=f"catalog-import-check:{job.pk}")
    return job


def _progress(job_id: uuid.UUID):
    """Record rows processed: in the job row (outside a transaction) and in the cache.

    The import plans inside its transaction, where an update of the job row stays invisible
    until commit; the cache (Redis in production) lets the status endpoint see it meanwhile.
    """
    def report(processed: int) -> None:
        cache.set(progress_cache_key(job_id), processed, timeout=3600)
        if not transaction.get_connection().in_atomic_block:
            CatalogImportJob.objects.filter(pk=job_id).update(processed_rows=processed,
                                                              updated_at=timezone.now())
    return report


def progress_cache_key(job_id: uuid.UUID | str) -> str:
    return f"catalog-import-progress:{job_id}"


def catalog_import_check(*, job_id: uuid.UUID | str) -> CatalogImportJob | None:
    """The dry run: plan the job's sheet and store the report (READY) or the errors (INVALID)."""
    claimed = CatalogImportJob.objects.filter(pk=job_id, status=CatalogImportStatus.PENDING) \
        .update(status=CatalogImportStatus.ANALYSING, processed_rows=0)
    if not claimed:
        return None  # already checked (a retried task) or gone
    job = CatalogImportJob.objects.get(pk=job_id)
    try:
        sheet = read_sheet(bytes(job.file_data))
        plan = import_plan(cooperative_id=job.cooperative_id, sheet=sheet,
                           on_progress=_progress(job.pk))
        errors = plan.errors
    except FileRejected as rejected:
        plan, errors = None, [rejected.error]
    job.errors = with_messages(errors, job.language)
    job.checked_at = timezone.now()
    if errors or plan is None:
        job.status, job.report, job.plan_digest = CatalogImportStatus.INVALID, {}, ""
    else:
        job.status, job.report, job.plan_digest = (CatalogImportStatus.READY, plan.report,
                                                   plan.digest)
        job.total_rows = plan.total_rows
    job.processed_rows = job.total_rows
    job.save(update_fields=["status", "report", "plan_digest", "errors", "checked_at",
                            "total_rows", "processed_rows", "updated_at"])
    return job


def catalog_import_confirm(*, cooperative_id: int, job_id: uuid.UUID) -> CatalogImportJob:
    """Start the real import of a checked job (once: a second click changes nothing)."""
    started = CatalogImportJob.objects.filter(
        pk=job_id, cooperative_id=cooperative_id, status=CatalogImportStatus.READY,
    ).update(status=CatalogImportStatus.IMPORTING, processed_rows=0, updated_at=timezone.now())
    if not started:
        raise _domain_error(error_dict(C.NOT_READY))
    from backend.outbox.services import enqueue

    enqueue("catalog.spreadsheets.tasks.catalog_import_run_task", args=[str(job_id)])
    return CatalogImportJob.objects.get(pk=job_id)


class _PlanMoved(Exception):
    """The catalog no longer matches the dry run: roll back, write nothing."""


def catalog_import_run(*, job_id: uuid.UUID | str) -> CatalogImportJob | None:
    """Write a confirmed job's plan in one transaction; FAILED (and nothing written) otherwise.

    Takes a row lock on the job's cooperative for the whole write (one import at a time per
    cooperative). Progress goes through the cache while the transaction is open.
    """
    from .writing import plan_write

    job = CatalogImportJob.objects.filter(pk=job_id,
                                          status=CatalogImportStatus.IMPORTING).first()
    if job is None:
        return None
    try:
        sheet = read_sheet(bytes(job.file_data))
        with transaction.atomic():
            Cooperative.objects.select_for_update().filter(pk=job.cooperative_id).first()
            plan = import_plan(cooperative_id=job.cooperative_id, sheet=sheet,
                               on_progress=_progress(job.pk))
            if plan.errors or plan.digest != job.plan_digest:
                raise _PlanMoved
            plan_write(plan=plan, cooperative_id=job.cooperative_id)
            CatalogImportJob.objects.filter(pk=job.pk).update(
                status=CatalogImportStatus.DONE, processed_rows=job.total_rows,
                imported_at=timezone.now(), updated_at=timezone.now())
    except (_PlanMoved, IntegrityError, FileRejected):
        _fail(job, error_dict(C.CATALOG_CHANGED))
    except Exception:
        # Nothing was written (the transaction rolled back); say so rather than hang.
        logger.exception("catalog import %s failed", job.pk)
        _fail(job, error_dict(C.IMPORT_FAILED))
    job.refresh_from_db()
    return job


def _fail(job: CatalogImportJob, error: dict[str, Any]) -> None:
    CatalogImportJob.objects.filter(pk=job.pk).update(
        status=CatalogImportStatus.FAILED, errors=with_messages([error], job.language),
        updated_at=timezone.now())
