"""The dry run: what an uploaded sheet would change in a cooperative's catalog, row by row.

``import_plan`` reads the current catalog in a fixed number of queries, checks every cell, and
compares each row with the same text the exporter writes, so a change exists exactly when the
sheet differs from an export. The real import runs the same planning again inside its
transaction and writes the plan; nothing here writes.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from ..models import Category, Label, Product, ProductVariant
from .columns import (
    BASE_COLUMNS,
    FALSE_WORDS,
    PRODUCT_COLUMNS,
    PRODUCT_SLUG,
    REQUIRED_COLUMNS,
    SKU,
    TRUE_WORDS,
    ChannelColumns,
    cell_limit,
    unneutralise,
)
from .export import channel_columns, format_price, load_products, product_cells, variant_cells
from .messages import ImportErrorCode as C
from .messages import error_dict
from .reading import Sheet

MAX_PRICE = Decimal("1000000")
MAX_STOCK = 10_000_000
MAX_WEIGHT_GRAMS = 1_000_000
MAX_THRESHOLD = 1_000_000
SLUG_RE = re.compile(r"^[-a-zA-Z0-9_]+\Z")
PROGRESS_EVERY = 500


class CellError(Exception):
    def __init__(self, error: dict[str, Any]) -> None:
        super().__init__(error["code"])
        self.error = error


@dataclass(eq=False)
class VariantPlan:
    row: int
    sku: str
    variant: ProductVariant | None
    values: dict[str, Any]
    changes: list[dict[str, str]] = field(default_factory=list)


@dataclass(eq=False)
class ProductPlan:
    slug: str
    first_row: int
    product: Product | None
    values: dict[str, Any]
    raw: dict[str, str]
    changes: list[dict[str, str]] = field(default_factory=list)
    variants: list[VariantPlan] = field(default_factory=list)
    is_new: bool = False


@dataclass
class ImportPlan:
    channels: list[ChannelColumns]
    products: list[ProductPlan]
    errors: list[dict[str, Any]]
    total_rows: int
    report: dict[str, Any] = field(default_factory=dict)

    @property
    def digest(self) -> str:
        return hashlib.sha256(json.dumps(self.report, sort_keys=True).encode()).hexdigest()


# --- cells -------------------------------------------------------------------------------

def description_lines(text: str) -> str:
    """Plain text compared line by line, blank lines dropped (what a paragraph list keeps)."""
    return "\n".join(line.strip() for line in (text or "").replace("\r\n", "\n").split("\n")
                     if line.strip())


def _clean_cell(raw: str, column: str, row: int) -> str:
    if "\x00" in raw:
        raise CellError(error_dict(C.NUL, row=row, column=column))
    if raw.lstrip().startswith("="):
        raise CellError(error_dict(C.FORMULA, row=row, column=column))
    text = unneutralise(raw.replace("\r\n", "\n").replace("\r", "\n").strip())
    limit = cell_limit(column)
    if len(text) > limit:
        raise CellError(error_dict(C.TOO_LONG, row=row, column=column, limit=limit))
    return text


def _whole_number(text: str, column: str, row: int, limit: int) -> int:
    compact = text.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if compact.endswith((".0", ",0")):
        compact = compact[:-2]
    if not compact.isdigit():
        raise CellError(error_dict(C.WHOLE_NUMBER, row=row, column=column))
    number = int(compact)  # isdigit() also accepts Arabic-Indic digits, which int() reads
    if number > limit:
        raise CellError(error_dict(C.NUMBER_TOO_HIGH, row=row, column=column, limit=limit))
    return number


def _price(text: str, column: str, row: int) -> Decimal:
    compact = text.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if "," in compact and "." not in compact:
        compact = compact.replace(",", ".")  # French decimal comma
    try:
        amount = Decimal(compact)
    except InvalidOperation:
        raise CellError(error_dict(C.PRICE_POSITIVE, row=row, column=column)) from None
    if not amount.is_finite() or amount <= 0:
        raise CellError(error_dict(C.PRICE_POSITIVE, row=row, column=column))
    if amount > MAX_PRICE:
        raise CellError(error_dict(C.PRICE_TOO_HIGH, row=row, column=column))
    if amount != amount.quantize(Decimal("0.01")):
        raise CellError(error_dict(C.PRICE_DECIMALS, row=row, column=column))
    return amount.quantize(Decimal("0.01"))


def _yes_no(text: str, column: str, row: int) -> bool:
    word = text.lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError(error_dict(C.YES_NO, row=row, column=column))


def _labels(text: str, row: int, labels: dict[str, Label]) -> list[tuple[Label, str]]:
    result: list[tuple[Label, str]] = []
    seen: set[str] = set()
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        slug, _sep, certificate = (s.strip() for s in part.partition(":"))
        if slug not in labels:
            raise CellError(error_dict(C.UNKNOWN_LABEL, row=row, column="labels", value=slug))
        if not certificate or len(certificate) > 64:
            raise CellError(error_dict(C.LABEL_CERTIFICATE, row=row, column="labels",
                                       value=slug))
        if slug in seen:
            raise CellError(error_dict(C.DUPLICATE_LABEL, row=row, column="labels", value=slug))
        seen.add(slug)
        result.append((labels[slug], certificate))
    return sorted(result, key=lambda pair: pair[0].slug)


# --- header ------------------------------------------------------------------------------

def header_errors(header: list[str], channels: list[ChannelColumns]) -> list[dict[str, Any]]:
    known = {name for name, _p, _l in BASE_COLUMNS}
    known |= {c.price for c in channels} | {c.published for c in channels}
    errors = []
    duplicates = sorted({h for h in header if h and header.count(h) > 1})
    if duplicates:
        errors.append(error_dict(C.DUPLICATE_COLUMNS, columns=", ".join(duplicates)))
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        errors.append(error_dict(C.MISSING_COLUMNS, columns=", ".join(missing)))
    unknown = [h or "(?)" for h in header if h not in known]
    if unknown:
        errors.append(error_dict(C.UNKNOWN_COLUMNS, columns=", ".join(unknown[:10])))
    return errors


# --- planning ----------------------------------------------------------------------------

def _row_cells(header: list[str], cells: list[str], number: int) -> dict[str, str]:
    values: dict[str, str] = {}
    for index, column in enumerate(header):
        values[column] = _clean_cell(cells[index] if index < len(cells) else "", column, number)
    return values


def import_plan(*, cooperative_id: int, sheet: Sheet,
                on_progress: Callable[[int], None] | None = None) -> ImportPlan:
    """Check ``sheet`` against the cooperative's catalog; ``plan.errors`` empty means valid."""
    channels = channel_columns()
    plan = ImportPlan(channels=channels, products=[], errors=[], total_rows=len(sheet.rows))
    plan.errors = header_errors(sheet.header, channels)
    if plan.errors:
        return plan
    header = sheet.header
    # Pass 1: clean cells and collect the keys to look up.
    rows: list[tuple[int, dict[str, str]]] = []
    for number, cells in sheet.rows:
        try:
            rows.append((number, _row_cells(header, cells, number)))
        except CellError as exc:
            plan.errors.append(exc.error)
    slugs = {cells[PRODUCT_SLUG] for _n, cells in rows if cells[PRODUCT_SLUG]}
    skus = {cells[SKU] for _n, cells in rows if cells[SKU]}
    # Pass 2: load what the sheet names, in a fixed number of queries.
    products = {p.slug: p for p in load_products(Product.objects.filter(slug__in=slugs))}
    variants_by_sku = {v.sku: v for v in ProductVariant.objects.filter(sku__in=skus)
                       .select_related("product").only("sku", "product__slug",
                                                       "product__cooperative_id")}
    categories = {c.slug: c for c in Category.objects.filter(
        slug__in={cells.get("category_slug") for _n, cells in rows} - {"", None})}
    labels = {label.slug: label for label in Label.objects.all()}
    # Pass 3: check each row and compare it with the catalog.
    plans: dict[str, ProductPlan] = {}
    first_row_of_sku: dict[str, int] = {}
    for index, (number, cells) in enumerate(rows, start=1):
        if on_progress and index % PROGRESS_EVERY == 0:
            on_progress(index)
        try:
            _plan_row(number=number, cells=cells, cooperative_id=cooperative_id,
                      channels=channels, plans=plans, products=products,
                      variants_by_sku=variants_by_sku, categories=categories, labels=labels,
                      first_row_of_sku=first_row_of_sku)
        except CellError as exc:
            plan.errors.append(exc.error)
    plan.errors.sort(key=lambda e: (e.get("row") or 0))
    plan.products = list(plans.values())
    plan.report = _report(plan)
    if on_progress:
        on_progress(len(sheet.rows))
    return plan


def _plan_row(*, number: int, cells: dict[str, str], cooperative_id: int,
              channels: list[ChannelColumns], plans: dict[str, ProductPlan],
              products: dict[str, Product], variants_by_sku: dict[str, ProductVariant],
              categories: dict[str, Category], labels: dict[str, Label],
              first_row_of_sku: dict[str, int]) -> None:
    slug, sku = cells[PRODUCT_SLUG], cells[SKU]
    if not slug:
        raise CellError(error_dict(C.REQUIRED, row=number, column=PRODUCT_SLUG))
    if not SLUG_RE.match(slug):
        raise CellError(error_dict(C.BAD_SLUG, row=number, column=PRODUCT_SLUG))
    if not sku:
        raise CellError(error_dict(C.REQUIRED, row=number, column=SKU))
    if sku in first_row_of_sku:
        raise CellError(error_dict(C.DUPLICATE_SKU, row=number, column=SKU, sku=sku,
                                   first=first_row_of_sku[sku]))
    first_row_of_sku[sku] = number
    product = products.get(slug)
    if product is not None and product.cooperative_id != cooperative_id:
        raise CellError(error_dict(C.SLUG_TAKEN, row=number, column=PRODUCT_SLUG, value=slug))
    known = variants_by_sku.get(sku)
    if known is not None:
        if known.product.cooperative_id != cooperative_id:
            raise CellError(error_dict(C.SKU_OTHER_COOPERATIVE, row=number, column=SKU, sku=sku))
        if known.product.slug != slug:
            raise CellError(error_dict(C.SKU_OTHER_PRODUCT, row=number, column=SKU, sku=sku,
                                       product=known.product.slug))
    product_plan = plans.get(slug)
    if product_plan is None:
        product_plan = _product_plan(number=number, slug=slug, cells=cells, product=product,
                                     channels=channels, categories=categories, labels=labels)
    else:
        for column in PRODUCT_COLUMNS | {c.published for c in channels}:
            if column in cells and cells[column] != product_plan.raw.get(column):
                raise CellError(error_dict(C.PRODUCT_MISMATCH, row=number, column=column,
                                           first=product_plan.first_row))
    plans.setdefault(slug, product_plan)
    variant = None
    if product is not None and known is not None:
        variant = next((v for v in product.sheet_variants if v.sku == sku), None)
    variant_plan = _variant_plan(number=number, sku=sku, cells=cells, variant=variant,
                                 channels=channels)
    product_plan.variants.append(variant_plan)


def _product_plan(*, number: int, slug: str, cells: dict[str, str], product: Product | None,
                  channels: list[ChannelColumns], categories: dict[str, Category],
                  labels: dict[str, Label]) -> ProductPlan:
    values: dict[str, Any] = {}
    new: dict[str, str] = {}  # canonical text of each given value, compared with the export
    if "product_name_fr" in cells:
        if not cells["product_name_fr"]:
            raise CellError(error_dict(C.REQUIRED, row=number, column="product_name_fr"))
        values["name_fr"] = new["product_name_fr"] = cells["product_name_fr"]
    elif product is None:
        raise CellError(error_dict(C.NAME_REQUIRED_NEW, row=number, column="product_name_fr"))
    for language in ("ar", "en"):
        column = f"product_name_{language}"
        if column in cells:
            values[f"name_{language}"] = new[column] = cells[column]
    if "category_slug" in cells:
        category_slug = cells["category_slug"]
        if category_slug and category_slug not in categories:
            raise CellError(error_dict(C.UNKNOWN_CATEGORY, row=number, column="category_slug",
                                       value=category_slug))
        values["category"] = categories.get(category_slug) if category_slug else None
        new["category_slug"] = category_slug
    if "labels" in cells:
        parsed = _labels(cells["labels"], number, labels)
        values["labels"] = parsed
        new["labels"] = ", ".join(f"{label.slug}:{cert}" for label, cert in parsed)
    if "description_fr" in cells:
        values["description"] = new["description_fr"] = description_lines(cells["description_fr"])
    published: dict[int, bool] = {}
    for channel in channels:
        if cells.get(channel.published):
            published[channel.channel_id] = _yes_no(cells[channel.published], channel.published,
                                                    number)
            new[channel.published] = "yes" if published[channel.channel_id] else "no"
    values["published"] = published
    plan = ProductPlan(slug=slug, first_row=number, product=product, values=values,
                       is_new=product is None,
                       raw={k: v for k, v in cells.items() if k in PRODUCT_COLUMNS
                            or k.startswith("published_")})
    if product is not None:
        current = product_cells(product, channels)
        current["description_fr"] = description_lines(current["description_fr"])
        for column, text in new.items():
            old = current.get(column, "")
            if column.startswith("published_") and old == "" and text == "no":
                continue  # not listed in the channel and not to be published: nothing to do
            if text != old:
                plan.changes.append({"field": column, "old": old, "new": text})
    return plan


def _variant_plan(*, number: int, sku: str, cells: dict[str, str],
                  variant: ProductVariant | None,
                  channels: list[ChannelColumns]) -> VariantPlan:
    values: dict[str, Any] = {}
    new: dict[str, str] = {}
    if "variant_name" in cells:
        values["name"] = new["variant_name"] = cells["variant_name"]
    for column, limit in (("weight_grams", MAX_WEIGHT_GRAMS), ("stock", MAX_STOCK),
                          ("low_stock_threshold", MAX_THRESHOLD)):
        if cells.get(column):
            values[column] = _whole_number(cells[column], column, number, limit)
            new[column] = str(values[column])
    prices: dict[int, Decimal] = {}
    for channel in channels:
        if cells.get(channel.price):
            prices[channel.channel_id] = _price(cells[channel.price], channel.price, number)
            new[channel.price] = format_price(prices[channel.channel_id])
    values["prices"] = prices
    plan = VariantPlan(row=number, sku=sku, variant=variant, values=values)
    if variant is not None:
        stock = getattr(variant, "stock", None)
        allocated = stock.quantity_allocated if stock else 0
        if "stock" in values and values["stock"] < allocated:
            raise CellError(error_dict(C.STOCK_BELOW_ALLOCATED, row=number, column="stock",
                                       allocated=allocated))
        current = variant_cells(variant, channels)
        plan.changes = [{"field": column, "old": current.get(column, ""), "new": text}
                        for column, text in new.items() if text != current.get(column, "")]
    return plan


def _report(plan: ImportPlan) -> dict[str, Any]:
    """JSON of the plan: created rows, updated rows with their changes, unchanged count."""
    created, updated, unchanged = [], [], 0
    for product_plan in plan.products:
        for index, variant_plan in enumerate(product_plan.variants):
            changes = list(variant_plan.changes)
            if index == 0:
                changes = product_plan.changes + changes
            entry = {"row": variant_plan.row, "sku": variant_plan.sku,
                     "product_slug": product_plan.slug}
            if variant_plan.variant is None:
                created.append({**entry, "new_product": product_plan.is_new})
            elif changes:
                updated.append({**entry, "changes": changes})
            else:
                unchanged += 1
    created.sort(key=lambda e: e["row"])
    updated.sort(key=lambda e: e["row"])
    return {
        "created": created,
        "updated": updated,
        "unchanged": unchanged,
        "counts": {
            "created": len(created), "updated": len(updated), "unchanged": unchanged,
            "products_created": sum(1 for p in plan.products if p.is_new),
        },
    }
