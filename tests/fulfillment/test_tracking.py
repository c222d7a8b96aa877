"""The consumer's tracking page: who may open it, what it shows, in French and Arabic."""
from __future__ import annotations

import uuid

import pytest
from django.core import mail

from fulfillment.delivery_codes import delivery_code_for_customer
from fulfillment.emails import send_shipment_step
from fulfillment.models import ShipmentStatus
from fulfillment.services.shipments import ShipmentActor, shipment_transition
from tests.factories.catalog import CooperativeFactory, UserFactory
from tests.factories.fulfillment import make_partner
from tests.fulfillment.board_data import legs, order_with_parcel

S = ShipmentStatus
pytestmark = pytest.mark.django_db


@pytest.fixture
def parcel():
    partner = make_partner(regions=("MA-09",), slug="souss-express", name="Souss Express")
    owner = UserFactory(email="amina@example.ma")
    cooperative = CooperativeFactory(city_slug="taliouine", name="Coopérative Safran")
    order, shipment = order_with_parcel(cooperative, legs((partner, "taliouine", "agadir")),
                                        user=owner)
    return order, shipment, partner, owner


def _walk(shipment, partner, *steps):
    actor = ShipmentActor.for_partner(partner.pk)
    for step in steps:
        shipment_transition(shipment_id=shipment.pk, to_status=step, actor=actor)


def test_the_link_shows_each_step_partner_km_expected_date_and_code(client, parcel):
    order, shipment, partner, _owner = parcel
    _walk(shipment, partner, S.ACCEPTED, S.PICKED_UP, S.IN_TRANSIT)
    response = client.get(f"/track/{order.tracking_token}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    for label in ("En préparation", "Prêt à être collecté", "Accepté par le partenaire",
                  "Collecté", "En route"):
        assert label in page
    assert "Souss Express" in page and "0,0 sur 12,5 km" in page
    assert "entre le" in page
    assert delivery_code_for_customer(shipment) in page
    assert shipment.tracking_number in page


def test_the_code_is_gone_once_delivered_and_the_km_are_done(client, parcel):
    order, shipment, partner, _owner = parcel
    _walk(shipment, partner, S.ACCEPTED, S.PICKED_UP, S.IN_TRANSIT, S.OUT_FOR_DELIVERY)
    code = delivery_code_for_customer(shipment)
    shipment_transition(shipment_id=shipment.pk, to_status=S.DELIVERED,
                        actor=ShipmentActor.for_partner(partner.pk), delivery_code=code)
    page = client.get(f"/track/{order.tracking_token}/").content.decode()
    assert "Livré" in page and "12,5 sur 12,5 km" in page
    assert 'class="delivery-code"' not in page


def test_the_owner_opens_it_by_number_and_nobody_else_does(client, parcel):
    order, _shipment, _partner, owner = parcel
    assert client.get(f"/track/order/{order.number}/").status_code == 302  # sign in first
    client.force_login(UserFactory(email="someone@example.ma"))
    assert client.get(f"/track/order/{order.number}/").status_code == 404
    client.force_login(owner)
    assert client.get(f"/track/order/{order.number}/").status_code == 200
    assert client.get(f"/track/{uuid.uuid4()}/").status_code == 404


def test_the_partner_board_never_shows_the_code(client, parcel):
    _order, shipment, partner, _owner = parcel
    from tests.fulfillment.board_data import staff

    _walk(shipment, partner, S.ACCEPTED, S.PICKED_UP, S.IN_TRANSIT, S.OUT_FOR_DELIVERY)
    client.force_login(staff(partner, "partner.souss@example.ma"))
    page = client.get("/partner/").content.decode()
    assert shipment.tracking_number in page
    assert f">{delivery_code_for_customer(shipment)}<" not in page


def test_the_page_speaks_arabic(client, parcel):
    order, _shipment, _partner, _owner = parcel
    page = client.get(f"/ar/track/{order.tracking_token}/").content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert f"تتبع الطلب {order.number}" in page and "جاهز للاستلام" in page


def test_important_steps_mail_the_tracking_link_after_commit(
        parcel, django_capture_on_commit_callbacks):
    order, shipment, partner, _owner = parcel
    with django_capture_on_commit_callbacks(execute=True):
        _walk(shipment, partner, S.ACCEPTED)
    assert mail.outbox == []  # accepting is not worth an e-mail
    with django_capture_on_commit_callbacks(execute=True):
        _walk(shipment, partner, S.PICKED_UP, S.IN_TRANSIT, S.OUT_FOR_DELIVERY)
    assert [m.subject for m in mail.outbox] == [
        f"Votre colis {shipment.tracking_number} : Collecté",
        f"Votre colis {shipment.tracking_number} : En cours de livraison"]
    body = mail.outbox[1].body
    assert f"/track/{order.tracking_token}/" in body
    assert delivery_code_for_customer(shipment) in body


def test_nothing_is_sent_without_an_email(parcel):
    order, shipment, _partner, _owner = parcel
    order.user_email = ""
    order.save(update_fields=["user_email"])
    assert send_shipment_step(shipment_id=str(shipment.pk),
                              event_id=shipment.events.first().pk) is False
