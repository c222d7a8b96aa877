"""Reads of attributes: what a product or variant carries, in its product type's order.

The rows come from prefetches (``product_attribute_prefetches``), so listing the attributes of
100 products costs the same few queries as for 10. Without the prefetch the same functions
still answer correctly, with a query per product.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.db.models import (
    Case,
    FloatField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    When,
)
from django.db.models.functions import Cast

from ..models import (
    AssignedProductAttributeValue,
    AssignedVariantAttributeValue,
    Attribute,
    AttributeProduct,
    AttributeValue,
    AttributeVariant,
    Product,
    ProductVariant,
)
from ..models.attributes import CHOICE_INPUT_TYPES

NUMBER_PATTERN = r"^-?[0-9]+(\.[0-9]+)?$"


@dataclass(frozen=True)
class SelectedValues:
    """One attribute of a product or variant and the values it holds there (maybe none)."""

    attribute: Attribute
    values: list[AttributeValue]
    variant_selection: bool = False


def product_attribute_prefetches(prefix: str = "") -> list:
    """Prefetch lookups for the attributes of products (4 queries), under ``prefix``."""
    assigned = AssignedProductAttributeValue.objects.select_related("value").prefetch_related(
        "value__translations")
    types = AttributeProduct.objects.select_related("attribute").prefetch_related(
        "attribute__translations")
    return [Prefetch(f"{prefix}attribute_values", queryset=assigned),
            Prefetch(f"{prefix}product_type__attribute_products", queryset=types)]


def variant_attribute_prefetches(prefix: str = "") -> list:
    """Prefetch lookups for the attributes of the variants of products (4 queries)."""
    assigned = AssignedVariantAttributeValue.objects.select_related("value").prefetch_related(
        "value__translations")
    types = AttributeVariant.objects.select_related("attribute").prefetch_related(
        "attribute__translations")
    return [Prefetch(f"{prefix}variants__attribute_values", queryset=assigned),
            Prefetch(f"{prefix}product_type__attribute_variants", queryset=types)]


def product_type_attribute_prefetches(prefix: str = "") -> list:
    """Prefetch lookups for a product type's own attribute lists (4 queries)."""
    products = AttributeProduct.objects.select_related("attribute").prefetch_related(
        "attribute__translations")
    variants = AttributeVariant.objects.select_related("attribute").prefetch_related(
        "attribute__translations")
    return [Prefetch(f"{prefix}attribute_products", queryset=products),
            Prefetch(f"{prefix}attribute_variants", queryset=variants)]


def _grouped(assignments: list) -> dict[int, list[AttributeValue]]:
    grouped: dict[int, list[AttributeValue]] = {}
    for assignment in assignments:
        grouped.setdefault(assignment.value.attribute_id, []).append(assignment.value)
    for values in grouped.values():
        values.sort(key=lambda v: (v.sort_order, v.pk))
    return grouped


def product_selected_attributes(product: Product, *, storefront: bool = True
                                ) -> list[SelectedValues]:
    """The product type's product attributes with the product's values, in the type's order;
    ``storefront`` keeps only those visible in the storefront."""
    values = _grouped(list(product.attribute_values.all()))
    return [SelectedValues(attribute=link.attribute, values=values.get(link.attribute_id, []))
            for link in product.product_type.attribute_products.all()
            if not storefront or link.attribute.visible_in_storefront]


def variant_selected_attributes(variant: ProductVariant, product: Product, *,
                                storefront: bool = True, selection: str | None = None
                                ) -> list[SelectedValues]:
    """The product type's variant attributes with the variant's values.

    ``selection`` is Saleor's VariantAttributeScope: ``variant_selection`` keeps the attributes
    a shopper chooses a variant by, ``not_variant_selection`` the others, ``all`` or None all.
    """
    values = _grouped(list(variant.attribute_values.all()))
    selected = []
    for link in product.product_type.attribute_variants.all():
        if storefront and not link.attribute.visible_in_storefront:
            continue
        if selection == "variant_selection" and not link.variant_selection:
            continue
        if selection == "not_variant_selection" and link.variant_selection:
            continue
        selected.append(SelectedValues(attribute=link.attribute,
                                       values=values.get(link.attribute_id, []),
                                       variant_selection=link.variant_selection))
    return selected


def attributes_visible(*, storefront: bool = True) -> QuerySet[Attribute]:
    queryset = Attribute.objects.prefetch_related(
        "translations", Prefetch("values", queryset=AttributeValue.objects.prefetch_related(
            "translations")))
    return queryset.filter(visible_in_storefront=True) if storefront else queryset


def numeric_value() -> Case:
    """The number held in a numeric value's name (null when the name is not a number)."""
    return Case(When(name__regex=NUMBER_PATTERN, then=Cast("name", FloatField())),
                default=None, output_field=FloatField())


def products_with_values_q(values: QuerySet[AttributeValue]) -> Q:
    """Products holding one of ``values`` themselves or on one of their variants.

    One ``IN (... UNION ...)`` rather than ``EXISTS OR EXISTS``: PostgreSQL can then start from
    the few products holding the value (indexed) instead of testing every listed product.
    """
    own = (AssignedProductAttributeValue.objects.filter(value__in=values)
           .order_by().values("product_id"))
    of_variants = (AssignedVariantAttributeValue.objects.filter(value__in=values)
                   .order_by().values("variant__product_id"))
    return Q(pk__in=own.union(of_variants))


def products_with_value_slugs_q(attribute_slug: str, value_slugs: list[str]) -> Q:
    """Products holding any of the values ``value_slugs`` of the attribute ``attribute_slug``."""
    values = AttributeValue.objects.filter(attribute__slug=attribute_slug,
                                           slug__in=value_slugs)
    return products_with_values_q(values)


def product_attributes_for_page(product: Product) -> list[SelectedValues]:
    """The product's storefront-visible attributes that hold values, in its type's order, with
    their translations (3 queries): what the product page lists."""
    position = Subquery(AttributeProduct.objects.filter(
        product_type_id=product.product_type_id,
        attribute_id=OuterRef("value__attribute_id")).values("sort_order")[:1])
    assignments = (AssignedProductAttributeValue.objects
                   .filter(product=product, value__attribute__visible_in_storefront=True)
                   .annotate(position=position).filter(position__isnull=False)
                   .select_related("value__attribute")
                   .prefetch_related("value__translations", "value__attribute__translations")
                   .order_by("position", "value__attribute_id", "sort_order", "pk"))
    selected: list[SelectedValues] = []
    for assignment in assignments:
        attribute = assignment.value.attribute
        if not selected or selected[-1].attribute.pk != attribute.pk:
            selected.append(SelectedValues(attribute=attribute, values=[]))
        selected[-1].values.append(assignment.value)
    return selected


@dataclass(frozen=True)
class AttributeFacet:
    """A filter the listing offers: an attribute and its choices."""

    attribute: Attribute
    values: list[AttributeValue]


def attribute_facets() -> list[AttributeFacet]:
    """Choice attributes shoppers may filter by, with their values (4 queries)."""
    attributes = (Attribute.objects.filter(
        visible_in_storefront=True, filterable_in_storefront=True,
        input_type__in=CHOICE_INPUT_TYPES)
        .prefetch_related("translations", Prefetch(
            "values", queryset=AttributeValue.objects.prefetch_related("translations")))
        .order_by("storefront_search_position", "slug"))
    return [AttributeFacet(attribute=a, values=list(a.values.all())) for a in attributes
            if a.values.all()]


__all__ = [
    "AttributeFacet",
    "attribute_facets",
    "product_attributes_for_page",
    "SelectedValues",
    "product_attribute_prefetches",
    "variant_attribute_prefetches",
    "product_type_attribute_prefetches",
    "product_selected_attributes",
    "variant_selected_attributes",
    "attributes_visible",
    "numeric_value",
    "products_with_values_q",
    "products_with_value_slugs_q",
]
