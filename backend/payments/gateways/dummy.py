"""Saleor's Dummy Payment App (``saleor.io.dummy-payment-app``): the demo pays without money.

``transactionInitialize``/``transactionProcess`` with ``data: {event: {type: "CHARGE_SUCCESS",
includePspReference: true}}`` record that event at once. Refused unless DUMMY_PAYMENTS_ENABLED.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from backend.core.errors import DomainError
from backend.core.money import quantize

from ..error_codes import TransactionInitializeErrorCode
from ..models import TransactionEventType as T
from .types import EventInput, GatewayResult, RefundOutcome

if TYPE_CHECKING:
    from ..models import Refund, TransactionItem

NAME = "Dummy Payment App"
EVENT_TYPES = frozenset({
    T.CHARGE_SUCCESS, T.CHARGE_FAILURE, T.CHARGE_REQUEST, T.CHARGE_ACTION_REQUIRED,
    T.AUTHORIZATION_SUCCESS, T.AUTHORIZATION_FAILURE, T.AUTHORIZATION_REQUEST,
    T.AUTHORIZATION_ACTION_REQUIRED,
})


def config() -> dict[str, Any]:
    return {}


def _event(data: Any) -> dict[str, Any]:
    event = data.get("event") if isinstance(data, dict) else None
    if not isinstance(event, dict) or event.get("type") not in EVENT_TYPES:
        raise DomainError.single(
            TransactionInitializeErrorCode.INVALID,
            str(_('Expected data {"event": {"type": "CHARGE_SUCCESS", "includePspReference": '
                  'true}} with one of the types %(types)s.')
                % {"types": ", ".join(sorted(EVENT_TYPES))}), "paymentGateway")
    return event


def validate_initialize_data(data: Any) -> None:
    _event(data)


def _result(transaction: TransactionItem, amount: Decimal, data: Any) -> GatewayResult:
    event = _event(data)
    if event.get("amount") is not None:
        try:
            amount = quantize(Decimal(str(event["amount"])), transaction.currency)
        except (InvalidOperation, ValueError) as error:
            raise DomainError.single(TransactionInitializeErrorCode.INVALID,
                                     str(_("The event amount is not a number.")),
                                     "paymentGateway") from error
    psp_reference = transaction.psp_reference
    if event.get("includePspReference") and not psp_reference:
        psp_reference = f"dummy-{transaction.token.hex}"
    message = str(event.get("message") or "")[:512]
    return GatewayResult(events=(EventInput(event["type"], amount, psp_reference, message),),
                         psp_reference=psp_reference, data={"event": {"type": event["type"]}})


def initialize(*, transaction: TransactionItem, amount: Decimal, data: Any, language: str,
               metadata: dict[str, str]) -> GatewayResult:
    return _result(transaction, amount, data)


def process(*, transaction: TransactionItem, data: Any, language: str) -> GatewayResult:
    requested = Decimal(transaction.private_metadata.get("requested_amount", "0"))
    return _result(transaction, requested, data)


def refund(*, transaction: TransactionItem, refund: Refund) -> RefundOutcome:
    return RefundOutcome("succeeded", f"dummy-refund-{refund.token.hex}")
