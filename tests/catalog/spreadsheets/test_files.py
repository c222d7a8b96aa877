"""Malformed uploads get a clear message and create no job; limits hold."""
from __future__ import annotations

import io
import zipfile

import pytest

from backend.core.errors import DomainError
from catalog.models import CatalogImportJob
from catalog.spreadsheets import reading

from .conftest import BASE, catalog_state, csv_bytes, row

pytestmark = pytest.mark.django_db


def _refused(run_import, coop, data: bytes, language: str = "fr") -> str:
    before = catalog_state()
    with pytest.raises(DomainError) as refused:
        run_import(coop, data, language=language)
    assert not CatalogImportJob.objects.exists()
    assert catalog_state() == before
    return "; ".join(item.message for item in refused.value.errors)


@pytest.mark.parametrize("data, message", [
    (b"", "le fichier est vide"),
    (b"%PDF-1.7 not a sheet", "le fichier n’est ni un CSV ni un tableur XLSX"),
    (b"\x89PNG\r\n\x1a\n....", "le fichier n’est ni un CSV ni un tableur XLSX"),
    (b"PK\x03\x04 broken zip", "le fichier est illisible : est-ce un fichier XLSX valide ?"),
    (b"sku,product_slug\nA,\x00b\n", "le fichier contient des caractères NUL"),
    (b"\xff\xfe\xfa\x81\x8d", "le fichier CSV n’est pas du texte UTF-8"),
    (b"sku,product_slug\n", "le fichier a une ligne d’en-tête mais aucune ligne de produit"),
    (b"name,price\nHuile,12\n", "colonnes manquantes : product_slug, sku"),
    (b"sku,product_slug,prix\nA,b,1\n", "colonnes inconnues : prix"),
    (b"sku,product_slug,sku\nA,b,A\n", "ces colonnes apparaissent deux fois : sku"),
    (b"sku,product_slug,price_nowhere\nA,b,1\n", "colonnes inconnues : price_nowhere"),
])
def test_malformed_files_are_refused_with_a_clear_message(run_import, coop_a, channel, data,
                                                          message):
    assert message in _refused(run_import, coop_a, data)


def test_messages_of_a_refused_file_follow_the_language(run_import, coop_a, channel):
    with pytest.raises(DomainError) as refused:
        run_import(coop_a, b"", language="ar")
    assert refused.value.errors[0].message == "الملف فارغ"


def test_a_file_over_10_mb_is_refused(run_import, coop_a, channel):
    data = csv_bytes([row()]) + b"x" * (10 * 1024 * 1024)
    assert "le fichier dépasse 10 Mo" in _refused(run_import, coop_a, data)


def test_too_many_rows_are_refused(run_import, coop_a, channel, monkeypatch):
    monkeypatch.setattr(reading, "MAX_ROWS", 3)
    data = csv_bytes([row(sku=f"S{i}") for i in range(4)])
    assert "le fichier a plus de 3 lignes" in _refused(run_import, coop_a, data)


def test_a_huge_csv_cell_is_refused(run_import, coop_a, channel):
    data = csv_bytes([row(description_fr="x" * 200_000)])
    assert "une cellule du fichier est trop longue" in _refused(run_import, coop_a, data)


def test_a_zip_bomb_disguised_as_xlsx_is_refused(run_import, coop_a, channel, monkeypatch):
    monkeypatch.setattr(reading, "MAX_UNZIPPED_BYTES", 1000)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", "0" * 100_000)
    assert "le fichier dépasse" in _refused(run_import, coop_a, buffer.getvalue())


def test_formula_cells_of_an_xlsx_are_row_errors(run_import, coop_a, channel):
    from .conftest import xlsx_bytes

    job = run_import(coop_a, xlsx_bytes([row(stock="=2*5")]), name="c.xlsx")

    assert [(e["row"], e["code"], e["column"]) for e in job.errors] == [
        (2, "formula", "stock")]


def test_blank_lines_keep_the_row_numbers_of_the_sheet(run_import, coop_a, channel):
    lines = [",".join(BASE), ",".join(str(c) for c in row()), "", ",".join(
        str(c) for c in row(sku="B", price="0"))]
    job = run_import(coop_a, ("\n".join(lines) + "\n").encode())

    assert [(e["row"], e["code"]) for e in job.errors] == [(4, "price_positive")]
