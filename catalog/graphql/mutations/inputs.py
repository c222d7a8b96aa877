"""Saleor's input types and scalars of the catalog mutations, field for field.

Some fields name things CoopStore does not model (tax classes, collections, product ratings,
external references, preorders): they are accepted, so Saleor clients work unchanged, and
ignored. Weights are stored in grams per variant.
"""
from __future__ import annotations

import decimal
from typing import Any

import graphene
from graphql import GraphQLError
from graphql.language import ast

from backend.accounts.graphql.metadata import MetadataInput
from backend.graphql.core.scalars import PositiveDecimal
from backend.graphql.core.types import NonNullList
from backend.graphql.core.uploads import Upload

GRAMS_PER_UNIT = {"g": decimal.Decimal(1), "kg": decimal.Decimal(1000),
                  "tonne": decimal.Decimal(1_000_000), "lb": decimal.Decimal("453.59237"),
                  "oz": decimal.Decimal("28.349523125")}
DEFAULT_WEIGHT_UNIT = "kg"  # Saleor's default unit for a bare number
MAX_WEIGHT_TEXT = 40


def _grams(value: Any, unit: Any) -> int:
    unit_text = str(unit or "").lower()
    if unit_text not in GRAMS_PER_UNIT or isinstance(value, bool):
        raise GraphQLError(f"Unsupported value: {str(value)[:MAX_WEIGHT_TEXT]}")
    try:
        amount = decimal.Decimal(str(value)[:MAX_WEIGHT_TEXT])
    except (decimal.DecimalException, ValueError):
        raise GraphQLError(f"Unsupported value: {str(value)[:MAX_WEIGHT_TEXT]}") from None
    if not amount.is_finite() or abs(amount) > 10**12:
        raise GraphQLError(f"Unsupported value: {str(value)[:MAX_WEIGHT_TEXT]}")
    return int((amount * GRAMS_PER_UNIT[unit_text]).to_integral_value(decimal.ROUND_HALF_UP))


class WeightScalar(graphene.Scalar):
    """A weight: a number in kilograms, or ``{"value": 250, "unit": "g"}``; read as grams."""

    @staticmethod
    def serialize(value: Any) -> Any:
        return value

    @staticmethod
    def parse_value(value: Any) -> int:
        if isinstance(value, dict):
            return _grams(value.get("value"), value.get("unit"))
        return _grams(value, DEFAULT_WEIGHT_UNIT)

    @staticmethod
    def parse_literal(node: Any, _variables: Any = None) -> int:
        if isinstance(node, ast.ObjectValueNode):
            fields = {f.name.value: getattr(f.value, "value", None) for f in node.fields}
            return _grams(fields.get("value"), fields.get("unit"))
        if isinstance(node, ast.IntValueNode | ast.FloatValueNode | ast.StringValueNode):
            return _grams(node.value, DEFAULT_WEIGHT_UNIT)
        raise GraphQLError("Unsupported value.")


class SeoInput(graphene.InputObjectType):
    title = graphene.String(description="SEO title.")
    description = graphene.String(description="SEO description.")


class AttributeValueSelectableTypeInput(graphene.InputObjectType):
    id = graphene.ID(description="ID of an attribute value.")
    external_reference = graphene.String(description="External reference of an attribute "
                                         "value.")
    value = graphene.String(description="The value or slug of an attribute value.")


class AttributeValueInput(graphene.InputObjectType):
    id = graphene.ID(description="ID of the selected attribute.")
    external_reference = graphene.String(description="External ID of this attribute.")
    values = NonNullList(graphene.String, deprecation_reason="Use the typed fields instead.",
                         description="The value or slug of an attribute to resolve.")
    dropdown = graphene.InputField(AttributeValueSelectableTypeInput,
                                   description="Attribute value ID or external reference.")
    swatch = graphene.InputField(AttributeValueSelectableTypeInput,
                                 description="Attribute value ID or external reference.")
    multiselect = NonNullList(AttributeValueSelectableTypeInput,
                              description="List of attribute value IDs or external references.")
    numeric = graphene.String(description="Numeric value of an attribute.")
    file = graphene.String(description="URL of the file attribute.")
    content_type = graphene.String(description="File content type.")
    reference = graphene.ID(description="ID of the referenced entity for single reference "
                            "attribute.")
    references = NonNullList(graphene.ID, description="IDs of the referenced entities.")
    rich_text = graphene.JSONString(description="Text content in JSON format.")
    plain_text = graphene.String(description="Plain text content.")
    boolean = graphene.Boolean(description="Represents the boolean value of the attribute value.")
    date = graphene.Date(description="Represents the date value of the attribute value.")
    date_time = graphene.DateTime(description="Represents the date/time value of the attribute "
                                  "value.")


class ProductInput(graphene.InputObjectType):
    attributes = NonNullList(AttributeValueInput, description="List of attributes.")
    category = graphene.ID(description="ID of the product's category.")
    charge_taxes = graphene.Boolean(
        description="Determine if taxes are being charged for the product.",
        deprecation_reason="Use `Channel.taxConfiguration` to configure whether tax collection "
        "is enabled.")
    collections = NonNullList(graphene.ID, description="List of IDs of collections that the "
                              "product belongs to.")
    description = graphene.JSONString(description="Product description.")
    name = graphene.String(description="Product name.")
    slug = graphene.String(description="Product slug.")
    tax_class = graphene.ID(description="ID of a tax class to assign to this product.")
    tax_code = graphene.String(
        description="Tax rate for enabled tax gateway.",
        deprecation_reason="Use tax classes to control the tax calculation for a product. If "
        "taxCode is provided, Saleor will try to find a tax class with given code (codes are "
        "stored in metadata) and assign it. If no tax class is found, it would be created and "
        "assigned.")
    seo = graphene.InputField(SeoInput, description="Search engine optimization fields.")
    weight = WeightScalar(description="Weight of the Product.")
    rating = graphene.Float(description="Defines the product rating value.")
    metadata = NonNullList(MetadataInput, description="Fields required to update the product "
                           "metadata.")
    private_metadata = NonNullList(MetadataInput, description="Fields required to update the "
                                   "product private metadata.")
    external_reference = graphene.String(description="External ID of this product.")


class ProductCreateInput(ProductInput):
    product_type = graphene.ID(required=True, description="ID of the type that product belongs "
                               "to.")
    cooperative = graphene.ID(description="CoopStore: the cooperative the product belongs to "
                              "(needed only by network admins and staff of several "
                              "cooperatives).")


class StockInput(graphene.InputObjectType):
    warehouse = graphene.ID(required=True, description="Warehouse in which stock is located: "
                            "in CoopStore, the cooperative's own ID.")
    quantity = graphene.Int(required=True, description="Quantity of items available for sell.")


class PreorderSettingsInput(graphene.InputObjectType):
    _reason = ("Preorder is deprecated and will be removed. Model pre-sales with regular stock "
               "instead: create the planned quantity in a warehouse, or set `trackInventory` to "
               "false to sell without a stock limit.")
    global_threshold = graphene.Int(description="The global threshold for preorder variant.",
                                    deprecation_reason=_reason)
    end_date = graphene.DateTime(description="The end date for preorder.",
                                 deprecation_reason=_reason)


class ProductVariantInput(graphene.InputObjectType):
    attributes = NonNullList(AttributeValueInput, description="List of attributes specific to "
                             "this variant.")
    sku = graphene.String(description="Stock keeping unit.")
    name = graphene.String(description="Variant name.")
    track_inventory = graphene.Boolean(description="Determines if the inventory of this variant "
                                       "should be tracked.")
    weight = WeightScalar(description="Weight of the Product Variant.")
    preorder = graphene.InputField(PreorderSettingsInput, description="Preorder settings.",
                                   deprecation_reason=PreorderSettingsInput._reason)
    quantity_limit_per_customer = graphene.Int(description="Determines maximum quantity of "
                                               "`ProductVariant`, that can be bought in a "
                                               "single checkout.")
    metadata = NonNullList(MetadataInput, description="Fields required to update the product "
                           "variant metadata.")
    private_metadata = NonNullList(MetadataInput, description="Fields required to update the "
                                   "product variant private metadata.")
    external_reference = graphene.String(description="External ID of this product variant.")


class ProductVariantCreateInput(ProductVariantInput):
    attributes = NonNullList(AttributeValueInput, required=True,
                             description="List of attributes specific to this variant.")
    product = graphene.ID(required=True, description="Product ID of which type is the variant.")
    stocks = NonNullList(StockInput, description="Stocks of a product available for sale.")


class ProductMediaCreateInput(graphene.InputObjectType):
    alt = graphene.String(description="Alt text for a product media.")
    image = Upload(description="Represents an image file in a multipart request.")
    product = graphene.ID(required=True, description="ID of an product.")
    media_url = graphene.String(description="Represents an URL to an external media.")


class ProductMediaUpdateInput(graphene.InputObjectType):
    alt = graphene.String(description="Alt text for a product media.")


class TranslationInput(graphene.InputObjectType):
    slug = graphene.String(description="Translated product slug.")
    seo_title = graphene.String(description="Translated SEO title.")
    seo_description = graphene.String(description="Translated SEO description.")
    name = graphene.String(description="Translated name.")
    description = graphene.JSONString(description="Translated description (EditorJS).")


class NameTranslationInput(graphene.InputObjectType):
    name = graphene.String(description="Translated name.")


class ProductChannelListingAddInput(graphene.InputObjectType):
    channel_id = graphene.ID(required=True, description="ID of a channel.")
    is_published = graphene.Boolean(description="Determines if object is visible to customers.")
    publication_date = graphene.Date(description="Publication date. ISO 8601 standard.",
                                     deprecation_reason="Use `publishedAt` field instead.")
    published_at = graphene.DateTime(description="Publication date time. ISO 8601 standard.")
    visible_in_listings = graphene.Boolean(description="Determines if product is visible in "
                                           "product listings (doesn't apply to product "
                                           "collections).")
    is_available_for_purchase = graphene.Boolean(description="Determines if product should be "
                                                 "available for purchase in this channel.")
    available_for_purchase_date = graphene.Date(
        description="A start date from which a product will be available for purchase.",
        deprecation_reason="Use `availableForPurchaseAt` field instead.")
    available_for_purchase_at = graphene.DateTime(description="A start date time from which a "
                                                  "product will be available for purchase.")
    add_variants = NonNullList(graphene.ID, description="List of variants to which the channel "
                               "should be assigned.")
    remove_variants = NonNullList(graphene.ID, description="List of variants from which the "
                                  "channel should be unassigned.")


class ProductChannelListingUpdateInput(graphene.InputObjectType):
    update_channels = NonNullList(ProductChannelListingAddInput, description="List of channels "
                                  "to which the product should be assigned or updated.")
    remove_channels = NonNullList(graphene.ID, description="List of channels from which the "
                                  "product should be unassigned.")


class ProductVariantChannelListingAddInput(graphene.InputObjectType):
    _reason = PreorderSettingsInput._reason
    channel_id = graphene.ID(required=True, description="ID of a channel.")
    price = PositiveDecimal(required=True, description="Price of the particular variant in "
                            "channel.")
    cost_price = PositiveDecimal(description="Cost price of the variant in channel.")
    prior_price = PositiveDecimal(description="Previous price of the variant in channel. Useful "
                                  "for providing promotion information required by customer "
                                  "protection laws such as EU Omnibus directive.")
    preorder_threshold = graphene.Int(description="The threshold for preorder variant in "
                                      "channel.", deprecation_reason=_reason)
