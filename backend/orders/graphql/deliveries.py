"""Deliveries in the API: Saleor's single ``Delivery`` over CoopStore's one parcel per cooperative.

A basket from several cooperatives ships several parcels, each with its own options. Two ways
to choose them, both through ``checkoutDeliveryMethodUpdate(id, deliveryMethodId)``:

- **CoopStore clients** read ``Checkout.deliveryGroups`` (one group per cooperative, its
  ``options`` best first and its ``selected`` delivery) and call the mutation once per group with
  an option's ``DeliveryOption`` ID: each call sets that cooperative's parcel only.
- **Saleor clients**, which know a single method, read ``deliveryOptionsCalculate(id)``
  (or ``Checkout.shippingMethods``): for a one-cooperative basket each option is one
  ``Delivery``; for several cooperatives each ``Delivery`` is a whole-basket choice (the
  recommended option of every parcel, the cheapest, the fastest). Its ID (``CheckoutDelivery``,
  or the ``ShippingMethod`` ID) sets every parcel at once, and ``Checkout.delivery`` gives
  that same ID back once every parcel has its delivery.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import graphene
import prices
from django.utils.translation import gettext as _

from backend.graphql.core.ids import to_global_id
from backend.graphql.core.money import Money
from backend.graphql.core.types import Node, NonNullList, ObjectWithMetadata, Weight
from fulfillment import routing
from fulfillment.cart_quotes import QuoteGroup
from fulfillment.graphql.types_delivery import (
    DeliveryOption,
    NoDeliveryReasonEnum,
    ShortCircuitLevelEnum,
)
from fulfillment.messages import short_circuit_label

COMBINED_TYPE = "CheckoutDelivery"  # Saleor's type name of a Delivery's ID
OPTION_TYPE = "DeliveryOption"  # fulfillment's per-parcel option
KEY_SEPARATOR = "+"
MAX_PARCELS = 50


@dataclass(frozen=True)
class DeliveryChoice:
    """A whole-basket delivery: one option id per parcel, in the order of the cart."""

    option_ids: tuple[str, ...]
    name: str
    price: Decimal
    currency: str
    minimum_days: int
    maximum_days: int
    metadata: dict | None = None
    private_metadata: dict | None = None

    @property
    def key(self) -> str:
        return KEY_SEPARATOR.join(self.option_ids)


def choice_option_ids(key: str) -> list[str]:
    """The per-parcel option ids a choice's key names (empty for a malformed key)."""
    parts = key.split(KEY_SEPARATOR)
    return [] if len(parts) > MAX_PARCELS or not all(parts) else parts


def _option_name(option: routing.DeliveryOption) -> str:
    partners = ", ".join(leg.partner.name for leg in option.legs)
    return f"{short_circuit_label(option.level)} · {partners}"


def _combine(groups: Sequence[QuoteGroup], picks: Sequence[routing.DeliveryOption], name: str
             ) -> DeliveryChoice:
    return DeliveryChoice(
        option_ids=tuple(g.option_id(o) for g, o in zip(groups, picks, strict=True)),
        name=name, price=sum((o.price for o in picks), Decimal(0)), currency=groups[0].currency,
        minimum_days=max(o.min_days for o in picks), maximum_days=max(o.max_days for o in picks))


def delivery_choices(groups: Sequence[QuoteGroup]) -> list[DeliveryChoice]:
    """Whole-basket choices, best first; none while a parcel cannot be delivered."""
    if not groups or any(not g.quote.options for g in groups):
        return []
    if len(groups) == 1:
        group = groups[0]
        return [_combine(groups, [option], _option_name(option))
                for option in group.quote.options]
    count = len(groups)
    candidates = [
        ([g.quote.options[0] for g in groups],
         _("Recommended deliveries (%(count)d parcels)") % {"count": count}),
        ([min(g.quote.options, key=lambda o: o.price) for g in groups],
         _("Cheapest deliveries (%(count)d parcels)") % {"count": count}),
        ([min(g.quote.options, key=lambda o: (o.max_days, o.min_days)) for g in groups],
         _("Fastest deliveries (%(count)d parcels)") % {"count": count}),
    ]
    choices: dict[str, DeliveryChoice] = {}
    for picks, name in candidates:
        choice = _combine(groups, picks, name)
        choices.setdefault(choice.key, choice)
    return list(choices.values())


def chosen_delivery(cooperative_ids: Sequence[int], deliveries: Sequence[Any], currency: str
                    ) -> DeliveryChoice | None:
    """The whole-basket choice made so far: only once every parcel has its delivery."""
    by_cooperative = {d.cooperative_id: d for d in deliveries}
    if not cooperative_ids or any(pk not in by_cooperative for pk in cooperative_ids):
        return None
    picked = [by_cooperative[pk] for pk in cooperative_ids]
    if len(picked) == 1:
        name = str(short_circuit_label(routing.ShortCircuitLevel(picked[0].short_circuit_level)))
    else:
        name = _("Your deliveries (%(count)d parcels)") % {"count": len(picked)}
    return DeliveryChoice(
        option_ids=tuple(d.option_id for d in picked), name=name,
        price=sum((d.price_amount for d in picked), Decimal(0)), currency=currency,
        minimum_days=max(d.minimum_delivery_days for d in picked),
        maximum_days=max(d.maximum_delivery_days for d in picked))


def priced_in(rows: Sequence[Any], currency: str) -> list[Any]:
    """Stored deliveries (checkout's or order's) with the currency their price is in."""
    for row in rows:
        row.currency = currency
    return list(rows)


class ShippingMethod(graphene.ObjectType):
    name = graphene.String(required=True)
    description = graphene.JSONString(description="Shipping method description.")
    maximum_delivery_days = graphene.Int(description="Maximum delivery days for this method.")
    minimum_delivery_days = graphene.Int(description="Minimum delivery days for this method.")
    price = graphene.Field(Money, required=True, description="The price of the cheapest "
                           "variant (including discounts).")
    active = graphene.Boolean(required=True, description="Describes if this shipping method is "
                              "active and can be selected.")
    message = graphene.String(description="Message connected to this shipping method.")

    private_metadata_permission = "MANAGE_SHIPPING"

    class Meta:
        interfaces = (Node, ObjectWithMetadata)
        description = ("Shipping methods that can be used as means of shipping for orders and "
                       "checkouts. CoopStore: the deliveries of every parcel of the basket.")

    @staticmethod
    def resolve_id(root: DeliveryChoice, _info: Any) -> str:
        return to_global_id("ShippingMethod", root.key)

    @staticmethod
    def resolve_description(_root: DeliveryChoice, _info: Any) -> None:
        return None

    @staticmethod
    def resolve_maximum_delivery_days(root: DeliveryChoice, _info: Any) -> int:
        return root.maximum_days

    @staticmethod
    def resolve_minimum_delivery_days(root: DeliveryChoice, _info: Any) -> int:
        return root.minimum_days

    @staticmethod
    def resolve_price(root: DeliveryChoice, _info: Any) -> prices.Money:
        return prices.Money(root.price, root.currency)

    @staticmethod
    def resolve_active(_root: DeliveryChoice, _info: Any) -> bool:
        return True


class Delivery(graphene.ObjectType):
    id = graphene.ID(required=True, description="The ID of the delivery.")
    shipping_method = graphene.Field(ShippingMethod, description="Shipping method represented "
                                     "by the delivery.")

    class Meta:
        description = "Represents a delivery option for the checkout."

    @staticmethod
    def resolve_id(root: DeliveryChoice, _info: Any) -> str:
        return to_global_id(COMBINED_TYPE, root.key)

    @staticmethod
    def resolve_shipping_method(root: DeliveryChoice, _info: Any) -> DeliveryChoice:
        return root


class ChosenDelivery(graphene.ObjectType):
    id = graphene.ID(required=True, description="The ID of the option chosen (a "
                     "`DeliveryOption` ID).")
    cooperative = graphene.Field("backend.cooperatives.graphql.types.Cooperative", required=True)
    price = graphene.Field(Money, required=True, description="The price agreed.")
    minimum_delivery_days = graphene.Int(required=True)
    maximum_delivery_days = graphene.Int(required=True)
    distance_km = graphene.Float(required=True, description="Road kilometres, pick-up to door.")
    co2_grams = graphene.Int(required=True, description="Estimated CO2 of the whole chain.")
    short_circuit_level = ShortCircuitLevelEnum(required=True)
    partner_names = NonNullList(graphene.String, required=True,
                                description="The partners carrying the parcel, in order.")

    class Meta:
        description = "CoopStore: the delivery chosen for one cooperative's parcel."

    @staticmethod
    def resolve_id(root: Any, _info: Any) -> str:
        return to_global_id(OPTION_TYPE, root.option_id)

    @staticmethod
    def resolve_price(root: Any, _info: Any) -> prices.Money:
        return prices.Money(root.price_amount, root.currency)

    @staticmethod
    def resolve_distance_km(root: Any, _info: Any) -> float:
        return float(root.distance_km)

    @staticmethod
    def resolve_short_circuit_level(root: Any, _info: Any) -> str:
        return routing.ShortCircuitLevel(root.short_circuit_level)

    @staticmethod
    def resolve_partner_names(root: Any, _info: Any) -> list[str]:
        return [str(leg.get("partner_name", "")) for leg in root.legs or []]


class CheckoutDeliveryGroup(graphene.ObjectType):
    cooperative = graphene.Field("backend.cooperatives.graphql.types.Cooperative", required=True)
    lines = NonNullList("backend.orders.graphql.types.CheckoutLine", required=True,
                        description="The checkout lines in this parcel.")
    subtotal = graphene.Field(Money, required=True, description="Price of the goods.")
    weight = graphene.Field(Weight, required=True, description="Weight of the parcel.")
    options = NonNullList(DeliveryOption, required=True,
                          description="Ways to deliver the parcel to the shipping address, best "
                                      "first; empty until a shipping address is set.")
    selected = graphene.Field(ChosenDelivery, description="The delivery chosen for the parcel.")
    no_delivery_reason = NoDeliveryReasonEnum(description="Why there is no option.")
    message = graphene.String(description="Why there is no option, in the request's language.")

    class Meta:
        description = ("CoopStore: one cooperative's parcel of the checkout. Choose its delivery "
                       "with checkoutDeliveryMethodUpdate(id, deliveryMethodId: <an option's "
                       "id>).")
