"""Product photos: checked, re-encoded without EXIF/GPS, ordered, described for screen readers.

Thumbnails are made after the commit by the Celery task ``catalog.tasks.media_make_thumbnails``.
"""
from __future__ import annotations

import contextlib
import uuid
import warnings
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from backend.core.images import MAX_UPLOAD_BYTES, ImageRejected, image_clean

from ..cache import catalog_products_changed
from ..models import ProductMedia, ProductMediaType
from .common import (
    Code,
    error,
    media_owned,
    pk_clean,
    product_owned,
    reject_duplicates,
    text_clean,
)

MAX_MEDIA_PER_PRODUCT = 20


def delete_files_on_commit(names: Sequence[str]) -> None:
    """Remove stored files once the rows that named them are gone for good."""
    names = [n for n in names if n]

    def remove() -> None:
        for name in names:
            with contextlib.suppress(OSError):
                default_storage.delete(name)

    transaction.on_commit(remove)


def _upload_check(upload: Any) -> None:
    """Give each refusal its own clear message before the full decode in ``image_clean``."""
    size = getattr(upload, "size", 0) or 0
    if upload is None or not size:
        raise error(Code.REQUIRED, _("Choose a photo."), "image")
    if size > MAX_UPLOAD_BYTES:
        raise error(Code.FILE_SIZE_LIMIT_EXCEEDED,
                    _("The photo is too large (10 MB at most)."), "image")
    try:
        upload.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(upload) as probe:  # reads the header only
                width, height = probe.size
    except Image.DecompressionBombError:
        width = height = settings.MAX_IMAGE_PIXELS  # far above the limit: refused below
    except UnidentifiedImageError:
        raise error(Code.INVALID_FILE_TYPE,
                    _("This file is not a photo. Choose a JPEG, PNG or WebP image."),
                    "image") from None
    except (OSError, SyntaxError, ValueError):
        raise error(Code.INVALID_FILE_TYPE,
                    _("This photo is damaged or incomplete: take it or export it again."),
                    "image") from None
    finally:
        upload.seek(0)
    if width * height > settings.MAX_IMAGE_PIXELS:
        raise error(Code.FILE_SIZE_LIMIT_EXCEEDED,
                    _("This picture has too many pixels (%(count)d megapixels at most).")
                    % {"count": settings.MAX_IMAGE_PIXELS // 1_000_000}, "image")


@transaction.atomic
def media_add(*, cooperative_id: int, product_id: int | str, image: Any,
              alt: str = "") -> ProductMedia:
    """Add a photo to the caller's product, last in order; thumbnails follow after commit."""
    product = product_owned(cooperative_id=cooperative_id, product_id=product_id,
                            field="product", lock=True)
    alt = text_clean(alt, "alt", max_length=250)
    count = ProductMedia.objects.filter(product=product).count()
    if count >= MAX_MEDIA_PER_PRODUCT:
        raise error(Code.INVALID, _("A product has at most %(count)d photos.")
                    % {"count": MAX_MEDIA_PER_PRODUCT}, "image")
    _upload_check(image)
    try:
        content = image_clean(image, name=f"{uuid.uuid4().hex}.jpg")
    except ImageRejected:
        raise error(Code.INVALID_FILE_TYPE,
                    _("This photo is damaged or incomplete: take it or export it again."),
                    "image") from None
    last = ProductMedia.objects.filter(product=product).aggregate(m=Max("sort_order"))["m"]
    media = ProductMedia(product=product, alt=alt, type=ProductMediaType.IMAGE,
                         sort_order=(last + 1) if last is not None else 0)
    media.image.save(content.name, content, save=False)
    media.save()
    _thumbnails_later(media.pk)  # outbox row in this transaction, published after commit
    return media


def _thumbnails_later(media_id: int) -> None:
    from backend.outbox.services import enqueue

    enqueue("catalog.tasks.media_make_thumbnails", args=[media_id],
            dedup_key=f"thumbnails:{media_id}")


@transaction.atomic
def media_reorder(*, cooperative_id: int, product_id: int | str,
                  media_ids: Sequence[int | str]) -> list[ProductMedia]:
    """Put the caller's product photos in the given order (every photo, once)."""
    product = product_owned(cooperative_id=cooperative_id, product_id=product_id,
                            field="productId", lock=True)
    ids = [pk_clean(m, "mediaIds") for m in media_ids]
    reject_duplicates(ids, "mediaIds")
    current = {m.pk: m for m in ProductMedia.objects.filter(product=product)}
    if set(ids) - set(current):
        raise error(Code.NOT_PRODUCTS_IMAGE, _("This photo is not one of the product's."),
                    "mediaIds")
    if set(ids) != set(current):
        raise error(Code.INVALID, _("Give every photo of the product."), "mediaIds")
    for position, pk in enumerate(ids):
        current[pk].sort_order = position
    ProductMedia.objects.bulk_update(current.values(), ["sort_order"])
    catalog_products_changed([product.pk])  # bulk_update sends no signal
    return [current[pk] for pk in ids]


@transaction.atomic
def media_move(*, cooperative_id: int, media_id: int | str, offset: int) -> list[ProductMedia]:
    """Move one photo earlier (``offset=-1``) or later (``+1``): the pages' up/down buttons."""
    media = media_owned(cooperative_id=cooperative_id, media_id=media_id)
    ordered = list(ProductMedia.objects.filter(product_id=media.product_id)
                   .order_by("sort_order", "pk").values_list("pk", flat=True))
    index = ordered.index(media.pk)
    target = max(0, min(len(ordered) - 1, index + (1 if offset > 0 else -1)))
    ordered[index], ordered[target] = ordered[target], ordered[index]
    return media_reorder(cooperative_id=cooperative_id, product_id=media.product_id,
                         media_ids=ordered)


@transaction.atomic
def media_set_alt(*, cooperative_id: int, media_id: int | str, alt: str) -> ProductMedia:
    """Describe the caller's photo for people who cannot see it."""
    media = media_owned(cooperative_id=cooperative_id, media_id=media_id, lock=True)
    media.alt = text_clean(alt, "alt", max_length=250)
    media.save(update_fields=["alt"])
    return media


@transaction.atomic
def media_delete(*, cooperative_id: int, media_id: int | str) -> ProductMedia:
    """Remove the caller's photo, its thumbnails and their files."""
    media = media_owned(cooperative_id=cooperative_id, media_id=media_id, lock=True)
    pk = media.pk
    files = [media.image.name] + [t.image.name for t in media.thumbnails.all()]
    media.delete()
    media.pk = pk
    delete_files_on_commit(files)
    return media


__all__ = ["media_add", "media_delete", "media_move", "media_reorder", "media_set_alt",
           "delete_files_on_commit", "MAX_MEDIA_PER_PRODUCT"]
