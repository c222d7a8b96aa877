"""The refund form and actions of the network admin call the refund service."""
from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from backend.orders.services.checkout_complete import checkout_complete
from backend.payments.models import Refund, RefundStatus, TransactionItem
from backend.payments.services import cash_on_delivery_collected

pytestmark = pytest.mark.django_db

ADD = "admin:payments_refund_add"


@pytest.fixture
def collected_order(checkout):
    order = checkout_complete(checkout_token=checkout.token).order
    cash_on_delivery_collected(order_id=order.pk, amount=Decimal("225.00"), reference="s-1")
    return order


def test_the_refund_form_refunds_units_of_a_line(admin_client, collected_order):
    line = collected_order.lines.get()
    url = reverse(ADD) + f"?order={collected_order.number}"
    page = admin_client.get(url)
    assert page.status_code == 200
    key = page.context["form"].initial["idempotency_key"]

    response = admin_client.post(url, {f"line_{line.pk}": "1", "reason": "Cassé",
                                       "idempotency_key": key})

    refund = Refund.objects.get()
    assert response.status_code == 302
    assert (refund.amount, refund.status, refund.reason) == (
        Decimal("100.00"), RefundStatus.OWED, "Cassé")
    assert refund.requested_by is not None
    # The same form posted twice (a double click) refunds once.
    admin_client.post(url, {f"line_{line.pk}": "1", "idempotency_key": key})
    assert Refund.objects.count() == 1


def test_the_refund_form_shows_the_services_refusal(admin_client, collected_order):
    url = reverse(ADD) + f"?order={collected_order.number}"

    response = admin_client.post(url, {"amount": "500.00", "idempotency_key": "k"})

    assert response.status_code == 200
    assert "Au plus 225.00 MAD peuvent être remboursés." in response.content.decode()
    assert not Refund.objects.exists()


def test_the_full_refund_action_on_transactions(admin_client, collected_order):
    item = TransactionItem.objects.get()

    admin_client.post(reverse("admin:payments_transactionitem_changelist"),
                      {"action": "refund_in_full", "_selected_action": [item.pk]})

    refund = Refund.objects.get()
    assert refund.amount == Decimal("225.00")
    collected_order.refresh_from_db()
    assert collected_order.total_charged_amount == Decimal("0.00")


def test_transactions_and_webhooks_are_read_only(admin_client, collected_order):
    item = TransactionItem.objects.get()

    page = admin_client.get(reverse("admin:payments_transactionitem_change", args=[item.pk]))

    assert page.status_code == 200
    assert "CHARGE_SUCCESS" in page.content.decode()
    assert admin_client.get(reverse("admin:payments_transactionitem_add")).status_code == 403
