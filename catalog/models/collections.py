"""Collections: hand-picked, ordered sets of products, published per channel (Saleor's shape)."""
from __future__ import annotations

from django.db import models

from .base import ModelWithMetadata, TranslatableMixin


class Collection(TranslatableMixin, ModelWithMetadata):
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)
    description = models.JSONField(default=dict, blank=True, help_text="EditorJS JSON")
    seo_title = models.CharField(max_length=70, blank=True)
    seo_description = models.CharField(max_length=300, blank=True)
    background_image = models.ImageField(upload_to="collection-backgrounds/", blank=True)
    background_image_alt = models.CharField(max_length=128, blank=True)
    products = models.ManyToManyField("catalog.Product", through="catalog.CollectionProduct",
                                      related_name="collections", blank=True)
    sort_order = models.IntegerField(default=0, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["sort_order", "slug"]

    def __str__(self) -> str:
        return self.name


class CollectionProduct(models.Model):
    """A product in a collection, at its place in the collection's order."""

    collection = models.ForeignKey(Collection, on_delete=models.CASCADE,
                                   related_name="collection_products")
    product = models.ForeignKey("catalog.Product", on_delete=models.CASCADE,
                                related_name="collection_products")
    sort_order = models.IntegerField(default=0, db_index=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["collection", "product"],
                                               name="unique_collection_product")]


class CollectionTranslation(models.Model):
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE,
                                   related_name="translations")
    language_code = models.CharField(max_length=8)
    name = models.CharField(max_length=250, blank=True)
    description = models.JSONField(default=dict, blank=True)
    seo_title = models.CharField(max_length=70, blank=True)
    seo_description = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["collection", "language_code"],
                                               name="unique_collection_translation")]


class CollectionChannelListing(models.Model):
    """Whether a collection is published in a channel, and since when."""

    collection = models.ForeignKey(Collection, on_delete=models.CASCADE,
                                   related_name="channel_listings")
    channel = models.ForeignKey("catalog.Channel", on_delete=models.CASCADE,
                                related_name="collection_listings")
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["collection", "channel"],
                                               name="unique_collection_channel_listing")]
        indexes = [models.Index(fields=["channel", "is_published"])]
