"""Saleor's attributes: typed facts (volume, origin, process...) defined once, assigned to
product types, and valued on products and variants.

Choice attributes (dropdown, multiselect, swatch) have a fixed list of values; the other input
types store one value row per product (plain text, numeric in ``name``, boolean, date...), as
Saleor does, so that every assignment is a row of ``AssignedProductAttributeValue``.
"""
from __future__ import annotations

from django.db import models

from .base import ModelWithMetadata, TranslatableMixin


class AttributeInputType(models.TextChoices):
    DROPDOWN = "dropdown", "Dropdown"
    MULTISELECT = "multiselect", "Multi select"
    FILE = "file", "File"
    REFERENCE = "reference", "Reference"
    SINGLE_REFERENCE = "single-reference", "Single reference"
    NUMERIC = "numeric", "Numeric"
    RICH_TEXT = "rich-text", "Rich text"
    PLAIN_TEXT = "plain-text", "Plain text"
    SWATCH = "swatch", "Swatch"
    BOOLEAN = "boolean", "Boolean"
    DATE = "date", "Date"
    DATE_TIME = "date-time", "Date time"


CHOICE_INPUT_TYPES = {AttributeInputType.DROPDOWN, AttributeInputType.MULTISELECT,
                      AttributeInputType.SWATCH}


class AttributeType(models.TextChoices):
    PRODUCT_TYPE = "product-type", "Product type"
    PAGE_TYPE = "page-type", "Page type"


class AttributeEntityType(models.TextChoices):
    PAGE = "Page", "Page"
    PRODUCT = "Product", "Product"
    PRODUCT_VARIANT = "ProductVariant", "Product variant"
    CATEGORY = "Category", "Category"
    COLLECTION = "Collection", "Collection"


class MeasurementUnit(models.TextChoices):
    """The units CoopStore's terroir facts use (a subset of Saleor's MeasurementUnitsEnum)."""

    MM = "mm", "mm"
    CM = "cm", "cm"
    M = "m", "m"
    KM = "km", "km"
    SQ_M = "sq_m", "m²"
    LITER = "l", "l"
    CUBIC_CENTIMETER = "cubic_centimeter", "cm³"
    G = "g", "g"
    KG = "kg", "kg"
    TONNE = "tonne", "t"


class Attribute(TranslatableMixin, ModelWithMetadata):
    slug = models.SlugField(max_length=250, unique=True)
    name = models.CharField(max_length=255)
    type = models.CharField(max_length=50, choices=AttributeType.choices,
                            default=AttributeType.PRODUCT_TYPE)
    input_type = models.CharField(max_length=50, choices=AttributeInputType.choices,
                                  default=AttributeInputType.DROPDOWN)
    entity_type = models.CharField(max_length=50, choices=AttributeEntityType.choices,
                                   blank=True)
    unit = models.CharField(max_length=100, choices=MeasurementUnit.choices, blank=True)
    value_required = models.BooleanField(default=False)
    visible_in_storefront = models.BooleanField(default=True)
    filterable_in_storefront = models.BooleanField(default=True)
    filterable_in_dashboard = models.BooleanField(default=True)
    available_in_grid = models.BooleanField(default=True)
    storefront_search_position = models.IntegerField(default=0)
    external_reference = models.CharField(max_length=250, unique=True, null=True, blank=True)

    class Meta:
        ordering = ["storefront_search_position", "slug"]

    def __str__(self) -> str:
        return self.name

    @property
    def has_choices(self) -> bool:
        return self.input_type in CHOICE_INPUT_TYPES


class AttributeTranslation(models.Model):
    attribute = models.ForeignKey(Attribute, on_delete=models.CASCADE,
                                  related_name="translations")
    language_code = models.CharField(max_length=8)
    name = models.CharField(max_length=255)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["attribute", "language_code"],
                                               name="unique_attribute_translation")]


class AttributeValue(TranslatableMixin, models.Model):
    attribute = models.ForeignKey(Attribute, on_delete=models.CASCADE, related_name="values")
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, allow_unicode=True)
    # Swatch colour (hex) or free value, as Saleor's ``value``.
    value = models.CharField(max_length=255, blank=True)
    plain_text = models.TextField(blank=True, null=True)
    rich_text = models.JSONField(blank=True, null=True)
    boolean = models.BooleanField(blank=True, null=True)
    date_time = models.DateTimeField(blank=True, null=True)
    file_url = models.URLField(max_length=500, blank=True, null=True)
    content_type = models.CharField(max_length=50, blank=True, null=True)
    sort_order = models.IntegerField(default=0, db_index=True)
    external_reference = models.CharField(max_length=250, unique=True, null=True, blank=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["slug", "attribute"],
                                               name="unique_attribute_value_slug")]

    def __str__(self) -> str:
        return self.name


class AttributeValueTranslation(models.Model):
    attribute_value = models.ForeignKey(AttributeValue, on_delete=models.CASCADE,
                                        related_name="translations")
    language_code = models.CharField(max_length=8)
    name = models.CharField(max_length=250, blank=True)
    plain_text = models.TextField(blank=True, null=True)
    rich_text = models.JSONField(blank=True, null=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["attribute_value", "language_code"],
                                               name="unique_attribute_value_translation")]


class AttributeProduct(models.Model):
    """An attribute that products of a product type carry, at its place in the type's order."""

    attribute = models.ForeignKey(Attribute, on_delete=models.CASCADE,
                                  related_name="attribute_products")
    product_type = models.ForeignKey("catalog.ProductType", on_delete=models.CASCADE,
                                     related_name="attribute_products")
    sort_order = models.IntegerField(default=0, db_index=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["attribute", "product_type"],
                                               name="unique_attribute_product")]


class AttributeVariant(models.Model):
    """An attribute that variants of a product type carry (variant selection: shown as a choice)."""

    attribute = models.ForeignKey(Attribute, on_delete=models.CASCADE,
                                  related_name="attribute_variants")
    product_type = models.ForeignKey("catalog.ProductType", on_delete=models.CASCADE,
                                     related_name="attribute_variants")
    variant_selection = models.BooleanField(default=False)
    sort_order = models.IntegerField(default=0, db_index=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["attribute", "product_type"],
                                               name="unique_attribute_variant")]


class AssignedProductAttributeValue(models.Model):
    product = models.ForeignKey("catalog.Product", on_delete=models.CASCADE,
                                related_name="attribute_values")
    value = models.ForeignKey(AttributeValue, on_delete=models.CASCADE,
                              related_name="product_assignments")
    sort_order = models.IntegerField(default=0, db_index=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["value", "product"],
                                               name="unique_assigned_product_value")]


class AssignedVariantAttributeValue(models.Model):
    variant = models.ForeignKey("catalog.ProductVariant", on_delete=models.CASCADE,
                                related_name="attribute_values")
    value = models.ForeignKey(AttributeValue, on_delete=models.CASCADE,
                              related_name="variant_assignments")
    sort_order = models.IntegerField(default=0, db_index=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["value", "variant"],
                                               name="unique_assigned_variant_value")]
