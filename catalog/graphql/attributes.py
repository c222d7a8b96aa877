"""Saleor's attribute types, present so Saleor clients' queries validate, and always empty.

CoopStore has no configurable attributes: what a Saleor shop would model as attributes is
structured here (variant name and weight, quality labels, cooperative, region). So
``assignedAttribute`` is null and ``attributes`` / ``assignedAttributes`` are empty lists;
Saleor's storefront renders a product without attributes, which is what it gets.
"""
from __future__ import annotations

from typing import Any

import graphene
from graphql import GraphQLError
from graphql.language import ast

from backend.graphql.core.enums import LanguageCodeEnum
from backend.graphql.core.types import ModelObjectType, Node, NonNullList, ObjectWithMetadata

from .translations import BaseTranslationType, translation_argument


class PositiveInt(graphene.Int):
    """Positive integer scalar implementation: values must be 1 or greater."""

    @staticmethod
    def parse_value(value: Any) -> int:
        number = graphene.Int.parse_value(value)
        if number is None or number < 1:
            raise GraphQLError(f"Expected a positive integer, got: {value!r}.")
        return number

    @staticmethod
    def parse_literal(node: Any, _variables: Any = None) -> int:
        if not isinstance(node, ast.IntValueNode):
            raise GraphQLError("Expected a positive integer.")
        return PositiveInt.parse_value(int(node.value))


class AttributeInputTypeEnum(graphene.Enum):
    DROPDOWN = "dropdown"
    MULTISELECT = "multiselect"
    FILE = "file"
    REFERENCE = "reference"
    SINGLE_REFERENCE = "single-reference"
    NUMERIC = "numeric"
    RICH_TEXT = "rich-text"
    PLAIN_TEXT = "plain-text"
    SWATCH = "swatch"
    BOOLEAN = "boolean"
    DATE = "date"
    DATE_TIME = "date-time"


class VariantAttributeScope(graphene.Enum):
    ALL = "all"
    VARIANT_SELECTION = "variant_selection"
    NOT_VARIANT_SELECTION = "not_variant_selection"


class File(graphene.ObjectType):
    url = graphene.String(required=True, description="The URL of the file.")
    content_type = graphene.String(description="Content type of the file.")


class AttributeTranslation(BaseTranslationType):
    name = graphene.String(required=True)

    class Meta:
        interfaces = (Node,)


class AttributeValueTranslation(BaseTranslationType):
    name = graphene.String(required=True)
    rich_text = graphene.JSONString()
    plain_text = graphene.String()

    class Meta:
        interfaces = (Node,)


class Attribute(ModelObjectType):
    input_type = AttributeInputTypeEnum()
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    value_required = graphene.Boolean(required=True)
    visible_in_storefront = graphene.Boolean(required=True)
    with_choices = graphene.Boolean(required=True)
    translation = graphene.Field(AttributeTranslation, **translation_argument())
    external_reference = graphene.String()

    class Meta:
        interfaces = (Node, ObjectWithMetadata)
        description = "Saleor's custom attribute (none exist in CoopStore)."


class AttributeValue(ModelObjectType):
    name = graphene.String()
    slug = graphene.String()
    value = graphene.String()
    translation = graphene.Field(AttributeValueTranslation, **translation_argument())
    input_type = AttributeInputTypeEnum()
    reference = graphene.ID()
    file = graphene.Field(File)
    rich_text = graphene.JSONString()
    plain_text = graphene.String()
    boolean = graphene.Boolean()
    date = graphene.Date()
    date_time = graphene.DateTime()
    external_reference = graphene.String()

    class Meta:
        interfaces = (Node,)


class SelectedAttribute(graphene.ObjectType):
    attribute = graphene.Field(Attribute, required=True)
    values = NonNullList(AttributeValue, required=True)


class AssignedAttribute(graphene.Interface):
    attribute = graphene.Field(Attribute, required=True)


class AssignedChoiceAttributeValue(graphene.ObjectType):
    name = graphene.String()
    slug = graphene.String()
    translation = graphene.String(language_code=LanguageCodeEnum(required=True))


class AssignedBooleanAttribute(graphene.ObjectType):
    value = graphene.Boolean()

    class Meta:
        interfaces = (AssignedAttribute,)


class AssignedPlainTextAttribute(graphene.ObjectType):
    value = graphene.String()
    translation = graphene.String(language_code=LanguageCodeEnum(required=True))

    class Meta:
        interfaces = (AssignedAttribute,)


class AssignedNumericAttribute(graphene.ObjectType):
    value = graphene.Float()

    class Meta:
        interfaces = (AssignedAttribute,)


class AssignedSingleChoiceAttribute(graphene.ObjectType):
    value = graphene.Field(AssignedChoiceAttributeValue)

    class Meta:
        interfaces = (AssignedAttribute,)


class AssignedMultiChoiceAttribute(graphene.ObjectType):
    value = NonNullList(AssignedChoiceAttributeValue, required=True,
                        limit=PositiveInt(default_value=100))

    class Meta:
        interfaces = (AssignedAttribute,)


ASSIGNED_ATTRIBUTE_TYPES = [AssignedBooleanAttribute, AssignedPlainTextAttribute,
                            AssignedNumericAttribute, AssignedSingleChoiceAttribute,
                            AssignedMultiChoiceAttribute]


def no_attributes(*_args: Any, **_kwargs: Any) -> list:
    return []


def no_attribute(*_args: Any, **_kwargs: Any) -> None:
    return None


class WithAttributes(graphene.ObjectType):
    """Saleor's attribute fields of products and variants, resolved empty."""

    assigned_attribute = graphene.Field(AssignedAttribute, slug=graphene.String(required=True),
                                        resolver=no_attribute)
    assigned_attributes = NonNullList(AssignedAttribute, required=True,
                                      limit=PositiveInt(default_value=100),
                                      resolver=no_attributes)

    class Meta:
        abstract = True
