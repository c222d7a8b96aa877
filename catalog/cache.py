"""The version of everything an anonymous catalog page shows, for the storefront's page cache.

Cached pages (storefront/cache.py) are keyed on a version token. Any change to a product, its
variants, prices, stock, photos, labels, attributes, categories, collections, cooperatives,
promotions, menus or the fair-pay policy sets a new token, so every cached page is rebuilt on
its next view. Saves and deletes are caught by signals (cache upkeep, not business logic); the
bulk paths that send no signal (``queryset.update``, ``bulk_update``, ``bulk_create``) call
``catalog_pages_changed()`` themselves.

The token is changed twice: at once, so a read later in the same transaction never meets an
old page, and again after the commit, so a page rendered by another request from the data of
before the commit (and cached under the first new token) is dropped too.
"""
from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "catalog:pages:version"
# Also bounds how late a scheduled publication or a promotion's start or end shows.
PAGE_TIMEOUT = 300

WATCHED = (
    "catalog.Attribute", "catalog.AttributeTranslation", "catalog.AttributeValue",
    "catalog.AttributeValueTranslation", "catalog.AttributeProduct", "catalog.AttributeVariant",
    "catalog.AssignedProductAttributeValue", "catalog.AssignedVariantAttributeValue",
    "catalog.Category", "catalog.CategoryTranslation", "catalog.Channel", "catalog.Collection",
    "catalog.CollectionProduct", "catalog.CollectionTranslation",
    "catalog.CollectionChannelListing", "catalog.Label", "catalog.ProductLabel",
    "catalog.StockLot", "catalog.ProductMedia", "catalog.Thumbnail", "catalog.ProductType",
    "catalog.Product", "catalog.ProductTranslation", "catalog.ProductChannelListing",
    "catalog.ProductVariant", "catalog.ProductVariantTranslation",
    "catalog.ProductVariantChannelListing", "catalog.Stock",
    "cooperatives.Cooperative", "cooperatives.CooperativeTranslation",
    "discounts.Promotion", "discounts.PromotionTranslation", "discounts.PromotionRule",
    "discounts.FundingAcceptance",
    "content.Page", "content.PageTranslation", "content.Menu", "content.MenuItem",
    "content.MenuItemTranslation",
    "fairpay.SplitPolicy", "fairpay.CooperativeFairPay",
    "fulfillment.Region", "fulfillment.City",
)


def catalog_pages_version() -> str:
    """The current token; created on first use (and after a cache flush)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY) or uuid.uuid4().hex
    return version


def catalog_pages_new_version() -> None:
    """A new token: every cached page is dropped (tests start each with this)."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def catalog_pages_changed() -> None:
    """Drop every cached catalog page, now and once the current transaction commits."""
    catalog_pages_new_version()
    transaction.on_commit(catalog_pages_new_version)


def stock_shows_on_pages(*, available: int, low_stock_threshold: int) -> bool:
    """Whether pages show this many available units as more than "in stock".

    A product page shows "out of stock", "only N left" up to the low-stock threshold, and caps
    the quantity input at the units left up to the cart's line limit; above both, a sale
    changes nothing a page shows, so checkouts need not drop every cached page.
    """
    line_limit = getattr(settings, "MAX_CHECKOUT_LINE_QUANTITY", 50)
    return available <= max(line_limit, low_stock_threshold)


def _on_change(**_kwargs: Any) -> None:
    catalog_pages_changed()


def connect_invalidation() -> None:
    """Called from ``CatalogConfig.ready``: watch the models that exist in this project."""
    from django.apps import apps

    for label in WATCHED:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        uid = f"catalog-pages-{label}"
        post_save.connect(_on_change, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_on_change, sender=model, dispatch_uid=f"{uid}-delete")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(_on_change, sender=through, dispatch_uid=f"{uid}-{field.name}")
