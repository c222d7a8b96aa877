"""Saleor's attributes in the API: ``Attribute``, ``AttributeValue``, the ``SelectedAttribute``
and ``Assigned*Attribute`` views of a product's or variant's values, and the root queries.

Values are read from prefetched rows (``catalog.selectors.attributes``): the product resolvers
add those prefetches only when the query asks for attributes (:func:`selected_field_names`), so
a listing without attributes costs what it did, and one with them a fixed few queries more.
Shoppers see only attributes visible in the storefront; staff see them all.
"""
from __future__ import annotations

from typing import Any

import graphene
from graphql import GraphQLError
from graphql.language import ast

from backend.graphql.core.connection import (
    CountableConnection,
    connection_args,
    paginate_list,
)
from backend.graphql.core.enums import OrderDirection
from backend.graphql.core.filters import (
    StringFilterInput,
)
from backend.graphql.core.ids import global_ids_to_pks
from backend.graphql.core.selections import selected_fields
from backend.graphql.core.types import (
    ModelObjectType,
    Node,
    NonNullList,
    ObjectWithMetadata,
)
from catalog.models import Attribute as AttributeModel
from catalog.models import AttributeValue as AttributeValueModel
from catalog.selectors.attributes import (
    SelectedValues,
)

from .translations import BaseTranslationType, enum_value, find_translation, translation_argument


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


class AttributeEntityTypeEnum(graphene.Enum):
    PAGE = "Page"
    PRODUCT = "Product"
    PRODUCT_VARIANT = "ProductVariant"
    CATEGORY = "Category"
    COLLECTION = "Collection"


class AttributeTypeEnum(graphene.Enum):
    PRODUCT_TYPE = "product-type"
    PAGE_TYPE = "page-type"


class MeasurementUnitsEnum(graphene.Enum):
    """The units CoopStore uses, with Saleor's names."""

    MM = "mm"
    CM = "cm"
    M = "m"
    KM = "km"
    SQ_M = "sq_m"
    LITER = "l"
    CUBIC_CENTIMETER = "cubic_centimeter"
    G = "g"
    KG = "kg"
    TONNE = "tonne"


class VariantAttributeScope(graphene.Enum):
    ALL = "all"
    VARIANT_SELECTION = "variant_selection"
    NOT_VARIANT_SELECTION = "not_variant_selection"


def is_staff(info: Any) -> bool:
    user = getattr(info.context, "user", None)
    return bool(user and user.is_active and user.is_staff)


# --- which fields a query asks for --------------------------------------------------------

def selected_field_names(info: Any) -> set[str]:
    """Every field name under the current field (fragments followed), to decide prefetches."""
    names: set[str] = set()
    pending = [node.selection_set for node in info.field_nodes]
    while pending:
        for name, nodes in selected_fields([pending.pop()], info.fragments).items():
            names.add(name)
            pending.extend(node.selection_set for node in nodes if node.selection_set)
    return names


PRODUCT_ATTRIBUTE_FIELDS = {"attributes", "assignedAttributes", "assignedAttribute", "attribute"}
VARIANT_FIELDS = {"variants", "productVariants", "defaultVariant", "variant"}
PRODUCT_TYPE_ATTRIBUTE_FIELDS = {"productAttributes", "variantAttributes",
                                 "assignedVariantAttributes"}


def attribute_prefetches_for(info: Any, prefix: str = "") -> list:
    """The attribute prefetches a product query needs for what it selects (maybe none)."""
    from catalog.selectors.attributes import (
        product_attribute_prefetches,
        product_type_attribute_prefetches,
        variant_attribute_prefetches,
    )

    if info is None:
        return []
    names = selected_field_names(info)
    lookups: list = []
    if names & PRODUCT_ATTRIBUTE_FIELDS:
        lookups += product_attribute_prefetches(prefix)
        if names & VARIANT_FIELDS:
            lookups += variant_attribute_prefetches(prefix)
    if names & PRODUCT_TYPE_ATTRIBUTE_FIELDS:
        lookups += product_type_attribute_prefetches(f"{prefix}product_type__")
    unique: dict[str, Any] = {}
    for lookup in lookups:  # the same path twice would be refused by Django
        unique.setdefault(lookup.prefetch_to, lookup)
    return list(unique.values())


# --- types ---------------------------------------------------------------------------------

class File(graphene.ObjectType):
    url = graphene.String(required=True, description="The URL of the file.")
    content_type = graphene.String(description="Content type of the file.")


def value_file(value: AttributeValueModel) -> File | None:
    return File(url=value.file_url, content_type=value.content_type) if value.file_url else None


class AttributeTranslation(BaseTranslationType):
    name = graphene.String(required=True)

    class Meta:
        interfaces = (Node,)
        description = "Represents attribute translations."


class AttributeValueTranslation(BaseTranslationType):
    name = graphene.String(required=True)
    rich_text = graphene.JSONString()
    plain_text = graphene.String()

    class Meta:
        interfaces = (Node,)
        description = "Represents attribute value translations."

    @staticmethod
    def resolve_name(root: Any, _info: Any) -> str:
        return root.name or root.attribute_value.name


class AttributeValue(ModelObjectType):
    name = graphene.String(description="Name of a value displayed in the interface.")
    slug = graphene.String(description="Internal representation of a value (unique per "
                           "attribute).")
    value = graphene.String(description="Represent value of the attribute value (e.g. color "
                            "values for swatch attributes).")
    translation = graphene.Field(AttributeValueTranslation, **translation_argument())
    input_type = AttributeInputTypeEnum(description="The input type to use for entering "
                                        "attribute values in the dashboard.")
    reference = graphene.ID(description="The ID of the referenced object.")
    file = graphene.Field(File, description="Represents file URL and content type (if "
                          "attribute value is a file).")
    rich_text = graphene.JSONString(description="Represents the text of the attribute value, "
                                    "includes formatting.")
    plain_text = graphene.String(description="Represents the text of the attribute value, "
                                 "plain text without formatting.")
    boolean = graphene.Boolean(description="Represents the boolean value of the attribute "
                               "value.")
    date = graphene.Date(description="Represents the date value of the attribute value.")
    date_time = graphene.DateTime(description="Represents the date/time value of the "
                                  "attribute value.")
    external_reference = graphene.String(description="External ID of this attribute value.")

    class Meta:
        interfaces = (Node,)
        description = "Represents a value of an attribute."

    @staticmethod
    def resolve_translation(root: AttributeValueModel, _info: Any, *, language_code: Any
                            ) -> Any:
        return find_translation(root, language_code)

    @staticmethod
    def resolve_input_type(root: AttributeValueModel, _info: Any) -> str | None:
        attribute = root.attribute if "attribute" in root._state.fields_cache else None
        return attribute.input_type if attribute else None

    @staticmethod
    def resolve_reference(_root: AttributeValueModel, _info: Any) -> None:
        return None  # CoopStore has no reference attributes

    @staticmethod
    def resolve_file(root: AttributeValueModel, _info: Any) -> File | None:
        return value_file(root)

    @staticmethod
    def resolve_date(root: AttributeValueModel, _info: Any) -> Any:
        return root.date_time.date() if root.date_time else None

    @staticmethod
    def resolve_value(root: AttributeValueModel, _info: Any) -> str | None:
        return root.value or None


class AttributeValueCountableConnection(CountableConnection):
    class Meta:
        node = AttributeValue


class AttributeChoicesSortField(graphene.Enum):
    NAME = "name"
    SLUG = "slug"


class AttributeChoicesSortingInput(graphene.InputObjectType):
    direction = OrderDirection(required=True, description="Specifies the direction in which "
                               "to sort attribute choices.")
    field = AttributeChoicesSortField(required=True, description="Sort attribute choices by "
                                      "the selected field.")


class AttributeValueFilterInput(graphene.InputObjectType):
    search = graphene.String()
    ids = NonNullList(graphene.ID)
    slugs = NonNullList(graphene.String)


class AttributeValueWhereInput(graphene.InputObjectType):
    ids = NonNullList(graphene.ID)
    name = graphene.InputField(StringFilterInput)
    slug = graphene.InputField(StringFilterInput)
    AND = NonNullList(lambda: AttributeValueWhereInput)
    OR = NonNullList(lambda: AttributeValueWhereInput)


def _text_matches(value: str, condition: dict | None) -> bool:
    condition = condition or {}
    if condition.get("eq") is not None:
        return value == condition["eq"]
    if condition.get("one_of") is not None:
        return value in condition["one_of"]
    return True


def _id_matches(value: AttributeValueModel, ids: list | None) -> bool:
    return ids is None or value.pk in set(global_ids_to_pks(ids, "AttributeValue"))


def _value_where_matches(value: AttributeValueModel, where: dict) -> bool:
    where = {k: v for k, v in (where or {}).items() if v is not None}
    if "AND" in where:
        return all(_value_where_matches(value, part) for part in where["AND"])
    if "OR" in where:
        return any(_value_where_matches(value, part) for part in where["OR"])
    return (_id_matches(value, where.get("ids")) and _text_matches(value.name, where.get("name"))
            and _text_matches(value.slug, where.get("slug")))


def _value_filter_matches(value: AttributeValueModel, data: dict) -> bool:
    data = data or {}
    search = data.get("search")
    if search and search.lower() not in f"{value.name} {value.slug}".lower():
        return False
    if data.get("slugs") is not None and value.slug not in data["slugs"]:
        return False
    return _id_matches(value, data.get("ids"))


class Attribute(ModelObjectType):
    input_type = AttributeInputTypeEnum(description="The input type to use for entering "
                                        "attribute values in the dashboard.")
    entity_type = AttributeEntityTypeEnum(description="The entity type which can be used as "
                                          "a reference.")
    name = graphene.String(required=True, description="Name of an attribute displayed in the "
                           "interface.")
    slug = graphene.String(required=True, description="Internal representation of an "
                           "attribute name.")
    type = AttributeTypeEnum(required=True, description="The attribute type.")
    unit = MeasurementUnitsEnum(description="The unit of attribute values.")
    choices = graphene.Field(
        AttributeValueCountableConnection, sort_by=AttributeChoicesSortingInput(),
        filter=AttributeValueFilterInput(deprecation_reason="Use `where` filter instead."),
        where=AttributeValueWhereInput(description="Where filtering options for attribute "
                                       "choices."),
        search=graphene.String(description="Search attribute choices."), **connection_args(),
        description="A list of predefined attribute choices available for selection.")
    value_required = graphene.Boolean(required=True, description="Whether the attribute "
                                      "requires values to be passed or not.")
    visible_in_storefront = graphene.Boolean(required=True, description="Whether the "
                                             "attribute should be visible or not in storefront.")
    filterable_in_storefront = graphene.Boolean(
        required=True, description="Whether the attribute can be filtered in storefront.",
        deprecation_reason="This flag is not used by Saleor. Keep the logic in the storefront "
        "or use `Attribute` metadata instead.")
    filterable_in_dashboard = graphene.Boolean(
        required=True, description="Whether the attribute can be filtered in dashboard.",
        deprecation_reason="This flag is not used by Saleor. Keep the logic in the dashboard "
        "or use `Attribute` metadata instead.")
    available_in_grid = graphene.Boolean(
        required=True, description="Whether the attribute can be displayed in the admin "
        "product list.", deprecation_reason="This flag is not used by Saleor. Keep the logic "
        "in the storefront or use `Attribute` metadata instead.")
    storefront_search_position = graphene.Int(
        required=True, description="The position of the attribute in the storefront "
        "navigation (0 by default).", deprecation_reason="This flag is not used by Saleor. "
        "Keep the logic in the storefront or use `Attribute` metadata instead.")
    translation = graphene.Field(AttributeTranslation, **translation_argument())
    with_choices = graphene.Boolean(required=True, description="Flag indicating that "
                                    "attribute has predefined choices.")
    external_reference = graphene.String(description="External ID of this attribute.")

    private_metadata_permission = "MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES"

    class Meta:
        interfaces = (Node, ObjectWithMetadata)
        description = "Custom attribute of a product: volume, origin, harvest year, process..."

    @staticmethod
    def resolve_entity_type(root: AttributeModel, _info: Any) -> str | None:
        return root.entity_type or None

    @staticmethod
    def resolve_unit(root: AttributeModel, _info: Any) -> str | None:
        return root.unit or None

    @staticmethod
    def resolve_with_choices(root: AttributeModel, _info: Any) -> bool:
        return root.has_choices

    @staticmethod
    def resolve_translation(root: AttributeModel, _info: Any, *, language_code: Any) -> Any:
        return find_translation(root, language_code)

    @staticmethod
    def resolve_choices(root: AttributeModel, info: Any, **args: Any) -> Any:
        """Choices from the prefetched values (``attribute(...)``/``attributes`` load them)."""
        if not root.has_choices:
            return None
        if args.get("filter") and args.get("where"):
            raise GraphQLError("Only one filtering argument (filter or where) can be "
                               "specified.")
        values = list(root.values.all())
        search = args.get("search")
        if search:
            values = [v for v in values if search.lower() in f"{v.name} {v.slug}".lower()]
        if args.get("filter"):
            values = [v for v in values if _value_filter_matches(v, args["filter"])]
        if args.get("where"):
            values = [v for v in values if _value_where_matches(v, args["where"])]
        sort_by = args.get("sort_by")
        if sort_by:
            field = enum_value(sort_by.field)
            values.sort(key=lambda v: (getattr(v, field), v.pk),
                        reverse=enum_value(sort_by.direction) == "desc")
        for value in values:
            value.attribute = root  # known: no query for ``inputType``
        return paginate_list(values, info, args, connection=AttributeValueCountableConnection)


class AttributeCountableConnection(CountableConnection):
    class Meta:
        node = Attribute


class SelectedAttribute(graphene.ObjectType):
    attribute = graphene.Field(Attribute, required=True, description="Name of an attribute "
                               "displayed in the interface.")
    values = NonNullList(AttributeValue, required=True, description="Values of an attribute.")

    class Meta:
        description = "Represents a custom attribute."

    @staticmethod
    def resolve_values(root: SelectedValues, _info: Any) -> list:
        for value in root.values:
            value.attribute = root.attribute
        return root.values


class AssignedVariantAttribute(graphene.ObjectType):
    attribute = graphene.Field(Attribute, required=True, description="Attribute assigned to "
                               "variant.")
    variant_selection = graphene.Boolean(required=True, description="Determines, whether "
                                         "assigned attribute is allowed for variant selection.")

    class Meta:
        description = "Represents assigned attribute to variant with variant selection "\
                      "attached."


def translated_value_field(value: AttributeValueModel, language_code: Any, field: str) -> Any:
    translation = find_translation(value, language_code)
    result = getattr(translation, field, None) if translation else None
    return result or None


class AssignedAttribute(graphene.Interface):
    attribute = graphene.Field(Attribute, required=True, description="Attribute assigned.")

    @classmethod
    def resolve_type(cls, instance: SelectedValues, _info: Any) -> type:
        from .assigned_attributes import ASSIGNED_TYPE_BY_INPUT, AssignedPlainTextAttribute

        return ASSIGNED_TYPE_BY_INPUT.get(instance.attribute.input_type,
                                          AssignedPlainTextAttribute)




def __getattr__(name: str) -> Any:
    """``ASSIGNED_ATTRIBUTE_TYPES`` (read by the schema) lives with the types it lists."""
    if name == "ASSIGNED_ATTRIBUTE_TYPES":
        from .assigned_attributes import ASSIGNED_ATTRIBUTE_TYPES

        return ASSIGNED_ATTRIBUTE_TYPES
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
