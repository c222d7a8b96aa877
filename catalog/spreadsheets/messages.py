"""Error codes of the catalog import and their messages, rendered in the reader's language.

Errors are stored as ``{"row", "column", "code", "params"}`` so the page shows them in the
language of whoever reads the report; the job also keeps the text in the uploader's language.
"""
from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import override


class ImportErrorCode(StrEnum):
    FILE_TOO_LARGE = "file_too_large"
    FILE_EMPTY = "file_empty"
    FILE_FORMAT = "file_format"
    FILE_UNREADABLE = "file_unreadable"
    FILE_ENCODING = "file_encoding"
    FILE_NUL = "file_nul"
    CELL_TOO_LONG_FILE = "cell_too_long_file"
    TOO_MANY_ROWS = "too_many_rows"
    TOO_MANY_COLUMNS = "too_many_columns"
    NO_ROWS = "no_rows"
    MISSING_COLUMNS = "missing_columns"
    UNKNOWN_COLUMNS = "unknown_columns"
    DUPLICATE_COLUMNS = "duplicate_columns"
    CATALOG_CHANGED = "catalog_changed"
    NOT_READY = "not_ready"
    IMPORT_FAILED = "import_failed"
    REQUIRED = "required"
    TOO_LONG = "too_long"
    NUL = "nul"
    FORMULA = "formula"
    BAD_SLUG = "bad_slug"
    PRICE_POSITIVE = "price_positive"
    PRICE_DECIMALS = "price_decimals"
    PRICE_TOO_HIGH = "price_too_high"
    WHOLE_NUMBER = "whole_number"
    NUMBER_TOO_HIGH = "number_too_high"
    YES_NO = "yes_no"
    UNKNOWN_CATEGORY = "unknown_category"
    UNKNOWN_LABEL = "unknown_label"
    LABEL_CERTIFICATE = "label_certificate"
    DUPLICATE_LABEL = "duplicate_label"
    SKU_OTHER_COOPERATIVE = "sku_other_cooperative"
    SKU_OTHER_PRODUCT = "sku_other_product"
    DUPLICATE_SKU = "duplicate_sku"
    SLUG_TAKEN = "slug_taken"
    PRODUCT_MISMATCH = "product_mismatch"
    NAME_REQUIRED_NEW = "name_required_new"
    STOCK_BELOW_ALLOCATED = "stock_below_allocated"


C = ImportErrorCode
MESSAGES: dict[str, Any] = {
    C.FILE_TOO_LARGE: _("the file is larger than %(limit)s MB"),
    C.FILE_EMPTY: _("the file is empty"),
    C.FILE_FORMAT: _("the file is neither a CSV nor an XLSX spreadsheet"),
    C.FILE_UNREADABLE: _("the file could not be read: is it a valid %(format)s file?"),
    C.FILE_ENCODING: _("the CSV file is not UTF-8 text: save it as “CSV UTF-8”"),
    C.FILE_NUL: _("the file contains NUL characters: it is not a text spreadsheet"),
    C.CELL_TOO_LONG_FILE: _("a cell of the file is too long"),
    C.TOO_MANY_ROWS: _("the file has more than %(limit)s rows: split it into several files"),
    C.TOO_MANY_COLUMNS: _("the file has more than %(limit)s columns"),
    C.NO_ROWS: _("the file has a header row but no product rows"),
    C.MISSING_COLUMNS: _("missing columns: %(columns)s"),
    C.UNKNOWN_COLUMNS: _("unknown columns: %(columns)s"),
    C.DUPLICATE_COLUMNS: _("these columns appear twice: %(columns)s"),
    C.CATALOG_CHANGED: _("the catalog changed since the check: upload the file again"),
    C.NOT_READY: _("this import cannot be started now"),
    C.IMPORT_FAILED: _("the import failed and nothing was written: try again later"),
    C.REQUIRED: _("%(column)s is required"),
    C.TOO_LONG: _("%(column)s is longer than %(limit)s characters"),
    C.NUL: _("%(column)s contains a forbidden character (NUL)"),
    C.FORMULA: _("%(column)s is a formula: type the value itself"),
    C.BAD_SLUG: _("%(column)s may contain only letters, digits, hyphens and underscores"),
    C.PRICE_POSITIVE: _("price must be a positive number (%(column)s)"),
    C.PRICE_DECIMALS: _("price may have at most 2 decimals (%(column)s)"),
    C.PRICE_TOO_HIGH: _("price is too high (%(column)s)"),
    C.WHOLE_NUMBER: _("%(column)s must be a whole number, 0 or more"),
    C.NUMBER_TOO_HIGH: _("%(column)s is too high (at most %(limit)s)"),
    C.YES_NO: _("%(column)s must be yes or no"),
    C.UNKNOWN_CATEGORY: _("unknown category “%(value)s”"),
    C.UNKNOWN_LABEL: _("unknown label “%(value)s”"),
    C.LABEL_CERTIFICATE: _("label “%(value)s” needs its certificate number, as label:certificate"),
    C.DUPLICATE_LABEL: _("label “%(value)s” is listed twice"),
    C.SKU_OTHER_COOPERATIVE: _("SKU “%(sku)s” is used by another cooperative"),
    C.SKU_OTHER_PRODUCT: _("SKU “%(sku)s” belongs to product “%(product)s”: a variant cannot "
                           "move to another product"),
    C.DUPLICATE_SKU: _("SKU “%(sku)s” already appears on row %(first)s"),
    C.SLUG_TAKEN: _("product slug “%(value)s” is used by another cooperative"),
    C.PRODUCT_MISMATCH: _("%(column)s differs from row %(first)s of the same product"),
    C.NAME_REQUIRED_NEW: _("product_name_fr is required for a new product"),
    C.STOCK_BELOW_ALLOCATED: _("stock cannot be below the %(allocated)s units already "
                               "promised to orders"),
}
ROW_PREFIX = _("row %(row)s: %(message)s")


def error_dict(code: ImportErrorCode, *, row: int | None = None, column: str | None = None,
               **params: Any) -> dict[str, Any]:
    """A JSON-ready error; ``column`` is also available to the message as ``%(column)s``."""
    if column is not None:
        params.setdefault("column", column)
    return {"row": row, "column": column, "code": str(code), "params": params}


def error_text(error: dict[str, Any], language: str | None = None) -> str:
    """The error as a sentence in ``language`` (or the active language)."""
    if language:
        with override(language):
            return error_text(error)
    template = MESSAGES.get(error.get("code"), _("%(column)s is not valid"))
    params = {"column": "", **(error.get("params") or {})}
    try:
        message = str(template) % params
    except (KeyError, TypeError, ValueError):
        message = str(template)
    if error.get("row"):
        return str(ROW_PREFIX) % {"row": error["row"], "message": message}
    return message


def with_messages(errors: list[dict[str, Any]], language: str) -> list[dict[str, Any]]:
    """The errors with their ``message`` in ``language`` (stored on the job)."""
    return [{**e, "message": error_text(e, language)} for e in errors]


class FileRejected(Exception):
    """The upload is not a usable spreadsheet; nothing was read into the catalog."""

    def __init__(self, code: ImportErrorCode, **params: Any) -> None:
        super().__init__(str(code))
        self.error = error_dict(code, **params)
