"""Saleor's ``GiftCard`` as a shopper sees it: the last four characters and the balance."""
from __future__ import annotations

from typing import Any

import graphene
import prices

from backend.graphql.core.money import Money
from backend.graphql.core.types import ModelObjectType, Node, NonNullList, ObjectWithMetadata

from ..models import GiftCard as GiftCardModel
from ..models import GiftCardEvent as GiftCardEventModel
from ..models import GiftCardEventType

GiftCardEventsEnum = graphene.Enum(
    "GiftCardEventsEnum", [(t.name, t.value) for t in GiftCardEventType],
    description="Gift card event types.")


class GiftCardEventBalance(graphene.ObjectType):
    initial_balance = graphene.Field(Money, description="Initial balance of the gift card.")
    current_balance = graphene.Field(Money, required=True,
                                     description="Current balance of the gift card.")
    old_initial_balance = graphene.Field(Money)
    old_current_balance = graphene.Field(Money)


class GiftCardEvent(ModelObjectType):
    date = graphene.DateTime(description="Date when event happened at in ISO 8601 format.")
    type = GiftCardEventsEnum(description="Gift card event type.")
    message = graphene.String(description="Content of the event.")
    email = graphene.String(description="Email of the customer.")
    order_id = graphene.ID(description="The order ID where gift card was used or bought.")
    order_number = graphene.String(description="User-friendly number of an order where gift "
                                   "card was used or bought.")
    tags = NonNullList(graphene.String, description="The list of gift card tags.")
    old_tags = NonNullList(graphene.String, description="The list of old gift card tags.")
    expiry_date = graphene.Date(description="The gift card expiry date.")
    old_expiry_date = graphene.Date(description="Previous gift card expiry date.")

    class Meta:
        interfaces = (Node,)
        description = "History log of the gift card."

    @staticmethod
    def resolve_type(root: GiftCardEventModel, _info: Any) -> str:
        return root.type

    @staticmethod
    def resolve_order_id(root: GiftCardEventModel, _info: Any) -> str | None:
        from backend.graphql.core.ids import to_global_id

        return to_global_id("Order", root.order_id) if root.order_id else None

    @staticmethod
    def resolve_message(_root: GiftCardEventModel, _info: Any) -> None:
        return None

    @staticmethod
    def resolve_email(_root: GiftCardEventModel, _info: Any) -> None:
        return None

    @staticmethod
    def resolve_order_number(_root: GiftCardEventModel, _info: Any) -> None:
        return None


class GiftCard(ModelObjectType):
    display_code = graphene.String(required=True, description="Code in format which allows "
                                   "displaying in a user interface.")
    last_4_code_chars = graphene.String(required=True, name="last4CodeChars",
                                        description="Last 4 characters of gift card code.")
    created = graphene.DateTime(required=True)
    last_used_on = graphene.DateTime()
    expiry_date = graphene.Date()
    is_active = graphene.Boolean(required=True)
    initial_balance = graphene.Field(Money, required=True)
    current_balance = graphene.Field(Money, required=True)
    events = NonNullList(GiftCardEvent, required=True, description="List of events associated "
                         "with the gift card (staff only; empty otherwise).")

    private_metadata_permission = "MANAGE_GIFT_CARD"

    class Meta:
        interfaces = (Node, ObjectWithMetadata)
        description = "A gift card is a prepaid electronic payment card accepted in stores. "\
                      "The code itself is never shown: only its last four characters."

    @staticmethod
    def resolve_display_code(root: GiftCardModel, _info: Any) -> str:
        return root.display_code

    @staticmethod
    def resolve_last_4_code_chars(root: GiftCardModel, _info: Any) -> str:
        return root.display_code

    @staticmethod
    def resolve_created(root: GiftCardModel, _info: Any) -> Any:
        return root.created_at

    @staticmethod
    def resolve_initial_balance(root: GiftCardModel, _info: Any) -> prices.Money:
        return prices.Money(root.initial_balance_amount, root.currency)

    @staticmethod
    def resolve_current_balance(root: GiftCardModel, _info: Any) -> prices.Money:
        return prices.Money(root.current_balance_amount, root.currency)

    @staticmethod
    def resolve_events(root: GiftCardModel, info: Any) -> list:
        user = getattr(info.context, "user", None)
        if not (user and user.is_active and user.is_staff):
            return []
        return list(root.events.all())
