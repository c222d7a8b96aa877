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

GraphQL keeps each listed product's completed answer too (``catalog/graphql/fragments.py``),
which must outlive changes to *other* products. So beside the page token there are two more:
a version per product, dropped when a row of that product changes (its translations,
listings, variants, prices, stock, photos, labels, attribute values, collections), and a
shared token, changed with the page token by everything else (categories, cooperatives,
promotions... and the bulk paths, which do not say which products they touched unless they
call ``catalog_products_changed``).
"""
from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "catalog:pages:version"
SHARED_KEY = "catalog:fragments:shared"
# A product's version outlives its fragments (PAGE_TIMEOUT); an expired one is simply new.
PRODUCT_VERSION_TIMEOUT = 24 * 3600
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


def _token(key: str, found: str | None = None) -> str:
    """The token under ``key`` (``found``: already read); created on first use (and after a
    cache flush), the same for every process that asks at once."""
    if found is None:
        found = cache.get(key)
    if found is None:
        cache.add(key, uuid.uuid4().hex, None)
        found = cache.get(key) or uuid.uuid4().hex
    return found


def catalog_pages_version() -> str:
    """The current token; created on first use (and after a cache flush)."""
    return _token(VERSION_KEY)


def catalog_shared_version(found: str | None = None) -> str:
    """The token of what every product's answer shows besides its own rows."""
    return _token(SHARED_KEY, found)


def catalog_pages_new_version() -> None:
    """A new token: every cached page is dropped (tests start each with this)."""
    cache.set_many({VERSION_KEY: uuid.uuid4().hex, SHARED_KEY: uuid.uuid4().hex}, None)


def _pages_only_new_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def catalog_pages_changed() -> None:
    """Drop every cached catalog page, now and once the current transaction commits."""
    catalog_pages_new_version()
    transaction.on_commit(catalog_pages_new_version)


def product_version_key(product_id: int) -> str:
    return f"catalog:product:{product_id}:version"


def product_versions(product_ids: list[int], found: dict[str, Any] | None = None
                     ) -> dict[int, str]:
    """Each product's version (``found``: the keys already read); a missing one is created,
    before the product's rows are read, so an answer built from rows older than a change never
    carries the version of after it."""
    keys = {pk: product_version_key(pk) for pk in product_ids}
    if found is None:
        found = cache.get_many(list(keys.values()))
    created = {key: uuid.uuid4().hex for key in keys.values() if key not in found}
    if created:
        cache.set_many(created, PRODUCT_VERSION_TIMEOUT)
    return {pk: found.get(key) or created[key] for pk, key in keys.items()}


def _drop_product_versions(product_ids: frozenset[int]) -> None:
    cache.delete_many([product_version_key(pk) for pk in product_ids])


def catalog_products_changed(product_ids: Iterable[int], *, pages: bool = True) -> None:
    """These products changed (and nothing another product shows): their own cached answers
    are dropped, now and after the commit; ``pages`` also drops every page (which list them).
    """
    ids = frozenset(int(pk) for pk in product_ids if pk is not None)
    if not ids:
        return
    _drop_product_versions(ids)
    transaction.on_commit(lambda: _drop_product_versions(ids))
    if pages:
        _pages_only_new_version()
        transaction.on_commit(_pages_only_new_version)


def stock_shows_on_pages(*, available: int, low_stock_threshold: int) -> bool:
    """Whether pages show this many available units as more than "in stock".

    A product page shows "out of stock", "only N left" up to the low-stock threshold, and caps
    the quantity input at the units left up to the cart's line limit; above both, a sale
    changes nothing a page shows, so checkouts need not drop every cached page.
    """
    line_limit = getattr(settings, "MAX_CHECKOUT_LINE_QUANTITY", 50)
    return available <= max(line_limit, low_stock_threshold)


# Rows of one product (besides the product itself): the path from the row to its product's id.
PRODUCT_ROWS = {
    "catalog.ProductTranslation": "product_id",
    "catalog.ProductChannelListing": "product_id", "catalog.ProductVariant": "product_id",
    "catalog.ProductMedia": "product_id", "catalog.ProductLabel": "product_id",
    "catalog.AssignedProductAttributeValue": "product_id",
    "catalog.CollectionProduct": "product_id",
    "catalog.ProductVariantTranslation": "variant",
    "catalog.ProductVariantChannelListing": "variant",
    "catalog.Stock": "variant", "catalog.StockLot": "variant",
    "catalog.AssignedVariantAttributeValue": "variant", "catalog.Thumbnail": "media",
}


def _product_of(instance: Any) -> int | None:
    """The id of the product a changed row belongs to, or None if it cannot be told (the
    caller then drops every answer)."""
    label = instance._meta.label
    if label == "catalog.Product":
        return instance.pk
    path = PRODUCT_ROWS.get(label)
    if path is None:
        return None
    if path.endswith("_id"):
        return getattr(instance, path, None)
    parent_id = getattr(instance, f"{path}_id", None)
    parent = instance._state.fields_cache.get(path)
    if parent is not None:
        return parent.product_id
    if parent_id is None:
        return None
    model = instance._meta.get_field(path).related_model
    return model.objects.filter(pk=parent_id).values_list("product_id", flat=True).first()


def _on_change(sender: Any, instance: Any = None, **_kwargs: Any) -> None:
    product_id = _product_of(instance) if instance is not None else None
    if product_id is None:
        catalog_pages_changed()
    else:
        catalog_products_changed([product_id])


def _on_m2m_change(**_kwargs: Any) -> None:
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
            m2m_changed.connect(_on_m2m_change, sender=through, dispatch_uid=f"{uid}-{field.name}")
