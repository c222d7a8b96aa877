"""Saleor's ``Fulfillment`` over CoopStore's shipments (one per cooperative of an order), with
the CoopStore ``shipment`` extension: our finer states, the partner, the events and distance.

The consumer's delivery code is shown to the order's customer only: the signed-in owner, or the
holder of a guest order's tracking link; never to staff, partners or anyone else.
"""
from __future__ import annotations

from typing import Any

import graphene
from django.db.models import Prefetch
from django.utils.translation import get_language

from backend.graphql.core.ids import to_global_id
from backend.graphql.core.types import Node, NonNullList, ObjectWithMetadata
from fulfillment.delivery_codes import delivery_code_for_customer
from fulfillment.models import Shipment, ShipmentEvent, ShipmentStatus

from .dataloaders import api_group, is_owner


class FulfillmentStatus(graphene.Enum):
    FULFILLED = "fulfilled"
    REFUNDED = "refunded"
    RETURNED = "returned"
    REPLACED = "replaced"
    REFUNDED_AND_RETURNED = "refunded_and_returned"
    CANCELED = "canceled"
    WAITING_FOR_APPROVAL = "waiting_for_approval"

    @property
    def description(self) -> str:
        return "Represents possible statuses of a fulfillment."


S = ShipmentStatus
# Saleor's statuses: a parcel still at the cooperative waits; on the road or delivered it is
# fulfilled (Saleor has no finer state: see `shipment.status`).
FULFILLMENT_STATUS_OF_SHIPMENT = {
    S.AWAITING_PREPARATION: FulfillmentStatus.WAITING_FOR_APPROVAL,
    S.READY_FOR_PICKUP: FulfillmentStatus.WAITING_FOR_APPROVAL,
    S.ACCEPTED: FulfillmentStatus.FULFILLED,
    S.PICKED_UP: FulfillmentStatus.FULFILLED,
    S.IN_TRANSIT: FulfillmentStatus.FULFILLED,
    S.AT_HUB: FulfillmentStatus.FULFILLED,
    S.OUT_FOR_DELIVERY: FulfillmentStatus.FULFILLED,
    S.DELIVERED: FulfillmentStatus.FULFILLED,
    S.FAILED_ATTEMPT: FulfillmentStatus.FULFILLED,
    S.RETURNED: FulfillmentStatus.RETURNED,
    S.CANCELED: FulfillmentStatus.CANCELED,
}

ShipmentStatusEnum = graphene.Enum(
    "ShipmentStatus", [(s.name, s.value) for s in ShipmentStatus],
    description="CoopStore: where a cooperative's parcel is, from packing to the door.")


def shipments_of_order(order: Any) -> list[Shipment]:
    """The order's shipments, loaded once for the whole page of orders: three queries."""
    events = ShipmentEvent.objects.select_related("city").order_by("occurred_at", "pk")
    api_group(order).ensure(
        "shipments",
        Prefetch("shipments", queryset=Shipment.objects.select_related("partner", "delivery",
                                                                        "cooperative")
                 .order_by("created_at", "pk")),
        Prefetch("shipments__events", queryset=events))
    return list(order.shipments.all())


class ShipmentEventType(graphene.ObjectType):
    status = ShipmentStatusEnum(required=True, description="The state the parcel reached.")
    date = graphene.DateTime(required=True, description="When it happened.")
    place = graphene.String(description="The city where it happened, in the request's "
                            "language.")

    class Meta:
        name = "ShipmentEvent"
        description = "CoopStore: one step of a parcel's journey."

    @staticmethod
    def resolve_status(root: ShipmentEvent, _info: Any) -> str:
        return root.to_status

    @staticmethod
    def resolve_date(root: ShipmentEvent, _info: Any) -> Any:
        return root.occurred_at

    @staticmethod
    def resolve_place(root: ShipmentEvent, _info: Any) -> str | None:
        return root.city.localized_name(get_language()) if root.city else None


def _code_visible(info: Any, shipment: Shipment) -> bool:
    order = shipment.order
    if order.user_id is not None:
        return is_owner(info, order.user_id)
    return bool(getattr(order, "reached_by_tracking_token", False))


class ShipmentType(graphene.ObjectType):
    status = ShipmentStatusEnum(required=True)
    status_display = graphene.String(required=True, description="The state, in the request's "
                                     "language.")
    tracking_number = graphene.String(required=True)
    partner_name = graphene.String(description="The public name of the partner carrying the "
                                   "parcel now.")
    cooperative = graphene.Field("backend.cooperatives.graphql.types.Cooperative",
                                 required=True, description="Who ships the parcel.")
    distance_km = graphene.Float(required=True, description="Road kilometres, pick-up to door.")
    events = NonNullList(ShipmentEventType, required=True, description="The parcel's journey, "
                         "oldest first.")
    delivery_code = graphene.String(description="The code to give the partner at the door: "
                                    "for the order's customer only, null for anyone else.")

    class Meta:
        name = "Shipment"
        description = "CoopStore: a cooperative's parcel on its way, leg by leg."

    @staticmethod
    def resolve_status_display(root: Shipment, _info: Any) -> str:
        return str(root.get_status_display())

    @staticmethod
    def resolve_partner_name(root: Shipment, _info: Any) -> str | None:
        if root.partner is not None:
            return root.partner.name
        leg = root.legs[root.current_leg] if 0 <= root.current_leg < len(root.legs) else None
        return str(leg.get("partner_name") or "") or None if isinstance(leg, dict) else None

    @staticmethod
    def resolve_distance_km(root: Shipment, _info: Any) -> float:
        return float(root.delivery.distance_km) if root.delivery else 0.0

    @staticmethod
    def resolve_events(root: Shipment, _info: Any) -> list[ShipmentEvent]:
        return list(root.events.all())

    @staticmethod
    def resolve_delivery_code(root: Shipment, info: Any) -> str | None:
        if root.status in (S.DELIVERED, S.RETURNED, S.CANCELED) or not _code_visible(info, root):
            return None
        return delivery_code_for_customer(root)


class FulfillmentLine(graphene.ObjectType):
    quantity = graphene.Int(required=True, description="The number of items included in the "
                            "fulfillment line.")
    order_line = graphene.Field("backend.orders.graphql.types_order.OrderLine",
                                description="The order line to which the fulfillment line is "
                                            "related.")

    class Meta:
        interfaces = (Node,)
        description = "Represents line of the fulfillment."

    @staticmethod
    def resolve_id(root: Any, _info: Any) -> str:
        return to_global_id("FulfillmentLine", root.pk)

    @staticmethod
    def resolve_order_line(root: Any, _info: Any) -> Any:
        return root


class Fulfillment(graphene.ObjectType):
    fulfillment_order = graphene.Int(required=True, description="Sequence in which the "
                                     "fulfillments were created.")
    status = FulfillmentStatus(required=True, description="Status of fulfillment.")
    tracking_number = graphene.String(required=True, description="Fulfillment tracking number.")
    created = graphene.DateTime(required=True, description="Date and time when fulfillment was "
                                "created.")
    lines = NonNullList(FulfillmentLine, description="List of lines for fulfillment.")
    status_display = graphene.String(description="User-friendly fulfillment status.")
    shipment = graphene.Field(ShipmentType, required=True, description="CoopStore: the parcel's "
                              "journey, with the partner and our finer states.")

    private_metadata_permission = "MANAGE_ORDERS"

    class Meta:
        interfaces = (Node, ObjectWithMetadata)
        description = "Represents order fulfillment: one cooperative's parcel."

    @staticmethod
    def resolve_id(root: Shipment, _info: Any) -> str:
        return to_global_id("Fulfillment", root.pk)

    @staticmethod
    def resolve_fulfillment_order(root: Shipment, _info: Any) -> int:
        return root.fulfillment_order

    @staticmethod
    def resolve_status(root: Shipment, _info: Any) -> str:
        return FULFILLMENT_STATUS_OF_SHIPMENT[ShipmentStatus(root.status)].value

    @staticmethod
    def resolve_created(root: Shipment, _info: Any) -> Any:
        return root.created_at

    @staticmethod
    def resolve_lines(root: Shipment, _info: Any) -> list[Any]:
        return [line for line in root.order.lines.all()
                if line.cooperative_id == root.cooperative_id]

    @staticmethod
    def resolve_status_display(root: Shipment, _info: Any) -> str:
        return str(root.get_status_display())

    @staticmethod
    def resolve_shipment(root: Shipment, _info: Any) -> Shipment:
        return root


def order_fulfillments(order: Any) -> list[Shipment]:
    shipments = shipments_of_order(order)
    for index, shipment in enumerate(shipments, start=1):
        shipment.fulfillment_order = index
        shipment.order = order  # the instance with its prefetched lines
    return shipments
