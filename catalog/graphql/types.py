"""Saleor's product types over prefetched rows: resolving a field never runs a query.

Products and variants are resolved inside a :class:`ChannelContext`; the page that holds them was
loaded for that channel with what its query selects (``loading``: prices, stock, photos,
labels, translations...), so every field reads rows in memory whatever the page size, through
``related_rows`` (no manager and queryset built per read).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import graphene
import prices
from django.utils import timezone

from backend.graphql.core.connection import CountableConnection, connection_args, paginate_list
from backend.graphql.core.enums import ThumbnailFormatEnum
from backend.graphql.core.ids import from_global_id_or_error
from backend.graphql.core.money import TaxedMoney, TaxedMoneyRange, taxed_money, taxed_money_range
from backend.graphql.core.scalars import PositiveDecimal
from backend.graphql.core.types import (
    ChannelContext,
    ChannelContextType,
    Image,
    ModelObjectType,
    Node,
    NonNullList,
    ObjectWithMetadata,
    Weight,
    weight_in_grams,
)
from catalog import selectors
from catalog.models import Product as ProductModel
from catalog.models import ProductVariant as ProductVariantModel

from .assigned_attributes import (
    ProductTypeAttributeFields,
    WithAttributes,
    resolve_selected_attribute,
    resolve_selected_attributes,
)
from .attributes import SelectedAttribute, VariantAttributeScope
from .collections import resolve_product_collections
from .labels import ProductLabel
from .loading import DEFAULT_THUMBNAIL_SIZE, first_media, related_rows
from .media import ProductMedia, media_url
from .sorters import MediaSortingInput
from .translations import (
    ProductTranslation,
    ProductVariantTranslation,
    enum_value,
    find_translation,
    json_or_none,
    translation_argument,
)


class ProductTypeKindEnum(graphene.Enum):
    NORMAL = "normal"
    GIFT_CARD = "gift_card"


class ProductType(ProductTypeAttributeFields, ModelObjectType):
    name = graphene.String(required=True, description="Name of the product type.")
    slug = graphene.String(required=True, description="Slug of the product type.")
    has_variants = graphene.Boolean(required=True)
    is_shipping_required = graphene.Boolean(required=True)
    weight = graphene.Field(Weight)
    kind = ProductTypeKindEnum(required=True, description="The product type kind.")

    private_metadata_permission = "MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES"

    class Meta:
        interfaces = (Node, ObjectWithMetadata)
        description = "Represents a type of product. It defines what attributes are available "\
                      "to products of this type."

    @staticmethod
    def resolve_kind(_root: Any, _info: Any) -> str:
        return ProductTypeKindEnum.NORMAL.value

    @staticmethod
    def resolve_weight(_root: Any, _info: Any) -> None:
        return None


@dataclass(frozen=True)
class PricesIn:
    """The prices a pricing type shows, in a currency: each money field is built only when
    the query asks for it (a listing of 100 products asks for one or two)."""

    found: Any  # backend.discounts.pricing.ProductPrices or VariantPrice
    currency: str


class SaleResolvers:
    """``onSale`` and ``discount``, the same for a product's and a variant's pricing."""

    @staticmethod
    def resolve_on_sale(root: PricesIn, _info: Any) -> bool:
        return root.found.on_sale

    @staticmethod
    def resolve_discount(root: PricesIn, _info: Any) -> prices.TaxedMoney | None:
        return taxed_money(root.found.discount, root.currency) if root.found.on_sale else None


class ProductPricingInfo(SaleResolvers, graphene.ObjectType):
    on_sale = graphene.Boolean(description="Whether it is in sale or not.")
    discount = graphene.Field(TaxedMoney, description="The discount amount if in sale.")
    discount_prior = graphene.Field(TaxedMoney)
    display_gross_prices = graphene.Boolean(required=True)
    price_range = graphene.Field(TaxedMoneyRange, description="The discounted price range.")
    price_range_undiscounted = graphene.Field(TaxedMoneyRange,
                                              description="The undiscounted price range.")
    price_range_prior = graphene.Field(TaxedMoneyRange)

    class Meta:
        description = "Represents availability of a product in the storefront."

    @staticmethod
    def resolve_display_gross_prices(_root: PricesIn, _info: Any) -> bool:
        return True

    @staticmethod
    def resolve_price_range(root: PricesIn, _info: Any) -> prices.TaxedMoneyRange:
        return taxed_money_range(root.found.start, root.found.stop, root.currency)

    @staticmethod
    def resolve_price_range_undiscounted(root: PricesIn, _info: Any) -> prices.TaxedMoneyRange:
        return taxed_money_range(root.found.undiscounted_start, root.found.undiscounted_stop,
                                 root.currency)


class VariantPricingInfo(SaleResolvers, graphene.ObjectType):
    on_sale = graphene.Boolean(description="Whether it is in sale or not.")
    discount = graphene.Field(TaxedMoney, description="The discount amount if in sale.")
    discount_prior = graphene.Field(TaxedMoney)
    price = graphene.Field(TaxedMoney, description="The price, with any discount subtracted.")
    price_undiscounted = graphene.Field(TaxedMoney, description="The price without discount.")
    price_prior = graphene.Field(TaxedMoney)

    class Meta:
        description = "Represents availability of a variant in the storefront."

    @staticmethod
    def resolve_price(root: PricesIn, _info: Any) -> prices.TaxedMoney:
        return taxed_money(root.found.price, root.currency)

    @staticmethod
    def resolve_price_undiscounted(root: PricesIn, _info: Any) -> prices.TaxedMoney:
        return taxed_money(root.found.undiscounted, root.currency)


def _channel_slug(root: ChannelContext) -> str | None:
    return root.channel.slug if root.channel else None


def _currency(root: ChannelContext) -> str:
    return root.channel.currency_code


def _channel_listing(root: ChannelContext) -> Any:
    """The product's listing in the channel (the only one prefetched)."""
    listings = related_rows(root.node, "channel_listings") if root.channel else []
    return listings[0] if listings else None


PRICED_VARIANTS = "_priced_variants"  # on a loaded product: its (variant, price) pairs


def variants_with_prices(product: ProductModel) -> list[tuple[ProductVariantModel, Any]]:
    """The variants a shopper can buy in the channel the product was loaded for, with their
    prices; worked out once per loaded product (``pricing``, ``variants`` and
    ``productVariants`` all read it; the instance lives for one request)."""
    found = product.__dict__.get(PRICED_VARIANTS)
    if found is None:
        found = [(v, price) for v in related_rows(product, "variants")
                 if (price := selectors.variant_price(v)) is not None]
        product.__dict__[PRICED_VARIANTS] = found
    return found


def priced_variants(product: ProductModel) -> list[ProductVariantModel]:
    """The variants a shopper can buy in the channel the product was loaded for."""
    return [variant for variant, _price in variants_with_prices(product)]


class ProductVariant(WithAttributes, ChannelContextType):
    name = graphene.String(required=True)
    sku = graphene.String()
    product = graphene.Field(lambda: Product, required=True)
    track_inventory = graphene.Boolean(required=True)
    quantity_limit_per_customer = graphene.Int()
    weight = graphene.Field(Weight)
    channel = graphene.String(description="Channel given to retrieve this product variant.")
    pricing = graphene.Field(VariantPricingInfo, description="Lists the storefront variant's "
                             "pricing, the current price and discounts.")
    media = NonNullList(ProductMedia, description="List of media for the product variant.")
    translation = graphene.Field(ProductVariantTranslation, **translation_argument())
    quantity_available = graphene.Int(description="Quantity of a product available for sale.")
    attributes = NonNullList(SelectedAttribute, required=True,
                             variant_selection=VariantAttributeScope(),
                             resolver=resolve_selected_attributes,
                             deprecation_reason="Use the `assignedAttributes` field instead.")
    created = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    external_reference = graphene.String()

    class Meta:
        interfaces = (Node, ObjectWithMetadata)
        description = "Represents a version of a product such as different size or color."

    @staticmethod
    def resolve_product(root: ChannelContext, _info: Any) -> ChannelContext:
        return ChannelContext(node=root.node.product, channel=root.channel)

    @staticmethod
    def resolve_weight(root: ChannelContext, _info: Any) -> Weight | None:
        return weight_in_grams(root.node.weight_grams)

    @staticmethod
    def resolve_channel(root: ChannelContext, _info: Any) -> str | None:
        return _channel_slug(root)

    @staticmethod
    def resolve_pricing(root: ChannelContext, info: Any) -> PricesIn | None:
        """Catalogue promotions included (``backend.discounts``): the channel's rules are
        loaded once per request, whatever the number of variants."""
        from backend.discounts.pricing import variant_price_after_promotions
        from backend.discounts.selectors import catalogue_rules_for_request

        amount = selectors.variant_price(root.node) if root.channel else None
        if amount is None:
            return None
        currency = _currency(root)
        found = variant_price_after_promotions(
            root.node, amount, catalogue_rules_for_request(info.context, root.channel),
            currency)
        return PricesIn(found=found, currency=currency)

    @staticmethod
    def resolve_media(_root: ChannelContext, _info: Any) -> list:
        return []  # photos belong to the product; no variant has its own yet

    @staticmethod
    def resolve_translation(root: ChannelContext, _info: Any, *, language_code: Any) -> Any:
        return find_translation(root.node, language_code)

    @staticmethod
    def resolve_quantity_available(root: ChannelContext, _info: Any) -> int:
        return selectors.variant_quantity_available(root.node)

    @staticmethod
    def resolve_created(root: ChannelContext, _info: Any) -> Any:
        return root.node.created_at

    @staticmethod
    def resolve_external_reference(_root: ChannelContext, _info: Any) -> None:
        return None


class ProductVariantCountableConnection(CountableConnection):
    class Meta:
        node = ProductVariant


class Product(WithAttributes, ChannelContextType):
    seo_title = graphene.String()
    seo_description = graphene.String()
    name = graphene.String(required=True)
    description = graphene.JSONString(description="Description of the product (EditorJS).")
    product_type = graphene.Field(ProductType, required=True)
    slug = graphene.String(required=True)
    category = graphene.Field("catalog.graphql.categories.Category")
    created = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    weight = graphene.Field(Weight)
    default_variant = graphene.Field(ProductVariant)
    rating = graphene.Float()
    channel = graphene.String(description="Channel given to retrieve this product.")
    thumbnail = graphene.Field(
        Image, size=graphene.Int(description="Size of the image."),
        format=ThumbnailFormatEnum(default_value=ThumbnailFormatEnum.ORIGINAL.value,
                                   description="The format of the image."))
    pricing = graphene.Field(ProductPricingInfo, description="Lists the storefront product's "
                             "pricing, the current price and discounts.")
    is_available = graphene.Boolean(description="Whether the product is in stock, set as "
                                    "available for purchase and visible.")
    media_by_id = graphene.Field(ProductMedia, id=graphene.ID(required=True))
    attribute = graphene.Field(SelectedAttribute, slug=graphene.String(required=True),
                               resolver=resolve_selected_attribute,
                               deprecation_reason="Use the `assignedAttribute` field instead.")
    attributes = NonNullList(SelectedAttribute, required=True,
                             resolver=resolve_selected_attributes,
                             deprecation_reason="Use the `assignedAttributes` field instead.")
    variants = NonNullList(ProductVariant, description="List of variants for the product.",
                           deprecation_reason="Use `productVariants` field instead.")
    product_variants = graphene.Field(ProductVariantCountableConnection, **connection_args())
    media = NonNullList(ProductMedia, sort_by=graphene.Argument(MediaSortingInput))
    collections = NonNullList("catalog.graphql.collections.Collection",
                              resolver=resolve_product_collections,
                              description="List of collections for the product.")
    translation = graphene.Field(ProductTranslation, **translation_argument())
    available_for_purchase_at = graphene.DateTime()
    is_available_for_purchase = graphene.Boolean()
    external_reference = graphene.String()
    cooperative = graphene.Field("backend.cooperatives.graphql.types.Cooperative",
                                 required=True, description="CoopStore: who makes it.")
    fair_pay_estimate = graphene.Field(
        "backend.fairpay.graphql.types.FairPayEstimate",
        delivery_price=PositiveDecimal(description="A delivery price to include in the split."),
        description="CoopStore: where your money goes for the product's price (null when it "
                    "has no price in the channel).")
    labels = NonNullList(ProductLabel, required=True,
                         description="CoopStore: certified quality labels (IGP, AOP...).")

    class Meta:
        interfaces = (Node, ObjectWithMetadata)
        description = "Represents an individual item for sale in the storefront."

    @staticmethod
    def resolve_seo_title(root: ChannelContext, _info: Any) -> str | None:
        return root.node.seo_title or None

    @staticmethod
    def resolve_seo_description(root: ChannelContext, _info: Any) -> str | None:
        return root.node.seo_description or None

    @staticmethod
    def resolve_description(root: ChannelContext, _info: Any) -> Any:
        return json_or_none(root.node.description)

    @staticmethod
    def resolve_created(root: ChannelContext, _info: Any) -> Any:
        return root.node.created_at

    @staticmethod
    def resolve_weight(_root: ChannelContext, _info: Any) -> None:
        return None  # weights are per variant

    @staticmethod
    def resolve_rating(_root: ChannelContext, _info: Any) -> None:
        return None

    @staticmethod
    def resolve_channel(root: ChannelContext, _info: Any) -> str | None:
        return _channel_slug(root)

    @staticmethod
    def resolve_default_variant(root: ChannelContext, _info: Any) -> ChannelContext | None:
        product = root.node
        variant = next((v for v in related_rows(product, "variants")
                        if v.pk == product.default_variant_id), None)
        return ChannelContext(node=variant, channel=root.channel) if variant else None

    @staticmethod
    def resolve_thumbnail(root: ChannelContext, info: Any, *, size: int | None = None,
                          format: Any = None) -> Image | None:
        first = first_media(root.node)
        if first is None:
            return None
        url = media_url(info, first, DEFAULT_THUMBNAIL_SIZE if size is None else size, format)
        return Image(url=url, alt=first.alt) if url else None

    @staticmethod
    def resolve_fair_pay_estimate(root: ChannelContext, info: Any, *,
                                  delivery_price: Any = None) -> Any:
        from backend.fairpay.graphql.types import fair_pay_estimate

        if not root.channel:
            return None
        price_range = selectors.product_price_range(root.node, _currency(root))
        if price_range is None:
            return None
        return fair_pay_estimate(info, product=root.node, price=price_range.start,
                                 currency=price_range.currency, delivery_price=delivery_price)

    @staticmethod
    def resolve_pricing(root: ChannelContext, info: Any) -> PricesIn | None:
        """Catalogue promotions included (``backend.discounts``), rules loaded once per
        request."""
        from backend.discounts.pricing import product_prices_after_promotions
        from backend.discounts.selectors import catalogue_rules_for_request

        if not root.channel:
            return None
        currency = _currency(root)
        found = product_prices_after_promotions(
            variants_with_prices(root.node),
            catalogue_rules_for_request(info.context, root.channel), currency)
        return PricesIn(found=found, currency=currency) if found is not None else None

    @staticmethod
    def resolve_is_available(root: ChannelContext, _info: Any) -> bool | None:
        return selectors.product_is_available(root.node) if root.channel else None

    @staticmethod
    def resolve_media_by_id(root: ChannelContext, _info: Any, *, id: str) -> Any:
        _, pk = from_global_id_or_error(id, "ProductMedia")
        return next((m for m in related_rows(root.node, "media") if m.pk == pk), None)

    @staticmethod
    def resolve_variants(root: ChannelContext, _info: Any) -> list[ChannelContext]:
        return [ChannelContext(node=v, channel=root.channel) for v in priced_variants(root.node)]

    @staticmethod
    def resolve_product_variants(root: ChannelContext, info: Any, **args: Any) -> Any:
        return paginate_list(priced_variants(root.node), info, args,
                             connection=ProductVariantCountableConnection,
                             wrap=lambda v: ChannelContext(node=v, channel=root.channel))

    @staticmethod
    def resolve_media(root: ChannelContext, _info: Any, *, sort_by: Any = None) -> list:
        media = list(related_rows(root.node, "media"))
        if sort_by is not None:
            media.sort(key=lambda m: m.pk, reverse=enum_value(sort_by.direction) == "desc")
        return media

    @staticmethod
    def resolve_translation(root: ChannelContext, _info: Any, *, language_code: Any) -> Any:
        return find_translation(root.node, language_code)

    @staticmethod
    def resolve_available_for_purchase_at(root: ChannelContext, _info: Any) -> Any:
        listing = _channel_listing(root)
        return listing.available_for_purchase_at if listing else None

    @staticmethod
    def resolve_is_available_for_purchase(root: ChannelContext, _info: Any) -> bool | None:
        """CoopStore: no date set means no restriction (Saleor needs a date)."""
        listing = _channel_listing(root)
        if listing is None:
            return None
        when = listing.available_for_purchase_at
        return when is None or when <= timezone.now()

    @staticmethod
    def resolve_external_reference(_root: ChannelContext, _info: Any) -> None:
        return None

    @staticmethod
    def resolve_cooperative(root: ChannelContext, _info: Any) -> Any:
        return root.node.cooperative

    @staticmethod
    def resolve_labels(root: ChannelContext, _info: Any) -> list:
        return related_rows(root.node, "product_labels")


class ProductCountableConnection(CountableConnection):
    class Meta:
        node = Product
