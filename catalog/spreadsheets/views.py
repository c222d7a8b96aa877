"""Pages at /coop/catalog/: export, upload → dry-run report → confirm → progress → done.

Thin: each view checks the caller's cooperative (``request.coop``), calls one service or
selector and renders. A job of another cooperative is a 404.
"""
from __future__ import annotations

import uuid

from django import forms
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from backend.cooperatives.access import cooperative_staff_required
from backend.core.errors import DomainError

from ..models import CatalogImportJob, CatalogImportStatus
from .export import XLSX_CONTENT_TYPE, export_csv, export_xlsx
from .messages import error_text
from .reading import MAX_FILE_BYTES, MAX_ROWS
from .selectors import catalog_import_job_get, catalog_import_jobs
from .services import catalog_import_confirm, catalog_import_job_create, progress_cache_key

REPORT_ROWS_SHOWN = 200


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Spreadsheet (CSV or XLSX)"),
                           widget=forms.ClearableFileInput(attrs={
                               "accept": ".csv,.xlsx,text/csv,application/vnd."
                                         "openxmlformats-officedocument.spreadsheetml.sheet"}))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("The file is larger than %(limit)s MB.")
                                        % {"limit": MAX_FILE_BYTES // (1024 * 1024)})
        return upload


def _index_context(request: HttpRequest, form: UploadForm) -> dict:
    return {"form": form, "jobs": catalog_import_jobs(cooperative_id=request.coop.cooperative_id),
            "max_mb": MAX_FILE_BYTES // (1024 * 1024), "max_rows": MAX_ROWS,
            "seo_noindex": True}


@require_GET
@cooperative_staff_required
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "catalog/spreadsheets/index.html",
                  _index_context(request, UploadForm()))


@require_GET
@cooperative_staff_required
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    coop = request.coop.cooperative
    stamp = timezone.localdate().isoformat()
    if fmt == "xlsx":
        response = HttpResponse(export_xlsx(cooperative_id=coop.pk),
                                content_type=XLSX_CONTENT_TYPE)
    elif fmt == "csv":
        response = HttpResponse(export_csv(cooperative_id=coop.pk),
                                content_type="text/csv; charset=utf-8")
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="catalog-{coop.slug}-{stamp}.{fmt}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@cooperative_staff_required
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        upload_file = form.cleaned_data["file"]
        try:
            job = catalog_import_job_create(
                cooperative_id=request.coop.cooperative_id, user=request.user,
                file_name=upload_file.name, data=upload_file.read(MAX_FILE_BYTES + 1),
                language=get_language() or "fr")
        except DomainError as error:
            for item in error.errors:
                form.add_error("file", item.message)
        else:
            return HttpResponseRedirect(reverse("coop_catalog_io:job", args=[job.pk]),
                                        status=303)
    return render(request, "catalog/spreadsheets/index.html", _index_context(request, form),
                  status=400)


def _own_job(request: HttpRequest, job_id: uuid.UUID, *, with_report: bool = True
             ) -> CatalogImportJob:
    job = catalog_import_job_get(cooperative_id=request.coop.cooperative_id, job_id=job_id,
                                 with_report=with_report)
    if job is None:
        raise Http404
    return job


@require_GET
@cooperative_staff_required
def job_detail(request: HttpRequest, job_id: uuid.UUID) -> HttpResponse:
    job = _own_job(request, job_id)
    report = job.report or {}
    errors = [{**e, "text": error_text(e)} for e in (job.errors or [])]
    return render(request, "catalog/spreadsheets/job.html", {
        "job": job, "counts": report.get("counts", {}),
        "created": report.get("created", [])[:REPORT_ROWS_SHOWN],
        "updated": report.get("updated", [])[:REPORT_ROWS_SHOWN],
        "errors": errors[:REPORT_ROWS_SHOWN], "errors_total": len(errors),
        "shown": REPORT_ROWS_SHOWN, "seo_noindex": True})


@require_GET
@cooperative_staff_required
def job_status(request: HttpRequest, job_id: uuid.UUID) -> JsonResponse:
    job = _own_job(request, job_id, with_report=False)
    if job.status == CatalogImportStatus.IMPORTING:  # the worker's transaction is still open
        job.processed_rows = max(job.processed_rows,
                                 int(cache.get(progress_cache_key(job.pk)) or 0))
    response = JsonResponse({"status": job.status, "status_display": str(job.get_status_display()),
                             "processed": job.processed_rows, "total": job.total_rows,
                             "percent": job.progress_percent, "running": job.is_running})
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@cooperative_staff_required
def job_confirm(request: HttpRequest, job_id: uuid.UUID) -> HttpResponse:
    job = _own_job(request, job_id, with_report=False)
    try:
        catalog_import_confirm(cooperative_id=request.coop.cooperative_id, job_id=job.pk)
    except DomainError as error:
        from django.contrib import messages

        messages.error(request, error.errors[0].message)
    return HttpResponseRedirect(reverse("coop_catalog_io:job", args=[job.pk]), status=303)
