"""Saleor's ``TransactionItem`` and ``TransactionEvent`` over the payment rows, and the error
types of the transaction mutations (codes of ``backend.payments.error_codes``)."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

import graphene
import prices

from backend.graphql.core.errors import BaseError
from backend.graphql.core.ids import to_global_id
from backend.graphql.core.money import Money, taxed_money
from backend.graphql.core.scalars import JSON
from backend.graphql.core.types import Node, NonNullList, ObjectWithMetadata
from backend.payments.error_codes import (
    PaymentGatewayConfigErrorCode,
    TransactionInitializeErrorCode,
    TransactionProcessErrorCode,
)
from backend.payments.models import TransactionAction, TransactionEventType
from backend.payments.models import TransactionEvent as TransactionEventModel
from backend.payments.models import TransactionItem as TransactionItemModel

TransactionEventTypeEnum = graphene.Enum(
    "TransactionEventTypeEnum", [(t.name, t.value) for t in TransactionEventType],
    description="Represents possible event types.")
TransactionActionEnum = graphene.Enum(
    "TransactionActionEnum", [(a.name, a.value) for a in TransactionAction],
    description="Represents possible actions on payment transaction.")


class TransactionFlowStrategyEnum(graphene.Enum):
    AUTHORIZATION = "AUTHORIZATION"
    CHARGE = "CHARGE"

    @property
    def description(self) -> str:
        return "Determine the transaction flow strategy."


PaymentGatewayConfigErrorCodeEnum = graphene.Enum.from_enum(
    PaymentGatewayConfigErrorCode, name="PaymentGatewayConfigErrorCode")
PaymentGatewayInitializeErrorCodeEnum = graphene.Enum.from_enum(
    PaymentGatewayConfigErrorCode, name="PaymentGatewayInitializeErrorCode")
TransactionInitializeErrorCodeEnum = graphene.Enum.from_enum(
    TransactionInitializeErrorCode, name="TransactionInitializeErrorCode")
TransactionProcessErrorCodeEnum = graphene.Enum.from_enum(
    TransactionProcessErrorCode, name="TransactionProcessErrorCode")


class PaymentGatewayConfigError(BaseError):
    code = PaymentGatewayConfigErrorCodeEnum(required=True, description="The error code.")


class PaymentGatewayInitializeError(BaseError):
    code = PaymentGatewayInitializeErrorCodeEnum(required=True, description="The error code.")


class TransactionInitializeError(BaseError):
    code = TransactionInitializeErrorCodeEnum(required=True, description="The error code.")


class TransactionProcessError(BaseError):
    code = TransactionProcessErrorCodeEnum(required=True, description="The error code.")


class PaymentGatewayConfig(graphene.ObjectType):
    id = graphene.String(required=True, description="The app identifier.")
    data = JSON(description="The JSON data required to initialize the payment gateway.")
    errors = NonNullList(PaymentGatewayConfigError)

    class Meta:
        description = "Config of the payment gateway (Saleor's payment app protocol)."


def _money(amount: Decimal, currency: str) -> prices.Money:
    return taxed_money(amount, currency).gross


class TransactionEvent(graphene.ObjectType):
    created_at = graphene.DateTime(required=True)
    psp_reference = graphene.String(required=True, description="PSP reference of transaction.")
    message = graphene.String(required=True, description="Message related to the transaction's "
                              "event.")
    external_url = graphene.String(required=True, description="The url that will allow to "
                                   "redirect user to payment provider page with transaction "
                                   "details.")
    amount = graphene.Field(Money, required=True, description="The amount related to the "
                            "transaction event.")
    type = TransactionEventTypeEnum(description="The type of action related to this event.")
    idempotency_key = graphene.String(description="Idempotency key assigned to the event.")

    class Meta:
        interfaces = (Node,)
        description = "Represents transaction's event."

    @staticmethod
    def resolve_id(root: TransactionEventModel, _info: Any) -> str:
        return to_global_id("TransactionEvent", root.pk)

    @staticmethod
    def resolve_type(root: TransactionEventModel, _info: Any) -> str:
        return str(root.type)

    @staticmethod
    def resolve_external_url(_root: TransactionEventModel, _info: Any) -> str:
        return ""

    @staticmethod
    def resolve_amount(root: TransactionEventModel, _info: Any) -> prices.Money:
        return _money(root.amount, root.currency)

    @staticmethod
    def resolve_idempotency_key(_root: TransactionEventModel, _info: Any) -> None:
        return None


def _amount_field(description: str) -> graphene.Field:
    return graphene.Field(Money, required=True, description=description)


class TransactionItem(graphene.ObjectType):
    token = graphene.UUID(required=True, description="The transaction token.")
    created_at = graphene.DateTime(required=True)
    modified_at = graphene.DateTime(required=True)
    actions = NonNullList(TransactionActionEnum, required=True,
                          description="List of actions that can be performed in the current "
                                      "state of a payment.")
    authorized_amount = _amount_field("Total amount authorized for this payment.")
    authorize_pending_amount = _amount_field("Total amount of ongoing authorization requests.")
    refunded_amount = _amount_field("Total amount refunded for this payment.")
    refund_pending_amount = _amount_field("Total amount of ongoing refund requests.")
    canceled_amount = _amount_field("Total amount canceled for this payment.")
    cancel_pending_amount = _amount_field("Total amount of ongoing cancel requests.")
    charged_amount = _amount_field("Total amount charged for this payment.")
    charge_pending_amount = _amount_field("Total amount of ongoing charge requests.")
    name = graphene.String(required=True, description="Name of the transaction.")
    message = graphene.String(required=True, description="Message related to the "
                              "transaction.")
    psp_reference = graphene.String(required=True, description="PSP reference of transaction.")
    events = NonNullList(TransactionEvent, required=True,
                         description="List of all transaction's events.")
    external_url = graphene.String(required=True, description="The url that will allow to "
                                   "redirect user to payment provider page with transaction "
                                   "details.")

    private_metadata_permission = "HANDLE_PAYMENTS"

    class Meta:
        interfaces = (Node, ObjectWithMetadata)
        description = ("Represents a payment transaction (a Stripe PaymentIntent, a dummy "
                       "payment, the cash a partner collected).")

    @staticmethod
    def resolve_id(root: TransactionItemModel, _info: Any) -> str:
        return to_global_id("TransactionItem", root.token)

    @staticmethod
    def resolve_actions(root: TransactionItemModel, _info: Any) -> list[str]:
        known = {a.value for a in TransactionAction}
        return [str(a) for a in root.available_actions or [] if str(a) in known]

    @staticmethod
    def resolve_authorized_amount(root: TransactionItemModel, _info: Any) -> prices.Money:
        return _money(root.authorized_amount, root.currency)

    @staticmethod
    def resolve_refunded_amount(root: TransactionItemModel, _info: Any) -> prices.Money:
        return _money(root.refunded_amount, root.currency)

    @staticmethod
    def resolve_canceled_amount(root: TransactionItemModel, _info: Any) -> prices.Money:
        return _money(root.canceled_amount, root.currency)

    @staticmethod
    def resolve_charged_amount(root: TransactionItemModel, _info: Any) -> prices.Money:
        return _money(root.charged_amount, root.currency)

    @staticmethod
    def _none(root: TransactionItemModel, _info: Any) -> prices.Money:
        # Requests are answered synchronously or by the provider's webhook: nothing pends here.
        return _money(Decimal(0), root.currency)

    resolve_authorize_pending_amount = _none
    resolve_refund_pending_amount = _none
    resolve_cancel_pending_amount = _none
    resolve_charge_pending_amount = _none

    @staticmethod
    def resolve_events(root: TransactionItemModel, _info: Any) -> list[TransactionEventModel]:
        return list(root.events.all())

    @staticmethod
    def resolve_external_url(_root: TransactionItemModel, _info: Any) -> str:
        return ""
