"""The ``attribute`` and ``attributes`` root queries, their filter and sort inputs, and
Saleor's ``attributes`` filter of products (``AttributeInput``)."""
from __future__ import annotations

from typing import Any

import graphene
from django.db.models import Exists, OuterRef, Q, QuerySet
from graphql import GraphQLError

from backend.graphql.core.connection import SortSpec, connection_args, paginate_queryset
from backend.graphql.core.enums import OrderDirection
from backend.graphql.core.filters import (
    NOTHING,
    DateTimeRangeInput,
    DecimalFilterInput,
    MetadataFilter,
    StringFilterInput,
    ids_q,
    metadata_q,
    range_q,
    value_q,
    where_q,
)
from backend.graphql.core.ids import from_global_id_or_error
from backend.graphql.core.types import NonNullList
from backend.graphql.core.validators import is_clean_text, validate_one_of_args_is_in_query
from catalog.models import Attribute as AttributeModel
from catalog.models import AttributeValue as AttributeValueModel
from catalog.models import Product as ProductModel
from catalog.models.attributes import AttributeInputType
from catalog.selectors.attributes import attributes_visible, numeric_value, products_with_values_q

from .attributes import (
    Attribute,
    AttributeCountableConnection,
    AttributeEntityTypeEnum,
    AttributeInputTypeEnum,
    AttributeTypeEnum,
    MeasurementUnitsEnum,
    is_staff,
)
from .translations import enum_value

# --- filter inputs: attributes, and products by attribute values ----------------------------

class IntRangeInput(graphene.InputObjectType):
    gte = graphene.Int(description="Value greater than or equal to.")
    lte = graphene.Int(description="Value less than or equal to.")


class DateRangeInput(graphene.InputObjectType):
    gte = graphene.Date(description="Start date.")
    lte = graphene.Date(description="End date.")


class AssignedAttributeValueInput(graphene.InputObjectType):
    slug = graphene.InputField(StringFilterInput, description="Filter by slug assigned to "
                               "AttributeValue.")
    name = graphene.InputField(StringFilterInput, description="Filter by name assigned to "
                               "AttributeValue.")
    numeric = graphene.InputField(DecimalFilterInput, description="Filter by numeric value "
                                  "for attributes of numeric type.")
    date = graphene.InputField(DateRangeInput, description="Filter by date value for "
                               "attributes of date type.")
    date_time = graphene.InputField(DateTimeRangeInput, description="Filter by date time "
                                    "value for attributes of date time type.")
    boolean = graphene.Boolean(description="Filter by boolean value for attributes of "
                               "boolean type.")


class AttributeInput(graphene.InputObjectType):
    slug = graphene.String(description="Internal representation of an attribute name.")
    value = graphene.InputField(AssignedAttributeValueInput, description="Filter by value of "
                                "the attribute. Only one value input field is allowed.")
    values = NonNullList(graphene.String, description="Slugs of the attribute values.",
                         deprecation_reason="Use `value` instead.")
    values_range = graphene.InputField(IntRangeInput, description="The range that the "
                                       "returned values should be in.",
                                       deprecation_reason="Use `value` instead.")
    date_time = graphene.InputField(DateTimeRangeInput, description="The date time range "
                                    "that the returned values should be in.",
                                    deprecation_reason="Use `value` instead.")
    date = graphene.InputField(DateRangeInput, description="The date range that the "
                               "returned values should be in.",
                               deprecation_reason="Use `value` instead.")
    boolean = graphene.Boolean(description="The boolean value of the attribute.",
                               deprecation_reason="Use `value` instead.")


def _texts(values: list | None) -> list[str]:
    return [v for v in values or [] if is_clean_text(v)]


def _string_q(field: str, condition: dict | None) -> Q:
    condition = dict(condition or {})
    if condition.get("eq") is not None:
        return Q(**{field: condition["eq"]}) if is_clean_text(condition["eq"]) else NOTHING
    if condition.get("one_of") is not None:
        return Q(**{f"{field}__in": _texts(condition["one_of"])})
    return Q()


def _values_for(data: dict) -> QuerySet[AttributeValueModel] | None:
    """The attribute values one ``AttributeInput`` selects; None when it selects nothing."""
    values = AttributeValueModel.objects.all()
    slug = data.get("slug")
    if slug is not None:
        if not is_clean_text(slug):
            return None
        values = values.filter(attribute__slug=slug)
    value = data.get("value") or {}
    q = _string_q("slug", value.get("slug")) & _string_q("name", value.get("name"))
    if data.get("values") is not None:
        q &= Q(slug__in=_texts(data["values"]))
    numeric = value.get("numeric")
    ranges = data.get("values_range")
    if numeric or ranges:
        values = values.filter(attribute__input_type=AttributeInputType.NUMERIC).annotate(
            number=numeric_value())
        q &= value_q("number", {k: (float(v) if k != "range" and v is not None and k == "eq"
                                    else v) for k, v in (numeric or {}).items()})
        q &= range_q("number", ranges)
    if value.get("boolean") is not None or data.get("boolean") is not None:
        wanted = value.get("boolean") if value.get("boolean") is not None else data["boolean"]
        q &= Q(boolean=wanted)
    for key in ("date",):
        date_range = value.get(key) or data.get(key)
        if date_range:
            q &= range_q("date_time__date", date_range)
    date_time_range = value.get("date_time") or data.get("date_time")
    if date_time_range:
        q &= range_q("date_time", date_time_range)
    return values.filter(q)


def products_attributes_q(inputs: list | None) -> Q:
    """Saleor's ``attributes`` product filter: every input must match (AND); within one input
    any of its values (OR); a product matches through its own values or a variant's."""
    q = Q()
    for data in inputs or []:
        data = data or {}
        if not any(data.get(k) is not None for k in ("slug", "value", "values", "values_range",
                                                      "date_time", "date", "boolean")):
            continue
        values = _values_for(data)
        q &= NOTHING if values is None else products_with_values_q(values)
    return q


class AttributeInputTypeEnumFilterInput(graphene.InputObjectType):
    eq = AttributeInputTypeEnum()
    one_of = NonNullList(AttributeInputTypeEnum)


class AttributeEntityTypeEnumFilterInput(graphene.InputObjectType):
    eq = AttributeEntityTypeEnum()
    one_of = NonNullList(AttributeEntityTypeEnum)


class AttributeTypeEnumFilterInput(graphene.InputObjectType):
    eq = AttributeTypeEnum()
    one_of = NonNullList(AttributeTypeEnum)


class MeasurementUnitsEnumFilterInput(graphene.InputObjectType):
    eq = MeasurementUnitsEnum()
    one_of = NonNullList(MeasurementUnitsEnum)


UNUSED_FLAG = "This flag is not used by Saleor. Keep the logic in the storefront or use "\
              "`Attribute` metadata instead."
UNUSED_DASHBOARD_FLAG = "This flag is not used by Saleor. Keep the logic in the dashboard or "\
                        "use `Attribute` metadata instead."


class AttributeFilterInput(graphene.InputObjectType):
    value_required = graphene.Boolean()
    is_variant_only = graphene.Boolean()
    visible_in_storefront = graphene.Boolean()
    metadata = NonNullList(MetadataFilter)
    search = graphene.String()
    ids = NonNullList(graphene.ID)
    type = AttributeTypeEnum()
    in_collection = graphene.ID()
    in_category = graphene.ID()
    slugs = NonNullList(graphene.String)
    filterable_in_storefront = graphene.Boolean(deprecation_reason=UNUSED_FLAG)
    available_in_grid = graphene.Boolean(deprecation_reason=UNUSED_FLAG)
    filterable_in_dashboard = graphene.Boolean(deprecation_reason=UNUSED_DASHBOARD_FLAG)
    channel = graphene.String(deprecation_reason="Use root-level channel argument instead.")


class AttributeWhereInput(graphene.InputObjectType):
    metadata = NonNullList(MetadataFilter)
    ids = NonNullList(graphene.ID)
    name = graphene.InputField(StringFilterInput)
    slug = graphene.InputField(StringFilterInput)
    with_choices = graphene.Boolean()
    input_type = graphene.InputField(AttributeInputTypeEnumFilterInput)
    entity_type = graphene.InputField(AttributeEntityTypeEnumFilterInput)
    type = graphene.InputField(AttributeTypeEnumFilterInput)
    unit = graphene.InputField(MeasurementUnitsEnumFilterInput)
    in_collection = graphene.ID()
    in_category = graphene.ID()
    value_required = graphene.Boolean()
    visible_in_storefront = graphene.Boolean()
    filterable_in_dashboard = graphene.Boolean(deprecation_reason=UNUSED_DASHBOARD_FLAG)
    AND = NonNullList(lambda: AttributeWhereInput)
    OR = NonNullList(lambda: AttributeWhereInput)


class AttributeSortField(graphene.Enum):
    NAME = "name"
    SLUG = "slug"
    VALUE_REQUIRED = "value_required"
    IS_VARIANT_ONLY = "is_variant_only"
    VISIBLE_IN_STOREFRONT = "visible_in_storefront"
    FILTERABLE_IN_STOREFRONT = "filterable_in_storefront"
    FILTERABLE_IN_DASHBOARD = "filterable_in_dashboard"
    STOREFRONT_SEARCH_POSITION = "storefront_search_position"
    AVAILABLE_IN_GRID = "available_in_grid"

    @property
    def deprecation_reason(self) -> str | None:
        if self.name == "FILTERABLE_IN_DASHBOARD":
            return UNUSED_DASHBOARD_FLAG
        if self.name in {"FILTERABLE_IN_STOREFRONT", "STOREFRONT_SEARCH_POSITION",
                         "AVAILABLE_IN_GRID"}:
            return UNUSED_FLAG
        return None


class AttributeSortingInput(graphene.InputObjectType):
    direction = OrderDirection(required=True, description="Specifies the direction in which "
                               "to sort attributes.")
    field = AttributeSortField(required=True, description="Sort attributes by the selected "
                               "field.")


def _enum_q(field: str, condition: dict | None) -> Q:
    condition = condition or {}
    if condition.get("eq") is not None:
        return Q(**{field: enum_value(condition["eq"])})
    if condition.get("one_of") is not None:
        return Q(**{f"{field}__in": [enum_value(v) for v in condition["one_of"]]})
    return Q()


def _used_by_products_q(products: QuerySet[ProductModel]) -> Q:
    """Attributes of the product types of ``products`` (product or variant attributes)."""
    from catalog.models import AttributeProduct, AttributeVariant

    types = products.values("product_type_id")
    return (Q(Exists(AttributeProduct.objects.filter(attribute=OuterRef("pk"),
                                                     product_type_id__in=types)))
            | Q(Exists(AttributeVariant.objects.filter(attribute=OuterRef("pk"),
                                                       product_type_id__in=types))))


def _in_category_q(global_id: str) -> Q:
    from catalog.models import Category

    _, pk = from_global_id_or_error(global_id, "Category")
    category = Category.objects.filter(pk=pk).first()
    if category is None:
        return NOTHING
    return _used_by_products_q(ProductModel.objects.filter(
        category__tree_id=category.tree_id, category__lft__gte=category.lft,
        category__rght__lte=category.rght))


def _in_collection_q(global_id: str) -> Q:
    _, pk = from_global_id_or_error(global_id, "Collection")
    return _used_by_products_q(ProductModel.objects.filter(collection_products__collection_id=pk))


def _boolean_q(field: str, value: bool | None) -> Q:
    return Q() if value is None else Q(**{field: value})


def _attribute_common_q(data: dict) -> Q:
    q = metadata_q(data.get("metadata")) & ids_q(data.get("ids"), "Attribute")
    q &= _boolean_q("value_required", data.get("value_required"))
    q &= _boolean_q("visible_in_storefront", data.get("visible_in_storefront"))
    q &= _boolean_q("filterable_in_dashboard", data.get("filterable_in_dashboard"))
    if data.get("in_category"):
        q &= _in_category_q(data["in_category"])
    if data.get("in_collection"):
        q &= _in_collection_q(data["in_collection"])
    return q


def attribute_filter_q(data: dict | None) -> Q:
    data = data or {}
    q = _attribute_common_q(data)
    q &= _boolean_q("filterable_in_storefront", data.get("filterable_in_storefront"))
    q &= _boolean_q("available_in_grid", data.get("available_in_grid"))
    if data.get("is_variant_only") is not None:
        from catalog.models import AttributeProduct

        only_variants = ~Q(Exists(AttributeProduct.objects.filter(attribute=OuterRef("pk"))))
        q &= only_variants if data["is_variant_only"] else ~only_variants
    if data.get("type") is not None:
        q &= Q(type=enum_value(data["type"]))
    if data.get("slugs") is not None:
        q &= Q(slug__in=_texts(data["slugs"]))
    if data.get("search"):
        q &= _search_q(data["search"])
    return q


def attribute_where_leaf_q(data: dict) -> Q:
    q = _attribute_common_q(data)
    q &= _string_q("name", data.get("name")) & _string_q("slug", data.get("slug"))
    if data.get("with_choices") is not None:
        choices = Q(input_type__in=[AttributeInputType.DROPDOWN, AttributeInputType.MULTISELECT,
                                    AttributeInputType.SWATCH])
        q &= choices if data["with_choices"] else ~choices
    q &= _enum_q("input_type", data.get("input_type"))
    q &= _enum_q("entity_type", data.get("entity_type"))
    q &= _enum_q("type", data.get("type"))
    q &= _enum_q("unit", data.get("unit"))
    return q


def _search_q(text: str) -> Q:
    if not is_clean_text(text):
        return NOTHING
    from catalog.models import AttributeTranslation as AttributeTranslationModel

    translated = AttributeTranslationModel.objects.filter(attribute=OuterRef("pk"),
                                                          name__icontains=text)
    return Q(name__icontains=text) | Q(slug__icontains=text) | Q(Exists(translated))


def attributes_connection(info: Any, args: dict[str, Any]) -> Any:
    filter_input, where_input = args.get("filter"), args.get("where")
    if filter_input and where_input:
        raise GraphQLError("Only one filtering argument (filter or where) can be specified.")
    queryset = attributes_visible(storefront=not is_staff(info))
    if filter_input:
        queryset = queryset.filter(attribute_filter_q(filter_input))
    if where_input:
        queryset = queryset.filter(where_q(where_input, attribute_where_leaf_q))
    if args.get("search"):
        queryset = queryset.filter(_search_q(args["search"]))
    sort_by = args.get("sort_by")
    descending = bool(sort_by) and enum_value(sort_by.direction) == "desc"
    field = enum_value(sort_by.field) if sort_by else None
    if field == "is_variant_only":
        from catalog.models import AttributeProduct

        queryset = queryset.annotate(is_variant_only=~Exists(AttributeProduct.objects.filter(
            attribute=OuterRef("pk"))))
    sort = SortSpec((field, "slug") if field and field != "slug" else ("slug", "pk"),
                    descending)
    return paginate_queryset(queryset, info, args, connection=AttributeCountableConnection,
                             sort=sort)


def attribute_get(info: Any, *, id: str | None, slug: str | None,
                  external_reference: str | None) -> AttributeModel | None:
    queryset = attributes_visible(storefront=not is_staff(info))
    if id:
        _, pk = from_global_id_or_error(id, "Attribute")
        return queryset.filter(pk=pk).first() if pk is not None else None
    if slug:
        return queryset.filter(slug=slug).first() if is_clean_text(slug) else None
    if external_reference and is_clean_text(external_reference):
        return queryset.filter(external_reference=external_reference).first()
    return None


class AttributeQueries(graphene.ObjectType):
    attribute = graphene.Field(
        Attribute, id=graphene.ID(description="ID of the attribute."),
        slug=graphene.String(description="Slug of the attribute."),
        external_reference=graphene.String(description="External ID of the attribute."),
        description="Look up an attribute by ID, slug or external reference.")
    attributes = graphene.Field(
        AttributeCountableConnection,
        filter=AttributeFilterInput(description="Filtering options for attributes.",
                                    deprecation_reason="Use `where` filter instead."),
        where=AttributeWhereInput(description="Where filtering options for attributes."),
        search=graphene.String(description="Search attributes."),
        sort_by=AttributeSortingInput(description="Sorting options for attributes."),
        channel=graphene.String(description="Slug of a channel for which the data should be "
                                "returned."),
        **connection_args(), description="List of the shop's attributes.")

    @staticmethod
    def resolve_attribute(_root: Any, info: Any, *, id: str | None = None,
                          slug: str | None = None, external_reference: str | None = None
                          ) -> AttributeModel | None:
        validate_one_of_args_is_in_query("id", id, "slug", slug,
                                         "external_reference", external_reference)
        return attribute_get(info, id=id, slug=slug, external_reference=external_reference)

    @staticmethod
    def resolve_attributes(_root: Any, info: Any, **args: Any) -> Any:
        return attributes_connection(info, args)


class ProductTypeQueries(graphene.ObjectType):
    """``productType(id)`` and ``productTypes``: the product types and their attributes."""

    product_type = graphene.Field("catalog.graphql.types.ProductType",
                                  id=graphene.ID(required=True, description="ID of the "
                                                 "product type."),
                                  description="Look up a product type by ID.")
    product_types = graphene.Field(lambda: product_type_connection(), **connection_args(),
                                   description="List of the shop's product types.")

    @staticmethod
    def resolve_product_type(_root: Any, info: Any, *, id: str) -> Any:
        from catalog.models import ProductType as ProductTypeModel
        from catalog.selectors.attributes import product_type_attribute_prefetches

        _, pk = from_global_id_or_error(id, "ProductType")
        if pk is None:
            return None
        return (ProductTypeModel.objects.filter(pk=pk)
                .prefetch_related(*product_type_attribute_prefetches()).first())

    @staticmethod
    def resolve_product_types(_root: Any, info: Any, **args: Any) -> Any:
        from catalog.models import ProductType as ProductTypeModel
        from catalog.selectors.attributes import product_type_attribute_prefetches

        return paginate_queryset(
            ProductTypeModel.objects.all(), info, args, connection=product_type_connection(),
            sort=SortSpec(("slug", "pk"), False),
            prepare=lambda qs: qs.prefetch_related(*product_type_attribute_prefetches()))


_PRODUCT_TYPE_CONNECTION: list = []


def product_type_connection() -> type:
    """``ProductTypeCountableConnection``, built on first use: importing ``.types`` at the
    top would loop (types -> filters -> this module)."""
    if not _PRODUCT_TYPE_CONNECTION:
        from backend.graphql.core.connection import CountableConnection

        from .types import ProductType

        class ProductTypeCountableConnection(CountableConnection):
            class Meta:
                node = ProductType

        _PRODUCT_TYPE_CONNECTION.append(ProductTypeCountableConnection)
    return _PRODUCT_TYPE_CONNECTION[0]
