"""An approved buyer orders wholesale through the normal storefront checkout, pays by bank
transfer, and downloads the invoice from its order page."""
from __future__ import annotations

import pytest

from backend.business.models import Invoice
from backend.orders.models import ChargeStatus, Order
from backend.payments.gateways import BANK_TRANSFER, CASH_ON_DELIVERY
from tests.orders.conftest import national_courier
from tests.storefront.checkout_data import add_to_cart, choose_first_deliveries, fill_address

from .conftest import make_pro_product

pytestmark = pytest.mark.django_db


def test_a_pro_order_goes_through_the_storefront_checkout_and_gets_its_invoice(
        client, channel, pro_channel, buyer):
    national_courier()
    argan = make_pro_product(channel=channel, name="Huile d'argan")
    client.force_login(buyer.user)
    client.post("/pro/cart/add/", {"variant": argan.default_variant.pk, "quantity": 60})
    fill_address(client, email=buyer.user.email)
    offered = client.get("/checkout/delivery/").context["form"].fields["payment"].choices

    assert BANK_TRANSFER in [choice[0] for choice in offered]
    choose_first_deliveries(client, payment=BANK_TRANSFER)
    response = client.post("/checkout/review/")

    order = Order.objects.get()
    assert response.status_code == 302
    assert (order.channel.slug, order.payment_gateway, order.charge_status) == (
        "pro", BANK_TRANSFER, ChargeStatus.NONE)
    assert order.lines.get().unit_price_amount == 75
    invoice = Invoice.objects.get(order=order)
    page = client.get(f"/account/orders/{order.number}/").content.decode()
    assert invoice.number in page
    assert f"/pro/invoices/{invoice.pk}/ar.pdf" in page


def test_a_consumer_checkout_never_offers_the_bank_transfer(client, channel, pro_channel,
                                                            customer):
    national_courier()
    argan = make_pro_product(channel=channel)
    client.force_login(customer)
    add_to_cart(client, argan.default_variant, 1)
    fill_address(client)

    offered = client.get("/checkout/delivery/").context["form"].fields["payment"].choices
    refused = choose_first_deliveries(client, payment=BANK_TRANSFER)

    assert BANK_TRANSFER not in [choice[0] for choice in offered]
    assert CASH_ON_DELIVERY in [choice[0] for choice in offered]
    assert refused.status_code == 200  # the form answers with its error, nothing is chosen
    assert not Order.objects.exists()
