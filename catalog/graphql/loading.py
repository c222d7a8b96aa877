"""What a product query loads, read from its selection: only the rows and columns it shows.

``products(first: 100)`` asking names, prices and thumbnails must not build the variants'
translations, every thumbnail of every photo, labels and the cooperatives' places that a
product *page* shows: building those instances was most of a cold listing's time. The
selection under the products (``edges.node`` of a connection, the field itself for
``product``, ``product`` under a variant) says what each resolver of ``types.py`` will read;
each need maps to one prefetch, join or column, and a field this module does not know loads
everything, as before. Deferred columns are only those no resolver reads unless its field is
asked (a deferred column read anyway would cost one query per row:
``tests/graphql/test_product_loading.py`` asks each field alone at two page sizes).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, QuerySet
from graphql import (
    FieldNode,
    IntValueNode,
    NullValueNode,
    VariableNode,
)

from backend.graphql.core.selections import selected_fields
from catalog.models import (
    Channel,
    Product,
    ProductChannelListing,
    ProductLabel,
    ProductMedia,
    ProductVariant,
    ProductVariantChannelListing,
    Thumbnail,
)
from catalog.selectors import products_with_details
from catalog.thumbnails import closest_size

DEFAULT_THUMBNAIL_SIZE = 256  # Saleor's default for Product.thumbnail
METADATA_FIELDS = frozenset({"metadata", "metafield", "metafields"})
PRIVATE_METADATA_FIELDS = frozenset({"privateMetadata", "privateMetafield", "privateMetafields"})
ATTRIBUTE_FIELDS = frozenset({"attribute", "attributes", "assignedAttribute",
                              "assignedAttributes"})
# Fields that read only the row's own columns kept in every load, or nothing at all
# (``collections`` and the attributes have their own prefetches: ``resolvers``).
PRODUCT_PLAIN_FIELDS = frozenset({
    "__typename", "id", "name", "slug", "seoTitle", "seoDescription", "created", "updatedAt",
    "weight", "rating", "channel", "externalReference", "collections"})
VARIANT_PLAIN_FIELDS = frozenset({
    "__typename", "id", "name", "sku", "trackInventory", "quantityLimitPerCustomer", "weight",
    "channel", "media", "created", "updatedAt", "externalReference"})
MEDIA_PLAIN_FIELDS = frozenset({"__typename", "id", "sortOrder", "alt", "type", "oembedData",
                                "productId"})
# Product columns only some fields read (``search_*`` and the plain text: none at all).
PRODUCT_HEAVY_COLUMNS = ("description", "description_plaintext", "search_document",
                         "search_vector", "metadata", "private_metadata")

# Where the first photo alone is loaded (a sliced prefetch needs its own attribute).
FIRST_MEDIA = "first_media_rows"

Fields = dict[str, list[FieldNode]]


@dataclass
class VariantNeeds:
    stock: bool = False
    translations: bool = False
    metadata: bool = False
    private_metadata: bool = False


@dataclass
class MediaNeeds:
    first_only: bool = True  # ``thumbnail`` reads the first photo; ``media`` all of them
    thumbnail_sizes: set[int] | None = field(default_factory=set)  # None: every size
    metadata: bool = False
    private_metadata: bool = False


@dataclass
class ProductNeeds:
    """What the resolvers will read; ``everything`` when the selection holds an unknown field."""

    everything: bool = False
    variants: VariantNeeds | None = None
    media: MediaNeeds | None = None
    channel_listing: bool = False
    labels: bool = False
    translations: bool = False
    product_type: bool = False
    category: bool = False
    category_translations: bool = False
    cooperative: bool = False
    cooperative_region: bool = False
    cooperative_city: bool = False
    cooperative_translations: bool = False
    columns: set[str] = field(default_factory=set)  # of PRODUCT_HEAVY_COLUMNS

    def need_variants(self) -> VariantNeeds:
        if self.variants is None:
            self.variants = VariantNeeds()
        return self.variants

    def need_media(self, *, first_only: bool) -> MediaNeeds:
        if self.media is None:
            self.media = MediaNeeds(first_only=first_only)
        elif not first_only:
            self.media.first_only = False
        return self.media


class _Selection:
    """Fields under selection sets, fragments followed, and argument values."""

    def __init__(self, info: Any) -> None:
        self.fragments = info.fragments
        self.variables = info.variable_values or {}

    def fields(self, selection_sets: Iterable[Any]) -> Fields:
        return selected_fields(selection_sets, self.fragments)

    def under(self, nodes: list[FieldNode], *path: str) -> Fields:
        """The fields under ``nodes`` then each name of ``path`` (``edges``, ``node``)."""
        fields = self.fields(node.selection_set for node in nodes)
        for name in path:
            fields = self.fields(node.selection_set for node in fields.get(name, ()))
        return fields

    def int_argument(self, node: FieldNode, name: str) -> tuple[bool, int | None]:
        """(known, value) of an Int argument: absent and null are ``None``."""
        for argument in node.arguments or ():
            if argument.name.value != name:
                continue
            value = argument.value
            if isinstance(value, VariableNode):
                found = self.variables.get(value.name.value)
                return (found is None or isinstance(found, int)), found
            if isinstance(value, IntValueNode):
                return True, int(value.value)
            if isinstance(value, NullValueNode):
                return True, None
            return False, None
        return True, None


def _add_sizes(media: MediaNeeds, selection: _Selection, nodes: list[FieldNode],
               default: int | None) -> None:
    """Thumbnails of the sizes asked (``thumbnail_url`` picks the closest stored size)."""
    for node in nodes:
        known, size = selection.int_argument(node, "size")
        if not known:
            media.thumbnail_sizes = None
        elif media.thumbnail_sizes is not None:
            size = default if size is None else size
            if size != 0:  # 0 is the original image
                media.thumbnail_sizes.add(closest_size(size))


def _add_media_fields(needs: ProductNeeds, media: MediaNeeds, selection: _Selection,
                      nodes: list[FieldNode]) -> None:
    for name, found in selection.under(nodes).items():
        if name == "url":
            _add_sizes(media, selection, found, None)
        elif name in METADATA_FIELDS:
            media.metadata = True
        elif name in PRIVATE_METADATA_FIELDS:
            media.private_metadata = True
        elif name not in MEDIA_PLAIN_FIELDS:
            needs.everything = True


def _add_variant(needs: ProductNeeds, selection: _Selection, fields: Fields) -> None:
    variant = needs.need_variants()
    for name, nodes in fields.items():
        if name == "product":
            _add_product(needs, selection, selection.under(nodes))
        elif name == "translation":
            variant.translations = True
        elif name == "quantityAvailable":
            variant.stock = True
        elif name in METADATA_FIELDS:
            variant.metadata = True
        elif name in PRIVATE_METADATA_FIELDS:
            variant.private_metadata = True
        elif name in ATTRIBUTE_FIELDS:
            needs.product_type = True
        elif name != "pricing" and name not in VARIANT_PLAIN_FIELDS:
            needs.everything = True


def _add_cooperative(needs: ProductNeeds, fields: Fields) -> None:
    needs.cooperative = True
    needs.cooperative_region |= "region" in fields
    needs.cooperative_city |= "city" in fields
    needs.cooperative_translations |= "translation" in fields


def _add_product(needs: ProductNeeds, selection: _Selection, fields: Fields) -> None:
    for name, nodes in fields.items():
        if name in PRODUCT_PLAIN_FIELDS:
            continue
        if name in METADATA_FIELDS:
            needs.columns.add("metadata")
        elif name in PRIVATE_METADATA_FIELDS:
            needs.columns.add("private_metadata")
        elif name == "description":
            needs.columns.add("description")
        elif name in ATTRIBUTE_FIELDS or name == "productType":
            needs.product_type = True
        elif name in {"variants", "defaultVariant"}:
            _add_variant(needs, selection, selection.under(nodes))
        elif name == "productVariants":
            _add_variant(needs, selection, selection.under(nodes, "edges", "node"))
        elif name == "pricing":
            needs.need_variants()
        elif name == "isAvailable":
            needs.need_variants().stock = True
        elif name == "fairPayEstimate":
            needs.need_variants()
            needs.cooperative = True
        elif name == "thumbnail":
            _add_sizes(needs.need_media(first_only=True), selection, nodes,
                       DEFAULT_THUMBNAIL_SIZE)
        elif name in {"media", "mediaById"}:
            _add_media_fields(needs, needs.need_media(first_only=False), selection, nodes)
        elif name == "translation":
            needs.translations = True
        elif name in {"availableForPurchaseAt", "isAvailableForPurchase"}:
            needs.channel_listing = True
        elif name == "labels":
            needs.labels = True
        elif name == "category":
            needs.category = True
            needs.category_translations |= "translation" in selection.under(nodes)
        elif name == "cooperative":
            _add_cooperative(needs, selection.under(nodes))
        else:
            needs.everything = True


def product_needs(info: Any, path: tuple[str, ...] = ()) -> ProductNeeds:
    """The needs of the products under the current field (then ``path``, e.g. edges, node)."""
    if info is None:
        return ProductNeeds(everything=True)
    selection = _Selection(info)
    needs = ProductNeeds()
    _add_product(needs, selection, selection.under(list(info.field_nodes), *path))
    return needs


def variant_needs(info: Any) -> ProductNeeds:
    """The needs of the product of the variant the current field returns."""
    if info is None:
        return ProductNeeds(everything=True)
    selection = _Selection(info)
    needs = ProductNeeds()
    _add_variant(needs, selection, selection.under(list(info.field_nodes)))
    return needs


# --- querysets --------------------------------------------------------------------------------

def _variants(channel: Channel, needs: VariantNeeds) -> QuerySet[ProductVariant]:
    listings = ProductVariantChannelListing.objects.filter(channel=channel)
    variants = ProductVariant.objects.prefetch_related(
        Prefetch("channel_listings", queryset=listings))
    if needs.stock:
        variants = variants.select_related("stock")
    if needs.translations:
        variants = variants.prefetch_related("translations")
    deferred = [name for name, wanted in (("metadata", needs.metadata),
                                          ("private_metadata", needs.private_metadata))
                if not wanted]
    return variants.defer(*deferred) if deferred else variants


def _media(needs: MediaNeeds) -> QuerySet[ProductMedia]:
    media = ProductMedia.objects.all()
    deferred = [name for name, wanted in (("metadata", needs.metadata),
                                          ("private_metadata", needs.private_metadata))
                if not wanted]
    if deferred:
        media = media.defer(*deferred)
    if needs.thumbnail_sizes is None:
        media = media.prefetch_related("thumbnails")
    elif needs.thumbnail_sizes:
        thumbnails = Thumbnail.objects.filter(size__in=sorted(needs.thumbnail_sizes))
        media = media.prefetch_related(Prefetch("thumbnails", queryset=thumbnails))
    return media


def products_loaded(queryset: QuerySet[Product], channel: Channel, needs: ProductNeeds,
                    ) -> QuerySet[Product]:
    """``queryset`` with the joins, prefetches and columns ``needs`` says (all if unknown)."""
    if needs.everything:
        return products_with_details(queryset, channel).select_related("category__parent")
    related = [name for name, wanted in (
        ("product_type", needs.product_type), ("category__parent", needs.category),
        ("cooperative", needs.cooperative), ("cooperative__region", needs.cooperative_region),
        ("cooperative__city", needs.cooperative_city)) if wanted]
    if related:
        queryset = queryset.select_related(*related)
    deferred = [name for name in PRODUCT_HEAVY_COLUMNS if name not in needs.columns]
    queryset = queryset.defer(*deferred)
    lookups: list[Any] = []
    if needs.variants is not None:
        lookups.append(Prefetch("variants", queryset=_variants(channel, needs.variants)))
    if needs.media is not None:
        media = _media(needs.media)
        lookups.append(Prefetch("media", queryset=media[:1], to_attr=FIRST_MEDIA)
                       if needs.media.first_only else Prefetch("media", queryset=media))
    if needs.channel_listing:
        lookups.append(Prefetch("channel_listings",
                                queryset=ProductChannelListing.objects.filter(channel=channel)))
    if needs.labels:
        lookups.append(Prefetch("product_labels",
                                queryset=ProductLabel.objects.select_related("label")))
    for name, wanted in (("translations", needs.translations),
                         ("category__translations", needs.category_translations),
                         ("cooperative__translations", needs.cooperative_translations)):
        if wanted:
            lookups.append(name)
    return queryset.prefetch_related(*lookups) if lookups else queryset


def first_media(product: Product) -> ProductMedia | None:
    """The product's first photo (``thumbnail``), loaded alone or with all of them."""
    rows = getattr(product, FIRST_MEDIA, None)
    if rows is None:
        rows = related_rows(product, "media")
    return rows[0] if rows else None


def related_rows(instance: Any, name: str) -> list:
    """The rows of a prefetched relation, without building its manager and queryset at each
    read (which cost more than the read); a relation not prefetched is queried."""
    cached = getattr(instance, "_prefetched_objects_cache", None)
    rows = cached.get(name) if cached else None
    if rows is not None and rows._result_cache is not None:
        return rows._result_cache
    return list(getattr(instance, name).all())
