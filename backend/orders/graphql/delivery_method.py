"""Saleor's ``DeliveryMethod`` union (``Warehouse | ShippingMethod``) for orders and checkouts.

CoopStore has no click-and-collect: every basket is delivered, one parcel per cooperative, so
the delivery method is always the whole-basket ``ShippingMethod`` of ``deliveries.py`` (the same
value, and ID, as ``Checkout.delivery.shippingMethod``). ``Warehouse`` is declared only so that
Saleor clients' ``... on Warehouse`` fragments validate; no resolver ever returns one.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import graphene

from backend.accounts.graphql.types import Address
from backend.graphql.core.types import Node, ObjectWithMetadata

from .deliveries import DeliveryChoice, ShippingMethod, chosen_delivery


class WarehouseClickAndCollectOptionEnum(graphene.Enum):
    DISABLED = "disabled"
    LOCAL = "local"
    ALL = "all"


class Warehouse(graphene.ObjectType):
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    email = graphene.String(required=True)
    is_private = graphene.Boolean(required=True)
    address = graphene.Field(Address, required=True)
    company_name = graphene.String(required=True,
                                   deprecation_reason="Use `Address.companyName` instead.")
    click_and_collect_option = WarehouseClickAndCollectOptionEnum(
        required=True, description="Click and collect options: local, all or disabled.")
    external_reference = graphene.String(description="External ID of this warehouse.")

    private_metadata_permission = "MANAGE_PRODUCTS"

    class Meta:
        interfaces = (Node, ObjectWithMetadata)
        description = ("Represents warehouse. CoopStore: no collection points, so never "
                       "returned (each cooperative ships its own parcel).")


class DeliveryMethod(graphene.Union):
    class Meta:
        types = (Warehouse, ShippingMethod)
        description = ("Represents a delivery method chosen for the checkout. `Warehouse` type "
                       "is used when checkout is marked as \"click and collect\" and "
                       "`ShippingMethod` otherwise.")

    @classmethod
    def resolve_type(cls, instance: Any, info: Any) -> Any:
        return ShippingMethod if isinstance(instance, DeliveryChoice) else Warehouse


def order_delivery_method(deliveries: Iterable[Any], currency: str) -> DeliveryChoice | None:
    """The whole-basket delivery of an order, from its parcels' stored deliveries.

    Parcels are taken in the order they were chosen (primary key, as the checkout lists
    them), so a one-parcel order gives back exactly its checkout's ``ShippingMethod`` ID; no
    query when ``deliveries`` is prefetched (``dataloaders.order_lines_prefetch``)."""
    rows = sorted(deliveries, key=lambda d: d.pk)
    return chosen_delivery([d.cooperative_id for d in rows], rows, currency)
