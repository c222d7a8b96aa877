"""Write an import plan to the catalog with bulk statements (a few dozen queries per import).

Called inside the import's transaction only (``catalog_import_run``); it trusts the plan, which
was checked against the same rows it writes. Derived columns (search document and vector,
cheapest price per channel, default variant) are recomputed for every product touched.
"""
from __future__ import annotations

from datetime import datetime

from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import F, OuterRef, Subquery
from django.utils import timezone

from ..cache import catalog_pages_changed
from ..models import (
    Product,
    ProductChannelListing,
    ProductLabel,
    ProductTranslation,
    ProductType,
    ProductVariant,
    ProductVariantChannelListing,
    Stock,
)
from ..services.products import product_search_document
from .plan import ImportPlan, ProductPlan

BATCH = 1000
UPDATE_BATCH = 250  # bulk_update writes CASE WHEN per row: smaller statements are faster
SEARCHED_COLUMNS = {"product_name_fr", "product_name_ar", "product_name_en", "category_slug",
                    "description_fr"}


def editorjs_from_lines(text: str) -> dict:
    """One EditorJS paragraph per line, so the document's plain text is ``text`` again."""
    blocks = [{"type": "paragraph", "data": {"text": line}} for line in text.split("\n") if line]
    return {"blocks": blocks} if blocks else {}


def default_product_type() -> ProductType:
    product_type = (ProductType.objects.filter(slug="terroir").first()
                    or ProductType.objects.order_by("pk").first())
    if product_type is None:
        product_type = ProductType.objects.create(name="Produit du terroir", slug="terroir")
    return product_type


def _changed(plan: ProductPlan, column: str) -> bool:
    return any(change["field"] == column for change in plan.changes)


def plan_write(*, plan: ImportPlan, cooperative_id: int) -> set[int]:
    """Write ``plan``; returns the ids of the products created or changed."""
    now = timezone.now()
    channels = {c.channel_id: c for c in plan.channels}
    touched: set[int] = set()
    searched: set[int] = set()  # products whose searchable text (names, SKUs...) changed
    # Products: create the new ones, update the changed ones.
    new_plans = [p for p in plan.products if p.is_new]
    if new_plans:
        product_type = default_product_type()
        created = [Product(cooperative_id=cooperative_id, product_type=product_type,
                           slug=p.slug, name=p.values["name_fr"],
                           category=p.values.get("category"),
                           description=editorjs_from_lines(p.values.get("description", "")),
                           description_plaintext=p.values.get("description", ""))
                   for p in new_plans]
        Product.objects.bulk_create(created, batch_size=BATCH)
        for product_plan, product in zip(new_plans, created, strict=True):
            product_plan.product = product
    changed_products = []
    for p in plan.products:
        product = p.product
        if p.is_new or not (_changed(p, "product_name_fr") or _changed(p, "category_slug")
                                  or _changed(p, "description_fr")):
            continue
        if _changed(p, "product_name_fr"):
            product.name = p.values["name_fr"]
        if _changed(p, "category_slug"):
            product.category = p.values["category"]
        if _changed(p, "description_fr"):
            product.description = editorjs_from_lines(p.values["description"])
            product.description_plaintext = p.values["description"]
        product.updated_at = now
        changed_products.append(product)
    Product.objects.bulk_update(changed_products, ["name", "category", "description",
                                                   "description_plaintext", "updated_at"],
                                batch_size=UPDATE_BATCH)
    _write_translations(plan)
    _write_labels(plan)
    _write_product_listings(plan, channels, now)
    _write_variants(plan, channels, now)
    for p in plan.products:
        if p.is_new or p.changes or any(v.variant is None or v.changes
                                              for v in p.variants):
            touched.add(p.product.pk)
        if p.is_new or any(v.variant is None for v in p.variants) or any(
                c["field"] in SEARCHED_COLUMNS for c in p.changes):
            searched.add(p.product.pk)
    refresh_derived(product_ids=touched, search_ids=searched)
    catalog_pages_changed()  # bulk statements send no signal
    return touched


def _write_translations(plan: ImportPlan) -> None:
    rows = []
    for p in plan.products:
        for language in ("ar", "en"):
            key, column = f"name_{language}", f"product_name_{language}"
            if key in p.values and (p.values[key] if p.is_new else _changed(p, column)):
                rows.append(ProductTranslation(product=p.product, language_code=language,
                                               name=p.values[key]))
    ProductTranslation.objects.bulk_create(
        rows, batch_size=BATCH, update_conflicts=True,
        unique_fields=["product", "language_code"], update_fields=["name"])


def _write_labels(plan: ImportPlan) -> None:
    to_delete: list[int] = []
    to_create: list[ProductLabel] = []
    to_update: list[ProductLabel] = []
    for p in plan.products:
        if "labels" not in p.values or (not p.is_new and not _changed(p, "labels")):
            continue
        wanted = {label.pk: certificate for label, certificate in p.values["labels"]}
        current = {} if p.is_new else {pl.label_id: pl for pl in p.product.sheet_labels}
        to_delete += [pl.pk for label_id, pl in current.items() if label_id not in wanted]
        for label_id, certificate in wanted.items():
            existing = current.get(label_id)
            if existing is None:
                to_create.append(ProductLabel(product=p.product, label_id=label_id,
                                              certificate_reference=certificate))
            elif existing.certificate_reference != certificate:
                existing.certificate_reference = certificate
                to_update.append(existing)
    ProductLabel.objects.filter(pk__in=to_delete).delete()
    ProductLabel.objects.bulk_update(to_update, ["certificate_reference"], batch_size=UPDATE_BATCH)
    ProductLabel.objects.bulk_create(to_create, batch_size=BATCH)


def _write_product_listings(plan: ImportPlan, channels: dict, now: datetime) -> None:
    to_create: list[ProductChannelListing] = []
    to_update: list[ProductChannelListing] = []
    for p in plan.products:
        current = {} if p.is_new else {pl.channel_id: pl for pl in p.product.sheet_listings}
        for channel_id, published in p.values.get("published", {}).items():
            listing = current.get(channel_id)
            if listing is None:
                if published:
                    to_create.append(ProductChannelListing(
                        product=p.product, channel_id=channel_id, is_published=True,
                        published_at=now, visible_in_listings=True,
                        currency=channels[channel_id].currency))
            elif listing.is_published != published:
                listing.is_published = published
                if published and listing.published_at is None:
                    listing.published_at = now
                to_update.append(listing)
    ProductChannelListing.objects.bulk_update(to_update, ["is_published", "published_at"],
                                              batch_size=UPDATE_BATCH)
    ProductChannelListing.objects.bulk_create(to_create, batch_size=BATCH)


def _write_variants(plan: ImportPlan, channels: dict, now: datetime) -> None:
    new_variants: list[ProductVariant] = []
    new_values: list[dict] = []
    changed: list[ProductVariant] = []
    stock_update: list[Stock] = []
    stock_create: list[Stock] = []
    price_rows: list[ProductVariantChannelListing] = []
    for p in plan.products:
        existing = [] if p.is_new else p.product.sheet_variants
        next_order = max((v.sort_order for v in existing), default=-1) + 1
        for v in p.variants:
            if v.variant is None:
                variant = ProductVariant(product=p.product, sku=v.sku,
                                         name=v.values.get("name", ""),
                                         weight_grams=v.values.get("weight_grams", 0),
                                         low_stock_threshold=v.values.get("low_stock_threshold",
                                                                          5),
                                         sort_order=next_order)
                next_order += 1
                new_variants.append(variant)
                new_values.append(v.values)
                continue
            variant = v.variant
            fields = {c["field"] for c in v.changes}
            if fields & {"variant_name", "weight_grams", "low_stock_threshold"}:
                variant.name = v.values.get("name", variant.name)
                variant.weight_grams = v.values.get("weight_grams", variant.weight_grams)
                variant.low_stock_threshold = v.values.get("low_stock_threshold",
                                                           variant.low_stock_threshold)
                variant.updated_at = now
                changed.append(variant)
            if "stock" in fields:
                stock = getattr(variant, "stock", None)
                if stock is None:
                    stock_create.append(Stock(variant=variant, quantity=v.values["stock"]))
                else:
                    stock.quantity = v.values["stock"]
                    stock_update.append(stock)
            for channel_id, price in v.values["prices"].items():
                if channels[channel_id].price in fields:
                    price_rows.append(ProductVariantChannelListing(
                        variant=variant, channel_id=channel_id,
                        currency=channels[channel_id].currency, price_amount=price))
    ProductVariant.objects.bulk_create(new_variants, batch_size=BATCH)
    for variant, values in zip(new_variants, new_values, strict=True):
        stock_create.append(Stock(variant=variant, quantity=values.get("stock", 0)))
        price_rows += [ProductVariantChannelListing(
            variant=variant, channel_id=channel_id, currency=channels[channel_id].currency,
            price_amount=price) for channel_id, price in values["prices"].items()]
    ProductVariant.objects.bulk_update(changed, ["name", "weight_grams", "low_stock_threshold",
                                                 "updated_at"], batch_size=UPDATE_BATCH)
    Stock.objects.bulk_update(stock_update, ["quantity"], batch_size=UPDATE_BATCH)
    Stock.objects.bulk_create(stock_create, batch_size=BATCH)
    ProductVariantChannelListing.objects.bulk_create(
        price_rows, batch_size=BATCH, update_conflicts=True,
        unique_fields=["variant", "channel"], update_fields=["price_amount"])


def refresh_derived(*, product_ids: set[int], search_ids: set[int] | None = None) -> None:
    """Default variant, cheapest price per channel and search document of many products.

    A handful of statements whatever the number of products (the per-product services in
    ``catalog.services`` would cost several queries each).
    """
    if not product_ids:
        return
    ids = sorted(product_ids)
    first_variant = (ProductVariant.objects.filter(product_id=OuterRef("pk"))
                     .order_by("sort_order", "pk").values("pk")[:1])
    Product.objects.filter(pk__in=ids, default_variant__isnull=True).update(
        default_variant_id=Subquery(first_variant))
    cheapest = (ProductVariantChannelListing.objects
                .filter(variant__product_id=OuterRef("product_id"),
                        channel_id=OuterRef("channel_id"))
                .order_by("price_amount").values("price_amount")[:1])
    ProductChannelListing.objects.filter(product_id__in=ids).update(
        discounted_price_amount=Subquery(cheapest))
    search_ids = sorted(product_ids if search_ids is None else search_ids)
    if not search_ids:
        return
    products = list(Product.objects.filter(pk__in=search_ids)
                    .select_related("cooperative", "category")
                    .prefetch_related("translations", "variants"))
    table = connection.ops.quote_name(Product._meta.db_table)
    with connection.cursor() as cursor:  # one pipelined statement per row, no giant CASE
        cursor.executemany(f"UPDATE {table} SET search_document = %s WHERE id = %s",  # noqa: S608
                           [(product_search_document(p), p.pk) for p in products])
    if connection.vendor == "postgresql":
        Product.objects.filter(pk__in=search_ids).update(
            search_vector=SearchVector(F("search_document"), config="simple"))
