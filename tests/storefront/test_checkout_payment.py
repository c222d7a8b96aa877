"""Payment methods of the storefront: cash on delivery always, the demo card only when enabled."""
from __future__ import annotations

from decimal import Decimal

import pytest

from backend.orders.models import ChargeStatus, Checkout, Order
from backend.payments.gateways import CASH_ON_DELIVERY, DUMMY
from tests.storefront.checkout_data import (
    add_to_cart,
    choose_first_deliveries,
    fill_address,
    variant_of,
)


@pytest.fixture
def ready(client, store):
    """A cart with an address: the delivery and payment step comes next."""
    add_to_cart(client, variant_of(store.saffron), 1)
    fill_address(client)
    return Checkout.objects.get()


def _payment_choices(client) -> list[str]:
    form = client.get("/checkout/delivery/").context["form"]
    return [value for value, _label in form.fields["payment"].choices]


def test_only_cash_on_delivery_is_offered_without_the_demo_setting(client, ready):
    assert _payment_choices(client) == [CASH_ON_DELIVERY]


def test_the_demo_card_is_offered_when_enabled_and_says_it_is_a_demo(client, ready, settings):
    settings.DUMMY_PAYMENTS_ENABLED = True

    html = client.get("/ar/checkout/delivery/").content.decode()

    assert _payment_choices(client) == [CASH_ON_DELIVERY, DUMMY]
    assert "بطاقة تجريبية (دون أي اقتطاع)" in html
    assert "الدفع عند الاستلام" in html


def test_the_demo_card_pays_the_whole_order_before_it_is_placed(client, ready, settings):
    settings.DUMMY_PAYMENTS_ENABLED = True
    choose_first_deliveries(client, payment=DUMMY)

    review = client.get("/checkout/review/").content.decode()
    response = client.post("/checkout/review/")

    assert "Carte de démonstration (aucun débit)" in review
    assert "Commander et payer 90,55\xa0MAD" in review
    assert response.status_code == 302
    order = Order.objects.get()
    assert order.payment_gateway == DUMMY
    assert order.total_amount == Decimal("90.55")
    assert order.total_charged_amount == Decimal("90.55")
    assert order.charge_status == ChargeStatus.FULL


def test_a_demo_card_chosen_then_switched_off_sends_back_to_the_payment_step(client, ready,
                                                                            settings):
    settings.DUMMY_PAYMENTS_ENABLED = True
    choose_first_deliveries(client, payment=DUMMY)
    settings.DUMMY_PAYMENTS_ENABLED = False

    response = client.post("/checkout/review/")

    assert response["Location"] == "/checkout/delivery/"
    assert not Order.objects.exists()
