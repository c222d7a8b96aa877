"""Reads of a cooperative's import jobs; always scoped by the caller's cooperative."""
from __future__ import annotations

import uuid

from django.db.models import QuerySet

from ..models import CatalogImportJob


def catalog_import_jobs(*, cooperative_id: int, limit: int = 10) -> QuerySet[CatalogImportJob]:
    """The cooperative's latest jobs, without the stored files (one query)."""
    return (CatalogImportJob.objects.filter(cooperative_id=cooperative_id)
            .defer("file_data", "report", "errors").order_by("-created_at")[:limit])


def catalog_import_job_get(*, cooperative_id: int, job_id: uuid.UUID,
                           with_report: bool = True) -> CatalogImportJob | None:
    """The job if it belongs to the cooperative, else None (the page answers 404)."""
    queryset = CatalogImportJob.objects.filter(pk=job_id, cooperative_id=cooperative_id)
    queryset = queryset.defer("file_data") if with_report else queryset.defer(
        "file_data", "report", "errors")
    return queryset.first()
