"""Dashboard pages: who may open them, and a cooperative only ever sees its own things."""
from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from backend.cooperatives.models import CooperativeStaff, CooperativeStatus
from fulfillment.models import Shipment, ShipmentStatus
from tests.factories.catalog import UserFactory

from .data import parcel

PAGES = ["coop:home", "coop:orders", "coop_shipments:list"]
MANAGER_PAGES = ["coop:team", "fairpay:earnings"]


@pytest.mark.parametrize("name", PAGES + MANAGER_PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize("name", PAGES + MANAGER_PAGES)
def test_a_customer_without_a_cooperative_gets_403(client, db, name):
    client.force_login(UserFactory())
    assert client.get(reverse(name)).status_code == 403


@pytest.mark.parametrize("name", PAGES)
def test_members_open_the_catalog_and_order_pages(client, coop_a, name):
    client.force_login(coop_a.member)
    assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("name", MANAGER_PAGES)
def test_members_cannot_open_the_team_or_the_earnings(client, coop_a, name):
    client.force_login(coop_a.member)
    assert client.get(reverse(name)).status_code == 403


def test_the_nav_shows_team_and_earnings_to_managers_only(client, coop_a):
    client.force_login(coop_a.member)
    page = client.get(reverse("coop:home")).content.decode()
    assert reverse("coop:orders") in page and reverse("coop_shipments:list") in page
    assert reverse("coop:team") not in page and reverse("fairpay:earnings") not in page
    client.force_login(coop_a.manager)
    page = client.get(reverse("coop:home")).content.decode()
    assert reverse("coop:team") in page and reverse("fairpay:earnings") in page


@pytest.mark.parametrize("name", PAGES + MANAGER_PAGES)
def test_every_page_extends_the_dashboard_layout_and_works_in_arabic(client, coop_a, name):
    client.force_login(coop_a.manager)
    with translation.override("ar"):
        url = reverse(name)
    assert url.startswith("/ar/coop/")
    response = client.get(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'dir="rtl"' in page and 'class="dash-nav"' in page
    assert "الرئيسية" in page  # "Home" in Arabic


def test_orders_to_prepare_lists_own_parcels_with_slip_and_ready_action(client, coop_a, coop_b):
    order_a, shipment_a = parcel(coop_a.cooperative, total="90.00")
    order_b, shipment_b = parcel(coop_b.cooperative, total="70.00")
    client.force_login(coop_a.member)
    page = client.get(reverse("coop:orders")).content.decode()
    assert f"s-{shipment_a.pk}" in page and f"s-{shipment_b.pk}" not in page
    assert reverse("coop_shipments:slip", args=[shipment_a.pk]) in page
    assert reverse("coop_shipments:ready", args=[shipment_a.pk]) in page
    assert "Safran de Taliouine" in page


def test_the_ready_action_from_orders_comes_back_to_orders(client, coop_a):
    _order, shipment = parcel(coop_a.cooperative)
    client.force_login(coop_a.member)
    response = client.post(reverse("coop_shipments:ready", args=[shipment.pk]),
                           {"idempotency_key": "k1", "next": "orders"})
    assert response.status_code == 303 and response["Location"] == reverse("coop:orders")
    assert Shipment.objects.get(pk=shipment.pk).status == ShipmentStatus.READY_FOR_PICKUP


def test_another_cooperative_cannot_mark_ready_or_print_and_nothing_changes(client, coop_a,
                                                                             coop_b):
    _order, shipment = parcel(coop_a.cooperative)
    client.force_login(coop_b.manager)
    assert client.post(reverse("coop_shipments:ready", args=[shipment.pk]),
                       {"idempotency_key": "k2", "next": "orders"}).status_code == 404
    assert client.get(reverse("coop_shipments:slip", args=[shipment.pk])).status_code == 404
    assert Shipment.objects.get(pk=shipment.pk).status == ShipmentStatus.AWAITING_PREPARATION
    assert shipment.tracking_number not in client.get(reverse("coop:orders")).content.decode()
    # and the other way round
    _order, shipment_b = parcel(coop_b.cooperative)
    client.force_login(coop_a.manager)
    assert client.post(reverse("coop_shipments:ready", args=[shipment_b.pk]),
                       {"idempotency_key": "k3"}).status_code == 404
    assert Shipment.objects.get(pk=shipment_b.pk).status == ShipmentStatus.AWAITING_PREPARATION


def test_a_pending_cooperative_sees_the_waiting_for_approval_banner(client, coop_a):
    client.force_login(coop_a.manager)
    assert 'id="approval-banner"' not in client.get(reverse("coop:home")).content.decode()
    coop_a.cooperative.status = CooperativeStatus.PENDING
    coop_a.cooperative.save()
    page = client.get(reverse("coop:home")).content.decode()
    assert 'id="approval-banner"' in page and "Waiting for approval" not in page  # French
    assert "En attente de validation" in page


def test_staff_of_two_cooperatives_act_for_the_one_chosen_in_the_session(client, coop_a,
                                                                          coop_b):
    CooperativeStaff.objects.create(cooperative=coop_b.cooperative, user=coop_a.manager,
                                    role="member")
    _o, shipment_b = parcel(coop_b.cooperative)
    client.force_login(coop_a.manager)
    assert f"s-{shipment_b.pk}" not in client.get(reverse("coop:orders")).content.decode()
    session = client.session
    session["coop_id"] = coop_b.cooperative.pk
    session.save()
    assert f"s-{shipment_b.pk}" in client.get(reverse("coop:orders")).content.decode()
    assert client.get(reverse("coop:team")).status_code == 403  # only a member there
