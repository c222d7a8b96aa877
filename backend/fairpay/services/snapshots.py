"""Freezing an order's split at order time, from the policy version then in force."""
from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from backend.core.errors import DomainError
from backend.core.money import to_minor_units
from backend.orders.models import Order, OrderDelivery, OrderLine
from backend.payments.gateways import BANK_TRANSFER, CASH_ON_DELIVERY
from fulfillment.models import Partner

from .. import splits
from ..error_codes import FairPayErrorCode
from ..legs import LegError, legs_read
from ..locks import order_for_update
from ..models import (
    CooperativeFairPay,
    OrderLineSplit,
    OrderSplit,
    PaymentMethod,
    SplitPolicy,
)
from .policy import split_policy_for


def payment_method_for_gateway(gateway_id: str) -> PaymentMethod:
    """How the customer pays with a gateway: cash on delivery, a bank transfer against an
    invoice (pro orders), else a card (or the dummy)."""
    if gateway_id == BANK_TRANSFER:
        return PaymentMethod.BANK_TRANSFER
    return PaymentMethod.CASH if gateway_id == CASH_ON_DELIVERY else PaymentMethod.CARD


def line_source(line_id) -> str:
    return f"line:{line_id}"


def delivery_source(delivery_id) -> str:
    return f"delivery:{delivery_id}"


def _terms(lines: Sequence[OrderLine]) -> dict[int, splits.CooperativeTerms]:
    settings = CooperativeFairPay.objects.in_bulk({line.cooperative_id for line in lines})
    terms = {}
    for line in lines:
        cooperative = line.cooperative
        override = settings.get(cooperative.pk)
        terms[cooperative.pk] = splits.CooperativeTerms(
            id=cooperative.pk, women_led=cooperative.women_led, youth_led=cooperative.youth_led,
            commission_override=override.commission_override if override else None)
    return terms


def _delivery_inputs(deliveries: Sequence[OrderDelivery],
                     currency: str) -> tuple[splits.DeliveryInput, ...]:
    """Deliveries with their legs' partners resolved (one query for slugs)."""
    try:
        legs = {d.pk: legs_read(d.legs) for d in deliveries}
    except LegError as exc:
        raise DomainError.single(FairPayErrorCode.UNKNOWN_PARTNER, str(exc), "legs") from exc
    slugs = {leg.partner_slug for refs in legs.values() for leg in refs if leg.partner_id is None}
    ids = {leg.partner_id for refs in legs.values() for leg in refs if leg.partner_id}
    known = dict(Partner.objects.filter(slug__in=slugs).values_list("slug", "pk"))
    found_ids = set(Partner.objects.filter(pk__in=ids).values_list("pk", flat=True))
    inputs = []
    for delivery in deliveries:
        quotes = []
        for leg in legs[delivery.pk]:
            partner_id = leg.partner_id or known.get(leg.partner_slug)
            if partner_id is None or (leg.partner_id and leg.partner_id not in found_ids):
                raise DomainError.single(
                    FairPayErrorCode.UNKNOWN_PARTNER,
                    _("A delivery leg names an unknown partner."), "legs")
            quotes.append(splits.LegQuote(partner_id=partner_id,
                                          quoted=to_minor_units(leg.price, currency)))
        inputs.append(splits.DeliveryInput(
            key=delivery_source(delivery.pk), cooperative_id=delivery.cooperative_id,
            amount=to_minor_units(delivery.price_amount, currency), legs=tuple(quotes)))
    return tuple(inputs)


def order_split_request(order: Order, *, method: PaymentMethod, policy: splits.Policy,
                        discounts: Sequence[splits.Discount] = (),
                        prepaid: int = 0) -> splits.SplitRequest:
    """The engine's input for ``order``: its lines, deliveries and (later) promotions."""
    lines = list(order.lines.select_related("cooperative").order_by("pk"))
    terms = _terms(lines)
    currency = order.currency
    return splits.SplitRequest(
        seed=f"order:{order.pk}", currency=currency,
        lines=tuple(splits.LineInput(key=line_source(line.pk),
                                     cooperative=terms[line.cooperative_id],
                                     amount=to_minor_units(line.total_price_amount, currency))
                    for line in lines),
        deliveries=_delivery_inputs(list(order.deliveries.order_by("pk")), currency),
        policy=policy, method=splits.PaymentMethod(method), discounts=tuple(discounts),
        prepaid=prepaid, pro=order.channel.is_restricted)


def _part_row(header: OrderSplit, part: splits.Part) -> OrderLineSplit:
    kind, pk = part.source.split(":", 1)
    payee = part.payee
    return OrderLineSplit(
        order_split=header,
        order_line_id=pk if kind == "line" else None,
        delivery_id=int(pk) if kind == "delivery" else None,
        payee_kind=payee.kind.value,
        cooperative_id=payee.id if payee.kind != splits.PayeeKind.PARTNER else None,
        partner_id=payee.id if payee.kind == splits.PayeeKind.PARTNER else None,
        role=part.role.value, amount_minor=part.amount, rate=part.rate)


def discounts_dump(discounts: Sequence[splits.Discount]) -> list[dict]:
    return [{"key": d.key, "amount_minor": d.amount, "funder_kind": d.funder.kind.value,
             "funder_id": d.funder.id, "sources": list(d.sources),
             "accepted_by": sorted(d.accepted_by)} for d in discounts]


def discounts_load(data: Sequence[dict]) -> tuple[splits.Discount, ...]:
    return tuple(splits.Discount(key=d["key"], amount=d["amount_minor"],
                                 funder=splits.Payee(splits.PayeeKind(d["funder_kind"]),
                                                     d["funder_id"]),
                                 sources=tuple(d["sources"]),
                                 accepted_by=frozenset(d.get("accepted_by", ())))
                 for d in data)


def _compute(order: Order, policy: SplitPolicy, method: PaymentMethod,
             discounts: Sequence[splits.Discount],
             prepaid: int = 0) -> tuple[splits.SplitRequest, splits.Split]:
    request = order_split_request(order, method=method, policy=policy.to_policy(),
                                  discounts=discounts, prepaid=prepaid)
    try:
        split = splits.split_order(request)
    except splits.SplitError as exc:
        raise DomainError.single(FairPayErrorCode.SPLIT_INVALID, str(exc)) from exc
    if split.paid != to_minor_units(order.total_amount, order.currency):
        raise DomainError.single(FairPayErrorCode.SPLIT_MISMATCH,
                                 _("The order's lines and deliveries do not add up to "
                                   "its total."), "total")
    return request, split


def order_splits_snapshot(*, order: Order, method: PaymentMethod | None = None,
                          discounts: Sequence[splits.Discount] = (),
                          prepaid: int = 0) -> OrderSplit:
    """Store the split of every line and delivery of ``order``; idempotent (first one stays).

    Call it right after the order is placed, inside the same transaction. Locks the order row.
    The policy is the version in force when the order was created; ``method`` defaults to the
    order's gateway (cash on delivery, else card).
    """
    with transaction.atomic():
        order = order_for_update(order.pk)
        existing = OrderSplit.objects.filter(order=order).first()
        if existing is not None:
            return existing
        method = method or payment_method_for_gateway(order.payment_gateway)
        policy = split_policy_for(order.created_at)
        request, split = _compute(order, policy, method, discounts, prepaid)
        header = OrderSplit.objects.create(order=order, policy=policy, method=method,
                                           currency=order.currency, paid_minor=split.paid,
                                           fee_minor=split.fee, seed=request.seed,
                                           discounts=discounts_dump(discounts),
                                           prepaid_minor=prepaid)
        OrderLineSplit.objects.bulk_create([_part_row(header, part) for part in split.parts])
    return header


def order_split_method_change(*, header: OrderSplit, method: PaymentMethod) -> OrderSplit:
    """Recompute a split, with its own policy version, for the way the customer really paid.

    Only the payment fee depends on the method; the caller (a capture) makes sure nothing was
    captured yet and holds the split's lock.
    """
    _, split = _compute(header.order, header.policy, method, discounts_load(header.discounts),
                        header.prepaid_minor)
    header.parts.all().delete()
    OrderLineSplit.objects.bulk_create([_part_row(header, part) for part in split.parts])
    header.method, header.fee_minor, header.paid_minor = method, split.fee, split.paid
    header.save(update_fields=["method", "fee_minor", "paid_minor"])
    return header
