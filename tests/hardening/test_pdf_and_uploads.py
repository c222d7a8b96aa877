"""Making a PDF (weasyprint) must not make photo uploads accept damaged files."""
from __future__ import annotations

import pytest
from PIL import ImageFile

from backend.core.images import ImageRejected, image_clean
from backend.core.pdf import html_to_pdf
from tests.catalog.services.uploads import truncated


def test_a_truncated_photo_is_refused_after_a_pdf_was_made():
    assert html_to_pdf("<html><body><p>Facture</p></body></html>").startswith(b"%PDF")
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False

    ImageFile.LOAD_TRUNCATED_IMAGES = True  # as weasyprint's import leaves it
    try:
        with pytest.raises(ImageRejected):
            image_clean(truncated())
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = False
