"""Order history and detail: a customer sees only their own orders, and can cancel before the
cooperatives prepared the parcels."""
from __future__ import annotations

import pytest
from django.test import Client

from backend.orders.models import Order, OrderStatus
from catalog.models import Stock
from tests.factories.catalog import UserFactory
from tests.storefront.checkout_data import buy, variant_of


def _order_of(user, store) -> Order:
    """An order placed through the storefront by ``user``."""
    browser = Client()
    browser.force_login(user)
    buy(browser, store, email=user.email)
    return Order.objects.filter(user=user).latest("created_at")


@pytest.fixture
def mine(client, store, customer):
    order = _order_of(customer, store)
    client.force_login(customer)
    return order


def test_the_history_lists_only_the_customers_orders(client, store, mine, customer):
    _order_of(UserFactory(email="other@example.ma"), store)

    html = client.get("/account/orders/").content.decode()

    assert html.count('<li class="order-row">') == 1
    assert f"Commande {mine.number}" in html
    assert "3 articles" in html and "En préparation" in html
    assert "329,61\xa0MAD" in html


def test_the_order_page_shows_parcels_deliveries_address_and_status_in_arabic(client, mine):
    html = client.get(f"/ar/account/orders/{mine.number}/").content.decode()

    assert f"<h1>الطلب {mine.number}</h1>" in html
    assert "قيد التحضير" in html
    assert html.count('<section class="parcel"') == 2
    assert "Souss Express" in html and "Atlas Courrier" in html
    assert "دائرة قصيرة جهوية" in html
    assert "أكادير · سوس ماسة" in html


@pytest.mark.parametrize("owner", ["someone", "guest"])
def test_another_customers_or_a_guests_order_is_not_found(client, store, customer, owner):
    if owner == "someone":
        order = _order_of(UserFactory(email="other@example.ma"), store)
    else:
        buy(Client(), store, email="guest@example.ma")
        order = Order.objects.get(user__isnull=True)
    client.force_login(customer)

    assert client.get(f"/account/orders/{order.number}/").status_code == 404
    assert client.post(f"/account/orders/{order.number}/cancel/").status_code == 404
    order.refresh_from_db()
    assert order.status == OrderStatus.UNFULFILLED


def test_a_customer_cancels_before_preparation_and_the_stock_comes_back(client, store, mine):
    page = client.get(f"/account/orders/{mine.number}/").content.decode()
    saffron = Stock.objects.get(variant=variant_of(store.saffron))
    assert saffron.quantity_allocated == 2

    response = client.post(f"/account/orders/{mine.number}/cancel/", follow=True)

    assert "Annuler cette commande" in page
    mine.refresh_from_db()
    assert mine.status == OrderStatus.CANCELED
    saffron.refresh_from_db()
    assert saffron.quantity_allocated == 0
    html = response.content.decode()
    assert "Votre commande est annulée." in html
    assert "Annuler cette commande" not in html and "Annulée" in html


@pytest.mark.parametrize(("prefix", "message"), [
    ("", "Cette commande ne peut plus être annulée."),
    ("/ar", "لم يعد من الممكن إلغاء هذا الطلب."),
])
def test_an_order_past_preparation_has_no_cancel_button_and_is_not_cancelled(
        client, store, mine, prefix, message):
    Order.objects.filter(pk=mine.pk).update(status=OrderStatus.FULFILLED)

    page = client.get(f"{prefix}/account/orders/{mine.number}/").content.decode()
    response = client.post(f"{prefix}/account/orders/{mine.number}/cancel/", follow=True)

    assert "cancel-form" not in page
    assert message in response.content.decode()
    mine.refresh_from_db()
    assert mine.status == OrderStatus.FULFILLED
    assert Stock.objects.get(variant=variant_of(store.saffron)).quantity_allocated == 2


def test_cancelling_needs_a_post(client, mine):
    assert client.get(f"/account/orders/{mine.number}/cancel/").status_code == 405
