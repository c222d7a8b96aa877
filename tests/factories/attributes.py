"""Factories for attributes and collections: terroir facts and hand-picked product sets."""
from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from django.utils.text import slugify

from catalog.models import (
    AssignedProductAttributeValue,
    AssignedVariantAttributeValue,
    Attribute,
    AttributeProduct,
    AttributeTranslation,
    AttributeValue,
    AttributeValueTranslation,
    AttributeVariant,
    Channel,
    Collection,
    CollectionChannelListing,
    CollectionProduct,
    CollectionTranslation,
    Product,
    ProductType,
    ProductVariant,
)


def make_attribute(slug: str, *, input_type: str = "dropdown", name: str | None = None,
                   values: list[str] = (), product_type: ProductType | None = None,
                   variant_type: ProductType | None = None, variant_selection: bool = False,
                   translations: dict[str, str] | None = None, **fields) -> Attribute:
    """An attribute with choice values (by name) assigned to ``product_type``'s products or to
    ``variant_type``'s variants."""
    attribute = Attribute.objects.create(slug=slug, name=name or slug.title(),
                                         input_type=input_type, **fields)
    for index, value_name in enumerate(values):
        AttributeValue.objects.create(attribute=attribute, name=value_name,
                                      slug=slugify(value_name), sort_order=index)
    for language, translated in (translations or {}).items():
        AttributeTranslation.objects.create(attribute=attribute, language_code=language,
                                            name=translated)
    if product_type is not None:
        AttributeProduct.objects.create(attribute=attribute, product_type=product_type,
                                        sort_order=product_type.attribute_products.count())
    if variant_type is not None:
        AttributeVariant.objects.create(attribute=attribute, product_type=variant_type,
                                        variant_selection=variant_selection,
                                        sort_order=variant_type.attribute_variants.count())
    return attribute


def translate_value(value: AttributeValue, language: str, name: str = "", **fields
                    ) -> AttributeValueTranslation:
    return AttributeValueTranslation.objects.create(attribute_value=value, language_code=language,
                                                    name=name, **fields)


def value_of(attribute: Attribute, slug: str) -> AttributeValue:
    return attribute.values.get(slug=slug)


def assign(product: Product, attribute: Attribute, *slugs: str) -> list[AttributeValue]:
    """Give ``product`` the choice values ``slugs`` of ``attribute``."""
    values = [value_of(attribute, slug) for slug in slugs]
    for index, value in enumerate(values):
        AssignedProductAttributeValue.objects.create(product=product, value=value,
                                                     sort_order=index)
    return values


def assign_own_value(product: Product, attribute: Attribute, **fields) -> AttributeValue:
    """A value of its own for ``product`` (plain text, numeric, boolean, date...), as Saleor
    stores non-choice attributes."""
    fields.setdefault("name", str(fields.get("plain_text") or fields.get("boolean") or ""))
    fields.setdefault("slug", f"{product.pk}_{attribute.pk}")
    value = AttributeValue.objects.create(attribute=attribute, **fields)
    AssignedProductAttributeValue.objects.create(product=product, value=value)
    return value


def assign_variant(variant: ProductVariant, attribute: Attribute, *slugs: str) -> None:
    for index, slug in enumerate(slugs):
        AssignedVariantAttributeValue.objects.create(variant=variant,
                                                     value=value_of(attribute, slug),
                                                     sort_order=index)


def make_collection(slug: str, *, channel: Channel | None = None, published: bool = True,
                    published_at: datetime | None = None, products: list[Product] = (),
                    name: str | None = None, translations: dict[str, str] | None = None,
                    **fields) -> Collection:
    """A collection of ``products`` (in that order), listed in ``channel``."""
    collection = Collection.objects.create(slug=slug, name=name or slug.replace("-", " ").title(),
                                           **fields)
    for index, product in enumerate(products):
        CollectionProduct.objects.create(collection=collection, product=product,
                                         sort_order=index)
    if channel is not None:
        CollectionChannelListing.objects.create(
            collection=collection, channel=channel, is_published=published,
            published_at=published_at if published_at is not None else timezone.now())
    for language, translated in (translations or {}).items():
        CollectionTranslation.objects.create(collection=collection, language_code=language,
                                             name=translated)
    return collection
