"""Saleor's ``Assigned*Attribute`` types (one per input type), the attribute fields of
``Product``, ``ProductVariant`` and ``ProductType``, and their resolvers over prefetched rows."""
from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.enums import LanguageCodeEnum
from backend.graphql.core.types import ChannelContext, NonNullList
from catalog.models import Attribute as AttributeModel
from catalog.models import AttributeValue as AttributeValueModel
from catalog.models import ProductVariant as ProductVariantModel
from catalog.models.attributes import AttributeInputType
from catalog.selectors.attributes import (
    SelectedValues,
    product_selected_attributes,
    variant_selected_attributes,
)

from .attributes import (
    AssignedAttribute,
    AssignedVariantAttribute,
    Attribute,
    File,
    PositiveInt,
    VariantAttributeScope,
    is_staff,
    translated_value_field,
    value_file,
)
from .translations import enum_value

# --- Saleor's Assigned*Attribute types ------------------------------------------------------

class AssignedChoiceAttributeValue(graphene.ObjectType):
    name = graphene.String(description="Name of a value.")
    slug = graphene.String(description="Slug of a value.")
    translation = graphene.String(language_code=LanguageCodeEnum(required=True),
                                  description="Translation of the name.")

    @staticmethod
    def resolve_translation(root: AttributeValueModel, _info: Any, *, language_code: Any
                            ) -> str | None:
        return translated_value_field(root, language_code, "name")


class AssignedSwatchAttributeValue(graphene.ObjectType):
    name = graphene.String(description="Name of the selected swatch value.")
    slug = graphene.String(description="Slug of the selected swatch value.")
    hex_color = graphene.String(description="Hex color code.")
    file = graphene.Field(File, description="File associated with the attribute.")
    translation = graphene.String(language_code=LanguageCodeEnum(required=True),
                                  description="Translation of the name.")

    @staticmethod
    def resolve_hex_color(root: AttributeValueModel, _info: Any) -> str | None:
        return root.value or None

    @staticmethod
    def resolve_file(root: AttributeValueModel, _info: Any) -> File | None:
        return value_file(root)

    resolve_translation = AssignedChoiceAttributeValue.resolve_translation


def _first(root: SelectedValues) -> AttributeValueModel | None:
    return root.values[0] if root.values else None


class AssignedBooleanAttribute(graphene.ObjectType):
    value = graphene.Boolean(description="The assigned boolean value.")

    class Meta:
        interfaces = (AssignedAttribute,)
        description = "Represents boolean attribute."

    @staticmethod
    def resolve_value(root: SelectedValues, _info: Any) -> bool | None:
        first = _first(root)
        return first.boolean if first else None


class AssignedPlainTextAttribute(graphene.ObjectType):
    value = graphene.String(description="The assigned plain text value.")
    translation = graphene.String(language_code=LanguageCodeEnum(required=True),
                                  description="Translation of the plain text content.")

    class Meta:
        interfaces = (AssignedAttribute,)
        description = "Represents plain text attribute."

    @staticmethod
    def resolve_value(root: SelectedValues, _info: Any) -> str | None:
        first = _first(root)
        return (first.plain_text or None) if first else None

    @staticmethod
    def resolve_translation(root: SelectedValues, _info: Any, *, language_code: Any
                            ) -> str | None:
        first = _first(root)
        return translated_value_field(first, language_code, "plain_text") if first else None


class AssignedTextAttribute(graphene.ObjectType):
    value = graphene.Field("backend.graphql.core.scalars.JSON",
                           description="The assigned rich text content.")
    translation = graphene.Field("backend.graphql.core.scalars.JSON",
                                 language_code=LanguageCodeEnum(required=True),
                                 description="Translation of the rich text content.")

    class Meta:
        interfaces = (AssignedAttribute,)
        description = "Represents text attribute."

    @staticmethod
    def resolve_value(root: SelectedValues, _info: Any) -> Any:
        first = _first(root)
        return (first.rich_text or None) if first else None

    @staticmethod
    def resolve_translation(root: SelectedValues, _info: Any, *, language_code: Any) -> Any:
        first = _first(root)
        return translated_value_field(first, language_code, "rich_text") if first else None


class AssignedNumericAttribute(graphene.ObjectType):
    value = graphene.Float(description="The assigned numeric value.")

    class Meta:
        interfaces = (AssignedAttribute,)
        description = "Represents numeric attribute."

    @staticmethod
    def resolve_value(root: SelectedValues, _info: Any) -> float | None:
        first = _first(root)
        try:
            return float(first.name) if first else None
        except ValueError:
            return None


class AssignedSingleChoiceAttribute(graphene.ObjectType):
    value = graphene.Field(AssignedChoiceAttributeValue, description="The assigned choice "
                           "value.")

    class Meta:
        interfaces = (AssignedAttribute,)
        description = "Represents single choice attribute."

    @staticmethod
    def resolve_value(root: SelectedValues, _info: Any) -> AttributeValueModel | None:
        return _first(root)


class AssignedMultiChoiceAttribute(graphene.ObjectType):
    value = NonNullList(AssignedChoiceAttributeValue, required=True,
                        limit=PositiveInt(default_value=100, description="Maximum number of "
                                          "objects to return. Value must be greater than 0. "
                                          "Default is 100."),
                        description="List of assigned choice values.")

    class Meta:
        interfaces = (AssignedAttribute,)
        description = "Represents multi choice attribute."

    @staticmethod
    def resolve_value(root: SelectedValues, _info: Any, *, limit: int = 100) -> list:
        return root.values[:limit]


class AssignedSwatchAttribute(graphene.ObjectType):
    value = graphene.Field(AssignedSwatchAttributeValue, description="The assigned swatch "
                           "value.")

    class Meta:
        interfaces = (AssignedAttribute,)
        description = "Represents single choice attribute."

    @staticmethod
    def resolve_value(root: SelectedValues, _info: Any) -> AttributeValueModel | None:
        return _first(root)


class AssignedFileAttribute(graphene.ObjectType):
    value = graphene.Field(File, description="The assigned file.")

    class Meta:
        interfaces = (AssignedAttribute,)
        description = "Represents file attribute."

    @staticmethod
    def resolve_value(root: SelectedValues, _info: Any) -> File | None:
        first = _first(root)
        return value_file(first) if first else None


class AssignedDateAttribute(graphene.ObjectType):
    value = graphene.Date(description="The assigned date value.")

    class Meta:
        interfaces = (AssignedAttribute,)
        description = "Represents date attribute."

    @staticmethod
    def resolve_value(root: SelectedValues, _info: Any) -> Any:
        first = _first(root)
        return first.date_time.date() if first and first.date_time else None


class AssignedDateTimeAttribute(graphene.ObjectType):
    value = graphene.DateTime(description="The assigned date time value.")

    class Meta:
        interfaces = (AssignedAttribute,)
        description = "Represents date time attribute."

    @staticmethod
    def resolve_value(root: SelectedValues, _info: Any) -> Any:
        first = _first(root)
        return first.date_time if first else None


ASSIGNED_TYPE_BY_INPUT: dict[str, type] = {
    AttributeInputType.DROPDOWN: AssignedSingleChoiceAttribute,
    AttributeInputType.MULTISELECT: AssignedMultiChoiceAttribute,
    AttributeInputType.SWATCH: AssignedSwatchAttribute,
    AttributeInputType.PLAIN_TEXT: AssignedPlainTextAttribute,
    AttributeInputType.RICH_TEXT: AssignedTextAttribute,
    AttributeInputType.NUMERIC: AssignedNumericAttribute,
    AttributeInputType.BOOLEAN: AssignedBooleanAttribute,
    AttributeInputType.FILE: AssignedFileAttribute,
    AttributeInputType.DATE: AssignedDateAttribute,
    AttributeInputType.DATE_TIME: AssignedDateTimeAttribute,
}
ASSIGNED_ATTRIBUTE_TYPES = list(dict.fromkeys(ASSIGNED_TYPE_BY_INPUT.values()))
# CoopStore builds no reference attributes: they are left out of the assigned lists.
REFERENCE_INPUT_TYPES = {AttributeInputType.REFERENCE, AttributeInputType.SINGLE_REFERENCE}


# --- resolvers used by Product and ProductVariant -------------------------------------------

def _selected(root: ChannelContext, info: Any, *, selection: str | None = None
              ) -> list[SelectedValues]:
    node = root.node
    storefront = not is_staff(info)
    if isinstance(node, ProductVariantModel):
        return variant_selected_attributes(node, node.product, storefront=storefront,
                                           selection=selection)
    return product_selected_attributes(node, storefront=storefront)


def _assignable(selected: list[SelectedValues]) -> list[SelectedValues]:
    return [s for s in selected if s.attribute.input_type not in REFERENCE_INPUT_TYPES]


def resolve_selected_attributes(root: ChannelContext, info: Any,
                                variant_selection: Any = None) -> list[SelectedValues]:
    """``Product.attributes`` / ``ProductVariant.attributes(variantSelection)``."""
    return _selected(root, info, selection=enum_value(variant_selection))


def resolve_selected_attribute(root: ChannelContext, info: Any, *, slug: str
                               ) -> SelectedValues | None:
    """``Product.attribute(slug)``."""
    return next((s for s in _selected(root, info) if s.attribute.slug == slug), None)


def resolve_assigned_attributes(root: ChannelContext, info: Any, *, limit: int = 100
                                ) -> list[SelectedValues]:
    return _assignable(_selected(root, info))[:limit]


def resolve_assigned_attribute(root: ChannelContext, info: Any, *, slug: str
                               ) -> SelectedValues | None:
    return next((s for s in _assignable(_selected(root, info)) if s.attribute.slug == slug),
                None)


def no_attributes(*_args: Any, **_kwargs: Any) -> list:
    return []


def no_attribute(*_args: Any, **_kwargs: Any) -> None:
    return None


class WithAttributes(graphene.ObjectType):
    """Saleor's attribute fields of products and variants."""

    assigned_attribute = graphene.Field(
        AssignedAttribute, slug=graphene.String(required=True, description="Slug of the "
                                                "attribute"),
        resolver=resolve_assigned_attribute, description="Get a single attribute attached "
        "to product by attribute slug.")
    assigned_attributes = NonNullList(
        AssignedAttribute, required=True,
        limit=PositiveInt(default_value=100, description="Maximum number of objects to "
                          "return. Value must be greater than 0. Default is 100."),
        resolver=resolve_assigned_attributes, description="List of attributes assigned to "
        "this product.")

    class Meta:
        abstract = True


# --- product types --------------------------------------------------------------------------

def product_type_attributes(product_type: Any, info: Any) -> list[AttributeModel]:
    storefront = not is_staff(info)
    return [link.attribute for link in product_type.attribute_products.all()
            if not storefront or link.attribute.visible_in_storefront]


def product_type_variant_links(product_type: Any, info: Any, selection: Any) -> list:
    storefront = not is_staff(info)
    selection = enum_value(selection)
    links = []
    for link in product_type.attribute_variants.all():
        if storefront and not link.attribute.visible_in_storefront:
            continue
        if selection == "variant_selection" and not link.variant_selection:
            continue
        if selection == "not_variant_selection" and link.variant_selection:
            continue
        links.append(link)
    return links


class ProductTypeAttributeFields(graphene.ObjectType):
    """The attribute fields of Saleor's ``ProductType`` (mixed into it)."""

    product_attributes = NonNullList(Attribute, description="Product attributes of that "
                                     "product type.")
    variant_attributes = NonNullList(
        Attribute, variant_selection=VariantAttributeScope(description="Define scope of "
                                                           "returned attributes."),
        description="Variant attributes of that product type.",
        deprecation_reason="Use `assignedVariantAttributes` instead.")
    assigned_variant_attributes = NonNullList(
        AssignedVariantAttribute, variant_selection=VariantAttributeScope(
            description="Define scope of returned attributes."),
        description="Variant attributes of that product type with attached variant "
        "selection.")

    class Meta:
        abstract = True

    @staticmethod
    def resolve_product_attributes(root: Any, info: Any) -> list:
        return product_type_attributes(root, info)

    @staticmethod
    def resolve_variant_attributes(root: Any, info: Any, *, variant_selection: Any = None
                                   ) -> list:
        return [link.attribute for link in product_type_variant_links(root, info,
                                                                      variant_selection)]

    @staticmethod
    def resolve_assigned_variant_attributes(root: Any, info: Any, *,
                                            variant_selection: Any = None) -> list:
        return [AssignedVariantAttribute(attribute=link.attribute,
                                         variant_selection=link.variant_selection)
                for link in product_type_variant_links(root, info, variant_selection)]


