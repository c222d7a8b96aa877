"""Pro checkout: approved buyers only, wholesale prices with quantity breaks, minimum order
quantities, bank transfer against an invoice, and the pro commission in the fair-pay split."""
from __future__ import annotations

from decimal import Decimal

import pytest
from django.db.models import Sum

from backend.business.error_codes import BusinessErrorCode
from backend.business.models import BusinessStatus, Invoice, InvoiceStatus
from backend.business.services.invoices import invoice_mark_paid
from backend.business.services.pro_checkout import pro_checkout_create
from backend.core.errors import DomainError
from backend.fairpay.models import Entry, Journal, OrderLineSplit
from backend.orders.error_codes import CheckoutErrorCode
from backend.orders.models import ChargeStatus, Checkout, Order
from backend.orders.selectors import checkout_lines_info, checkout_totals
from backend.orders.services.checkout_complete import checkout_complete
from backend.orders.services.checkout_details import checkout_payment_gateway_set
from backend.orders.services.checkout_lines import LineInput, checkout_create, checkout_lines_update
from backend.payments.gateways import BANK_TRANSFER, CASH_ON_DELIVERY
from catalog.models import Stock
from tests.orders.conftest import national_courier, ready_checkout

from .conftest import make_business, make_pro_product, pro_ready_checkout

pytestmark = pytest.mark.django_db


def _owed(order) -> dict[str, int]:
    rows = (Entry.objects.filter(order=order).values("account__key")
            .annotate(total=Sum("amount")).order_by())
    return {row["account__key"]: -row["total"] for row in rows if row["total"]}


def test_the_unit_price_follows_the_highest_quantity_break_reached(channel, pro_channel, buyer):
    argan = make_pro_product(channel=channel)  # 80.00; 75.00 from 50; 70.00 from 200
    checkout = pro_checkout_create(user=buyer.user, lines=[(argan.default_variant, 10)])

    prices = {}
    for quantity in (10, 49, 50, 199, 200, 500):
        checkout_lines_update(checkout=checkout, lines=[
            LineInput(variant_id=argan.default_variant.pk, quantity=quantity)])
        [line] = checkout_lines_info(checkout)
        prices[quantity] = (line.unit_price, checkout_totals(checkout, [line]).subtotal)

    assert prices == {10: (Decimal("80.00"), Decimal("800.00")),
                      49: (Decimal("80.00"), Decimal("3920.00")),
                      50: (Decimal("75.00"), Decimal("3750.00")),
                      199: (Decimal("75.00"), Decimal("14925.00")),
                      200: (Decimal("70.00"), Decimal("14000.00")),
                      500: (Decimal("70.00"), Decimal("35000.00"))}


def test_the_consumer_price_has_no_quantity_break(channel, pro_channel, customer):
    argan = make_pro_product(channel=channel, price="100.00")
    checkout = checkout_create(channel=channel, user=customer,
                               lines=[LineInput(variant_id=argan.default_variant.pk,
                                                quantity=50)])

    [line] = checkout_lines_info(checkout)

    assert line.unit_price == Decimal("100.00")


def test_below_the_minimum_order_quantity_a_line_is_refused_with_saleors_invalid_code(
        channel, pro_channel, buyer):
    argan = make_pro_product(channel=channel, moq=10)

    with pytest.raises(DomainError) as refused:
        pro_checkout_create(user=buyer.user, lines=[(argan.default_variant, 9)])

    assert [(e.code, e.field, e.variants) for e in refused.value.errors] == [
        (CheckoutErrorCode.INVALID, "quantity", (argan.default_variant.pk,))]
    assert refused.value.errors[0].message == (
        "La quantité minimale de commande de cet article est 10.")
    assert Checkout.objects.count() == 0


def test_lowering_a_line_below_its_minimum_is_refused_and_changes_nothing(channel, pro_channel,
                                                                           buyer):
    argan = make_pro_product(channel=channel, moq=10)
    checkout = pro_checkout_create(user=buyer.user, lines=[(argan.default_variant, 12)])

    with pytest.raises(DomainError) as refused:
        checkout_lines_update(checkout=checkout, lines=[
            LineInput(variant_id=argan.default_variant.pk, quantity=5)])

    assert refused.value.errors[0].code == CheckoutErrorCode.INVALID
    assert checkout.lines.get().quantity == 12


def test_wholesale_lines_may_hold_more_than_a_consumers_limit(channel, pro_channel, buyer):
    argan = make_pro_product(channel=channel, quantity=1000)

    checkout = pro_checkout_create(user=buyer.user, lines=[(argan.default_variant, 500)])

    assert checkout.lines.get().quantity == 500


@pytest.mark.parametrize("status", [BusinessStatus.PENDING, BusinessStatus.REJECTED,
                                    BusinessStatus.SUSPENDED])
def test_only_an_approved_business_account_gets_a_pro_checkout(channel, pro_channel, status):
    argan = make_pro_product(channel=channel)
    account = make_business(status=status)

    with pytest.raises(DomainError) as refused:
        pro_checkout_create(user=account.user, lines=[(argan.default_variant, 10)])

    assert refused.value.errors[0].code == BusinessErrorCode.NOT_APPROVED
    assert Checkout.objects.count() == 0


def test_the_checkout_service_hides_the_pro_channel_from_consumers(channel, pro_channel,
                                                                   customer):
    argan = make_pro_product(channel=channel)

    with pytest.raises(DomainError) as refused:
        checkout_create(channel=pro_channel, user=customer,
                        lines=[LineInput(variant_id=argan.default_variant.pk, quantity=10)])

    assert [(e.code, e.field) for e in refused.value.errors] == [
        (CheckoutErrorCode.NOT_FOUND, "channel")]
    assert Checkout.objects.count() == 0


def test_bank_transfer_is_offered_only_in_the_pro_channel(channel, pro_channel, customer):
    product = make_pro_product(channel=channel)
    consumer_cart = ready_checkout(channel, [(product.default_variant, 1)])

    with pytest.raises(DomainError) as refused:
        checkout_payment_gateway_set(checkout=consumer_cart, gateway_id=BANK_TRANSFER)

    assert refused.value.errors[0].code == CheckoutErrorCode.PAYMENT_ERROR
    consumer_cart.refresh_from_db()
    assert consumer_cart.payment_gateway == CASH_ON_DELIVERY


def test_a_suspended_buyer_cannot_complete_its_open_pro_cart(channel, pro_channel, buyer):
    argan = make_pro_product(channel=channel)
    checkout = pro_ready_checkout(buyer.user, [(argan.default_variant, 60)])
    buyer.status = BusinessStatus.SUSPENDED
    buyer.save()
    buyer.user.refresh_from_db()

    with pytest.raises(DomainError) as refused:
        checkout_complete(checkout_token=checkout.token)

    assert CheckoutErrorCode.NOT_FOUND in [e.code for e in refused.value.errors]
    assert Order.objects.count() == 0
    assert Stock.objects.get(variant=argan.default_variant).quantity_allocated == 0


def test_a_pro_order_paid_by_transfer_is_invoiced_then_captured_into_the_bank(
        channel, pro_channel, buyer):
    argan = make_pro_product(channel=channel)  # 75.00 from 50 units
    argan.cooperative.ice = "001234567000089"
    argan.cooperative.save()
    checkout = pro_ready_checkout(buyer.user, [(argan.default_variant, 60)])

    order = checkout_complete(checkout_token=checkout.token).order

    # 60 x 75.00 = 4500.00, and the test courier's 25.00
    assert order.total_amount == Decimal("4525.00")
    assert order.lines.get().unit_price_amount == Decimal("75.00")
    assert (order.charge_status, order.payment_gateway) == (ChargeStatus.NONE, BANK_TRANSFER)
    assert Stock.objects.get(variant=argan.default_variant).quantity_allocated == 60
    invoice = Invoice.objects.get(order=order)
    assert (invoice.buyer_ice, invoice.total_amount, invoice.status) == (
        buyer.ice, Decimal("4525.00"), InvoiceStatus.ISSUED)
    assert [s["ice"] for s in invoice.sellers] == ["001234567000089"]
    assert (invoice.due_on - invoice.issued_on).days == 30
    assert not Entry.objects.filter(order=order).exists()  # nothing received yet

    invoice_mark_paid(invoice_id=invoice.pk, reference="VIR-2026-118")

    order.refresh_from_db()
    assert order.charge_status == ChargeStatus.FULL
    # By hand: the line's 450000 centimes at the pro rate 6 %, 1 % solidarity, 93 % goods;
    # the delivery's 2500 to the courier; no card fee on a transfer.
    coop = argan.cooperative_id
    owed = _owed(order)
    assert owed.pop("bank::MAD") == -452500
    assert owed.pop("platform::MAD") == 27000
    assert owed.pop("solidarity_fund::MAD") == 4500
    assert owed.pop(f"cooperative:{coop}:MAD") == 418500
    assert owed == {f"partner:{national_courier().pk}:MAD": 2500}
    assert all(j.entries.aggregate(t=Sum("amount"))["t"] == 0
               for j in Journal.objects.filter(order=order))
    commission = OrderLineSplit.objects.get(order_split__order=order, role="commission")
    assert commission.rate == Decimal("0.0600")


def test_marking_an_invoice_paid_twice_captures_once(channel, pro_channel, buyer):
    argan = make_pro_product(channel=channel)
    order = checkout_complete(checkout_token=pro_ready_checkout(
        buyer.user, [(argan.default_variant, 10)]).token).order

    invoice_mark_paid(invoice_id=order.invoice.pk)
    invoice_mark_paid(invoice_id=order.invoice.pk)

    assert Journal.objects.filter(order=order).count() == 1
    assert _owed(order)["bank::MAD"] == -(80000 + 2500)


def test_a_pro_order_by_cash_on_delivery_has_no_invoice_but_the_pro_rate(channel, pro_channel,
                                                                         buyer):
    argan = make_pro_product(channel=channel)
    checkout = pro_ready_checkout(buyer.user, [(argan.default_variant, 10)],
                                  gateway=CASH_ON_DELIVERY)

    order = checkout_complete(checkout_token=checkout.token).order

    assert not Invoice.objects.filter(order=order).exists()
    commission = OrderLineSplit.objects.get(order_split__order=order, role="commission")
    assert (commission.rate, commission.amount_minor) == (Decimal("0.0600"), 4800)


def test_the_invoice_of_a_canceled_order_cannot_be_marked_paid(channel, pro_channel, buyer):
    from backend.orders.services.order_cancel import order_cancel

    argan = make_pro_product(channel=channel)
    order = checkout_complete(checkout_token=pro_ready_checkout(
        buyer.user, [(argan.default_variant, 10)]).token).order
    order_cancel(order=order)

    with pytest.raises(DomainError) as refused:
        invoice_mark_paid(invoice_id=order.invoice.pk)

    assert refused.value.errors[0].code == BusinessErrorCode.INVALID
    assert Invoice.objects.get(order=order).status == InvoiceStatus.ISSUED
    assert not Journal.objects.filter(order=order, kind="capture").exists()
