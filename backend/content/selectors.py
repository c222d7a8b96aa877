"""Reads of pages and menus, each with a fixed number of queries."""
from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import Prefetch, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from catalog.models import Channel, Collection

from .cache import MENU_TIMEOUT, menu_cache_key
from .links import is_safe_href
from .models import Menu, MenuItem, Page

MAX_SLUG = 255


@dataclass(frozen=True)
class MenuLink:
    """One link of the storefront's header or footer (picklable, for the cache)."""

    name: str
    href: str
    children: tuple[MenuLink, ...] = field(default_factory=tuple)
    kind: str = "url"
    slug: str = ""


def menu_items_queryset() -> QuerySet[MenuItem]:
    """Menu items with everything a menu shows (1 query + 6 prefetches)."""
    return (MenuItem.objects.select_related("category", "page", "collection")
            .prefetch_related("translations", "category__translations", "page__translations",
                              "collection__translations", "collection__channel_listings")
            .order_by("tree_id", "lft"))


def collection_listed(collection: Collection, channel_id: int | None) -> bool:
    """Published in that channel now, from the prefetched channel listings."""
    now = timezone.now()
    return channel_id is not None and any(
        listing.channel_id == channel_id and listing.is_published
        and (listing.published_at is None or listing.published_at <= now)
        for listing in collection.channel_listings.all())


def _href(item: MenuItem, channel_id: int | None) -> tuple[str, str, str] | None:
    """``(href, kind, slug)`` of an item in the active language, ``None`` if it leads
    nowhere a customer may go (unpublished page or collection, unsafe URL)."""
    try:
        if item.page_id:
            if not item.page.is_visible():
                return None
            return reverse("content:page", args=[item.page.slug]), "page", item.page.slug
        if item.category_id:
            return (reverse("storefront:category", args=[item.category.slug]), "category",
                    item.category.slug)
        if item.collection_id:
            if not collection_listed(item.collection, channel_id):
                return None
            return (reverse("storefront:collection", args=[item.collection.slug]),
                    "collection", item.collection.slug)
    except NoReverseMatch:
        return None
    if item.url and is_safe_href(item.url):
        return item.url, "url", ""
    return None


def _label(item: MenuItem, language: str) -> str:
    translated = item.translation_for(language)
    return translated.name if translated and translated.name else item.name


def _build(items: list[MenuItem], language: str, channel_id: int | None
           ) -> tuple[MenuLink, ...]:
    by_parent: dict[int | None, list[MenuItem]] = {}
    for item in items:
        by_parent.setdefault(item.parent_id, []).append(item)

    def links(parent_id: int | None, depth: int) -> tuple[MenuLink, ...]:
        result = []
        for item in by_parent.get(parent_id, []):
            target = _href(item, channel_id)
            children = links(item.pk, depth + 1) if depth < 3 else ()
            if target is None:
                if item.link_fields() or not children:
                    continue  # leads nowhere a customer may go, or an empty heading
                target = ("", "heading", "")
            result.append(MenuLink(name=_label(item, language), href=target[0],
                                   children=children, kind=target[1], slug=target[2]))
        return tuple(result)

    return links(None, 0)


def storefront_menu(*, slug: str, language: str | None = None) -> tuple[MenuLink, ...]:
    """The links of a menu for the storefront, cached per language (0 queries when cached,
    8 otherwise); an unknown menu is an empty tuple."""
    language = (language or translation.get_language() or "fr")[:2]
    key = menu_cache_key(slug, language)
    cached = cache.get(key)
    if cached is not None:
        return cached
    with translation.override(language):
        items = list(menu_items_queryset().filter(menu__slug=slug))
        channel_id = (Channel.objects.filter(slug=settings.DEFAULT_CHANNEL_SLUG)
                      .values_list("pk", flat=True).first()) if items else None
        links = _build(items, language, channel_id)
    cache.set(key, links, MENU_TIMEOUT)
    return links


def page_get_public(*, slug: str) -> Page | None:
    """A published page by slug with its translations (2 queries), else ``None``."""
    if not isinstance(slug, str) or not slug or len(slug) > MAX_SLUG or "\x00" in slug:
        return None
    return (Page.objects.published().filter(slug=slug).select_related("page_type")
            .prefetch_related("translations").first())


def menus_with_items() -> QuerySet[Menu]:
    return Menu.objects.prefetch_related(Prefetch("items", queryset=menu_items_queryset()))
