"""Reads of the catalog pages, scoped by the caller's cooperative, with fixed query counts."""
from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from ..models import (
    Channel,
    Product,
    ProductChannelListing,
    ProductLabel,
    ProductMedia,
    ProductTranslation,
    ProductVariant,
    ProductVariantChannelListing,
    StockLot,
)
from ..search import apply_search
from ..services.common import TRANSLATED_LANGUAGES


def _has_translation(language: str):
    return Exists(ProductTranslation.objects.filter(product=OuterRef("pk"),
                                                    language_code=language).exclude(name=""))


def coop_products(cooperative_id: int, *, query: str = "", published: str = "",
                  out_of_stock: bool = False, missing_translation: bool = False
                  ) -> QuerySet[Product]:
    """The cooperative's products with the list page's filters (one query per page)."""
    products = Product.objects.filter(cooperative_id=cooperative_id).annotate(
        any_published=Exists(ProductChannelListing.objects.filter(
            product=OuterRef("pk"), is_published=True)),
        in_stock=Exists(ProductVariant.objects.filter(product=OuterRef("pk")).filter(
            Q(track_inventory=False) | Q(stock__quantity__gt=F("stock__quantity_allocated")))),
        **{f"has_{lang}": _has_translation(lang) for lang in TRANSLATED_LANGUAGES},
    )
    if query:
        products = apply_search(products, query)
    if published == "yes":
        products = products.filter(any_published=True)
    elif published == "no":
        products = products.filter(any_published=False)
    if out_of_stock:
        products = products.filter(in_stock=False)
    if missing_translation:
        products = products.filter(Q(has_ar=False) | Q(has_en=False))
    return products.order_by("-updated_at", "pk")


def coop_products_page_prefetch(products: list[Product], channel: Channel | None) -> None:
    """Variants with stock and price, first photos, listings: 4 queries for the whole page."""
    from django.db.models import prefetch_related_objects

    variant_listings = ProductVariantChannelListing.objects.filter(channel=channel)
    prefetch_related_objects(
        products,
        Prefetch("variants", queryset=ProductVariant.objects.select_related("stock")
                 .prefetch_related(Prefetch("channel_listings", queryset=variant_listings))),
        Prefetch("media", queryset=ProductMedia.objects.prefetch_related("thumbnails")),
        Prefetch("channel_listings",
                 queryset=ProductChannelListing.objects.select_related("channel")),
    )


def missing_languages(product: Product) -> list[str]:
    """Languages (ar, en) without a product name, from the list's annotations or prefetch."""
    if hasattr(product, "has_ar"):
        return [lang for lang in TRANSLATED_LANGUAGES if not getattr(product, f"has_{lang}")]
    named = {t.language_code for t in product.translations.all() if t.name}
    return [lang for lang in TRANSLATED_LANGUAGES if lang not in named]


@dataclass(frozen=True)
class ProductRow:
    product: Product
    stock: int
    price: object
    published: bool
    missing: list[str]
    photo: ProductMedia | None


def product_rows(products: list[Product]) -> list[ProductRow]:
    rows = []
    for product in products:
        variants = list(product.variants.all())
        prices = [listing.price_amount for v in variants for listing in v.channel_listings.all()]
        stock = sum(getattr(v, "stock", None).quantity_available for v in variants
                    if getattr(v, "stock", None))
        photos = list(product.media.all())
        rows.append(ProductRow(product=product, stock=stock,
                               price=min(prices) if prices else None,
                               published=product.any_published,
                               missing=missing_languages(product),
                               photo=photos[0] if photos else None))
    return rows


def coop_product_detail(cooperative_id: int, product_id: int) -> Product:
    """The caller's product with all it shows on the edit page; another's is a 404."""
    variants = (ProductVariant.objects.select_related("stock")
                .prefetch_related("channel_listings", "translations",
                                  Prefetch("lots", queryset=StockLot.objects.all())))
    product = (Product.objects.filter(cooperative_id=cooperative_id, pk=product_id)
               .select_related("category")
               .prefetch_related(
                   Prefetch("variants", queryset=variants),
                   Prefetch("media", queryset=ProductMedia.objects.prefetch_related(
                       "thumbnails")),
                   Prefetch("channel_listings",
                            queryset=ProductChannelListing.objects.select_related("channel")),
                   Prefetch("product_labels",
                            queryset=ProductLabel.objects.select_related("label")),
                   "translations").first())
    if product is None:
        raise Http404
    return product


def coop_variant(cooperative_id: int, variant_id: int) -> ProductVariant:
    variant = (ProductVariant.objects
               .filter(pk=variant_id, product__cooperative_id=cooperative_id)
               .select_related("product", "stock").prefetch_related("lots", "translations",
                                                                    "channel_listings")
               .first())
    if variant is None:
        raise Http404
    return variant


def coop_variants_for_bulk(cooperative_id: int, channel: Channel | None) -> list[ProductVariant]:
    """Every variant of the cooperative for the one-page stock and price edit (3 queries)."""
    listings = ProductVariantChannelListing.objects.filter(channel=channel)
    return list(ProductVariant.objects.filter(product__cooperative_id=cooperative_id)
                .select_related("product", "stock")
                .prefetch_related(Prefetch("channel_listings", queryset=listings), "lots")
                .order_by("product__name", "product_id", "sort_order", "pk"))
