"""Creating, editing and deleting a cooperative's own products."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ..cache import catalog_products_changed
from ..models import Category, Label, Product, ProductLabel, ProductType
from .common import (
    UNSET,
    Code,
    description_clean,
    error,
    not_found,
    pk_clean,
    product_owned,
    reject_duplicates,
    text_clean,
)
from .derived import product_refresh_derived

DEFAULT_PRODUCT_TYPE_SLUG = "terroir"


@dataclass(frozen=True)
class LabelInput:
    """A quality label claimed for a product, with the certificate that proves it."""

    label_id: int
    certificate_reference: str
    expiry_date: date | None = None


def _product_type(product_type_id: object) -> ProductType:
    if product_type_id in (None, ""):
        product_type, _created = ProductType.objects.get_or_create(
            slug=DEFAULT_PRODUCT_TYPE_SLUG, defaults={"name": "Produit du terroir"})
        return product_type
    found = ProductType.objects.filter(pk=pk_clean(product_type_id, "productType")).first()
    if found is None:
        raise not_found("productType")
    return found


def _category(category_id: object) -> Category | None:
    if category_id in (None, ""):
        return None
    found = Category.objects.filter(pk=pk_clean(category_id, "category")).first()
    if found is None:
        raise not_found("category")
    return found


def _unique_slug(wanted: str, *, exclude_pk: int | None = None, explicit: bool) -> str:
    base = slugify(wanted, allow_unicode=False)[:240] or "produit"
    taken = Product.objects.exclude(pk=exclude_pk)
    if explicit:
        if taken.filter(slug=base).exists():
            raise error(Code.UNIQUE, _("Another product already uses this address."), "slug")
        return base
    slug, number = base, 2
    while taken.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _labels_set(product: Product, labels: Sequence[LabelInput]) -> None:
    reject_duplicates([entry.label_id for entry in labels], "labels")
    ids = [pk_clean(entry.label_id, "labels") for entry in labels]
    known = Label.objects.in_bulk(ids)
    if len(known) != len(set(ids)):
        raise not_found("labels")
    rows = []
    for entry in labels:
        reference = text_clean(entry.certificate_reference, "labels", max_length=64,
                               required=True)
        rows.append(ProductLabel(product=product, label_id=entry.label_id,
                                 certificate_reference=reference,
                                 expiry_date=entry.expiry_date))
    ProductLabel.objects.filter(product=product).delete()
    ProductLabel.objects.bulk_create(rows)
    catalog_products_changed([product.pk])  # bulk_create sends no signal


def _apply_fields(product: Product, *, name: Any, description: Any, seo_title: Any,
                  seo_description: Any, category_id: Any) -> None:
    if name is not UNSET:
        product.name = text_clean(name, "name", max_length=250, required=True)
    if description is not UNSET:
        product.description = description_clean(description)
    if seo_title is not UNSET:
        product.seo_title = text_clean(seo_title, "seoTitle", max_length=70)
    if seo_description is not UNSET:
        product.seo_description = text_clean(seo_description, "seoDescription",
                                             max_length=300)
    if category_id is not UNSET:
        product.category = _category(category_id)


@transaction.atomic
def product_create(*, cooperative_id: int, name: str, category_id: int | None = None,
                   product_type_id: int | None = None, slug: str | None = None,
                   description: dict | str | None = None, seo_title: str = "",
                   seo_description: str = "",
                   labels: Sequence[LabelInput] = (),
                   channel_ids: Sequence[int] = ()) -> Product:
    """A new product of the caller's cooperative; the slug is made unique.

    ``channel_ids`` adds the product, unpublished, to those channels so that its variants
    can be priced there at once (the pages do this; Saleor clients call the listing update).
    """
    product = Product(cooperative_id=cooperative_id, product_type=_product_type(product_type_id))
    _apply_fields(product, name=name, description=description, seo_title=seo_title,
                  seo_description=seo_description, category_id=category_id)
    explicit = bool(slug)
    wanted = text_clean(slug, "slug", max_length=240) if explicit else product.name
    product.slug = _unique_slug(wanted, explicit=explicit)
    product.save()
    if labels:
        _labels_set(product, labels)
    if channel_ids:
        from .listings import ChannelListingInput, product_channel_listing_update

        product_channel_listing_update(
            cooperative_id=cooperative_id, product_id=product.pk,
            update_channels=[ChannelListingInput(channel_id=c) for c in channel_ids])
    product_refresh_derived(product=product)
    product.refresh_from_db()
    return product


@transaction.atomic
def product_update(*, cooperative_id: int, product_id: int | str, name: Any = UNSET,
                   slug: Any = UNSET, description: Any = UNSET, seo_title: Any = UNSET,
                   seo_description: Any = UNSET, category_id: Any = UNSET,
                   labels: Sequence[LabelInput] | Any = UNSET) -> Product:
    """Change the given fields of the caller's own product (others are left as they are)."""
    product = product_owned(cooperative_id=cooperative_id, product_id=product_id, lock=True)
    _apply_fields(product, name=name, description=description, seo_title=seo_title,
                  seo_description=seo_description, category_id=category_id)
    if slug is not UNSET and slug:
        product.slug = _unique_slug(text_clean(slug, "slug", max_length=240),
                                    exclude_pk=product.pk, explicit=True)
    product.save()
    if labels is not UNSET:
        _labels_set(product, list(labels or ()))
    product_refresh_derived(product=product)
    product.refresh_from_db()
    return product


@transaction.atomic
def product_delete(*, cooperative_id: int, product_id: int | str) -> Product:
    """Delete the caller's product with its variants, stock, lots and photos.

    Order lines keep their copied names, SKU and prices (their variant becomes empty), so
    orders already placed still read right; carts lose the lines.
    """
    product = product_owned(cooperative_id=cooperative_id, product_id=product_id, lock=True)
    pk = product.pk
    files = [name for media in product.media.prefetch_related("thumbnails")
             for name in [media.image.name, *(t.image.name for t in media.thumbnails.all())]
             if name]
    Product.objects.filter(pk=pk).update(default_variant=None)
    product.delete()
    product.pk = pk  # the caller reports which product went
    if files:
        from .media import delete_files_on_commit

        delete_files_on_commit(files)
    return product
