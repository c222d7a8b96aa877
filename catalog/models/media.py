"""Product photos and their cached WebP/original thumbnails."""
from django.db import models


class ProductMediaType(models.TextChoices):
    IMAGE = "IMAGE", "An uploaded image"
    VIDEO = "VIDEO", "A URL to an external video"


class ProductMedia(models.Model):
    product = models.ForeignKey("catalog.Product", on_delete=models.CASCADE, related_name="media")
    image = models.ImageField(upload_to="products/", blank=True)
    alt = models.CharField(max_length=250, blank=True)
    type = models.CharField(max_length=32, choices=ProductMediaType.choices,
                            default=ProductMediaType.IMAGE)
    external_url = models.CharField(max_length=256, blank=True)
    sort_order = models.IntegerField(default=0, db_index=True)
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        # A listing's photos: the products' rows, already in order (tests/perf/test_explain.py).
        indexes = [models.Index(fields=["product", "sort_order", "id"],
                                name="catalog_media_product_order")]


class ThumbnailFormat(models.TextChoices):
    WEBP = "webp", "WebP"
    AVIF = "avif", "AVIF"
    ORIGINAL = "original", "Original"


class Thumbnail(models.Model):
    media = models.ForeignKey(ProductMedia, on_delete=models.CASCADE, related_name="thumbnails")
    size = models.PositiveIntegerField()
    format = models.CharField(max_length=16, choices=ThumbnailFormat.choices)
    image = models.ImageField(upload_to="thumbnails/")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["media", "size", "format"],
                                               name="unique_thumbnail")]
