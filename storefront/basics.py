"""What catalog pages show the same to everyone: the public channel, the category tree, the
regions, the labels and the filterable attributes, kept in the process per catalog version.

Each of them changes only with the catalog, and any change to one sets a new catalog version
(catalog/cache.py watches channels, categories, labels, attributes, regions and their
translations). So a process reads each once per version, on first use, and keeps the model
instances with their prefetched translations: a listing page read again before the next change
costs 5 to 8 queries less, and builds no model instance for them. One Redis read (the
version) per page tells whether they are still current. Pages only read them.
"""
from __future__ import annotations

from functools import cached_property

from django.conf import settings

from catalog.cache import catalog_pages_version
from catalog.models import Category, Channel, Label
from catalog.selectors import (
    AttributeFacet,
    attribute_facets,
    categories_roots,
    categories_tree,
    channel_get_storefront,
)
from fulfillment.models import Region


class CatalogBasics:
    """One catalog version's shared rows, each read on first use."""

    def __init__(self, key: tuple[str, str]) -> None:
        self.key = key

    @cached_property
    def channel(self) -> Channel | None:
        return channel_get_storefront()

    @cached_property
    def categories(self) -> list[Category]:
        """The whole tree in order (roots and their descendants), with translations."""
        return list(categories_tree())

    @cached_property
    def root_categories(self) -> list[Category]:
        """The navigation's: from the tree if read already, else alone (fewer rows)."""
        if "categories" in self.__dict__:
            return [category for category in self.categories if category.parent_id is None]
        return list(categories_roots())

    @cached_property
    def regions(self) -> list[Region]:
        return list(Region.objects.order_by("code"))

    @cached_property
    def labels(self) -> list[Label]:
        return list(Label.objects.all())

    @cached_property
    def attribute_facets(self) -> list[AttributeFacet]:
        return attribute_facets()


_current: CatalogBasics | None = None


def catalog_basics() -> CatalogBasics:
    """The current version's shared rows (a new, empty set once the catalog changed)."""
    global _current
    key = (catalog_pages_version(), getattr(settings, "DEFAULT_CHANNEL_SLUG", ""))
    current = _current
    if current is None or current.key != key:
        current = _current = CatalogBasics(key)
    return current
