"""Storefront reads: listings with filters and sorting, featured blocks, public pages.

Each function costs a fixed number of SQL queries whatever the number of rows, so the
storefront's listing pages cost the same with 10 or 10,000 products.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FilteredRelation,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Collate, NullIf

from backend.cooperatives.models import Cooperative, CooperativeStatus, CooperativeTranslation
from fulfillment.models import Region

from ..cache import PAGE_TIMEOUT, catalog_pages_version
from ..models import (
    Category,
    Channel,
    Label,
    Product,
    ProductChannelListing,
    ProductLabel,
    ProductMedia,
    ProductTranslation,
    ProductVariant,
    ProductVariantChannelListing,
)
from ..search import apply_search
from .attributes import products_with_value_slugs_q
from .core import (
    categories_tree,
    listing_offered_q,
    products_visible,
    products_with_details,
    variant_price,
)

LISTING_SORTS = ("name", "price", "-price", "newest")


@dataclass(frozen=True)
class ProductFilters:
    """What a shopper narrowed a listing to; slugs that match nothing give an empty listing."""
    query: str = ""
    category: str = ""
    region: str = ""
    label: str = ""
    cooperative: str = ""
    price_min: Decimal | None = None
    price_max: Decimal | None = None
    sort: str = "name"
    # (attribute slug, value slug) pairs: a product must hold every one (attribute facets).
    attributes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class FacetChoice:
    """One choice of a filter: its slug, its name in the page's language and, for the
    cooperatives, how many products of the listing it holds."""
    slug: str
    name: str
    count: int | None = None


@dataclass(frozen=True)
class ListingFacets:
    """The choices offered by the filter form.

    ``product_count`` is the listing's size, known from the cooperative counts (so the page
    needs no COUNT query of its own); None when the cooperatives were not counted.
    """
    categories: list[Category]
    regions: list[Region]
    labels: list[Label]
    cooperatives: list[FacetChoice]
    product_count: int | None = None


def channel_get_storefront() -> Channel | None:
    """The public channel: ``DEFAULT_CHANNEL_SLUG`` if active, else the oldest open one."""
    preferred = getattr(settings, "DEFAULT_CHANNEL_SLUG", "")
    return (Channel.objects.filter(is_active=True, is_restricted=False)
            .annotate(_rank=Case(When(slug=preferred, then=Value(0)), default=Value(1),
                                 output_field=IntegerField()))
            .order_by("_rank", "pk").first())


def product_card_prefetches(channel: Channel) -> list:
    """What a product card shows (name, price, availability, picture, labels): 7 queries."""
    variant_listings = ProductVariantChannelListing.objects.filter(channel=channel)
    variants = (ProductVariant.objects.select_related("stock")
                .prefetch_related(Prefetch("channel_listings", queryset=variant_listings)))
    return [
        Prefetch("variants", queryset=variants),
        Prefetch("media", queryset=ProductMedia.objects.prefetch_related("thumbnails")),
        Prefetch("product_labels", queryset=ProductLabel.objects.select_related("label")),
        "translations",
        "cooperative__translations",
    ]


def products_for_cards(queryset: QuerySet[Product], channel: Channel) -> QuerySet[Product]:
    return queryset.select_related("cooperative", "cooperative__region").prefetch_related(
        *product_card_prefetches(channel))


def _category_subtree(slug: str) -> Q:
    """Products whose category is ``slug`` or one of its descendants, without an extra query.

    The subtree's ids come from the small category table first, so the products are read by
    their category index alone (with no row of the category table joined to each product).
    """
    root = Category.objects.filter(slug=slug, tree_id=OuterRef("tree_id"),
                                   lft__lte=OuterRef("lft"), rght__gte=OuterRef("rght"))
    return Q(category_id__in=Category.objects.filter(Exists(root)).values("pk"))


def _sort_name(language: str) -> Collate | Coalesce | F:
    """The product name in ``language`` (French on the model), collated for people, not bytes."""
    name = F("name")
    if language != "fr":
        translated = ProductTranslation.objects.filter(
            product=OuterRef("pk"), language_code=language).values("name")[:1]
        name = Coalesce(NullIf(Subquery(translated), Value("")), F("name"))
    if connection.vendor == "postgresql":
        return Collate(name, "und-x-icu")
    return name


def products_listing(*, channel: Channel | None, filters: ProductFilters,
                     language: str = "fr",
                     category_ids: Sequence[int] | None = None) -> QuerySet[Product]:
    """Visible products matching ``filters``, sorted, ready for cards; paginate by slicing.

    The count and the page cost 1 query each, the cards 7 more, whatever the page size.
    ``category_ids``, the subtree of ``filters.category`` when the caller holds the tree
    (``category_subtree_ids``), are written into the SQL as constants: PostgreSQL then reads
    a leaf category's products in name (or date) order from an index and stops at the page,
    instead of sorting the whole category.
    """
    if channel is None:
        return Product.objects.none()
    # The visibility's own conditions: the price is read from the same partial index entry.
    price = ProductChannelListing.objects.filter(
        listing_offered_q(), product=OuterRef("pk"), channel=channel,
    ).values("discounted_price_amount")[:1]
    queryset = products_visible(channel).annotate(listing_price=Subquery(price))
    if filters.category and category_ids is not None:
        queryset = queryset.filter(category_id__in=sorted(category_ids))
    elif filters.category:
        queryset = queryset.filter(_category_subtree(filters.category))
    if filters.region:
        queryset = queryset.filter(cooperative__region__slug=filters.region)
    if filters.cooperative:
        queryset = queryset.filter(cooperative__slug=filters.cooperative)
    if filters.label:
        queryset = queryset.filter(Exists(ProductLabel.objects.filter(
            product=OuterRef("pk"), label__slug=filters.label)))
    if filters.price_min is not None:
        queryset = queryset.filter(listing_price__gte=filters.price_min)
    if filters.price_max is not None:
        queryset = queryset.filter(listing_price__lte=filters.price_max)
    for attribute_slug, value_slug in filters.attributes:
        queryset = queryset.filter(products_with_value_slugs_q(attribute_slug, [value_slug]))
    if filters.query:
        queryset = apply_search(queryset, filters.query)
    if filters.sort == "price":
        ordering = [F("listing_price").asc(nulls_last=True), "pk"]
    elif filters.sort == "-price":
        ordering = [F("listing_price").desc(nulls_last=True), "pk"]
    elif filters.sort == "newest":
        ordering = ["-created_at", "-pk"]
    else:
        queryset = queryset.annotate(sort_name=_sort_name(language))
        ordering = ["sort_name", "pk"]
    return products_for_cards(queryset.order_by(*ordering), channel)


def products_featured(*, channel: Channel | None, limit: int = 8) -> list[Product]:
    """The home page's products: the newest listed ones until merchandising exists (8 queries)."""
    if channel is None:
        return []
    queryset = products_visible(channel).order_by("-created_at", "-pk")[:limit]
    return list(products_for_cards(queryset, channel))


def products_more_from_cooperative(*, channel: Channel, product: Product,
                                   limit: int = 4) -> list[Product]:
    """Other listed products of the same cooperative, for the product page (8 queries)."""
    queryset = (products_visible(channel).filter(cooperative_id=product.cooperative_id)
                .exclude(pk=product.pk).order_by("-created_at", "-pk")[:limit])
    return list(products_for_cards(queryset, channel))


def product_get_for_page(*, channel: Channel | None, slug: str) -> Product | None:
    """A visible product (also one hidden from listings) with everything its page shows."""
    if channel is None:
        return None
    queryset = products_visible(channel, in_listings=False).filter(slug=slug)
    return products_with_details(queryset, channel).first()


def product_variant_pick(product: Product, variant_id: str | None) -> ProductVariant | None:
    """The variant the shopper asked for, else the default one, else the first priced one."""
    variants = [v for v in product.variants.all() if variant_price(v) is not None]
    wanted = product.default_variant_id
    if variant_id and len(variant_id) <= 18 and variant_id.isascii() and variant_id.isdigit():
        wanted = int(variant_id)
    for variant in variants:
        if variant.pk == wanted:
            return variant
    return variants[0] if variants else None


def categories_roots() -> QuerySet[Category]:
    """Top-level categories for the navigation (2 queries)."""
    return (Category.objects.filter(parent__isnull=True).prefetch_related("translations")
            .order_by("tree_id", "lft"))


def category_get_public(*, slug: str) -> Category | None:
    """A category with its translations and its children's (4 queries)."""
    children = Category.objects.prefetch_related("translations").order_by("lft")
    return (Category.objects.filter(slug=slug)
            .prefetch_related("translations", Prefetch("children", queryset=children))
            .first())


def category_ancestors(category: Category) -> list[Category]:
    """The breadcrumb from the root down to ``category`` itself (2 queries)."""
    return list(category.get_ancestors(include_self=True).prefetch_related("translations"))


def cooperatives_public() -> QuerySet[Cooperative]:
    """Approved cooperatives with what a cooperative card shows (2 queries)."""
    return (Cooperative.objects.approved().select_related("region", "city")
            .prefetch_related("translations"))


def cooperatives_featured(*, limit: int = 6) -> list[Cooperative]:
    """The home page's cooperatives: the largest memberships first."""
    return list(cooperatives_public().order_by("-member_count", "name")[:limit])


def cooperative_get_public(*, slug: str) -> Cooperative | None:
    """An approved cooperative by slug; pending and suspended ones are not public."""
    return cooperatives_public().filter(slug=slug).first()


def regions_with_counts() -> QuerySet[Region]:
    """The 12 regions with their number of approved cooperatives (1 query)."""
    return Region.objects.annotate(cooperative_count=Count(
        "cooperatives", filter=Q(cooperatives__status=CooperativeStatus.APPROVED),
    )).order_by("code")


def region_get(*, slug: str) -> Region | None:
    """A region by slug; every region is public, even one without a cooperative yet."""
    return Region.objects.filter(slug=slug).first()


COOPERATIVE_CHOICES_LIMIT = 30


class _SumOverAll(Func):
    """``SUM(<aggregate>) OVER ()``: the grand total beside each group, before the LIMIT."""
    template = "SUM(%(expressions)s) OVER ()"
    output_field = IntegerField()


def cooperative_choices(*, channel: Channel | None, filters: ProductFilters,
                        language: str = "fr",
                        limit: int | None = None) -> tuple[list[FacetChoice], int]:
    """The cooperatives present in the listing, the most products first (1 query, none
    once cached).

    Counted over the listing without its cooperative filter, so the other cooperatives stay
    offered; at most ``limit`` of them, plus the chosen one (even with no product left under
    the other filters). A network of 10,000 cooperatives would make a list nobody scrolls,
    and the page would render it for every visitor. Also returns the listing's size (the
    chosen cooperative's count, or the total), so the page needs no COUNT query.
    """
    if channel is None:
        return [], 0
    limit = limit or COOPERATIVE_CHOICES_LIMIT
    # The same for every visitor until the catalog changes (a scheduled publication shows
    # within PAGE_TIMEOUT, as on cached pages); the sort changes no count.
    identity = repr((channel.pk, language, limit, replace(filters, sort="")))
    digest = hashlib.sha256(identity.encode("utf-8", "replace")).hexdigest()
    key = f"catalog:facets:cooperatives:{catalog_pages_version()}:{digest}"
    cached = cache.get(key)
    if cached is None:
        cached = _cooperative_counts(channel=channel, filters=filters, language=language,
                                     limit=limit)
        cache.set(key, cached, PAGE_TIMEOUT)
    rows, listing_count = cached
    choices = [FacetChoice(slug=slug, name=name, count=count) for slug, name, count in rows]
    return choices, listing_count


def _cooperative_counts(*, channel: Channel, filters: ProductFilters, language: str,
                        limit: int) -> tuple[list[tuple[str, str, int]], int]:
    """``cooperative_choices`` as plain rows (slug, name, count), and the listing's size."""
    chosen = filters.cooperative
    base = products_listing(channel=channel, filters=replace(filters, cooperative=""),
                            language=language)
    translation = FilteredRelation("cooperative__translations", condition=Q(
        cooperative__translations__language_code=language))
    name = Coalesce(NullIf(F("coop_translation__name"), Value("")), F("cooperative__name"))
    groups = (base.prefetch_related(None).annotate(coop_translation=translation).order_by()
              .values("cooperative_id", "cooperative__slug")
              .annotate(facet_name=name, n=Count("pk"), total=_SumOverAll(Count("pk")))
              .order_by(Case(When(cooperative__slug=chosen, then=Value(0)), default=Value(1)),
                        "-n", "facet_name", "cooperative_id")
              .values_list("cooperative__slug", "facet_name", "n", "total"))[:limit + 1]
    if chosen:
        # The chosen cooperative with nothing left under the other filters: still shown, so
        # the form says what narrowed the listing to nothing (same query, UNION ALL).
        fallback = CooperativeTranslation.objects.filter(
            cooperative_id=OuterRef("pk"), language_code=language).exclude(name="")
        alone = (Cooperative.objects.approved().filter(slug=chosen)
                 .annotate(facet_name=Coalesce(Subquery(fallback.values("name")[:1]), F("name")),
                           n=Value(0), total=Value(0))
                 .values_list("slug", "facet_name", "n", "total"))
        groups = groups.union(alone, all=True)
    rows = list(groups)
    total = next((row[3] for row in rows if row[2]), 0)
    choices: dict[str, FacetChoice] = {}
    for slug, facet_name, count, _total in rows:  # the chosen one first, then by count
        if slug not in choices or count > (choices[slug].count or 0):
            choices[slug] = FacetChoice(slug=slug, name=facet_name, count=count)
    ranked = sorted(choices.values(), key=lambda choice: -(choice.count or 0))
    shown = ranked[:limit]
    picked = choices.get(chosen) if chosen else None
    if picked is not None and picked not in shown:
        shown.append(picked)
    rows_shown = [(choice.slug, choice.name, int(choice.count or 0)) for choice in shown]
    if not chosen:
        return rows_shown, int(total)
    return rows_shown, int(picked.count or 0) if picked is not None else 0


def listing_facets(language: str = "fr", *, channel: Channel | None = None,
                   filters: ProductFilters | None = None,
                   categories: list[Category] | None = None,
                   regions: list[Region] | None = None,
                   labels: list[Label] | None = None) -> ListingFacets:
    """Every category, region and label, and the listing's cooperatives, for the filter form
    (5 queries; 4 without ``filters``, when the page is a cooperative's own and offers no
    cooperative choice). The ``categories`` tree, ``regions`` and ``labels`` are read unless
    given: the storefront keeps them per catalog version (2, 1 and 1 queries fewer)."""
    cooperatives: list[FacetChoice] = []
    product_count = None
    if filters is not None:
        cooperatives, product_count = cooperative_choices(channel=channel, filters=filters,
                                                          language=language)
    return ListingFacets(
        categories=list(categories_tree()) if categories is None else categories,
        regions=list(Region.objects.order_by("code")) if regions is None else regions,
        labels=list(Label.objects.all()) if labels is None else labels,
        cooperatives=cooperatives,
        product_count=product_count,
    )


def products_for_sitemap(channel: Channel | None) -> QuerySet[Product]:
    """Listed products with only what a sitemap entry needs, in a stable order."""
    if channel is None:
        return Product.objects.none()
    return products_visible(channel).only("slug", "updated_at").order_by("pk")


def category_subtree_ids(categories: list[Category], slug: str) -> list[int]:
    """The ids of the category ``slug`` and its descendants, from an already loaded tree (no
    query); none for an unknown slug."""
    root = next((c for c in categories if c.slug == slug), None)
    if root is None:
        return []
    return [c.pk for c in categories if c.tree_id == root.tree_id
            and root.lft <= c.lft and c.rght <= root.rght]


def category_path(categories: list[Category], category: Category) -> list[Category]:
    """The breadcrumb of ``category`` picked from an already loaded tree (no query)."""
    return [c for c in categories if c.tree_id == category.tree_id
            and c.lft <= category.lft and c.rght >= category.rght]

__all__ = [
    "LISTING_SORTS",
    "COOPERATIVE_CHOICES_LIMIT",
    "ProductFilters",
    "FacetChoice",
    "ListingFacets",
    "channel_get_storefront",
    "product_card_prefetches",
    "products_for_cards",
    "products_listing",
    "products_featured",
    "products_more_from_cooperative",
    "product_get_for_page",
    "product_variant_pick",
    "categories_roots",
    "category_get_public",
    "category_ancestors",
    "cooperatives_public",
    "cooperatives_featured",
    "cooperative_get_public",
    "regions_with_counts",
    "region_get",
    "cooperative_choices",
    "listing_facets",
    "products_for_sitemap",
    "category_subtree_ids",
    "category_path",
]
