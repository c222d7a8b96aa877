"""Saleor's transaction protocol: paymentGatewayInitialize, transactionInitialize,
transactionProcess — written once here, for the GraphQL mutations and the storefront alike.

A provider call (Stripe) is never made while holding a row lock: the transaction row is created
and committed first, the provider is called, then its answer is recorded in a second database
transaction. Retrying with the same idempotency key finds the same transaction and, through
the Stripe idempotency key derived from it, the same PaymentIntent.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from types import ModuleType
from typing import Any

from django.db import IntegrityError
from django.db import transaction as db_transaction
from django.utils.translation import gettext as _

from backend.core.errors import DomainError, ErrorItem
from backend.core.money import quantize
from backend.orders.models import Checkout
from backend.orders.selectors import checkout_lines_info, checkout_totals

from ..error_codes import (
    PaymentGatewayConfigErrorCode,
    TransactionInitializeErrorCode,
    TransactionProcessErrorCode,
)
from ..gateways import DUMMY, STRIPE, Gateway, available_gateways, get_gateway
from ..gateways.providers import provider, supports_transactions
from ..locks import checkout_for_update
from ..models import TransactionEvent, TransactionEventType, TransactionItem
from ..selectors import checkout_payment_amounts
from .transaction_events import transaction_events_record, transaction_language

_FINAL_SUCCESS = (TransactionEventType.CHARGE_SUCCESS, TransactionEventType.AUTHORIZATION_SUCCESS)


@dataclass(frozen=True)
class GatewayConfig:
    """One entry of paymentGatewayInitialize's ``gatewayConfigs``."""

    id: str
    data: dict[str, Any] | None
    errors: list[ErrorItem] = field(default_factory=list)


@dataclass(frozen=True)
class TransactionResult:
    """transactionInitialize / transactionProcess's payload: ``transaction``,
    ``transactionEvent`` and ``data``."""

    transaction: TransactionItem
    event: TransactionEvent | None
    data: dict[str, Any] | None
    created: bool = False


def payment_gateway_initialize(*, checkout: Checkout,
                               gateways: list[dict[str, Any]] | None = None
                               ) -> list[GatewayConfig]:
    """The public configuration of the requested gateways, or of all that the checkout can
    use. Stripe answers ``{stripePublishableKey}``; an unknown or disabled id gets an error."""
    if gateways is None:
        gateways = [{"id": g.id} for g in available_gateways(checkout.currency)]
    configs = []
    for requested in gateways:
        gateway_id = str(requested.get("id") or "")
        gateway = get_gateway(gateway_id)
        module = provider(gateway_id)
        if gateway is None or module is None or checkout.currency not in gateway.currencies:
            configs.append(GatewayConfig(id=gateway_id, data=None, errors=[ErrorItem(
                PaymentGatewayConfigErrorCode.NOT_FOUND,
                _("The payment gateway %(id)s is not available.") % {"id": gateway_id},
                "id")]))
            continue
        configs.append(GatewayConfig(id=gateway_id, data=module.config()))
    return configs


def _transaction_gateway(gateway_id: str, currency: str) -> tuple[Gateway, ModuleType]:
    """The gateway and its module, or a clear refusal (the dummy one outside the demo)."""
    if gateway_id == DUMMY and get_gateway(DUMMY) is None:
        raise DomainError.single(
            TransactionInitializeErrorCode.INVALID,
            _("The Dummy Payment App is disabled on this shop: it is only for demos and tests "
              "(DUMMY_PAYMENTS_ENABLED)."), "paymentGateway")
    gateway = get_gateway(gateway_id)
    module = provider(gateway_id)
    if (gateway is None or module is None or not supports_transactions(gateway_id)
            or currency not in gateway.currencies):
        raise DomainError.single(
            TransactionInitializeErrorCode.NOT_FOUND,
            _("The payment gateway %(id)s is not available.") % {"id": gateway_id},
            "paymentGateway")
    return gateway, module


def _amount_to_pay(checkout: Checkout, amount: Decimal | str | None) -> Decimal:
    """The requested amount, or (Saleor's default) what the checkout still lacks."""
    if amount is None:
        total = checkout_totals(checkout, checkout_lines_info(checkout)).total
        paid = checkout_payment_amounts(checkout)
        value = total - paid.charged - paid.authorized
    else:
        try:
            value = Decimal(str(amount))
        except InvalidOperation as error:
            raise DomainError.single(TransactionInitializeErrorCode.INVALID,
                                     _("The amount is not a number."), "amount") from error
    value = quantize(value, checkout.currency)
    if value <= 0:
        raise DomainError.single(TransactionInitializeErrorCode.INVALID,
                                 _("There is nothing left to pay on this checkout."), "amount")
    return value


def transaction_initialize(*, checkout: Checkout, gateway_id: str, data: Any = None,
                           amount: Decimal | str | None = None,
                           idempotency_key: str | None = None,
                           language: str | None = None) -> TransactionResult:
    """Start paying a checkout through a gateway (Saleor's transactionInitialize).

    Stripe creates a PaymentIntent and answers ``{paymentIntent: {stripeClientSecret}}``; the
    dummy gateway records the event its data asks for at once. The same idempotency key
    returns the same transaction. Locks the checkout while creating the transaction.
    """
    if idempotency_key is not None and not idempotency_key.strip():
        raise DomainError.single(TransactionInitializeErrorCode.INVALID,
                                 _("The idempotency key cannot be empty."), "idempotencyKey")
    gateway, module = _transaction_gateway(gateway_id, checkout.currency)
    module.validate_initialize_data(data)
    key = (idempotency_key or uuid.uuid4().hex)[:512]
    language = language or checkout.language_code
    existing = TransactionItem.objects.filter(checkout_token=checkout.token,
                                              idempotency_key=key).first()
    if existing is not None:
        value = Decimal(existing.private_metadata.get("requested_amount") or "0")
        _same_request(existing, gateway,
                      value if amount is None else _amount_to_pay(checkout, amount))
        transaction, created = existing, False
    else:
        value = _amount_to_pay(checkout, amount)
        transaction, created = _transaction_get_or_create(checkout, gateway, key, value)
    if not created and (gateway_id != STRIPE or _succeeded(transaction)):
        # Nothing to ask the provider again: answer what is known.
        return TransactionResult(transaction=transaction, event=_latest_event(transaction),
                                 data=None)
    metadata = {"checkout": str(checkout.token), "transaction": str(transaction.token),
                "channel": str(checkout.channel_id)}
    result = module.initialize(transaction=transaction, amount=value, data=data,
                               language=language, metadata=metadata)
    recorded = transaction_events_record(
        transaction_id=transaction.pk, events=result.events, source="transactionInitialize",
        psp_reference=result.psp_reference, private=result.private)
    return TransactionResult(transaction=recorded.transaction, event=recorded.event,
                             data=result.data, created=created)


def _transaction_get_or_create(checkout: Checkout, gateway: Gateway, key: str,
                               amount: Decimal) -> tuple[TransactionItem, bool]:
    with db_transaction.atomic():
        locked = checkout_for_update(checkout.token)
        if locked is None:
            raise DomainError.single(TransactionInitializeErrorCode.NOT_FOUND,
                                     _("Couldn't resolve to a node: %(id)s")
                                     % {"id": checkout.token}, "id")
        existing = TransactionItem.objects.filter(checkout_token=locked.token,
                                                  idempotency_key=key).first()
        if existing is not None:
            _same_request(existing, gateway, amount)
            return existing, False
        try:
            with db_transaction.atomic():
                item = TransactionItem.objects.create(
                    gateway=gateway.id, name=str(provider(gateway.id).NAME),
                    currency=locked.currency, checkout=locked, checkout_token=locked.token,
                    idempotency_key=key, private_metadata={"requested_amount": str(amount)})
        except IntegrityError as error:  # pragma: no cover - guarded by the checkout lock
            raise DomainError.single(TransactionInitializeErrorCode.UNIQUE,
                                     _("This idempotency key was already used."),
                                     "idempotencyKey") from error
        if locked.payment_gateway != gateway.id:
            locked.payment_gateway = gateway.id
            locked.save(update_fields=["payment_gateway", "updated_at"])
            checkout.payment_gateway = gateway.id
        return item, True


def _same_request(existing: TransactionItem, gateway: Gateway, amount: Decimal) -> None:
    """Saleor: one idempotency key, one request; reusing it for another one is refused."""
    if (existing.gateway != gateway.id
            or existing.private_metadata.get("requested_amount") != str(amount)):
        raise DomainError.single(
            TransactionInitializeErrorCode.UNIQUE,
            _("This idempotency key was already used for another payment."), "idempotencyKey")


def _succeeded(transaction: TransactionItem) -> bool:
    return transaction.events.filter(type__in=_FINAL_SUCCESS).exists()


def _latest_event(transaction: TransactionItem) -> TransactionEvent | None:
    return transaction.events.order_by("-created_at", "-pk").first()


def transaction_process(*, transaction_token: uuid.UUID | str, data: Any = None,
                        language: str | None = None) -> TransactionResult:
    """Continue a payment after the customer acted (Saleor's transactionProcess).

    Stripe: re-read the PaymentIntent and record its state (success, decline, 3-D Secure still
    pending). Dummy: record the event in ``data``. A transaction that already succeeded is
    answered as it is, without asking the provider again.
    """
    transaction = TransactionItem.objects.filter(token=transaction_token).first()
    if transaction is None:
        raise DomainError.single(TransactionProcessErrorCode.NOT_FOUND,
                                 _("Couldn't resolve to a node: %(id)s")
                                 % {"id": transaction_token}, "id")
    module = provider(transaction.gateway)
    if module is None or not supports_transactions(transaction.gateway):
        raise DomainError.single(TransactionProcessErrorCode.MISSING_PAYMENT_APP,
                                 _("This transaction has no payment app to process it."), "id")
    if transaction.gateway == DUMMY and get_gateway(DUMMY) is None:
        raise DomainError.single(
            TransactionProcessErrorCode.MISSING_PAYMENT_APP,
            _("The Dummy Payment App is disabled on this shop: it is only for demos and tests "
              "(DUMMY_PAYMENTS_ENABLED)."), "id")
    if _succeeded(transaction) and transaction.gateway == STRIPE:
        return TransactionResult(transaction=transaction, event=_latest_event(transaction),
                                 data=None)
    if transaction.gateway == DUMMY:
        module.validate_initialize_data(data)
    language = language or transaction_language(transaction)
    result = module.process(transaction=transaction, data=data, language=language)
    recorded = transaction_events_record(
        transaction_id=transaction.pk, events=result.events, source="transactionProcess",
        psp_reference=result.psp_reference, private=result.private)
    return TransactionResult(transaction=recorded.transaction, event=recorded.event,
                             data=result.data)
