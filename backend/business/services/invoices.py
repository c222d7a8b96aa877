"""Invoices of pro orders paid by bank transfer, and the transfer received.

Completing a pro checkout with the bank-transfer gateway places the order unpaid (charge
status NONE) and issues its invoice: the sellers' ICE numbers (each cooperative of the order),
the buyer's, due in 30 days. When the money arrives a network admin marks the invoice paid:
that records a CHARGE_SUCCESS on a bank-transfer transaction of the order, so the order's
charge status follows Saleor's rules and the fair-pay ledger captures the split into the
``BANK`` account (``backend.fairpay.payment_listener``), exactly once per invoice.
"""
from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.core.errors import DomainError
from backend.orders.models import Order, OrderStatus
from backend.payments.gateways import BANK_TRANSFER
from backend.payments.gateways.types import EventInput
from backend.payments.locks import order_for_update, transaction_for_update
from backend.payments.models import TransactionEventType, TransactionItem
from backend.payments.services.transaction_events import record_locked

from ..error_codes import BusinessErrorCode
from ..models import BusinessAccount, Invoice, InvoiceStatus
from ..numbers import invoice_number, next_invoice_sequence

PAYMENT_TERM_DAYS = 30


def _sellers(order: Order) -> list[dict]:
    cooperatives = {line.cooperative_id: line.cooperative
                    for line in order.lines.select_related("cooperative").order_by("pk")}
    return [{"cooperative_id": c.pk, "name": c.name, "ice": c.ice or "",
             "odco_number": c.odco_number} for c in cooperatives.values()]


@transaction.atomic
def invoice_create_for_order(*, order: Order) -> Invoice:
    """Issue the invoice of a pro order (once; a second call returns the first invoice)."""
    existing = Invoice.objects.filter(order=order).first()
    if existing is not None:
        return existing
    account = BusinessAccount.objects.filter(user_id=order.user_id).first()
    if account is None:
        raise DomainError.single(BusinessErrorCode.NOT_APPROVED,
                                 _("Only business accounts are invoiced."), "user")
    today = timezone.localdate()
    sequence = next_invoice_sequence()
    return Invoice.objects.create(
        number=invoice_number(sequence, today.year), sequence=sequence, order=order,
        business=account, buyer_name=account.company_name, buyer_ice=account.ice,
        sellers=_sellers(order), currency=order.currency, total_amount=order.total_amount,
        issued_on=today, due_on=today + timedelta(days=PAYMENT_TERM_DAYS))


def invoice_mark_paid(*, invoice_id: int, reference: str = "") -> Invoice:
    """The buyer's transfer arrived: record the charge of the whole invoice (idempotent).

    Locks the invoice, then the order, then its bank-transfer transaction.
    """
    with transaction.atomic():
        invoice = Invoice.objects.select_for_update().filter(pk=invoice_id).first()
        if invoice is None:
            raise DomainError.single(BusinessErrorCode.NOT_FOUND, _("No such invoice."), "id")
        if invoice.status == InvoiceStatus.PAID:
            return invoice
        if invoice.status != InvoiceStatus.ISSUED:
            raise DomainError.single(BusinessErrorCode.INVALID,
                                     _("A canceled invoice cannot be paid."), "id")
        order = order_for_update(invoice.order_id)
        if order.status == OrderStatus.CANCELED:
            raise DomainError.single(BusinessErrorCode.INVALID,
                                     _("The order of this invoice was canceled."), "id")
        item, _created = TransactionItem.objects.get_or_create(
            order=order, checkout_token=None, idempotency_key=f"invoice-{invoice.number}",
            defaults={"gateway": BANK_TRANSFER, "name": "Bank transfer",
                      "currency": order.currency})
        locked = transaction_for_update(item.pk)
        record_locked(locked, [EventInput(TransactionEventType.CHARGE_SUCCESS,
                                          invoice.total_amount, f"invoice-{invoice.number}",
                                          (reference or "")[:512])], source="admin")
        invoice.status, invoice.paid_at = InvoiceStatus.PAID, timezone.now()
        invoice.paid_reference = (reference or "")[:128]
        invoice.save(update_fields=["status", "paid_at", "paid_reference"])
        return invoice
