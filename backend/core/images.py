"""Checking uploaded photos: a real image, within size and pixel limits, re-encoded without
metadata (EXIF/GPS tell where members live and work)."""
from __future__ import annotations

import io
import warnings

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class ImageRejected(ValueError):
    """The upload is not an image we accept; the message is for the user."""


def image_clean(upload, *, max_bytes: int = MAX_UPLOAD_BYTES, max_side: int = 2048,
                name: str = "photo.jpg") -> ContentFile:
    """A re-encoded JPEG of the upload, at most ``max_side`` pixels wide or high."""
    if upload is None or not getattr(upload, "size", 0):
        raise ImageRejected(_("Choose a photo."))
    if upload.size > max_bytes:
        raise ImageRejected(_("The photo is too large (10 MB at most)."))
    Image.MAX_IMAGE_PIXELS = settings.MAX_IMAGE_PIXELS
    ImageFile.LOAD_TRUNCATED_IMAGES = False  # a library may have switched it on: refuse damage
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as probe:
                probe.verify()
            upload.seek(0)
            with Image.open(upload) as image:
                image.load()
                picture = ImageOps.exif_transpose(image).convert("RGB")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError,
            Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRejected(_("This file is not a photo we can read.")) from None
    picture.thumbnail((max_side, max_side))
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=85)  # a fresh file: no EXIF, no GPS
    return ContentFile(buffer.getvalue(), name=name)
