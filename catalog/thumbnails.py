"""Thumbnails of product photos: fixed sizes, WebP (or AVIF, or the original format), on disk.

Rows are created by the Celery task ``catalog.tasks.media_make_thumbnails``; reads use the
prefetched ``media.thumbnails`` so a listing costs no query per image.
"""
from __future__ import annotations

import io
import warnings

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, ImageOps

from .models import ProductMedia, Thumbnail, ThumbnailFormat

PIL_FORMATS = {ThumbnailFormat.WEBP: "WEBP", ThumbnailFormat.AVIF: "AVIF"}


def closest_size(size: int | None) -> int:
    """The smallest configured size at least as large as ``size`` (the largest if none is)."""
    sizes = sorted(settings.THUMBNAIL_SIZES)
    if not size or size <= 0:
        return sizes[-1]
    return next((s for s in sizes if s >= size), sizes[-1])


def thumbnail_url(media: ProductMedia, size: int | None,
                  format: str | None = ThumbnailFormat.WEBP) -> str | None:
    """URL of the stored thumbnail of that size and format, else of the original image."""
    if not media.image:
        return media.external_url or None
    wanted_size = closest_size(size)
    wanted_format = (format or ThumbnailFormat.WEBP).lower()
    by_format = {t.format: t for t in media.thumbnails.all() if t.size == wanted_size}
    # Only WebP is generated: any other format falls back to the WebP of that size.
    thumb = by_format.get(wanted_format) or by_format.get(ThumbnailFormat.WEBP)
    return thumb.image.url if thumb else media.image.url


def render_thumbnail(image: Image.Image, size: int, fmt: str) -> tuple[bytes, str]:
    """Resize keeping the aspect ratio; returns the encoded bytes and the file extension."""
    picture = ImageOps.exif_transpose(image)
    picture.thumbnail((size, size), Image.Resampling.LANCZOS)
    if fmt == ThumbnailFormat.ORIGINAL:
        pil_format = (image.format or "JPEG").upper()
    else:
        pil_format = PIL_FORMATS[ThumbnailFormat(fmt)]
    if pil_format in {"JPEG"} and picture.mode not in {"RGB", "L"}:
        picture = picture.convert("RGB")
    buffer = io.BytesIO()
    options = {"quality": 80} if pil_format in {"WEBP", "JPEG", "AVIF"} else {}
    picture.save(buffer, format=pil_format, **options)
    extension = {"JPEG": "jpg"}.get(pil_format, pil_format.lower())
    return buffer.getvalue(), extension


def open_image(media: ProductMedia) -> Image.Image:
    Image.MAX_IMAGE_PIXELS = settings.MAX_IMAGE_PIXELS
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        media.image.open("rb")
        try:
            image = Image.open(media.image)
            image.load()
        finally:
            media.image.close()
    return image


def media_create_thumbnails(*, media: ProductMedia,
                            formats: tuple[str, ...] = (ThumbnailFormat.WEBP,)) -> int:
    """Create the missing thumbnails of one photo; idempotent, returns how many were made."""
    if not media.image:
        return 0
    existing = set(media.thumbnails.values_list("size", "format"))
    wanted = [(s, f) for s in settings.THUMBNAIL_SIZES for f in formats if (s, f) not in existing]
    if not wanted:
        return 0
    image = open_image(media)
    made = 0
    for size, fmt in wanted:
        data, extension = render_thumbnail(image, size, fmt)
        with transaction.atomic():
            thumb, created = Thumbnail.objects.get_or_create(media=media, size=size, format=fmt)
            if created or not thumb.image:
                thumb.image.save(f"{media.pk}-{size}.{extension}", ContentFile(data), save=True)
                made += 1
    return made
