"""The ledger's side of ``backend.payments.hooks``: each money movement becomes a journal.

Not registered yet: the lead registers it from ``FairpayConfig.ready()`` with
``hooks.register_money_listener(ledger_record_money_movement)`` once every cash-on-delivery
order's deliveries carry their legs (the collector of a parcel's cash is the partner of its
last leg). It runs inside the payment's transaction, so a ledger refusal rolls it back.

- a charge by card (or the dummy gateway) is one capture of the whole order;
- cash collected is captured parcel by parcel (in proportion to what each still owes), each
  parcel's cash held by the partner who carried its last leg;
- a refund reverses its lines and its shipping (spread over the deliveries by price), or its
  amount over the whole order; cash refunds are owed to the customer.
"""
from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from backend.cooperatives.models import Cooperative
from backend.core.errors import DomainError
from backend.core.money import from_minor_units, to_minor_units
from backend.orders.models import Order, OrderDelivery
from backend.payments.gateways import BANK_TRANSFER, CASH_ON_DELIVERY
from backend.payments.hooks import MoneyMovement, MovementKind
from fulfillment.models import Partner

from .apportion import apportion
from .error_codes import FairPayErrorCode
from .legs import legs_read
from .models import OrderSplit, PaymentMethod
from .selectors import order_captured_cells
from .services.ledger import ledger_record_capture, ledger_record_refund
from .services.snapshots import order_splits_snapshot


def parcel_collectors(order: Order) -> dict[int, int | None]:
    """The partner who hands each cooperative's parcel over (and takes its cash): last leg."""
    collectors: dict[int, int | None] = {}
    for delivery in order.deliveries.all():
        legs = legs_read(delivery.legs)
        collectors[delivery.cooperative_id] = legs[-1].partner_id if legs else None
    return collectors


def _parcel_remaining(header: OrderSplit) -> dict[int, int]:
    """What each parcel (cooperative) still has to be paid, in minor units."""
    parcel_of: dict[tuple, int] = {}
    remaining: dict[int, int] = {}
    for part in header.parts.select_related("order_line", "delivery"):
        cooperative_id = (part.order_line or part.delivery).cooperative_id
        parcel_of[(part.order_line_id, part.delivery_id)] = cooperative_id
        remaining[cooperative_id] = remaining.get(cooperative_id, 0) + part.amount_minor
    for (line_id, delivery_id, _account, _role), amount in order_captured_cells(
            header.order_id).items():
        remaining[parcel_of[(line_id, delivery_id)]] -= amount
    return remaining


def _capture_cash(order: Order, movement: MoneyMovement) -> None:
    header = order_splits_snapshot(order=order)
    remaining = {pk: amount for pk, amount in _parcel_remaining(header).items() if amount > 0}
    total = to_minor_units(movement.amount, order.currency)
    if not remaining or total > sum(remaining.values()):
        raise DomainError.single(FairPayErrorCode.CAPTURE_EXCEEDS_ORDER,
                                 _("This is more than is left to pay on the order."), "amount")
    collectors = parcel_collectors(order)
    shares = apportion(total, [(str(pk), amount) for pk, amount in sorted(remaining.items())],
                       seed=f"order:{order.pk}|cash|{movement.psp_reference}")
    partners = Partner.objects.in_bulk([pk for pk in collectors.values() if pk])
    cooperatives = Cooperative.objects.in_bulk(list(remaining))
    for cooperative_id in sorted(remaining):
        share = shares[str(cooperative_id)]
        partner = partners.get(collectors.get(cooperative_id))
        if not share:
            continue
        if partner is None:
            raise DomainError.single(FairPayErrorCode.REQUIRED,
                                     _("Say which partner collected the cash."), "collectedBy")
        ledger_record_capture(
            order=order, amount=from_minor_units(share, order.currency), method="cash",
            collected_by=partner, cooperative=cooperatives[cooperative_id],
            reference=f"{movement.psp_reference or movement.transaction_id}:{cooperative_id}")


def _shipping(order: Order, amount: Decimal) -> dict[OrderDelivery, Decimal]:
    deliveries = list(order.deliveries.order_by("pk"))
    parts = apportion(to_minor_units(amount, order.currency),
                      [(str(d.pk), to_minor_units(d.price_amount, order.currency))
                       for d in deliveries], seed=f"order:{order.pk}|shipping-refund")
    return {d: from_minor_units(parts[str(d.pk)], order.currency) for d in deliveries
            if parts[str(d.pk)]}


def _refund(order: Order, movement: MoneyMovement) -> None:
    lines: Mapping = {line_id: amount for line_id, _quantity, amount in movement.lines if amount}
    deliveries = _shipping(order, movement.shipping_amount) if movement.shipping_amount else {}
    refund_to = (PaymentMethod.CASH if movement.owed_to_customer
                 or movement.gateway in (CASH_ON_DELIVERY, BANK_TRANSFER) else PaymentMethod.CARD)
    reference = f"refund:{movement.refund_id or movement.psp_reference}"
    if lines or deliveries:
        ledger_record_refund(order=order, lines=lines, deliveries=deliveries,
                             refund_to=refund_to, reference=reference)
    else:
        ledger_record_refund(order=order, amount=movement.amount, refund_to=refund_to,
                             reference=reference)


def ledger_record_money_movement(movement: MoneyMovement) -> None:
    """Write the journal of one payment movement (see the module's rules)."""
    with transaction.atomic():
        order = Order.objects.get(pk=movement.order_id)
        if movement.kind == MovementKind.REFUND:
            _refund(order, movement)
        elif movement.gateway == CASH_ON_DELIVERY:
            _capture_cash(order, movement)
        else:  # a transfer received (pro invoice paid) lands in the bank, a card in clearing
            method = "bank_transfer" if movement.gateway == BANK_TRANSFER else "card"
            ledger_record_capture(order=order, amount=movement.amount, method=method,
                                  reference=movement.psp_reference)
