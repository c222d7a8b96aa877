"""Saleor's product and category filter inputs (``filter`` and ``where``) as ``Q`` objects.

The channel-dependent filters (price, publication, stock) read the listings of the channel the
query runs in. Text values containing NUL match nothing rather than failing in PostgreSQL.
CoopStore adds optional fields in the same style: cooperatives, regions and labels.
"""
from __future__ import annotations

from typing import Any

import graphene
from django.db.models import Exists, F, OuterRef, Q

from backend.graphql.core.enums import StockAvailability
from backend.graphql.core.filters import (
    NOTHING,
    DateTimeFilterInput,
    DateTimeRangeInput,
    DecimalFilterInput,
    GlobalIDFilterInput,
    MetadataFilter,
    PriceRangeInput,
    StringFilterInput,
    global_id_q,
    ids_q,
    metadata_q,
    range_q,
    value_q,
)
from backend.graphql.core.ids import global_ids_to_pks
from backend.graphql.core.types import NonNullList
from backend.graphql.core.validators import is_clean_text
from catalog.models import (
    Category,
    CategoryTranslation,
    Channel,
    CollectionProduct,
    ProductChannelListing,
    ProductLabel,
    ProductVariantChannelListing,
    Stock,
)

from .attribute_queries import AttributeInput, products_attributes_q
from .labels import LabelKindEnum
from .sorters import DEPRECATED_CHANNEL
from .translations import enum_value


class ProductFilterInput(graphene.InputObjectType):
    is_published = graphene.Boolean()
    collections = NonNullList(graphene.ID, description="Products of these collections.")
    attributes = NonNullList(AttributeInput, description="Products holding these attribute "
                             "values (all inputs must match).")
    categories = NonNullList(graphene.ID, description="Products of these categories or of "
                             "their subcategories.")
    has_category = graphene.Boolean()
    stock_availability = StockAvailability()
    search = graphene.String()
    metadata = NonNullList(MetadataFilter)
    published_from = graphene.DateTime()
    is_available = graphene.Boolean()
    available_from = graphene.DateTime()
    is_visible_in_listing = graphene.Boolean()
    price = graphene.InputField(PriceRangeInput)
    minimal_price = graphene.InputField(PriceRangeInput)
    updated_at = graphene.InputField(DateTimeRangeInput)
    product_types = NonNullList(graphene.ID)
    gift_card = graphene.Boolean()
    ids = NonNullList(graphene.ID)
    slugs = NonNullList(graphene.String)
    channel = graphene.String(deprecation_reason=DEPRECATED_CHANNEL)
    cooperatives = NonNullList(graphene.ID, description="CoopStore: products of these "
                               "cooperatives.")
    regions = NonNullList(graphene.ID, description="CoopStore: products made in these regions.")
    labels = NonNullList(graphene.String, description="CoopStore: products holding one of "
                         "these labels (slugs).")
    label_kinds = NonNullList(LabelKindEnum, description="CoopStore: products holding a label "
                              "of one of these kinds.")


class ProductWhereInput(graphene.InputObjectType):
    metadata = NonNullList(MetadataFilter)
    ids = NonNullList(graphene.ID)
    name = graphene.InputField(StringFilterInput)
    slug = graphene.InputField(StringFilterInput)
    product_type = graphene.InputField(GlobalIDFilterInput)
    category = graphene.InputField(GlobalIDFilterInput)
    collection = graphene.InputField(GlobalIDFilterInput)
    attributes = NonNullList(AttributeInput, description="Products holding these attribute "
                             "values (all inputs must match).")
    is_available = graphene.Boolean()
    is_published = graphene.Boolean()
    is_visible_in_listing = graphene.Boolean()
    published_from = graphene.DateTime()
    available_from = graphene.DateTime()
    has_category = graphene.Boolean()
    price = graphene.InputField(DecimalFilterInput)
    minimal_price = graphene.InputField(DecimalFilterInput)
    stock_availability = StockAvailability()
    gift_card = graphene.Boolean()
    updated_at = graphene.InputField(DateTimeFilterInput)
    AND = NonNullList(lambda: ProductWhereInput)
    OR = NonNullList(lambda: ProductWhereInput)


class CategoryFilterInput(graphene.InputObjectType):
    search = graphene.String()
    metadata = NonNullList(MetadataFilter)
    ids = NonNullList(graphene.ID)
    slugs = NonNullList(graphene.String)
    updated_at = graphene.InputField(DateTimeRangeInput)


class CategoryWhereInput(graphene.InputObjectType):
    metadata = NonNullList(MetadataFilter)
    ids = NonNullList(graphene.ID)
    AND = NonNullList(lambda: CategoryWhereInput)
    OR = NonNullList(lambda: CategoryWhereInput)


def clean_texts(values: list | None) -> list[str]:
    return [v for v in values or [] if is_clean_text(v)]


def _text_q(field: str, value: dict | None) -> Q:
    value = dict(value or {})
    if value.get("eq") is not None and not is_clean_text(value["eq"]):
        return NOTHING
    if value.get("one_of") is not None:
        value["one_of"] = clean_texts(value["one_of"])
    return value_q(field, value)


def _listing(channel: Channel | None, **conditions: Any) -> Q:
    return Q(Exists(ProductChannelListing.objects.filter(
        product=OuterRef("pk"), channel=channel, **conditions)))


def _boolean(q: Q, value: bool | None) -> Q:
    if value is None:
        return Q()
    return q if value else ~q


def in_stock_q(channel: Channel | None) -> Q:
    """A variant priced in the channel with a unit to sell (or not stock-tracked)."""
    priced = ProductVariantChannelListing.objects.filter(
        channel=channel, variant__product=OuterRef("pk"))
    stocked = priced.filter(Q(variant__track_inventory=False) | Q(
        variant__in=Stock.objects.filter(quantity__gt=F("quantity_allocated")).values(
            "variant_id")))
    return Q(Exists(stocked))


def _stock(channel: Channel | None, value: Any) -> Q:
    if value is None:
        return Q()
    return in_stock_q(channel) if enum_value(value) == "in_stock" else ~in_stock_q(channel)


def _variant_price(channel: Channel | None, value: dict | None, use_range: bool) -> Q:
    if not value:
        return Q()
    q = range_q("price_amount", value) if use_range else value_q("price_amount", value)
    return Q(Exists(ProductVariantChannelListing.objects.filter(
        q, channel=channel, variant__product=OuterRef("pk"))))


def _category_subtrees(pks: list[int]) -> Q:
    """Products of these categories or their subcategories. The subtree's ids come from the
    small category table first, so the products are looked up by their category index."""
    roots = Category.objects.filter(pk__in=pks, tree_id=OuterRef("tree_id"),
                                    lft__lte=OuterRef("lft"), rght__gte=OuterRef("rght"))
    return Q(category_id__in=Category.objects.filter(Exists(roots)).values("pk"))


def _labels(**conditions: Any) -> Q:
    return Q(Exists(ProductLabel.objects.filter(product=OuterRef("pk"), **conditions)))


def _in_collections(pks: list[int]) -> Q:
    return Q(Exists(CollectionProduct.objects.filter(product=OuterRef("pk"),
                                                     collection_id__in=pks)))


def _common_q(data: dict, channel: Channel | None) -> Q:
    """The fields ``filter`` and ``where`` share, with the same meaning."""
    q = metadata_q(data.get("metadata")) & ids_q(data.get("ids"), "Product")
    q &= _boolean(_listing(channel, is_published=True), data.get("is_published"))
    q &= _boolean(_listing(channel, visible_in_listings=True), data.get("is_visible_in_listing"))
    q &= _boolean(in_stock_q(channel), data.get("is_available"))
    q &= _stock(channel, data.get("stock_availability"))
    if data.get("published_from") is not None:
        q &= _listing(channel, published_at__lte=data["published_from"])
    if data.get("available_from") is not None:
        q &= _listing(channel, available_for_purchase_at__lte=data["available_from"])
    if data.get("has_category") is not None:
        q &= Q(category__isnull=not data["has_category"])
    if data.get("gift_card"):
        q &= NOTHING
    return q


def product_filter_q(data: dict | None, channel: Channel | None) -> Q:
    data = data or {}
    q = _common_q(data, channel)
    if data.get("collections") is not None:
        q &= _in_collections(global_ids_to_pks(data["collections"], "Collection"))
    q &= products_attributes_q(data.get("attributes"))
    if data.get("categories") is not None:
        q &= _category_subtrees(global_ids_to_pks(data["categories"], "Category"))
    if data.get("product_types") is not None:
        q &= Q(product_type_id__in=global_ids_to_pks(data["product_types"], "ProductType"))
    if data.get("slugs") is not None:
        q &= Q(slug__in=clean_texts(data["slugs"]))
    q &= _variant_price(channel, data.get("price"), use_range=True)
    if data.get("minimal_price"):
        q &= _listing(channel, **{f"discounted_price_amount__{k}": v
                                  for k, v in data["minimal_price"].items() if v is not None})
    q &= range_q("updated_at", data.get("updated_at"))
    if data.get("cooperatives") is not None:
        q &= Q(cooperative_id__in=global_ids_to_pks(data["cooperatives"], "Cooperative"))
    if data.get("regions") is not None:
        q &= Q(cooperative__region_id__in=global_ids_to_pks(data["regions"], "Region"))
    if data.get("labels") is not None:
        q &= _labels(label__slug__in=clean_texts(data["labels"]))
    if data.get("label_kinds") is not None:
        q &= _labels(label__kind__in=[enum_value(k) for k in data["label_kinds"]])
    return q


def product_where_leaf_q(data: dict, channel: Channel | None) -> Q:
    q = _common_q(data, channel)
    q &= _text_q("name", data.get("name")) & _text_q("slug", data.get("slug"))
    q &= global_id_q("product_type_id", data.get("product_type"), "ProductType")
    q &= global_id_q("category_id", data.get("category"), "Category")
    collection = data.get("collection") or {}
    if collection.get("eq") is not None:
        q &= _in_collections(global_ids_to_pks([collection["eq"]], "Collection"))
    elif collection.get("one_of") is not None:
        q &= _in_collections(global_ids_to_pks(collection["one_of"], "Collection"))
    q &= products_attributes_q(data.get("attributes"))
    q &= _variant_price(channel, data.get("price"), use_range=False)
    if data.get("minimal_price"):
        minimal = value_q("discounted_price_amount", data["minimal_price"])
        q &= Q(Exists(ProductChannelListing.objects.filter(
            minimal, product=OuterRef("pk"), channel=channel)))
    q &= value_q("updated_at", data.get("updated_at"))
    return q


def category_filter_q(data: dict | None) -> Q:
    data = data or {}
    q = metadata_q(data.get("metadata")) & ids_q(data.get("ids"), "Category")
    if data.get("slugs") is not None:
        q &= Q(slug__in=clean_texts(data["slugs"]))
    q &= range_q("updated_at", data.get("updated_at"))
    search = data.get("search")
    if search:
        if not is_clean_text(search):
            return NOTHING
        translated = CategoryTranslation.objects.filter(category=OuterRef("pk"),
                                                        name__icontains=search)
        q &= (Q(name__icontains=search) | Q(slug__icontains=search)
              | Q(description_plaintext__icontains=search) | Q(Exists(translated)))
    return q


def category_where_leaf_q(data: dict) -> Q:
    return metadata_q(data.get("metadata")) & ids_q(data.get("ids"), "Category")
