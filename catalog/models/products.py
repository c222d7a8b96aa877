"""Products, their variants, channel listings, stock and translations (Saleor's shape)."""
from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q

from .base import ModelWithMetadata, TranslatableMixin


class ProductType(ModelWithMetadata):
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)
    has_variants = models.BooleanField(default=True)
    is_shipping_required = models.BooleanField(default=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name


class Product(TranslatableMixin, ModelWithMetadata):
    cooperative = models.ForeignKey("cooperatives.Cooperative", on_delete=models.PROTECT,
                                    related_name="products")
    product_type = models.ForeignKey(ProductType, on_delete=models.PROTECT,
                                     related_name="products")
    category = models.ForeignKey("catalog.Category", on_delete=models.SET_NULL, null=True,
                                 blank=True, related_name="products")
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)
    description = models.JSONField(default=dict, blank=True, help_text="EditorJS JSON")
    description_plaintext = models.TextField(blank=True)
    seo_title = models.CharField(max_length=70, blank=True)
    seo_description = models.CharField(max_length=300, blank=True)
    labels = models.ManyToManyField("catalog.Label", through="catalog.ProductLabel",
                                    related_name="products", blank=True)
    default_variant = models.OneToOneField("catalog.ProductVariant", null=True, blank=True,
                                           on_delete=models.SET_NULL, related_name="+")
    # Accent-free text of every language, and its tsvector (GIN-indexed on PostgreSQL).
    search_document = models.TextField(blank=True)
    search_vector = SearchVectorField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        ordering = ["slug"]
        indexes = [models.Index(fields=["cooperative", "slug"]),
                   models.Index(fields=["category", "slug"]),
                   # A category's listing (count, cooperative facet, sort by name, newest
                   # first in date order) read from the index alone: product rows are wide.
                   # Key columns rather than INCLUDE, which SQLite (the embedded mode) lacks.
                   # PostgreSQL also has catalog_product_category_name (migration 0007).
                   models.Index(fields=["category", "created_at", "id", "cooperative", "name"],
                                name="catalog_product_listing")]

    def __str__(self) -> str:
        return self.name


class ProductTranslation(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="translations")
    language_code = models.CharField(max_length=8)
    name = models.CharField(max_length=250, blank=True)
    description = models.JSONField(default=dict, blank=True)
    seo_title = models.CharField(max_length=70, blank=True)
    seo_description = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["product", "language_code"],
                                               name="unique_product_translation")]


class ProductChannelListing(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="channel_listings")
    channel = models.ForeignKey("catalog.Channel", on_delete=models.CASCADE,
                                related_name="product_listings")
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    visible_in_listings = models.BooleanField(default=True)
    available_for_purchase_at = models.DateTimeField(null=True, blank=True)
    # Cheapest variant price in the channel, kept by the catalog's writers for sorting,
    # price filters and visibility: NULL exactly while no variant is priced here.
    discounted_price_amount = models.DecimalField(max_digits=12, decimal_places=2, null=True,
                                                  blank=True)
    currency = models.CharField(max_length=3)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["product", "channel"],
                                               name="unique_product_channel_listing")]
        indexes = [models.Index(fields=["channel", "is_published", "visible_in_listings"]),
                   models.Index(fields=["channel", "discounted_price_amount"]),
                   # The visibility probe of every listed product (listing_offered_q in
                   # catalog.selectors.core), answered from the index alone; the price too.
                   models.Index(fields=["product", "channel", "visible_in_listings",
                                        "published_at", "discounted_price_amount"],
                                condition=Q(is_published=True,
                                            discounted_price_amount__isnull=False),
                                name="catalog_listing_offered")]


class ProductVariant(TranslatableMixin, ModelWithMetadata):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="variants")
    sku = models.CharField(max_length=255, unique=True, null=True, blank=True)
    name = models.CharField(max_length=255, blank=True, help_text="e.g. 250 ml, 1 g")
    weight_grams = models.PositiveIntegerField(default=0, help_text="Shipping weight in grams")
    sort_order = models.IntegerField(default=0, db_index=True)
    track_inventory = models.BooleanField(default=True)
    quantity_limit_per_customer = models.PositiveIntegerField(null=True, blank=True)
    low_stock_threshold = models.PositiveIntegerField(default=5)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["sort_order", "sku"]

    def __str__(self) -> str:
        return f"{self.product.name} {self.name}".strip()


class ProductVariantTranslation(models.Model):
    variant = models.ForeignKey(ProductVariant, on_delete=models.CASCADE,
                                related_name="translations")
    language_code = models.CharField(max_length=8)
    name = models.CharField(max_length=255, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["variant", "language_code"],
                                               name="unique_variant_translation")]


class ProductVariantChannelListing(models.Model):
    variant = models.ForeignKey(ProductVariant, on_delete=models.CASCADE,
                                related_name="channel_listings")
    channel = models.ForeignKey("catalog.Channel", on_delete=models.CASCADE,
                                related_name="variant_listings")
    currency = models.CharField(max_length=3)
    price_amount = models.DecimalField(max_digits=12, decimal_places=2)
    cost_price_amount = models.DecimalField(max_digits=12, decimal_places=2, null=True,
                                            blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["variant", "channel"],
                                    name="unique_variant_channel_listing"),
            models.CheckConstraint(condition=Q(price_amount__gte=0),
                                   name="variant_price_not_negative"),
        ]


class Stock(models.Model):
    """Units a cooperative holds for a variant; allocated units are promised to orders."""

    variant = models.OneToOneField(ProductVariant, on_delete=models.CASCADE, related_name="stock")
    quantity = models.PositiveIntegerField(default=0)
    quantity_allocated = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(quantity_allocated__lte=F("quantity")),
                                   name="stock_allocated_not_above_quantity"),
        ]

    @property
    def quantity_available(self) -> int:
        return max(self.quantity - self.quantity_allocated, 0)
