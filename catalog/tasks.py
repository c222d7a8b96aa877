"""Celery tasks of the catalog: thin, idempotent, by id."""
from __future__ import annotations

from celery import shared_task

from .models import ProductMedia
from .spreadsheets.tasks import (  # noqa: F401  (autodiscovery finds catalog.tasks only)
    catalog_import_check_task,
    catalog_import_run_task,
)
from .thumbnails import media_create_thumbnails


@shared_task(bind=True, acks_late=True, autoretry_for=(OSError,), retry_backoff=True,
             max_retries=5)
def media_make_thumbnails(self, media_id: int) -> int:
    """Make the WebP thumbnails of one product photo (no-op if it was deleted or is done)."""
    media = ProductMedia.objects.filter(pk=media_id).first()
    if media is None:
        return 0
    return media_create_thumbnails(media=media)
