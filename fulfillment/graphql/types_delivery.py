"""Delivery types of the API: partners (public fields only) and per-cooperative delivery quotes.

CoopStore extensions in Saleor's style: ``Money`` prices, Relay IDs, ``errors`` lists with
``field``/``code``/``message``. Quote types are plain objects filled by the query resolver.
"""
from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.errors import BaseError
from backend.graphql.core.money import Money
from backend.graphql.core.types import ModelObjectType, Node, NonNullList, Weight
from fulfillment import routing
from fulfillment.error_codes import DeliveryErrorCode
from fulfillment.models import Partner as PartnerModel
from fulfillment.models import PartnerKind
from fulfillment.models import Region as RegionModel

from .types import City, Region

DeliveryErrorCodeEnum = graphene.Enum.from_enum(DeliveryErrorCode, name="DeliveryErrorCode")
DeliveryPartnerKindEnum = graphene.Enum(
    "DeliveryPartnerKind", [(kind.name, kind.value) for kind in PartnerKind],
    description="How a partner carries parcels.")
ShortCircuitLevelEnum = graphene.Enum.from_enum(
    routing.ShortCircuitLevel, name="ShortCircuitLevel",
    description="LOCAL: same city; REGIONAL: same region, one partner; NATIONAL_DIRECT: one "
                "partner across regions; NATIONAL_RELAY: two or more partners through hubs.")
NoDeliveryReasonEnum = graphene.Enum.from_enum(
    routing.NoDeliveryReason, name="NoDeliveryReason",
    description="Why a parcel has no delivery option.")


class DeliveryError(BaseError):
    code = DeliveryErrorCodeEnum(required=True, description="The error code.")
    variants = NonNullList(graphene.ID, description="List of variant IDs which causes the error.")


class DeliveryPartner(ModelObjectType):
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    kind = DeliveryPartnerKindEnum(required=True)
    collects_cash = graphene.Boolean(required=True,
                                     description="Whether it collects cash on delivery.")
    co2_grams_per_km = graphene.Int(required=True,
                                    description="Estimated grams of CO2 its vehicle emits per km.")
    hub_city = graphene.Field(City, description="Where it hands parcels over to other partners.")
    regions = NonNullList(Region, required=True,
                          description="Regions where it picks up or delivers, wholly or in part.")

    class Meta:
        interfaces = (Node,)
        description = "A delivery partner of the short-circuit network (public information)."

    @staticmethod
    def resolve_co2_grams_per_km(root: PartnerModel, _info: Any) -> int:
        return root.effective_co2_grams_per_km()

    @staticmethod
    def resolve_regions(root: PartnerModel, _info: Any) -> list[RegionModel]:
        """From the prefetched coverage (``selectors.partners_with_coverage``)."""
        regions = {c.region_id: c.region for c in root.coverages.all() if c.region_id}
        regions.update({c.city.region_id: c.city.region for c in root.coverages.all() if c.city_id})
        return sorted(regions.values(), key=lambda region: region.code)


class DeliveryLeg(graphene.ObjectType):
    partner = graphene.Field(DeliveryPartner, required=True)
    from_ = graphene.Field(City, required=True, name="from",
                           description="City where the partner takes the parcel.")
    to = graphene.Field(City, required=True, description="City where it hands the parcel over.")
    distance_km = graphene.Float(required=True, description="Road kilometres of the leg.")
    price = graphene.Field(Money, required=True, description="The partner's fee for the leg.")

    class Meta:
        description = "One partner's part of a delivery."


class DeliveryOption(graphene.ObjectType):
    id = graphene.ID(required=True, description="Pass it back to choose this delivery.")
    price = graphene.Field(Money, required=True)
    minimum_delivery_days = graphene.Int(required=True)
    maximum_delivery_days = graphene.Int(required=True)
    distance_km = graphene.Float(required=True, description="Road kilometres, pick-up to door.")
    short_circuit_level = ShortCircuitLevelEnum(required=True)
    co2_grams = graphene.Int(required=True, description="Estimated CO2 of the whole chain.")
    hand_offs = graphene.Int(required=True, description="Times the parcel changes partner.")
    legs = NonNullList(DeliveryLeg, required=True)

    class Meta:
        description = "A way to deliver one cooperative's parcel."


class DeliveryGroupLine(graphene.ObjectType):
    variant_id = graphene.ID(required=True)
    quantity = graphene.Int(required=True)
    total_price = graphene.Field(Money, required=True)


class DeliveryGroup(graphene.ObjectType):
    cooperative = graphene.Field("backend.cooperatives.graphql.types.Cooperative", required=True)
    origin = graphene.Field(City, required=True, description="Where the parcel is picked up.")
    lines = NonNullList(DeliveryGroupLine, required=True)
    weight = graphene.Field(Weight, required=True, description="Weight of the parcel.")
    subtotal = graphene.Field(Money, required=True, description="Price of the goods.")
    delivery_price = graphene.Field(Money, description="Price of the first (recommended) option.")
    total = graphene.Field(Money, description="Goods plus the recommended delivery; null when "
                                              "the parcel cannot be delivered.")
    options = NonNullList(DeliveryOption, required=True, description="Best first.")
    no_delivery_reason = NoDeliveryReasonEnum()
    message = graphene.String(description="Why there is no option, in the request's language.")

    class Meta:
        description = "One cooperative's parcel of a cart and its delivery options."


class DeliveryQuote(graphene.ObjectType):
    groups = NonNullList(DeliveryGroup, required=True, description="One per cooperative.")
    subtotal = graphene.Field(Money, description="Price of all the goods.")
    delivery_total = graphene.Field(Money, description="Recommended deliveries of all parcels.")
    total = graphene.Field(Money, description="What the consumer pays with the recommended "
                                              "deliveries; null if a parcel cannot be delivered.")
    errors = NonNullList(DeliveryError, required=True)

    class Meta:
        description = "Delivery options of a cart, one group per cooperative."


class DeliveryLineInput(graphene.InputObjectType):
    variant_id = graphene.ID(required=True, description="ID of the product variant.")
    quantity = graphene.Int(required=True, description="The number of items.")


class DeliveryAddressInput(graphene.InputObjectType):
    city = graphene.String(required=True, description="City, in French, Arabic or English.")
    country_area = graphene.String(description="Not used in Morocco: the city gives the region.")
    postal_code = graphene.String(description="Five digits.")
