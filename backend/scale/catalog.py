"""Products of the generated cooperatives, from the demo's product templates: variants, prices
in the default channel, stock, translations, search documents and a few shared pictures."""
from __future__ import annotations

import io
import zlib
from dataclasses import dataclass
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from PIL import Image

from catalog.demo.catalog import TEMPLATES
from catalog.demo.seed import seed_structure
from catalog.demo.text import Tr, editorjs, shorten
from catalog.models import (
    Product,
    ProductChannelListing,
    ProductMedia,
    ProductTranslation,
    ProductVariant,
    ProductVariantChannelListing,
    ProductVariantTranslation,
    Stock,
    Thumbnail,
    ThumbnailFormat,
)
from catalog.search import normalize_text
from catalog.thumbnails import render_thumbnail

from .bulk import reserve_ids
from .context import SLUG_PREFIX, SeedContext
from .network import Coop

PICTURES = ["argan_oil", "olive_oil", "saffron", "honey", "dates", "couscous", "jar_amlou",
            "soap_argan", "rose_water", "spices", "tagine_brown", "carpet_kilim"]
CENTS = Decimal("0.01")


@dataclass(frozen=True)
class Sellable:
    """A variant as an order line needs it."""

    variant_id: int
    product_name: Tr
    variant_name: Tr
    sku: str
    price: Decimal
    weight_grams: int


def _pictures() -> dict[str, str]:
    """The shared pictures and their thumbnails on the media storage (drawn once)."""
    from catalog.demo.images import render

    paths = {}
    for picture in PICTURES:
        path = f"scale/products/{picture}.jpg"
        if not default_storage.exists(path):
            default_storage.save(path, ContentFile(render(picture, seed=f"scale:{picture}")))
        for size in settings.THUMBNAIL_SIZES:
            thumb = f"scale/thumbnails/{picture}-{size}.webp"
            if not default_storage.exists(thumb):
                with default_storage.open(path, "rb") as handle:
                    image = Image.open(io.BytesIO(handle.read()))
                    image.load()
                data, _ = render_thumbnail(image, size, ThumbnailFormat.WEBP)
                default_storage.save(thumb, ContentFile(data))
        paths[picture] = path
    return paths


def _de(name: str) -> str:
    return f"d'{name}" if name[:1].upper() in "AEIOUÉY" else f"de {name}"


def _price(base: int, rng) -> Decimal:
    return (Decimal(base) * Decimal(rng.randrange(85, 125)) / 100).quantize(
        CENTS, rounding=ROUND_HALF_UP)


def seed_catalog(ctx: SeedContext, coops: list[Coop]) -> dict[int, list[Sellable]]:
    """``products`` products over the approved cooperatives; returns their variants by
    cooperative id."""
    structure = seed_structure()
    pictures = _pictures()
    rng = ctx.rng("catalog")
    templates = [TEMPLATES[key] for key in sorted(TEMPLATES)]
    sellers = [c for c in coops if c.approved] or coops
    n = ctx.params.products
    variant_total = 0
    plan = []
    for i in range(n):
        coop = sellers[i % len(sellers)] if i < len(sellers) else rng.choice(sellers)
        template = templates[rng.randrange(len(templates))]
        plan.append((coop, template))
        variant_total += len(template.variants)
    first_product = reserve_ids(Product, n)
    first_variant = reserve_ids(ProductVariant, variant_total)
    first_media = reserve_ids(ProductMedia, n)
    channel_id = structure.channel.pk
    sellables: dict[int, list[Sellable]] = {}
    rows = {model: [] for model in (Product, ProductTranslation, ProductChannelListing,
                                    ProductVariant, ProductVariantTranslation,
                                    ProductVariantChannelListing, Stock, ProductMedia,
                                    Thumbnail)}
    bar = ctx.progress("products", n)
    variant_id = first_variant
    for i, (coop, template) in enumerate(plan):
        product_id = first_product + i
        place = coop.place
        region = ctx.regions[place.region_id]
        context = {"de": Tr(_de(place.name), place.name_ar, place.name_en),
                   "place": Tr(place.name, place.name_ar, place.name_en),
                   "coop": Tr(coop.name, coop.name, coop.name),
                   "region": Tr(region.name, region.name_ar, region.name_en)}
        name = template.name.render(**context)
        text = template.text.render(**context)
        usage = template.usage.render(**context)
        created = ctx.anchor - timedelta(days=380 + rng.randrange(700))
        sku_stem = f"SC{i + 1:06d}-{template.sku}"
        prices = []
        variant_names = []
        for order, spec in enumerate(template.variants):
            price = _price(spec.price, rng)
            prices.append(price)
            sku = f"{sku_stem}-{spec.code}"
            variant_names.append(spec.name.fr)
            rows[ProductVariant].append({
                "id": variant_id, "product_id": product_id, "sku": sku, "name": spec.name.fr,
                "weight_grams": spec.grams, "sort_order": order,
                "low_stock_threshold": 5, "created_at": created, "updated_at": created})
            for language in ("ar", "en"):
                rows[ProductVariantTranslation].append({
                    "variant_id": variant_id, "language_code": language,
                    "name": spec.name.get(language)})
            rows[ProductVariantChannelListing].append({
                "variant_id": variant_id, "channel_id": channel_id, "currency": "MAD",
                "price_amount": price,
                "cost_price_amount": (price * Decimal("0.6")).quantize(CENTS)})
            rows[Stock].append({"variant_id": variant_id,
                                "quantity": rng.randrange(*template.stock)})
            sellables.setdefault(coop.id, []).append(Sellable(
                variant_id, name, spec.name, sku, price, spec.grams))
            variant_id += 1
        search = normalize_text(" ".join([
            name.fr, text.fr, usage.fr, coop.name, name.ar, text.ar, name.en, text.en,
            *(f"{sku_stem}-{spec.code}" for spec in template.variants)]))
        rows[Product].append({
            "id": product_id, "cooperative_id": coop.id,
            "product_type_id": structure.product_types[template.product_type].pk,
            "category_id": structure.categories[template.category].pk,
            "name": name.fr[:250], "slug": f"{SLUG_PREFIX}{i + 1:06d}-{template.key}"[:255],
            "description": editorjs(text.fr, usage.fr),
            "description_plaintext": f"{text.fr}\n{usage.fr}",
            "seo_title": shorten(name.fr, 70), "seo_description": shorten(text.fr, 160),
            "default_variant_id": variant_id - len(template.variants),
            "search_document": search, "created_at": created, "updated_at": created})
        for language in ("ar", "en"):
            rows[ProductTranslation].append({
                "product_id": product_id, "language_code": language,
                "name": name.get(language)[:250],
                "description": editorjs(text.get(language), usage.get(language)),
                "seo_title": shorten(name.get(language), 70),
                "seo_description": shorten(text.get(language), 160)})
        published = rng.random() < 0.97
        rows[ProductChannelListing].append({
            "product_id": product_id, "channel_id": channel_id, "is_published": published,
            "published_at": created if published else None, "visible_in_listings": True,
            "available_for_purchase_at": created if published else None,
            "discounted_price_amount": min(prices), "currency": "MAD"})
        picture = (template.picture if template.picture in pictures
                   else PICTURES[zlib.crc32(template.picture.encode()) % len(PICTURES)])
        media_id = first_media + i
        rows[ProductMedia].append({"id": media_id, "product_id": product_id,
                                   "image": pictures[picture], "alt": name.fr[:250],
                                   "type": "IMAGE", "sort_order": 0})
        for size in settings.THUMBNAIL_SIZES:
            rows[Thumbnail].append({"media_id": media_id, "size": size,
                                    "format": ThumbnailFormat.WEBP,
                                    "image": f"scale/thumbnails/{picture}-{size}.webp"})
        if (i + 1) % 2000 == 0 or i + 1 == n:
            for model, batch in rows.items():
                ctx.copy(model, batch)
                batch.clear()
            bar.advance(2000 if (i + 1) % 2000 == 0 else n % 2000)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE catalog_product SET search_vector = "
                       "to_tsvector('simple', search_document) WHERE id BETWEEN %s AND %s",
                       [first_product, first_product + n - 1])
    bar.finish()
    return sellables
