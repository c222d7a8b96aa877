"""Reads of collections: which ones a shopper sees in a channel, and their products in order."""
from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from ..models import Channel, Collection, CollectionChannelListing, CollectionProduct, Product
from .core import products_visible
from .listing import products_for_cards


def collection_published_q(channel: Channel | None, *, prefix: str = "") -> Q:
    """Collections published in ``channel`` now (a future ``published_at`` is not yet)."""
    listings = CollectionChannelListing.objects.filter(
        **{"collection": OuterRef(f"{prefix}pk")}, channel=channel, is_published=True,
    ).filter(Q(published_at__isnull=True) | Q(published_at__lte=timezone.now()))
    return Q(Exists(listings))


def collections_visible(channel: Channel | None, *, staff: bool = False
                        ) -> QuerySet[Collection]:
    """Collections a shopper may see in ``channel``; staff see every collection."""
    queryset = Collection.objects.all()
    if staff:
        return queryset
    if channel is None:
        return queryset.none()
    return queryset.filter(collection_published_q(channel))


def collection_get_public(*, channel: Channel | None, slug: str) -> Collection | None:
    """A published collection with its translations (2 queries)."""
    return (collections_visible(channel).filter(slug=slug).prefetch_related("translations")
            .first())


def collection_products_q(collection: Collection) -> Q:
    return Q(Exists(CollectionProduct.objects.filter(collection=collection,
                                                     product=OuterRef("pk"))))


def collection_sort_order(collection: Collection) -> Subquery:
    """The place of each product in the collection (for ``annotate``)."""
    return Subquery(CollectionProduct.objects.filter(
        collection=collection, product=OuterRef("pk")).values("sort_order")[:1])


def collection_products(*, channel: Channel, collection: Collection) -> QuerySet[Product]:
    """The collection's visible products in the collection's order, ready for cards;
    paginate by slicing (count 1 query, page 1, cards 7 more, whatever the page size)."""
    queryset = (products_visible(channel).filter(collection_products_q(collection))
                .annotate(collection_sort_order=collection_sort_order(collection))
                .order_by("collection_sort_order", "pk"))
    return products_for_cards(queryset, channel)


def collections_for_home(*, channel: Channel | None, limit: int = 6) -> list[Collection]:
    """Published collections for the home page, with translations (2 queries)."""
    return list(collections_visible(channel).prefetch_related("translations")[:limit])


__all__ = [
    "collection_published_q",
    "collections_visible",
    "collection_get_public",
    "collection_products_q",
    "collection_sort_order",
    "collection_products",
    "collections_for_home",
]
