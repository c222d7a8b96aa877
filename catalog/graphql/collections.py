"""Saleor's ``Collection``: a hand-picked, ordered set of products, published per channel.

Shoppers see a collection only where it is published (and its publication date has come);
staff see every collection. A collection is resolved in a :class:`ChannelContext` because its
products and its ``channel`` field depend on the channel the query runs in.
"""
from __future__ import annotations

from typing import Any

import graphene
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from graphql import GraphQLError

from backend.graphql.core.connection import (
    CountableConnection,
    SortSpec,
    connection_args,
    paginate_queryset,
)
from backend.graphql.core.enums import LanguageCodeEnum, OrderDirection, ThumbnailFormatEnum
from backend.graphql.core.filters import MetadataFilter, ids_q, metadata_q, where_q
from backend.graphql.core.ids import from_global_id_or_error
from backend.graphql.core.types import (
    ChannelContext,
    ChannelContextType,
    Image,
    ModelObjectType,
    Node,
    NonNullList,
    ObjectWithMetadata,
    absolute_url,
)
from backend.graphql.core.validators import is_clean_text, validate_one_of_args_is_in_query
from catalog.models import Channel
from catalog.models import Collection as CollectionModel
from catalog.models import CollectionChannelListing as CollectionChannelListingModel
from catalog.selectors.collections import (
    collection_products_q,
    collection_published_q,
    collection_sort_order,
    collections_visible,
)

from .attributes import is_staff
from .channel import ChannelType, channel_for_query
from .translations import (
    BaseTranslationType,
    enum_value,
    find_translation,
    json_or_none,
    translation_argument,
)

DEPRECATED_CHANNEL = "Use root-level channel argument instead."
PERMISSION_DENIED = "To access this path, you need one of the following permissions: "\
                    "MANAGE_PRODUCTS"


class CollectionTranslation(BaseTranslationType):
    seo_title = graphene.String(description="Translated SEO title.")
    seo_description = graphene.String(description="Translated SEO description.")
    slug = graphene.String(description="Translated slug: CoopStore keeps one slug per "
                           "collection.")
    name = graphene.String(description="Translated collection name.")
    description = graphene.JSONString(description="Translated description of the "
                                      "collection.")
    description_json = graphene.JSONString(deprecation_reason="Use the `description` field "
                                           "instead.")

    class Meta:
        interfaces = (Node,)
        description = "Represents collection translations."

    @staticmethod
    def resolve_slug(_root: Any, _info: Any) -> None:
        return None

    @staticmethod
    def resolve_name(root: Any, _info: Any) -> str | None:
        return root.name or None

    @staticmethod
    def resolve_seo_title(root: Any, _info: Any) -> str | None:
        return root.seo_title or None

    @staticmethod
    def resolve_seo_description(root: Any, _info: Any) -> str | None:
        return root.seo_description or None

    @staticmethod
    def resolve_description(root: Any, _info: Any) -> Any:
        return json_or_none(root.description)

    resolve_description_json = resolve_description


class CollectionChannelListing(ModelObjectType):
    publication_date = graphene.Date(deprecation_reason="Use the `publishedAt` field to fetch "
                                     "the publication date.")
    published_at = graphene.DateTime(description="The collection publication date.")
    is_published = graphene.Boolean(required=True, description="Indicates if the collection "
                                    "is published in the channel.")
    channel = graphene.Field(ChannelType, required=True)

    class Meta:
        interfaces = (Node,)
        description = "Represents collection channel listing."

    @staticmethod
    def resolve_publication_date(root: CollectionChannelListingModel, _info: Any) -> Any:
        return root.published_at.date() if root.published_at else None


def _channel_of(root: ChannelContext) -> Channel | None:
    return root.channel


class Collection(ChannelContextType):
    seo_title = graphene.String(description="SEO title of the collection.")
    seo_description = graphene.String(description="SEO description of the collection.")
    name = graphene.String(required=True, description="Name of the collection.")
    description = graphene.JSONString(description="Description of the collection (EditorJS).")
    slug = graphene.String(required=True, description="Slug of the collection.")
    channel = graphene.String(description="Channel given to retrieve this collection.")
    description_json = graphene.JSONString(deprecation_reason="Use the `description` field "
                                           "instead.")
    products = graphene.Field(
        "catalog.graphql.types.ProductCountableConnection",
        filter=graphene.Argument("catalog.graphql.filters.ProductFilterInput",
                                 deprecation_reason="Use `where` filter instead."),
        where=graphene.Argument("catalog.graphql.filters.ProductWhereInput"),
        search=graphene.String(description="Search products."),
        sort_by=graphene.Argument("catalog.graphql.sorters.ProductOrder"),
        **connection_args(), description="List of products in this collection.")
    background_image = graphene.Field(
        Image, size=graphene.Int(description="Desired longest side the image in pixels."),
        format=ThumbnailFormatEnum(default_value=ThumbnailFormatEnum.ORIGINAL.value,
                                   description="The format of the image."))
    translation = graphene.Field(CollectionTranslation, **translation_argument())
    channel_listings = NonNullList(CollectionChannelListing, description="List of channels "
                                   "in which the collection is available (staff only).")

    private_metadata_permission = "MANAGE_PRODUCTS"

    class Meta:
        interfaces = (Node, ObjectWithMetadata)
        description = "Represents a collection of products."

    @staticmethod
    def resolve_seo_title(root: ChannelContext, _info: Any) -> str | None:
        return root.node.seo_title or None

    @staticmethod
    def resolve_seo_description(root: ChannelContext, _info: Any) -> str | None:
        return root.node.seo_description or None

    @staticmethod
    def resolve_description(root: ChannelContext, _info: Any) -> Any:
        return json_or_none(root.node.description)

    resolve_description_json = resolve_description

    @staticmethod
    def resolve_channel(root: ChannelContext, _info: Any) -> str | None:
        return root.channel.slug if root.channel else None

    @staticmethod
    def resolve_products(root: ChannelContext, info: Any, **args: Any) -> Any:
        from .resolvers import products_connection

        collection = root.node
        args = {**args, "channel": root.channel.slug if root.channel else None}
        if root.channel is None:
            args["channel"] = "\x00"  # no channel: no products, as for an unknown channel
        return products_connection(info, args, scope=collection_products_q(collection),
                                   default_sort=collection_default_sort(collection, args))

    @staticmethod
    def resolve_background_image(root: ChannelContext, info: Any, **_args: Any
                                 ) -> Image | None:
        collection = root.node
        if not collection.background_image:
            return None
        return Image(url=absolute_url(info, collection.background_image.url),
                     alt=collection.background_image_alt)

    @staticmethod
    def resolve_translation(root: ChannelContext, _info: Any, *, language_code: Any) -> Any:
        return find_translation(root.node, language_code)

    @staticmethod
    def resolve_channel_listings(root: ChannelContext, info: Any) -> list:
        if not is_staff(info):
            raise GraphQLError(PERMISSION_DENIED)
        return list(root.node.channel_listings.select_related("channel"))


def collection_default_sort(collection: CollectionModel, args: dict[str, Any]) -> Any:
    """``Collection.products`` without ``sortBy`` (or with Saleor's ``COLLECTION``) come in
    the collection's own order."""
    sort_by = args.get("sort_by")
    field = enum_value(sort_by.field) if sort_by and sort_by.field is not None else None
    if (sort_by is None and not args.get("search")) or field == "collection":
        descending = bool(sort_by) and enum_value(sort_by.direction) == "desc"

        def sort(queryset: QuerySet) -> tuple[QuerySet, SortSpec]:
            return (queryset.annotate(collection_sort_order=collection_sort_order(collection)),
                    SortSpec(("collection_sort_order", "slug"), descending))
        return sort
    return None


class CollectionCountableConnection(CountableConnection):
    class Meta:
        node = Collection


class CollectionPublished(graphene.Enum):
    PUBLISHED = "published"
    HIDDEN = "hidden"


class CollectionFilterInput(graphene.InputObjectType):
    published = CollectionPublished()
    search = graphene.String()
    metadata = NonNullList(MetadataFilter)
    ids = NonNullList(graphene.ID)
    slugs = NonNullList(graphene.String)
    channel = graphene.String(deprecation_reason=DEPRECATED_CHANNEL)


class CollectionWhereInput(graphene.InputObjectType):
    metadata = NonNullList(MetadataFilter)
    ids = NonNullList(graphene.ID)
    AND = NonNullList(lambda: CollectionWhereInput)
    OR = NonNullList(lambda: CollectionWhereInput)


class CollectionSortField(graphene.Enum):
    NAME = "name"
    AVAILABILITY = "availability"
    PRODUCT_COUNT = "product_count"
    PUBLICATION_DATE = "publication_date"
    PUBLISHED_AT = "published_at"

    @property
    def deprecation_reason(self) -> str | None:
        return "Use `PUBLISHED_AT` instead." if self.name == "PUBLICATION_DATE" else None


class CollectionSortingInput(graphene.InputObjectType):
    direction = OrderDirection(required=True, description="Specifies the direction in which "
                               "to sort collections.")
    channel = graphene.String(deprecation_reason=DEPRECATED_CHANNEL)
    field = CollectionSortField(required=True, description="Sort collections by the selected "
                                "field.")


def _search_q(text: str) -> Q:
    from catalog.models import CollectionTranslation as CollectionTranslationModel

    if not is_clean_text(text):
        return Q(pk__in=[])
    translated = CollectionTranslationModel.objects.filter(collection=OuterRef("pk"),
                                                           name__icontains=text)
    return Q(name__icontains=text) | Q(slug__icontains=text) | Q(Exists(translated))


def collection_filter_q(data: dict | None, channel: Channel | None) -> Q:
    data = data or {}
    q = metadata_q(data.get("metadata")) & ids_q(data.get("ids"), "Collection")
    if data.get("slugs") is not None:
        q &= Q(slug__in=[s for s in data["slugs"] if is_clean_text(s)])
    if data.get("search"):
        q &= _search_q(data["search"])
    published = enum_value(data.get("published"))
    if published == "published":
        q &= collection_published_q(channel)
    elif published == "hidden":
        q &= ~collection_published_q(channel)
    return q


def collection_where_leaf_q(data: dict) -> Q:
    return metadata_q(data.get("metadata")) & ids_q(data.get("ids"), "Collection")


def _listing_value(channel: Channel | None, column: str) -> Subquery:
    return Subquery(CollectionChannelListingModel.objects.filter(
        collection=OuterRef("pk"), channel=channel).values(column)[:1])


def sort_collections(queryset: QuerySet, sort_by: Any, channel: Channel | None
                     ) -> tuple[QuerySet, SortSpec]:
    field = enum_value(sort_by.field) if sort_by else None
    descending = bool(sort_by) and enum_value(sort_by.direction) == "desc"
    if field == "name":
        from .sorters import by_name

        return by_name(queryset, descending)
    if field == "product_count":
        return (queryset.annotate(product_count=Count("collection_products")),
                SortSpec(("product_count", "slug"), descending))
    if field == "availability":
        return (queryset.annotate(listing_is_published=_listing_value(channel, "is_published")),
                SortSpec(("listing_is_published", "slug"), descending))
    if field in {"publication_date", "published_at"}:
        return (queryset.annotate(listing_published_at=_listing_value(channel, "published_at")),
                SortSpec(("listing_published_at", "slug"), descending))
    return queryset, SortSpec(("sort_order", "slug"), descending)


def _details(queryset: QuerySet) -> QuerySet:
    return queryset.prefetch_related("translations")


def collections_connection(info: Any, args: dict[str, Any]) -> Any:
    filter_input, where_input = args.get("filter"), args.get("where")
    if filter_input and where_input:
        raise GraphQLError("Only one filtering argument (filter or where) can be specified.")
    slug = args.get("channel") or (filter_input or {}).get("channel") or \
        (args.get("sort_by") or {}).get("channel")
    channel = channel_for_query(info, slug)
    staff = is_staff(info)
    queryset = collections_visible(channel, staff=staff)
    if filter_input:
        queryset = queryset.filter(collection_filter_q(filter_input, channel))
    if where_input:
        queryset = queryset.filter(where_q(where_input, collection_where_leaf_q))
    queryset, sort = sort_collections(queryset, args.get("sort_by"), channel)
    return paginate_queryset(queryset, info, args, connection=CollectionCountableConnection,
                             sort=sort, prepare=_details,
                             wrap=lambda c: ChannelContext(node=c, channel=channel))


def collection_get(info: Any, *, id: str | None, slug: str | None,
                   channel_slug: str | None) -> ChannelContext | None:
    channel = channel_for_query(info, channel_slug)
    queryset = collections_visible(channel, staff=is_staff(info))
    if id:
        _, pk = from_global_id_or_error(id, "Collection")
        if pk is None:
            return None
        queryset = queryset.filter(pk=pk)
    elif slug and is_clean_text(slug):
        queryset = queryset.filter(slug=slug)
    else:
        return None
    collection = _details(queryset).first()
    return ChannelContext(node=collection, channel=channel) if collection else None


def product_collections_prefetch(channel: Channel | None, *, staff: bool = False) -> Prefetch:
    """``Product.collections`` for a page of products: 2 queries whatever its size."""
    visible = collections_visible(channel, staff=staff).prefetch_related("translations")
    return Prefetch("collections", queryset=visible, to_attr="visible_collections")


def resolve_product_collections(root: ChannelContext, info: Any) -> list[ChannelContext]:
    """The product's collections visible in the channel it is read in."""
    product = root.node
    collections = getattr(product, "visible_collections", None)
    if collections is None:
        collections = list(collections_visible(root.channel, staff=is_staff(info)).filter(
            collection_products__product=product).prefetch_related("translations"))
    return [ChannelContext(node=c, channel=root.channel) for c in collections]


class CollectionQueries(graphene.ObjectType):
    collection = graphene.Field(
        Collection, id=graphene.ID(description="ID of the collection."),
        slug=graphene.String(description="Slug of the category"),
        slug_language_code=LanguageCodeEnum(description="Slugs are the same in every language "
                                            "in CoopStore: the code is accepted."),
        channel=graphene.String(description="Slug of a channel for which the data should be "
                                "returned."),
        description="Look up a collection by ID or slug.")
    collections = graphene.Field(
        CollectionCountableConnection,
        filter=CollectionFilterInput(description="Filtering options for collections."),
        where=CollectionWhereInput(description="Where filtering options for collections."),
        sort_by=CollectionSortingInput(description="Sort collections."),
        channel=graphene.String(description="Slug of a channel for which the data should be "
                                "returned."),
        **connection_args(), description="List of the shop's collections.")

    @staticmethod
    def resolve_collection(_root: Any, info: Any, *, id: str | None = None,
                           slug: str | None = None, channel: str | None = None,
                           **_args: Any) -> ChannelContext | None:
        validate_one_of_args_is_in_query("id", id, "slug", slug)
        return collection_get(info, id=id, slug=slug, channel_slug=channel)

    @staticmethod
    def resolve_collections(_root: Any, info: Any, **args: Any) -> Any:
        return collections_connection(info, args)
