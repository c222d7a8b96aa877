"""Saleor's transaction mutations: ``paymentGatewayInitialize``, ``transactionInitialize`` and
``transactionProcess``, each a thin call of one ``backend.payments.services`` function.

A checkout is found as the checkout mutations find it (another customer's checkout looks like
one that does not exist); a transaction is reachable by whoever may reach its checkout or, once
the order is placed, its order. A refusal changes nothing and answers ``errors``.
"""
from __future__ import annotations

from typing import Any
from uuid import UUID

import graphene
from graphql import GraphQLError

from backend.core.errors import DomainError
from backend.graphql.core.ids import from_global_uuid_or_error
from backend.graphql.core.mutations import errors_of, graphql_error_as, input_error
from backend.graphql.core.scalars import JSON, PositiveDecimal
from backend.graphql.core.types import NonNullList, request_language
from backend.graphql.core.validators import validate_one_of_args_is_in_query
from backend.orders.graphql.dataloaders import checkout_visible, is_owner
from backend.orders.graphql.mutations_base import NOT_FOUND_MESSAGE, checkout_for_mutation
from backend.orders.models import Order
from backend.payments.error_codes import (
    PaymentGatewayConfigErrorCode,
    TransactionInitializeErrorCode,
    TransactionProcessErrorCode,
)
from backend.payments.models import TransactionItem as TransactionItemModel
from backend.payments.services import (
    payment_gateway_initialize,
    transaction_initialize,
    transaction_process,
)

from .types import (
    PaymentGatewayConfig,
    PaymentGatewayConfigError,
    PaymentGatewayInitializeError,
    TransactionEvent,
    TransactionFlowStrategyEnum,
    TransactionInitializeError,
    TransactionItem,
    TransactionProcessError,
)


class PaymentGatewayToInitialize(graphene.InputObjectType):
    id = graphene.String(required=True, description="The identifier of the payment gateway app "
                         "to initialize.")
    data = JSON(description="The data that will be passed to the payment gateway.")


def _client_language(info: Any) -> str | None:
    """The client's language when it sends one; else the checkout's (the service's default)."""
    request = getattr(info, "context", None)
    if request is None or not request.META.get("HTTP_ACCEPT_LANGUAGE"):
        return None
    return request_language(info)


def _gateway_input(gateway: Any) -> dict[str, Any]:
    return {"id": gateway.get("id"), "data": gateway.get("data")}


class PaymentGatewayInitialize(graphene.Mutation):
    gateway_configs = NonNullList(PaymentGatewayConfig)
    errors = NonNullList(PaymentGatewayInitializeError, required=True)

    class Arguments:
        id = graphene.ID(required=True, description="ID of the checkout or order.")
        amount = PositiveDecimal(description="The amount requested for initializing the payment "
                                 "gateway. If not provided, the difference between "
                                 "checkout.total - transactions that are already processed will "
                                 "be send.")
        payment_gateways = NonNullList(PaymentGatewayToInitialize, description="List of payment "
                                       "gateways to initialize.")

    class Meta:
        description = ("Initializes a payment gateway session: the public data each gateway "
                       "needs in the browser (Stripe: its publishable key).")

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, id: str, amount: Any = None,
               payment_gateways: list | None = None) -> PaymentGatewayInitialize:
        try:
            checkout = checkout_for_mutation(info, id=id)
            configs = payment_gateway_initialize(
                checkout=checkout,
                gateways=None if payment_gateways is None
                else [_gateway_input(g) for g in payment_gateways])
        except DomainError as error:
            return cls(gateway_configs=[], errors=errors_of(
                error, PaymentGatewayInitializeError, PaymentGatewayConfigErrorCode))
        return cls(errors=[], gateway_configs=[
            PaymentGatewayConfig(id=config.id, data=config.data, errors=errors_of(
                DomainError(*config.errors), PaymentGatewayConfigError,
                PaymentGatewayConfigErrorCode)) for config in configs])


class TransactionInitialize(graphene.Mutation):
    transaction = graphene.Field(TransactionItem, description="The initialized transaction.")
    transaction_event = graphene.Field(TransactionEvent, description="The event created for "
                                       "the initialized transaction.")
    data = JSON(description="The JSON data that the payment gateway answered.")
    errors = NonNullList(TransactionInitializeError, required=True)

    class Arguments:
        id = graphene.ID(required=True, description="The ID of the checkout or order.")
        payment_gateway = PaymentGatewayToInitialize(
            required=True, description="Payment gateway used to initialize the transaction.")
        amount = PositiveDecimal(description="The amount requested for initializing the payment "
                                 "gateway. If not provided, the difference between "
                                 "checkout.total - transactions that are already processed will "
                                 "be send.")
        action = TransactionFlowStrategyEnum(description="The expected action called for the "
                                             "transaction (CoopStore charges at once).")
        idempotency_key = graphene.String(description="The idempotency key assigned to the "
                                          "action. It will be passed to the payment app to "
                                          "discover potential duplicate actions.")
        customer_ip_address = graphene.String(description="The customer's IP address (not "
                                              "stored by CoopStore).")

    class Meta:
        description = ("Initializes a transaction session: Stripe creates a PaymentIntent and "
                       "answers its client secret; the Dummy Payment App (demo only) records "
                       "the event its data asks for.")

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, id: str, payment_gateway: Any,
               amount: Any = None, action: Any = None, idempotency_key: str | None = None,
               customer_ip_address: str | None = None) -> TransactionInitialize:
        try:
            checkout = checkout_for_mutation(info, id=id)
            gateway = _gateway_input(payment_gateway)
            result = transaction_initialize(
                checkout=checkout, gateway_id=str(gateway["id"] or ""), data=gateway["data"],
                amount=amount, idempotency_key=idempotency_key,
                language=_client_language(info))
        except DomainError as error:
            return cls(errors=errors_of(error, TransactionInitializeError,
                                        TransactionInitializeErrorCode))
        return cls(transaction=result.transaction, transaction_event=result.event,
                   data=result.data, errors=[])


def transaction_reachable(info: Any, transaction: TransactionItemModel) -> bool:
    """Whoever may reach the transaction's checkout, or once it is placed its order."""
    if transaction.checkout is not None:
        return checkout_visible(info, transaction.checkout)
    order = transaction.order or (Order.objects.filter(checkout_token=transaction.checkout_token)
                                  .only("pk", "user_id").first()
                                  if transaction.checkout_token else None)
    return order is not None and (order.user_id is None or is_owner(info, order.user_id))


def _transaction_for_process(info: Any, id: str | None, token: UUID | None
                             ) -> TransactionItemModel:
    try:
        validate_one_of_args_is_in_query("id", id, "token", token)
    except GraphQLError as error:
        raise input_error(TransactionProcessErrorCode.GRAPHQL_ERROR, error.message,
                          None) from None
    field, given = ("token", token) if token else ("id", id)
    if not token:
        token = graphql_error_as(TransactionProcessErrorCode, "id",
                                 lambda: from_global_uuid_or_error(id, "TransactionItem"))
    transaction = (TransactionItemModel.objects.select_related("checkout", "order")
                   .filter(token=token).first())
    if transaction is None or not transaction_reachable(info, transaction):
        raise input_error(TransactionProcessErrorCode.NOT_FOUND,
                          NOT_FOUND_MESSAGE % {"id": given}, field)
    return transaction


class TransactionProcess(graphene.Mutation):
    transaction = graphene.Field(TransactionItem, description="The processed transaction.")
    transaction_event = graphene.Field(TransactionEvent, description="The event created for "
                                       "the processed transaction.")
    data = JSON(description="The json data that the payment gateway answered.")
    errors = NonNullList(TransactionProcessError, required=True)

    class Arguments:
        id = graphene.ID(description="The ID of the transaction to process. One of field id or "
                         "token is required.")
        token = graphene.UUID(description="The token of the transaction to process. One of "
                              "field id or token is required.")
        data = JSON(description="The data that will be passed to the payment gateway.")
        customer_ip_address = graphene.String(description="The customer's IP address (not "
                                              "stored by CoopStore).")

    class Meta:
        description = ("Processes a transaction session after the customer acted: Stripe's "
                       "PaymentIntent is read again and its result recorded.")

    @classmethod
    def mutate(cls, _root: Any, info: Any, *, id: str | None = None, token: UUID | None = None,
               data: Any = None, customer_ip_address: str | None = None) -> TransactionProcess:
        try:
            transaction = _transaction_for_process(info, id, token)
            result = transaction_process(transaction_token=transaction.token, data=data,
                                         language=_client_language(info))
        except DomainError as error:
            return cls(errors=errors_of(error, TransactionProcessError,
                                        TransactionProcessErrorCode))
        return cls(transaction=result.transaction, transaction_event=result.event,
                   data=result.data, errors=[])


class PaymentMutations(graphene.ObjectType):
    payment_gateway_initialize = PaymentGatewayInitialize.Field(
        description="Initializes payment gateways: their public data for the browser.")
    transaction_initialize = TransactionInitialize.Field(
        description="Initializes a payment transaction for a checkout.")
    transaction_process = TransactionProcess.Field(
        description="Processes a transaction after the customer acted.")

