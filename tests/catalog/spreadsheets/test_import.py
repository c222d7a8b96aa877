"""Import by SKU: the dry run shows what will change, the import writes exactly that."""
from __future__ import annotations

from decimal import Decimal

import pytest

from catalog.models import (
    CatalogImportStatus,
    Product,
    ProductChannelListing,
    ProductLabel,
    ProductVariant,
    ProductVariantChannelListing,
    Stock,
)
from catalog.search import apply_search
from catalog.spreadsheets.export import export_csv, export_xlsx
from catalog.spreadsheets.messages import error_text
from tests.factories.catalog import ProductTypeFactory

from .conftest import catalog_state, csv_bytes, row, xlsx_bytes

pytestmark = pytest.mark.django_db


def test_valid_file_creates_exactly_what_the_dry_run_showed(run_import, coop_a, channel,
                                                             staff_a, label, category):
    data = csv_bytes([
        row(sku="ARG-250", category_slug="huiles", labels="bio:ECOCERT-77"),
        row(sku="ARG-500", price="210,50", stock="4", variant_name="500 ml",
            category_slug="huiles", labels="bio:ECOCERT-77"),
        row(slug="miel-thym", name="Miel de thym", sku="MIEL-1", price="95",
            published_maroc="non", description_fr="Récolté dans l'Atlas.",
            product_name_ar="عسل الزعتر"),
    ])
    before = catalog_state()

    job = run_import(coop_a, data, user=staff_a)

    assert job.status == CatalogImportStatus.READY, job.errors
    assert job.report["counts"] == {"created": 3, "updated": 0, "unchanged": 0,
                                    "products_created": 2}
    assert [r["sku"] for r in job.report["created"]] == ["ARG-250", "ARG-500", "MIEL-1"]
    assert [r["row"] for r in job.report["created"]] == [2, 3, 4]
    assert catalog_state() == before  # the dry run wrote nothing

    job = run_import(coop_a, data, user=staff_a, confirm=True)

    assert job.status == CatalogImportStatus.DONE, job.errors
    argan = Product.objects.get(slug="huile-argan")
    assert argan.cooperative_id == coop_a.pk
    assert argan.category == category
    assert argan.translated("name", "ar") == "زيت الأركان"
    assert argan.description_plaintext == "Pressée à froid."
    assert list(ProductLabel.objects.filter(product=argan).values_list(
        "label__slug", "certificate_reference")) == [("bio", "ECOCERT-77")]
    variants = {v.sku: v for v in ProductVariant.objects.filter(product__cooperative=coop_a)}
    assert set(variants) == {"ARG-250", "ARG-500", "MIEL-1"}
    assert variants["ARG-500"].name == "500 ml"
    assert Stock.objects.get(variant=variants["ARG-500"]).quantity == 4
    assert ProductVariantChannelListing.objects.get(
        variant=variants["ARG-500"]).price_amount == Decimal("210.50")
    assert argan.default_variant_id == variants["ARG-250"].pk
    listing = ProductChannelListing.objects.get(product=argan, channel=channel)
    assert listing.is_published and listing.discounted_price_amount == Decimal("120.00")
    assert not ProductChannelListing.objects.filter(product__slug="miel-thym").exists()
    # Search documents are right after import: found by an accent-free word and by SKU.
    assert list(apply_search(Product.objects.all(), "pressee")) == [argan]
    assert list(apply_search(Product.objects.all(), "زيت")) == [argan]
    assert list(apply_search(Product.objects.all(), "MIEL-1")) == [
        Product.objects.get(slug="miel-thym")]


def test_update_changes_only_the_fields_the_dry_run_listed(run_import, coop_a, channel):
    run_import(coop_a, csv_bytes([row(), row(sku="ARG-500", price="200.00")]), confirm=True)
    untouched_before = ProductVariant.objects.get(sku="ARG-500").updated_at
    data = csv_bytes([row(price="99.90", stock="7", product_name_en="Pure argan oil"),
                      row(sku="ARG-500", price="200.00", product_name_en="Pure argan oil")])

    job = run_import(coop_a, data)

    assert job.status == CatalogImportStatus.READY, job.errors
    assert job.report["counts"]["updated"] == 1
    assert job.report["counts"]["unchanged"] == 1
    changes = {c["field"]: (c["old"], c["new"]) for c in job.report["updated"][0]["changes"]}
    assert changes == {"product_name_en": ("Argan oil", "Pure argan oil"),
                       "stock": ("10", "7"), "price_maroc": ("120.00", "99.90")}

    job = run_import(coop_a, data, confirm=True)

    assert job.status == CatalogImportStatus.DONE
    variant = ProductVariant.objects.get(sku="ARG-250")
    assert variant.stock.quantity == 7
    assert variant.channel_listings.get().price_amount == Decimal("99.90")
    assert ProductVariant.objects.get(sku="ARG-500").updated_at == untouched_before
    product = Product.objects.get(slug="huile-argan")
    assert product.translated("name", "en") == "Pure argan oil"
    assert ProductChannelListing.objects.get(product=product).discounted_price_amount == \
        Decimal("99.90")
    # The same file again: nothing left to change.
    again = run_import(coop_a, data)
    assert again.report["counts"] == {"created": 0, "updated": 0, "unchanged": 2,
                                      "products_created": 0}


def test_one_bad_row_writes_nothing_and_names_that_row_in_french(run_import, coop_a, channel):
    run_import(coop_a, csv_bytes([row()]), confirm=True)
    before = catalog_state()
    rows = [row(stock="3")] + [row(sku=f"NEW-{i}", slug=f"p-{i}") for i in range(9)]
    rows.insert(10, row(sku="BAD-1", slug="bad", price="-4"))  # sheet row 12
    data = csv_bytes(rows)

    job = run_import(coop_a, data, language="fr")

    assert job.status == CatalogImportStatus.INVALID
    assert job.report == {}
    assert [(e["row"], e["code"]) for e in job.errors] == [(12, "price_positive")]
    assert job.errors[0]["message"] == \
        "ligne 12 : le prix doit être un nombre positif (price_maroc)"
    assert catalog_state() == before


def test_row_error_messages_read_in_arabic_and_english(run_import, coop_a, channel):
    job = run_import(coop_a, csv_bytes([row(), row(sku="X", price="abc")]), language="ar")

    assert job.status == CatalogImportStatus.INVALID
    assert job.errors[0]["message"] == "السطر 3: يجب أن يكون السعر عددًا موجبًا (price_maroc)"
    assert error_text(job.errors[0], "en") == \
        "row 3: price must be a positive number (price_maroc)"
    assert error_text(job.errors[0], "fr").startswith("ligne 3 : le prix")


def test_a_confirmed_import_fails_and_writes_nothing_when_the_catalog_moved(
        run_import, coop_a, channel, django_capture_on_commit_callbacks):
    from catalog.spreadsheets.services import catalog_import_confirm

    job = run_import(coop_a, csv_bytes([row(), row(sku="ARG-2", slug="autre")]))
    # Meanwhile someone else takes one of the slugs.
    make_other = Product.objects.create(cooperative=coop_a, product_type=ProductTypeFactory(),
                                        slug="autre", name="x")
    before = catalog_state()

    with django_capture_on_commit_callbacks(execute=True):
        catalog_import_confirm(cooperative_id=coop_a.pk, job_id=job.pk)
    job.refresh_from_db()

    assert job.status == CatalogImportStatus.FAILED
    assert job.errors[0]["code"] == "catalog_changed"
    assert catalog_state() == before
    assert make_other.variants.count() == 0


def test_confirming_twice_imports_once(run_import, coop_a, channel,
                                       django_capture_on_commit_callbacks):
    from backend.core.errors import DomainError
    from catalog.spreadsheets.services import catalog_import_confirm

    job = run_import(coop_a, csv_bytes([row()]), confirm=True)
    before = catalog_state()

    with pytest.raises(DomainError), django_capture_on_commit_callbacks(execute=True):
        catalog_import_confirm(cooperative_id=coop_a.pk, job_id=job.pk)

    assert catalog_state() == before
    assert ProductVariant.objects.filter(sku="ARG-250").count() == 1


@pytest.mark.parametrize("export, name", [(export_csv, "c.csv"), (export_xlsx, "c.xlsx")])
def test_export_then_import_changes_nothing(run_import, coop_a, channel, label, category,
                                            export, name):
    make_product = run_import(coop_a, csv_bytes([
        row(category_slug="huiles", labels="bio:ECOCERT-77",
            description_fr="Ligne un.\nLigne deux, avec « guillemets », <b> & ; 'x'."),
        row(sku="ARG-500", category_slug="huiles", labels="bio:ECOCERT-77",
            description_fr="Ligne un.\nLigne deux, avec « guillemets », <b> & ; 'x'.",
            price="210.5", stock="", weight_grams=""),
    ]), confirm=True)
    assert make_product.status == CatalogImportStatus.DONE, (make_product.errors,
                                                              make_product.report)
    # Text a spreadsheet would run as a formula, set through another path, is neutralised.
    Product.objects.filter(slug="huile-argan").update(name="=cmd|' /C calc'!A0")
    ProductVariant.objects.filter(sku="ARG-500").update(name="+1-1", sku="@SKU")
    before = catalog_state()

    job = run_import(coop_a, export(cooperative_id=coop_a.pk), name=name)

    assert job.status == CatalogImportStatus.READY, job.errors
    assert job.report["counts"] == {"created": 0, "updated": 0, "unchanged": 2,
                                    "products_created": 0}
    assert catalog_state() == before


def test_another_cooperatives_sku_or_slug_is_a_row_error_and_never_an_update(
        run_import, coop_a, coop_b, product_b, channel):
    before = catalog_state()

    job = run_import(coop_a, csv_bytes([
        row(slug="mine", sku="SKU-B1", price="1.00"),
        row(slug="amlou-b", sku="NEW-1"),
    ]))

    assert job.status == CatalogImportStatus.INVALID
    assert [(e["row"], e["code"]) for e in job.errors] == [
        (2, "sku_other_cooperative"), (3, "slug_taken")]
    assert catalog_state() == before
    assert ProductVariantChannelListing.objects.get(
        variant__sku="SKU-B1").price_amount == Decimal("80.00")


def test_row_checks_report_every_bad_row(run_import, coop_a, channel, coop_b, product_b):
    rows = [
        row(sku="A1", stock="2.5"),                                # 2 whole number
        row(sku="A2", slug="p2", weight_grams="99999999999"),      # 3 too high
        row(sku="A3", slug="p3", published_maroc="peut-être"),     # 4 yes/no
        row(sku="A4", slug="p4", category_slug="nope"),            # 5 unknown category
        row(sku="A5", slug="p5", labels="bio"),                    # 6 unknown label
        row(sku="A1", slug="p6"),                                  # 7 duplicate sku
        row(sku="A7", slug="bad slug"),                            # 8 bad slug
        row(sku="A9", slug="p9", name="=SUM(A1:A3)"),              # 9 formula
        row(sku="", slug="p10"),                                   # 10 sku required
        row(sku="A11", slug="p11", name=""),                       # 11 name required
        row(sku="A12", slug="huile-argan", name="Autre nom"),      # 12 differs from row 2
        row(sku="A13", slug="p13", price="1.005"),                 # 13 decimals
        row(sku="A14", slug="p14", price="NaN"),                   # 14 not positive
        row(sku="A15", slug="p15", price="1e9"),                   # 15 too high
        row(sku="A16", slug="p16", description_fr="x" * 6000),     # 16 too long
        row(sku="A17", slug="p17", stock="-3"),                    # 17 whole number
    ]
    before = catalog_state()

    job = run_import(coop_a, csv_bytes(rows))

    assert job.status == CatalogImportStatus.INVALID
    assert [(e["row"], e["code"]) for e in job.errors] == [
        (2, "whole_number"), (3, "number_too_high"), (4, "yes_no"), (5, "unknown_category"),
        (6, "unknown_label"), (7, "duplicate_sku"), (8, "bad_slug"), (9, "formula"),
        (10, "required"), (11, "required"), (12, "product_mismatch"), (13, "price_decimals"),
        (14, "price_positive"), (15, "price_too_high"), (16, "too_long"),
        (17, "whole_number")]
    assert all(e["message"].startswith(f"ligne {e['row']} : ") for e in job.errors)
    assert catalog_state() == before


def test_stock_below_units_promised_to_orders_is_refused(run_import, coop_a, channel):
    run_import(coop_a, csv_bytes([row(stock="10")]), confirm=True)
    Stock.objects.filter(variant__sku="ARG-250").update(quantity_allocated=6)

    job = run_import(coop_a, csv_bytes([row(stock="5")]))

    assert [(e["row"], e["code"]) for e in job.errors] == [(2, "stock_below_allocated")]


def test_xlsx_numbers_and_csv_semicolons_import_alike(run_import, coop_a, channel):
    xlsx = xlsx_bytes([row(price=120.5, stock=10, weight_grams=300)])
    semicolon = ("\n".join(";".join(str(c) for c in r) for r in [
        ["product_slug", "product_name_fr", "sku", "price_maroc", "stock"],
        ["huile-argan", "Huile d'argan", "ARG-250", "120,50", "10"]]) + "\n").encode("cp1252")

    job = run_import(coop_a, xlsx, name="c.xlsx", confirm=True)
    assert job.status == CatalogImportStatus.DONE, job.errors
    assert job.format == "xlsx"

    again = run_import(coop_a, semicolon, name="c.csv")
    assert again.status == CatalogImportStatus.READY, again.errors
    assert again.report["counts"]["unchanged"] == 1


def test_missing_optional_columns_leave_values_as_they_are(run_import, coop_a, channel):
    run_import(coop_a, csv_bytes([row()]), confirm=True)
    before = catalog_state()

    job = run_import(coop_a, csv_bytes([["ARG-250", "huile-argan"]],
                                       header=["sku", "product_slug"]))

    assert job.report["counts"]["unchanged"] == 1
    assert catalog_state() == before
