"""The cooperative earnings page: only its managers, figures summed from the ledger."""
from __future__ import annotations

import pytest

from backend.fairpay.earnings import cooperative_earnings_page
from backend.fairpay.services.ledger import ledger_record_capture
from backend.orders.services.checkout_complete import checkout_complete
from tests.factories.catalog import CooperativeStaffFactory, UserFactory, make_listed_product
from tests.orders.conftest import ready_checkout


@pytest.fixture
def paid_order(channel, cooperative):
    product = make_listed_product(channel=channel, cooperative=cooperative, price="200.00")
    order = checkout_complete(
        checkout_token=ready_checkout(channel, [(product.default_variant, 1)]).token).order
    ledger_record_capture(order=order, amount=order.total_amount, method="card",
                          reference="test-capture")
    return order


def test_a_manager_sees_the_balance_held_and_the_entries_of_the_sale(client, cooperative,
                                                                    paid_order):
    manager = CooperativeStaffFactory(cooperative=cooperative, role="manager").user
    client.force_login(manager)

    response = client.get("/coop/earnings/")

    page = response.content.decode()
    earnings = cooperative_earnings_page(cooperative_id=cooperative.pk)
    assert response.status_code == 200
    assert earnings.balance > 0 and earnings.balance == earnings.held + earnings.available
    assert earnings.held == earnings.balance  # not delivered yet: all of it is held
    assert f"#{paid_order.number}" in page
    assert len(earnings.months) == 1 and earnings.months[0].amount == earnings.balance


def test_another_cooperatives_manager_sees_only_its_own_zero(client, paid_order):
    other = CooperativeStaffFactory(role="manager").user
    client.force_login(other)

    page = client.get("/coop/earnings/").content.decode()

    assert f"#{paid_order.number}" not in page
    assert cooperative_earnings_page(cooperative_id=other.cooperative_roles.get()
                                     .cooperative_id).balance == 0


@pytest.mark.parametrize("role", ["member", None])
def test_members_and_customers_cannot_open_the_earnings_page(client, cooperative, role):
    user = (CooperativeStaffFactory(cooperative=cooperative, role=role).user if role
            else UserFactory())
    client.force_login(user)

    assert client.get("/coop/earnings/").status_code == 403


def test_the_earnings_page_speaks_arabic(client, cooperative):
    client.force_login(CooperativeStaffFactory(cooperative=cooperative, role="manager").user)

    response = client.get("/ar/coop/earnings/")

    assert response.status_code == 200 and 'dir="rtl"' in response.content.decode()


def test_the_earnings_page_is_translated(client, cooperative):
    client.force_login(CooperativeStaffFactory(cooperative=cooperative, role="manager").user)

    assert "Solde dû à la coopérative" in client.get("/coop/earnings/").content.decode()
    assert "الرصيد المستحق للتعاونية" in client.get("/ar/coop/earnings/").content.decode()
