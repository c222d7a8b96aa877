"""A cooperative's spreadsheet import: the uploaded file, its dry-run report and its progress."""
from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CatalogImportFormat(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", "XLSX"


class CatalogImportStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be checked")
    ANALYSING = "analysing", _("Checking the file")
    READY = "ready", _("Checked: ready to import")
    INVALID = "invalid", _("The file has errors")
    IMPORTING = "importing", _("Importing")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Import failed")


class CatalogImportJob(models.Model):
    """One upload, checked (dry run) and then, once confirmed, written in one transaction.

    The file is kept in the database rather than under MEDIA_ROOT: media is served publicly and
    a cooperative's price list is private; the 10 MB cap keeps the row small, and a worker on
    another host reads it without shared storage.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    cooperative = models.ForeignKey("cooperatives.Cooperative", on_delete=models.CASCADE,
                                    related_name="catalog_import_jobs")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")
    file_name = models.CharField(max_length=255)
    file_data = models.BinaryField()
    format = models.CharField(max_length=8, choices=CatalogImportFormat.choices)
    status = models.CharField(max_length=16, choices=CatalogImportStatus.choices,
                              default=CatalogImportStatus.PENDING, db_index=True)
    language = models.CharField(max_length=8, default="fr")
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    # What the dry run found: created / updated (with the changed fields) / unchanged rows.
    report = models.JSONField(default=dict, blank=True)
    # Row-level and file-level errors: [{"row", "column", "code", "params", "message"}].
    errors = models.JSONField(default=list, blank=True)
    # Fingerprint of the dry-run plan; the real import refuses to write a different one.
    plan_digest = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    checked_at = models.DateTimeField(null=True, blank=True)
    imported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["cooperative", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def progress_percent(self) -> int:
        if not self.total_rows:
            return 100 if self.status in {CatalogImportStatus.DONE} else 0
        return min(100, self.processed_rows * 100 // self.total_rows)

    @property
    def is_running(self) -> bool:
        return self.status in {CatalogImportStatus.PENDING, CatalogImportStatus.ANALYSING,
                               CatalogImportStatus.IMPORTING}
