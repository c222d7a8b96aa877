"""The reads behind the catalog queries: visibility from ``catalog.selectors``, then filters,
sorting and one keyset page loaded with what the query selects (``loading``), in a fixed
number of queries."""
from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from backend.graphql.core.connection import SortSpec, paginate_queryset
from backend.graphql.core.filters import check_filter_or_where, where_q
from backend.graphql.core.ids import from_global_id_or_error
from backend.graphql.core.types import ChannelContext
from backend.graphql.core.validators import is_clean_text
from catalog.models import Category, Channel, Product, ProductVariant
from catalog.search import apply_search
from catalog.selectors import products_visible

from .channel import channel_for_query
from .filters import (
    category_filter_q,
    category_where_leaf_q,
    product_filter_q,
    product_where_leaf_q,
)
from .fragments import product_fragments
from .loading import (
    ProductNeeds,
    product_needs,
    products_loaded,
    related_rows,
    variant_needs,
)
from .sorters import sort_categories, sort_products
from .types import ProductCountableConnection


def _with_details(channel: Channel, info: Any = None, needs: ProductNeeds | None = None,
                  sort: SortSpec | None = None):
    """The page's prefetches, joins and columns: what the selection shows (``loading``)."""
    def prepare(queryset: QuerySet[Product]) -> QuerySet[Product]:
        wanted = needs if needs is not None else product_needs(info)
        lookups = _requested_extras(channel, info)
        if any(_lookup_path(lookup).startswith("variants__") for lookup in lookups):
            wanted.need_variants()
        if any(_lookup_path(lookup).startswith("product_type__") for lookup in lookups) or (
                sort and any(f.startswith("product_type__") for f in sort.fields)):
            wanted.product_type = True
        queryset = products_loaded(queryset, channel, wanted)
        return queryset.prefetch_related(*lookups) if lookups else queryset
    return prepare


def _lookup_path(lookup: Any) -> str:
    """Where a prefetch goes (``variants__attribute_values``...): through the variants or the
    product type, which the loading must then load itself (with the channel's prices)."""
    return lookup.prefetch_through if isinstance(lookup, Prefetch) else str(lookup)


def _requested_extras(channel: Channel, info: Any) -> list:
    """Attributes and collections are prefetched only when the query asks for them."""
    from .attributes import attribute_prefetches_for, is_staff, selected_field_names
    from .collections import product_collections_prefetch

    lookups = attribute_prefetches_for(info)
    if info is not None and "collections" in selected_field_names(info):
        lookups.append(product_collections_prefetch(channel, staff=is_staff(info)))
    return lookups


def products_connection(info: Any, args: dict[str, Any], *, scope: Q | None = None,
                        default_sort: Any = None) -> Any:
    """``products(...)`` at the root, in a category or of a cooperative (``scope``);
    ``default_sort`` (queryset -> (queryset, SortSpec)) replaces the usual order."""
    filter_input, where_input = args.get("filter"), args.get("where")
    check_filter_or_where(filter_input, where_input)
    channel = channel_for_query(info, args.get("channel") or (filter_input or {}).get("channel"))
    queryset = products_visible(channel) if channel else Product.objects.none()
    if scope is not None:
        queryset = queryset.filter(scope)
    search = args.get("search") or (filter_input or {}).get("search")
    if search:
        queryset = apply_search(queryset, search)
    if filter_input:
        queryset = queryset.filter(product_filter_q(filter_input, channel))
    if where_input:
        queryset = queryset.filter(
            where_q(where_input, lambda data: product_where_leaf_q(data, channel)))
    if default_sort is not None:
        queryset, sort = default_sort(queryset)
    else:
        queryset, sort = sort_products(queryset, args.get("sort_by"), channel=channel,
                                       search=search)
    return paginate_queryset(queryset, info, args, connection=ProductCountableConnection,
                             sort=sort, prepare=_with_details(
                                 channel, info, product_needs(info, ("edges", "node")), sort)
                             if channel else None,
                             wrap=lambda product: ChannelContext(node=product, channel=channel),
                             fragments=product_fragments(info, channel) if channel else None)


def product_get(info: Any, *, id: str | None, slug: str | None,
                channel_slug: str | None) -> ChannelContext | None:
    """A visible product (also one hidden from listings), by ID or slug."""
    channel = channel_for_query(info, channel_slug)
    pk = from_global_id_or_error(id, "Product")[1] if id else None
    if channel is None or (id and pk is None) or (slug and not is_clean_text(slug)):
        return None
    queryset = products_visible(channel, in_listings=False)
    if id:
        queryset = queryset.filter(pk=pk)
    elif slug:
        queryset = queryset.filter(slug=slug)
    else:
        return None
    product = _with_details(channel, info)(queryset).first()
    return ChannelContext(node=product, channel=channel) if product else None


def variant_get(info: Any, *, id: str | None, sku: str | None,
                channel_slug: str | None) -> ChannelContext | None:
    """A variant priced in the channel, of a visible product; loaded through its product so
    every field reads prefetched rows."""
    channel = channel_for_query(info, channel_slug)
    pk = from_global_id_or_error(id, "ProductVariant")[1] if id else None
    if channel is None or (id and pk is None) or (sku and not is_clean_text(sku)):
        return None
    variants = ProductVariant.objects.filter(
        product__in=products_visible(channel, in_listings=False),
        channel_listings__channel=channel)
    if id:
        variants = variants.filter(pk=pk)
    elif sku:
        variants = variants.filter(sku=sku)
    else:
        return None
    found = variants.values_list("pk", "product_id").first()
    if found is None:
        return None
    product = _with_details(channel, info, variant_needs(info))(
        Product.objects.filter(pk=found[1])).first()
    variant = next((v for v in related_rows(product, "variants") if v.pk == found[0]), None)
    return ChannelContext(node=variant, channel=channel) if variant else None


def category_details(queryset: QuerySet[Category]) -> QuerySet[Category]:
    """Parent, translations and children in a fixed number of queries."""
    children = Category.objects.order_by("tree_id", "lft").prefetch_related("translations")
    return queryset.select_related("parent").prefetch_related(
        "translations", Prefetch("children", queryset=children))


def categories_connection(info: Any, args: dict[str, Any]) -> Any:
    from .categories import CategoryCountableConnection

    filter_input, where_input = args.get("filter"), args.get("where")
    check_filter_or_where(filter_input, where_input)
    queryset = Category.objects.all()
    if args.get("level") is not None:
        queryset = queryset.filter(level=args["level"])
    if filter_input:
        queryset = queryset.filter(category_filter_q(filter_input))
    if where_input:
        queryset = queryset.filter(where_q(where_input, category_where_leaf_q))
    queryset, sort = sort_categories(queryset, args.get("sort_by"))
    return paginate_queryset(queryset, info, args, connection=CategoryCountableConnection,
                             sort=sort, prepare=category_details)


def category_get(*, id: str | None, slug: str | None) -> Category | None:
    if id:
        _, pk = from_global_id_or_error(id, "Category")
        if pk is None:
            return None
        return category_details(Category.objects.filter(pk=pk)).first()
    if slug and is_clean_text(slug):
        return category_details(Category.objects.filter(slug=slug)).first()
    return None
