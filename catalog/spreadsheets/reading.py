"""Turn an uploaded CSV or XLSX file into a header and rows of text, within hard limits.

The format is recognised from the bytes, not the file name. Every cell comes out as a string
(XLSX numbers included) so one validator handles both formats. Limits stop oversized uploads,
zip bombs and endless rows before they cost memory.
"""
from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from .messages import FileRejected
from .messages import ImportErrorCode as C

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_ROWS = 10_000
MAX_COLUMNS = 60
MAX_CSV_FIELD = 100_000
XLSX_MAGIC = b"PK\x03\x04"


@dataclass
class Sheet:
    """Header cells and data rows; ``rows`` pairs each row with its number in the sheet."""

    format: str
    header: list[str]
    rows: list[tuple[int, list[str]]]


def detect_format(data: bytes) -> str:
    if not data:
        raise FileRejected(C.FILE_EMPTY)
    if len(data) > MAX_FILE_BYTES:
        raise FileRejected(C.FILE_TOO_LARGE, limit=MAX_FILE_BYTES // (1024 * 1024))
    if data.startswith(XLSX_MAGIC):
        return "xlsx"
    if data.startswith((b"\xd0\xcf\x11\xe0", b"%PDF", b"\x89PNG", b"\xff\xd8", b"GIF8")):
        raise FileRejected(C.FILE_FORMAT)
    return "csv"


def read_sheet(data: bytes) -> Sheet:
    """Read ``data`` (CSV or XLSX) into a Sheet, or raise FileRejected with a clear reason."""
    fmt = detect_format(data)
    raw_rows = _xlsx_rows(data) if fmt == "xlsx" else _csv_rows(data)
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    for number, cells in raw_rows:
        if header is None:
            if not any(c.strip() for c in cells):
                continue  # blank lines above the header
            header = [c.strip().lower().lstrip("\ufeff") for c in cells]
            while header and not header[-1]:
                header.pop()
            if len(header) > MAX_COLUMNS:
                raise FileRejected(C.TOO_MANY_COLUMNS, limit=MAX_COLUMNS)
            continue
        if not any(c.strip() for c in cells):
            continue
        if len(rows) >= MAX_ROWS:
            raise FileRejected(C.TOO_MANY_ROWS, limit=MAX_ROWS)
        rows.append((number, cells))
    if header is None:
        raise FileRejected(C.FILE_EMPTY)
    if not rows:
        raise FileRejected(C.NO_ROWS)
    return Sheet(format=fmt, header=header, rows=rows)


def _csv_rows(data: bytes):
    if b"\x00" in data:
        raise FileRejected(C.FILE_NUL)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            # Excel's "CSV (separator: semicolon)" on a French Windows is cp1252.
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise FileRejected(C.FILE_ENCODING) from None
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    if not first_line.count(delimiter):
        delimiter = ","
    previous = csv.field_size_limit()
    csv.field_size_limit(MAX_CSV_FIELD)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        # reader.line_num counts physical lines; the sheet row is the record's number.
        for number, record in enumerate(reader, start=1):
            if len(record) > MAX_COLUMNS:
                raise FileRejected(C.TOO_MANY_COLUMNS, limit=MAX_COLUMNS)
            yield number, record
            if number > MAX_ROWS + 1000:
                raise FileRejected(C.TOO_MANY_ROWS, limit=MAX_ROWS)
    except csv.Error as exc:
        if "field larger" in str(exc):
            raise FileRejected(C.CELL_TOO_LONG_FILE) from None
        raise FileRejected(C.FILE_UNREADABLE, format="CSV") from None
    finally:
        csv.field_size_limit(previous)


def _xlsx_rows(data: bytes):
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNZIPPED_BYTES:
                raise FileRejected(C.FILE_TOO_LARGE, limit=MAX_FILE_BYTES // (1024 * 1024))
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except FileRejected:
        raise
    except Exception:  # openpyxl raises many kinds (zip, XML, KeyError) on a bad file
        raise FileRejected(C.FILE_UNREADABLE, format="XLSX") from None
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise FileRejected(C.FILE_EMPTY)
        try:
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                if number > MAX_ROWS + 1000:
                    raise FileRejected(C.TOO_MANY_ROWS, limit=MAX_ROWS)
                cells = list(values)
                while cells and (cells[-1] is None or cells[-1] == ""):
                    cells.pop()
                if len(cells) > MAX_COLUMNS:
                    raise FileRejected(C.TOO_MANY_COLUMNS, limit=MAX_COLUMNS)
                yield number, [_cell_text(v) for v in cells]
        except FileRejected:
            raise
        except Exception:
            raise FileRejected(C.FILE_UNREADABLE, format="XLSX") from None
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    """One XLSX cell as the text a user typed (whole floats without ".0")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)
