"""A tree of categories (django-mptt), translated."""
from django.db import models
from mptt.models import MPTTModel, TreeForeignKey

from .base import ModelWithMetadata, TranslatableMixin


class Category(TranslatableMixin, ModelWithMetadata, MPTTModel):
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)
    description = models.JSONField(default=dict, blank=True, help_text="EditorJS JSON")
    description_plaintext = models.TextField(blank=True)
    seo_title = models.CharField(max_length=70, blank=True)
    seo_description = models.CharField(max_length=300, blank=True)
    background_image = models.ImageField(upload_to="category-backgrounds/", blank=True)
    background_image_alt = models.CharField(max_length=128, blank=True)
    parent = TreeForeignKey("self", null=True, blank=True, on_delete=models.CASCADE,
                            related_name="children")
    updated_at = models.DateTimeField(auto_now=True)

    class MPTTMeta:
        order_insertion_by = ["name"]

    class Meta:
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name


class CategoryTranslation(models.Model):
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="translations")
    language_code = models.CharField(max_length=8)
    name = models.CharField(max_length=250, blank=True)
    description = models.JSONField(default=dict, blank=True)
    seo_title = models.CharField(max_length=70, blank=True)
    seo_description = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["category", "language_code"],
                                               name="unique_category_translation")]
