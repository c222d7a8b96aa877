"""HTML to PDF (invoices, committee reports) with weasyprint, imported only when needed.

weasyprint needs pango (a system library) and, when imported, switches Pillow's process-wide
``ImageFile.LOAD_TRUNCATED_IMAGES`` on: photo uploads would then accept damaged files. The
switch is put back at once; our PDFs embed no uploaded images.
"""
from __future__ import annotations

from PIL import ImageFile


def html_to_pdf(html: str) -> bytes:
    """The PDF of a self-contained HTML document."""
    import weasyprint

    ImageFile.LOAD_TRUNCATED_IMAGES = False
    return weasyprint.HTML(string=html).write_pdf()
