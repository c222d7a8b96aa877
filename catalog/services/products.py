"""Catalog state changes that keep derived columns (search, cheapest price) right."""
from __future__ import annotations

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import F, Min, OuterRef, Q, QuerySet, Subquery, Value

from ..cache import catalog_products_changed
from ..models import Product, ProductChannelListing, ProductVariantChannelListing
from ..search import normalize_text


def editorjs_plaintext(description: dict | None) -> str:
    """The readable text of an EditorJS document (paragraphs, headers, list items)."""
    parts: list[str] = []
    for block in (description or {}).get("blocks", []) if isinstance(description, dict) else []:
        data = block.get("data", {}) if isinstance(block, dict) else {}
        if isinstance(data.get("text"), str):
            parts.append(data["text"])
        for item in data.get("items", []) if isinstance(data.get("items"), list) else []:
            if isinstance(item, str):
                parts.append(item)
    return "\n".join(parts)


def product_search_document(product: Product) -> str:
    texts = [product.name, product.description_plaintext, product.cooperative.name]
    if product.category_id:
        texts.append(product.category.name)
    for translation in product.translations.all():
        texts += [translation.name, editorjs_plaintext(translation.description)]
    texts += [variant.sku or "" for variant in product.variants.all()]
    return normalize_text(" ".join(t for t in texts if t))


@transaction.atomic
def product_refresh_search(*, product: Product) -> None:
    """Recompute the accent-free search document and its tsvector for one product."""
    product.description_plaintext = editorjs_plaintext(product.description)
    product.search_document = product_search_document(product)
    Product.objects.filter(pk=product.pk).update(
        description_plaintext=product.description_plaintext,
        search_document=product.search_document,
    )
    if connection.vendor == "postgresql":
        Product.objects.filter(pk=product.pk).update(
            search_vector=SearchVector(Value(product.search_document), config="simple"))
    catalog_products_changed([product.pk])  # queryset.update sends no signal


@transaction.atomic
def product_refresh_listing_prices(*, product: Product) -> None:
    """Store each channel's cheapest variant price on the product listing (sorting, filters)."""
    for listing in ProductChannelListing.objects.filter(product=product):
        cheapest = ProductVariantChannelListing.objects.filter(
            variant__product=product, channel_id=listing.channel_id,
        ).aggregate(m=Min("price_amount"))["m"]
        ProductChannelListing.objects.filter(pk=listing.pk).update(
            discounted_price_amount=cheapest)
    catalog_products_changed([product.pk])


def _cheapest_variant_price() -> Subquery:
    """The cheapest variant price of the outer listing's product in its channel (or NULL)."""
    return Subquery(ProductVariantChannelListing.objects
                    .filter(variant__product_id=OuterRef("product_id"),
                            channel_id=OuterRef("channel_id"))
                    .order_by("price_amount").values("price_amount")[:1])


def listings_with_stale_price() -> QuerySet[ProductChannelListing]:
    """Listings whose stored cheapest price is not their variants' (none, if every writer
    refreshed it): such a listing would be shown unpriced, or hidden though priced."""
    listings = ProductChannelListing.objects.annotate(cheapest=_cheapest_variant_price())
    return listings.filter(
        Q(discounted_price_amount__isnull=True, cheapest__isnull=False)
        | Q(discounted_price_amount__isnull=False, cheapest__isnull=True)
        | (Q(discounted_price_amount__lt=F("cheapest"))
           | Q(discounted_price_amount__gt=F("cheapest"))))


@transaction.atomic
def listings_refresh_stale_prices() -> list[int]:
    """Recompute the stale listings' cheapest price in one statement; returns their ids."""
    stale = list(listings_with_stale_price().order_by("pk").values_list("pk", "product_id"))
    if stale:
        ProductChannelListing.objects.filter(pk__in=[pk for pk, _ in stale]).update(
            discounted_price_amount=_cheapest_variant_price())
        catalog_products_changed(product_id for _, product_id in stale)
    return [pk for pk, _ in stale]
