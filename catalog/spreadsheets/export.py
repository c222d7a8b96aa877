"""Export a cooperative's catalog, one row per variant, as CSV or XLSX.

The rows come from ``catalog_rows`` (a fixed number of queries whatever the catalog's size) and
are exactly what the importer compares against, so an export re-imports with no change.
"""
from __future__ import annotations

import csv
import io
from decimal import Decimal

from django.db.models import QuerySet

from ..models import (
    Channel,
    Product,
    ProductChannelListing,
    ProductLabel,
    ProductTranslation,
    ProductVariant,
    ProductVariantChannelListing,
)
from .columns import ChannelColumns, headers_for, neutralise

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NUMBER_COLUMNS = {"weight_grams", "stock", "low_stock_threshold"}


def channel_columns() -> list[ChannelColumns]:
    """The active channels, in slug order: each gets a price and a published column."""
    return [ChannelColumns(channel_id=c.pk, slug=c.slug, currency=c.currency_code)
            for c in Channel.objects.filter(is_active=True).order_by("slug")]


def labels_text(product_labels) -> str:
    """``slug:certificate`` pairs, sorted, comma-separated (what the importer reads)."""
    return ", ".join(f"{pl.label.slug}:{pl.certificate_reference}"
                     for pl in sorted(product_labels, key=lambda pl: pl.label.slug))


def format_price(amount: Decimal | None) -> str:
    return "" if amount is None else f"{amount.quantize(Decimal('0.01'))}"


def load_products(products: QuerySet[Product]) -> list[Product]:
    """``products`` with what a sheet row shows, in 6 queries for any number of rows.

    Related rows are grouped in Python onto ``sheet_*`` attributes: Django's prefetch builds a
    queryset per instance, which costs seconds on a 5,000-variant catalog.
    """
    loaded = list(products.select_related("category").order_by("slug"))
    by_id = {p.pk: p for p in loaded}
    for product in loaded:
        product.sheet_variants, product.sheet_translations = [], []
        product.sheet_labels, product.sheet_listings = [], []
    variants: dict[int, ProductVariant] = {}
    for variant in (ProductVariant.objects.filter(product_id__in=by_id).select_related("stock")
                    .order_by("sort_order", "sku", "pk")):
        variant.sheet_listings = []
        variants[variant.pk] = variant
        by_id[variant.product_id].sheet_variants.append(variant)
    for listing in ProductVariantChannelListing.objects.filter(variant_id__in=variants):
        variants[listing.variant_id].sheet_listings.append(listing)
    for translation in ProductTranslation.objects.filter(product_id__in=by_id):
        by_id[translation.product_id].sheet_translations.append(translation)
    for product_label in ProductLabel.objects.filter(product_id__in=by_id).select_related("label"):
        by_id[product_label.product_id].sheet_labels.append(product_label)
    for listing in ProductChannelListing.objects.filter(product_id__in=by_id):
        by_id[listing.product_id].sheet_listings.append(listing)
    return loaded


def product_cells(product: Product, channels: list[ChannelColumns]) -> dict[str, str]:
    """The product columns of a row, as exported (and as the importer compares them)."""
    names = {t.language_code: t.name for t in product.sheet_translations}
    listings = {pl.channel_id: pl for pl in product.sheet_listings}
    cells = {
        "product_slug": product.slug,
        "product_name_fr": product.name,
        "product_name_ar": names.get("ar", ""),
        "product_name_en": names.get("en", ""),
        "category_slug": product.category.slug if product.category_id else "",
        "labels": labels_text(product.sheet_labels),
        "description_fr": product.description_plaintext or "",
    }
    for channel in channels:
        listing = listings.get(channel.channel_id)
        cells[channel.published] = "" if listing is None else (
            "yes" if listing.is_published else "no")
    return cells


def variant_cells(variant: ProductVariant, channels: list[ChannelColumns]) -> dict[str, str]:
    """The variant columns of a row, as exported."""
    prices = {vl.channel_id: vl.price_amount for vl in variant.sheet_listings}
    stock = getattr(variant, "stock", None)
    cells = {"sku": variant.sku or "", "variant_name": variant.name,
             "weight_grams": str(variant.weight_grams),
             "stock": str(stock.quantity if stock else 0),
             "low_stock_threshold": str(variant.low_stock_threshold)}
    for channel in channels:
        cells[channel.price] = format_price(prices.get(channel.channel_id))
    return cells


def catalog_rows(*, cooperative_id: int, channels: list[ChannelColumns]) -> list[dict[str, str]]:
    """The cooperative's variants as sheet rows (dicts keyed by header), in a fixed 6 queries."""
    rows: list[dict[str, str]] = []
    for product in load_products(Product.objects.filter(cooperative_id=cooperative_id)):
        base = product_cells(product, channels)
        rows.extend({**base, **variant_cells(variant, channels)}
                    for variant in product.sheet_variants)
    return rows


def export_csv(*, cooperative_id: int) -> bytes:
    """UTF-8 CSV with a BOM (so Excel shows Arabic right), formulas neutralised."""
    channels = channel_columns()
    headers = headers_for(channels)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(headers)
    for row in catalog_rows(cooperative_id=cooperative_id, channels=channels):
        writer.writerow([neutralise(row.get(h, "")) for h in headers])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def export_xlsx(*, cooperative_id: int) -> bytes:
    """An XLSX workbook; text cells are stored as text, never as formulas."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    channels = channel_columns()
    headers = headers_for(channels)
    price_columns = {c.price for c in channels}
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("catalog")
    sheet.append(headers)
    for row in catalog_rows(cooperative_id=cooperative_id, channels=channels):
        cells: list[object] = []
        for header in headers:
            value = row.get(header, "")
            if value and header in NUMBER_COLUMNS:
                cells.append(int(value))
            elif value and header in price_columns:
                cells.append(Decimal(value))
            else:
                # Control characters cannot be stored in XLSX; they carry no meaning here.
                cells.append(neutralise(ILLEGAL_CHARACTERS_RE.sub("", value)))
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
