"""Placing an order from a checkout: validate, allocate stock without oversell, snapshot."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Case, F, IntegerField, Value, When
from django.utils.translation import gettext as _

from backend.business import rules as pro_rules
from backend.cooperatives.services.alerts import notify_low_stock
from backend.core.errors import DomainError, ErrorItem
from backend.core.money import quantize
from backend.discounts.services.orders import (
    order_promotions_record,
    promo_codes_lock,
    promo_codes_validate,
)
from backend.fairpay.services.ledger import ledger_record_gift_card_redemption
from backend.fairpay.services.snapshots import order_splits_snapshot
from backend.payments.gateways import BANK_TRANSFER, get_gateway
from backend.payments.services.transaction_events import transactions_attach_to_order
from catalog.cache import catalog_products_changed, stock_shows_on_pages
from catalog.models import Stock
from fulfillment.services.shipments import shipments_create_for_order

from ..error_codes import CheckoutErrorCode
from ..locks import checkout_for_update, stocks_for_update
from ..models import (
    Allocation,
    ChargeStatus,
    Checkout,
    Order,
    OrderDelivery,
    OrderLine,
    OrderStatus,
)
from ..numbers import next_order_number
from ..selectors import CheckoutTotals, checkout_lines_info, checkout_totals
from .checkout_delivery import checkout_deliveries_validate

GIFT_CARD_GATEWAY = "coopstore.gift-card"  # an order paid wholly by gift cards


@dataclass(frozen=True)
class CompletedCheckout:
    order: Order
    created: bool


def _validate(checkout: Checkout, lines, totals: CheckoutTotals) -> None:
    errors: list[ErrorItem] = []
    if not lines:
        errors.append(ErrorItem(CheckoutErrorCode.NO_LINES,
                                _("Cannot create order without product."), "lines"))
    if not checkout.email:
        errors.append(ErrorItem(CheckoutErrorCode.EMAIL_NOT_SET,
                                _("Checkout email must be set."), "email"))
    if checkout.shipping_address_id is None:
        errors.append(ErrorItem(CheckoutErrorCode.SHIPPING_ADDRESS_NOT_SET,
                                _("Shipping address is not set."), "shippingAddress"))
    elif lines:
        chosen = {d.cooperative_id for d in checkout.deliveries.all()}
        missing = {line.cooperative.pk for line in lines} - chosen
        if missing:
            errors.append(ErrorItem(
                CheckoutErrorCode.SHIPPING_METHOD_NOT_SET,
                _("Choose a delivery for each cooperative's parcel."), "deliveryMethod"))
    gateway = get_gateway(checkout.payment_gateway) if checkout.payment_gateway else None
    if gateway is not None and not gateway.offered_in(checkout.channel):
        gateway = None
    paid_by_gift_cards = totals.total <= 0 and totals.gift_cards > 0
    if gateway is None and not paid_by_gift_cards:
        errors.append(ErrorItem(CheckoutErrorCode.PAYMENT_ERROR,
                                _("Choose a payment method."), "paymentGateway"))
    elif (gateway is not None and gateway.requires_payment_before_order
          and totals.charged < totals.total):
        errors.append(ErrorItem(CheckoutErrorCode.CHECKOUT_NOT_FULLY_PAID,
                                _("The authorized amount doesn't cover the checkout's total "
                                  "amount."), "id"))
    for line in lines:
        if line.unit_price is None:
            errors.append(ErrorItem(CheckoutErrorCode.UNAVAILABLE_VARIANT_IN_CHANNEL,
                                    _("Cannot add lines with unavailable variants."), "lines",
                                    variants=(line.variant.pk,)))
        elif not line.is_visible:
            errors.append(ErrorItem(CheckoutErrorCode.PRODUCT_NOT_PUBLISHED,
                                    _("Cannot add lines for unavailable for purchase variants."),
                                    "lines", variants=(line.variant.pk,)))
    if checkout.channel.is_restricted:  # the buyer is still approved, every line its minimum
        errors.extend(pro_rules.buyer_errors(checkout.channel, checkout.user))
        errors.extend(pro_rules.minimum_quantity_errors(
            checkout.channel, {line.variant.pk: line.quantity for line in lines}))
    if errors:
        raise DomainError(*errors)


def _allocate(lines) -> dict[int, object]:
    """Lock the stock rows in pk order and take the units; refuse if any line lacks stock."""
    wanted: dict[int, int] = defaultdict(int)
    for line in lines:
        if line.variant.track_inventory:
            wanted[line.variant.pk] += line.quantity
    stocks = {stock.variant_id: stock for stock in stocks_for_update(wanted)}
    short = [v for v, q in wanted.items()
             if v not in stocks or stocks[v].quantity - stocks[v].quantity_allocated < q]
    if short:
        names = ", ".join(str(line.variant) for line in lines if line.variant.pk in short)
        raise DomainError.single(CheckoutErrorCode.INSUFFICIENT_STOCK,
                                 _("Insufficient stock for %(names)s.") % {"names": names},
                                 "lines", variants=tuple(short))
    if wanted:  # one UPDATE for every line, so the cost does not grow with the cart
        Stock.objects.filter(pk__in=[stocks[v].pk for v in wanted]).update(
            quantity_allocated=F("quantity_allocated") + Case(
                *[When(pk=stocks[v].pk, then=Value(q)) for v, q in wanted.items()],
                default=Value(0), output_field=IntegerField()))
        for variant_id, quantity in wanted.items():
            stocks[variant_id].quantity_allocated += quantity
        thresholds = {line.variant.pk: line.variant.low_stock_threshold for line in lines}
        # queryset.update sends no signal: the products' own API answers show the units left
        # (quantityAvailable); pages only when they show the stock (few units left).
        catalog_products_changed(
            {line.variant.product_id for line in lines if line.variant.pk in wanted},
            pages=any(stock_shows_on_pages(
                available=stocks[v].quantity - stocks[v].quantity_allocated,
                low_stock_threshold=thresholds[v]) for v in wanted))
    return stocks


def checkout_complete(*, checkout_token) -> CompletedCheckout:
    """Place the order of a checkout exactly once.

    Locks the checkout row (two completions of one checkout serialise; the second one returns
    the first one's order), then the stock rows in primary-key order.
    """
    with transaction.atomic():
        checkout = checkout_for_update(checkout_token)
        if checkout is None:
            existing = Order.objects.filter(checkout_token=checkout_token).first()
            if existing is not None:
                return CompletedCheckout(order=existing, created=False)
            raise DomainError.single(CheckoutErrorCode.NOT_FOUND,
                                     _("Couldn't resolve to a node: %(id)s")
                                     % {"id": checkout_token}, "id")
        promo_codes = promo_codes_lock(checkout=checkout)  # before the totals read them
        lines = checkout_lines_info(checkout)
        totals = checkout_totals(checkout, lines)
        _validate(checkout, lines, totals)
        promo_codes_validate(checkout=checkout, locked=promo_codes, totals=totals)
        checkout_deliveries_validate(checkout=checkout, lines=lines)
        stocks = _allocate(lines)
        notify_low_stock(list(stocks))  # cooperatives' low-stock email, after commit
        order = _create_order(checkout, lines, totals, stocks)
        discounts, prepaid = order_promotions_record(checkout=checkout, order=order,
                                                     lines=lines, totals=totals,
                                                     locked=promo_codes, user=checkout.user)
        order_splits_snapshot(order=order, discounts=discounts, prepaid=prepaid)
        # the gift cards' part is captured at once (fair-pay ledger), the rest by its gateway
        ledger_record_gift_card_redemption(order=order, amount_minor=prepaid)
        shipments_create_for_order(order=order)
        if order.payment_gateway == BANK_TRANSFER:  # pro order: paid against its invoice
            from backend.business.services.invoices import invoice_create_for_order

            invoice_create_for_order(order=order)
        transactions_attach_to_order(order_id=order.pk)
        checkout.delete()
        _order_confirmation_enqueue(order.pk)
    return CompletedCheckout(order=order, created=True)


def _create_order(checkout: Checkout, lines, totals: CheckoutTotals, stocks) -> Order:
    gateway = get_gateway(checkout.payment_gateway) if checkout.payment_gateway else None
    # Gift cards pay their part at once; the rest is charged by the gateway.
    charged = totals.charged + totals.gift_cards
    paid = charged >= totals.order_total and totals.order_total > 0
    order = Order.objects.create(
        number=next_order_number(), status=OrderStatus.UNFULFILLED, user=checkout.user,
        user_email=checkout.email, channel=checkout.channel,
        language_code=checkout.language_code, checkout_token=checkout.token,
        shipping_address=_copy_address(checkout.shipping_address),
        billing_address=_copy_address(checkout.billing_address or checkout.shipping_address),
        currency=checkout.currency, subtotal_amount=totals.subtotal,
        shipping_amount=totals.shipping, total_amount=totals.order_total,
        total_charged_amount=charged,
        charge_status=(ChargeStatus.FULL if paid else
                       ChargeStatus.PARTIAL if charged > 0 else ChargeStatus.NONE),
        payment_gateway=gateway.id if gateway else GIFT_CARD_GATEWAY,
        customer_note=checkout.customer_note,
        metadata=checkout.metadata,
    )
    order_lines, allocations = [], []
    for line in lines:
        order_line = OrderLine(
            order=order, variant=line.variant, cooperative=line.cooperative,
            product_name=line.variant.product.name, variant_name=line.variant.name,
            translated_product_name=line.variant.product.translated(
                "name", checkout.language_code),
            translated_variant_name=line.variant.translated("name", checkout.language_code),
            product_sku=line.variant.sku or "", quantity=line.quantity,
            currency=checkout.currency, unit_price_amount=line.unit_price,
            total_price_amount=quantize(line.unit_price * line.quantity, checkout.currency),
            weight_grams=line.variant.weight_grams * line.quantity,
        )
        order_lines.append(order_line)
        if line.variant.pk in stocks and line.variant.track_inventory:
            allocations.append(Allocation(order_line=order_line, stock=stocks[line.variant.pk],
                                          quantity_allocated=line.quantity))
    OrderLine.objects.bulk_create(order_lines)  # UUID keys are set before the insert
    Allocation.objects.bulk_create(allocations)
    OrderDelivery.objects.bulk_create([
        OrderDelivery(order=order, cooperative_id=d.cooperative_id, **d.snapshot_fields())
        for d in checkout.deliveries.all()
    ])
    return order


def _copy_address(address):
    if address is None:
        return None
    from backend.accounts.models import Address

    return Address.objects.create(**address.copy_fields())


def _order_confirmation_enqueue(order_id) -> None:
    """The confirmation e-mail, written to the outbox with the order (sent once)."""
    from backend.outbox.services import enqueue

    enqueue("backend.orders.tasks.order_send_confirmation", args=[str(order_id)],
            dedup_key=f"order-confirmation:{order_id}")

