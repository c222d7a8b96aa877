"""``productChannelListingUpdate``: publish, unpublish, add to or remove from channels.

CoopStore reads "no purchase date" as "buyable now", so ``isAvailableForPurchase: true``
clears the date and ``false`` (Saleor's "not buyable") is refused: unpublish instead.
A variant is in a channel once it has a price there (``productVariantChannelListingUpdate``):
``addVariants`` only checks that the variants are the product's; ``removeVariants`` removes
their prices in that channel, in the same transaction as the listing change.
"""
from __future__ import annotations

import datetime
from typing import Any

import graphene
from django.db import transaction
from django.utils.translation import gettext as _

from backend.core.errors import DomainError, ErrorItem
from backend.graphql.core.types import NonNullList
from catalog.graphql.types import Product
from catalog.models import ProductVariant as VariantModel
from catalog.services.common import UNSET
from catalog.services.listings import ChannelListingInput, product_channel_listing_update
from catalog.services.variants import ChannelPriceInput, variant_update

from .common import (
    DEPRECATED_ERRORS,
    Code,
    catalog_caller,
    error,
    failure,
    pk_of,
    pks_of,
    product_context,
    product_target,
    success,
)
from .errors import ProductChannelListingError
from .inputs import ProductChannelListingUpdateInput


def _midnight(day: datetime.date | None) -> datetime.datetime | None:
    return (datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC)
            if day is not None else None)


def _listing(entry: dict[str, Any], channel_pk: int) -> ChannelListingInput:
    """The service's input for one channel: only the fields the client sent."""
    values: dict[str, Any] = {}
    if entry.get("is_published") is not None:
        values["is_published"] = entry["is_published"]
    if "published_at" in entry or "publication_date" in entry:
        values["published_at"] = entry.get("published_at") or _midnight(
            entry.get("publication_date"))
    if entry.get("visible_in_listings") is not None:
        values["visible_in_listings"] = entry["visible_in_listings"]
    available = entry.get("is_available_for_purchase")
    when = entry.get("available_for_purchase_at") or _midnight(
        entry.get("available_for_purchase_date"))
    if available is False:
        raise error(Code.INVALID, _("Unpublish the product to stop its sale in a channel."),
                    "isAvailableForPurchase")
    if when is not None:
        values["available_for_purchase_at"] = when
    elif available is True:
        values["available_for_purchase_at"] = None
    return ChannelListingInput(channel_id=channel_pk, **{k: v for k, v in values.items()
                                                         if v is not UNSET})


def _variants_of_product(product_pk: int, global_ids: list, field: str) -> list[int]:
    pks = pks_of(global_ids, "ProductVariant", field)
    found = set(VariantModel.objects.filter(product_id=product_pk, pk__in=pks)
                .values_list("pk", flat=True))
    missing = [str(pk) for pk in pks if pk not in found]
    if missing:
        raise DomainError(ErrorItem(code=Code.NOT_PRODUCTS_VARIANT, field=field,
                                    variants=tuple(missing),
                                    message=_("These variants are not the product's.")))
    return pks


class ProductChannelListingUpdate(graphene.Mutation):
    product = graphene.Field(Product, description="An updated product instance.")
    product_channel_listing_errors = NonNullList(ProductChannelListingError, required=True,
                                                 deprecation_reason=DEPRECATED_ERRORS)
    errors = NonNullList(ProductChannelListingError, required=True)

    class Arguments:
        id = graphene.ID(required=True, description="ID of a product to update.")
        input = ProductChannelListingUpdateInput(required=True, description="Fields required to "
                                                 "create or update product channel listings.")

    class Meta:
        description = ("Manage product's availability in channels. Requires the staff of the "
                       "product's cooperative (or a network admin).")

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, id: str, input: dict[str, Any]) -> Any:
        caller = catalog_caller(info)
        try:
            cooperative_id, pk = product_target(caller, id)
            updates, removed_prices = [], []
            for entry in input.get("update_channels") or ():
                channel_pk = pk_of(entry.channel_id, "Channel", "updateChannels")
                updates.append(_listing(entry, channel_pk))
                _variants_of_product(pk, entry.get("add_variants") or [], "addVariants")
                for variant_pk in _variants_of_product(pk, entry.get("remove_variants") or [],
                                                       "removeVariants"):
                    removed_prices.append((variant_pk, channel_pk))
            removed = pks_of(input.get("remove_channels") or [], "Channel", "removeChannels")
            with transaction.atomic():
                product = product_channel_listing_update(
                    cooperative_id=cooperative_id, product_id=pk, update_channels=updates,
                    remove_channels=removed)
                for variant_pk, channel_pk in removed_prices:
                    variant_update(cooperative_id=cooperative_id, variant_id=variant_pk,
                                   prices=[ChannelPriceInput(channel_id=channel_pk, price=None)])
        except DomainError as exc:
            return failure(cls, exc, ProductChannelListingError, Code, product=None)
        return success(cls, product=product_context(product))
