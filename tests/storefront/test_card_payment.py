"""The card step against the fake Stripe server: Payment Element page, return, order placed."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest

from backend.orders.models import Checkout, Order
from backend.payments.gateways import STRIPE
from catalog.models import Stock
from storefront.session import CHECKOUT_KEY
from tests.factories.catalog import make_listed_product
from tests.orders.conftest import ready_checkout
from tests.payments.fake_stripe import FakeStripe


@pytest.fixture
def fake_stripe():
    with FakeStripe() as fake:
        yield fake


@pytest.fixture
def card_checkout(client, settings, channel, fake_stripe):
    settings.STRIPE_SECRET_KEY = fake_stripe.secret_key
    settings.STRIPE_PUBLISHABLE_KEY = fake_stripe.publishable_key
    settings.STRIPE_API_BASE = fake_stripe.url
    settings.DUMMY_PAYMENTS_ENABLED = False
    argan = make_listed_product(channel=channel, price="100.00", name="Huile d'argan")
    checkout = ready_checkout(channel, [(argan.default_variant, 2)])
    Checkout.objects.filter(pk=checkout.pk).update(payment_gateway=STRIPE)
    session = client.session
    session[CHECKOUT_KEY] = str(checkout.token)
    session.save()
    return checkout


def _intent_id(fake_stripe) -> str:
    [intent_id] = fake_stripe.payment_intents
    return intent_id


def test_placing_a_card_order_goes_to_the_payment_element_page(client, card_checkout,
                                                               fake_stripe):
    response = client.post("/checkout/review/")

    assert response.status_code == 302 and response["Location"] == "/checkout/pay/"
    page = client.get("/checkout/pay/").content.decode()
    intent = fake_stripe.payment_intents[_intent_id(fake_stripe)]
    assert intent["amount"] == 22500 and intent["currency"] == "mad"
    assert f'data-client-secret="{intent["client_secret"]}"' in page
    assert f'data-publishable-key="{fake_stripe.publishable_key}"' in page
    assert "https://js.stripe.com/v3/" in page
    # Reloading the page finds the same PaymentIntent again (same idempotency key).
    client.get("/checkout/pay/")
    assert len(fake_stripe.payment_intents) == 1


def test_the_return_from_stripe_records_the_payment_and_places_the_order(client, card_checkout,
                                                                         fake_stripe):
    page = client.get("/checkout/pay/").content.decode()
    return_url = re.search(r'data-return-url="([^"]+)"', page).group(1).replace("&amp;", "&")
    status, _ = fake_stripe.confirm(_intent_id(fake_stripe))
    assert status == 200

    response = client.get(return_url.replace("http://testserver", ""))

    order = Order.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/checkout/confirmation/{order.tracking_token}/")
    assert order.charge_status == "full" and order.total_charged_amount == Decimal("225.00")
    assert not Checkout.objects.filter(token=card_checkout.token).exists()


def test_a_declined_card_keeps_the_cart_and_the_stock(client, card_checkout, fake_stripe):
    page = client.get("/checkout/pay/").content.decode()
    return_url = re.search(r'data-return-url="([^"]+)"', page).group(1).replace("&amp;", "&")
    fake_stripe.decline_next("insufficient_funds")
    fake_stripe.confirm(_intent_id(fake_stripe))

    response = client.get(return_url.replace("http://testserver", ""))

    assert response.status_code == 200
    page = response.content.decode()
    assert "alert-error" in page and "doesn&#x27;t cover" not in page
    from backend.payments.models import TransactionEvent

    decline = TransactionEvent.objects.get(type="CHARGE_FAILURE")
    assert decline.message and decline.message in page.replace("&#x27;", "'")
    assert Order.objects.count() == 0
    assert Checkout.objects.filter(token=card_checkout.token).exists()
    assert Stock.objects.filter(quantity_allocated__gt=0).count() == 0


def test_a_return_with_another_checkouts_payment_is_not_found(client, card_checkout):
    response = client.get("/checkout/pay/return/?transaction=3f1c1b7e-0000-4000-8000-000000000000")

    assert response.status_code == 404
    assert Order.objects.count() == 0


def test_the_card_page_speaks_arabic(client, card_checkout):
    page = client.get("/ar/checkout/pay/").content.decode()

    assert "الدفع بالبطاقة" in page and 'dir="rtl"' in page
