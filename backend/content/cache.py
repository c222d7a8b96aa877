"""The storefront's menus are cached per language; any change to what they show drops them.

The cached value is keyed on a version token: saving or deleting a menu, menu item, page,
category (or their translations) sets a new token once the transaction commits, so every
language's cached header and footer is rebuilt on the next page view. This is cache upkeep,
not business logic, hence the signals.
"""
from __future__ import annotations

import uuid
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

VERSION_KEY = "content:menus:version"
MENU_TIMEOUT = 3600  # also bounds how late a scheduled page or collection appears
WATCHED = ("content.Menu", "content.MenuItem", "content.MenuItemTranslation", "content.Page",
           "content.PageTranslation", "catalog.Category", "catalog.CategoryTranslation",
           "catalog.Collection", "catalog.CollectionTranslation",
           "catalog.CollectionChannelListing")


def menus_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY) or version
    return version


def menu_cache_key(slug: str, language: str) -> str:
    return f"content:menu:{menus_version()}:{language}:{slug}"


def invalidate_menus() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def _on_change(**_kwargs: Any) -> None:
    transaction.on_commit(invalidate_menus)


def connect_invalidation() -> None:
    """Called from ``ContentConfig.ready``: watch the models that exist (collections come
    with the catalog's collections)."""
    from django.apps import apps

    for label in WATCHED:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        post_save.connect(_on_change, sender=model, dispatch_uid=f"menus-save-{label}")
        post_delete.connect(_on_change, sender=model, dispatch_uid=f"menus-delete-{label}")


def menus_prime_absent(slugs: tuple[str, ...] = ("navbar", "footer")) -> None:
    """Cache the menus as absent in every language (tests of other pages use this so their
    query counts measure only their own page)."""
    from django.conf import settings

    for language, _name in settings.LANGUAGES:
        for slug in slugs:
            cache.set(menu_cache_key(slug, language), (), MENU_TIMEOUT)
