"""Derived catalog data every edit must keep right: search, cheapest price, default variant."""
from __future__ import annotations

from django.db import transaction

from ..cache import catalog_products_changed
from ..models import Product, ProductVariant
from .products import product_refresh_listing_prices, product_refresh_search


@transaction.atomic
def product_refresh_default_variant(*, product: Product) -> None:
    """Keep ``default_variant`` pointing at one of the product's variants (the first)."""
    variants = ProductVariant.objects.filter(product_id=product.pk)
    if product.default_variant_id and variants.filter(pk=product.default_variant_id).exists():
        return
    first = variants.order_by("sort_order", "pk").first()
    product.default_variant = first
    Product.objects.filter(pk=product.pk).update(default_variant=first)
    catalog_products_changed([product.pk])  # queryset.update sends no signal


@transaction.atomic
def product_refresh_derived(*, product: Product) -> None:
    """Recompute everything derived from a product and its variants after an edit."""
    product = (Product.objects.select_related("cooperative", "category")
               .prefetch_related("translations", "variants").get(pk=product.pk))
    product_refresh_default_variant(product=product)
    product_refresh_listing_prices(product=product)
    product_refresh_search(product=product)
