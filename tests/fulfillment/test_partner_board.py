"""The partner board: who gets in, what each partner sees and does, and nothing more."""
from __future__ import annotations

import re
import uuid
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from backend.payments.models import TransactionEvent
from fulfillment.delivery_codes import delivery_code_for_customer
from fulfillment.models import Shipment, ShipmentEvent, ShipmentStatus
from tests.factories.catalog import CooperativeFactory, CooperativeStaffFactory, UserFactory
from tests.factories.fulfillment import make_partner
from tests.fulfillment.board_data import build_board, legs, order_with_parcel, staff

S = ShipmentStatus
pytestmark = pytest.mark.django_db


@pytest.fixture
def board():
    return build_board()


def _post(client, shipment, name, key=None, **data):
    url = reverse("partner:action", args=[shipment.pk, name])
    return client.post(url, {"idempotency_key": key or uuid.uuid4().hex, **data})


def _snapshot(shipment) -> tuple:
    row = Shipment.objects.filter(pk=shipment.pk).values().get()
    return row, list(ShipmentEvent.objects.filter(shipment=shipment).values_list("pk", flat=True))


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 10000:04d}"


# --- access ------------------------------------------------------------------------------------

def test_the_board_asks_to_sign_in(client):
    response = client.get("/partner/")
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_a_user_who_is_not_partner_staff_is_refused(client, board):
    client.force_login(UserFactory(email="curious@example.ma"))
    assert client.get("/partner/").status_code == 403
    assert _post(client, board.shipment_a, "accept").status_code == 403
    assert Shipment.objects.get(pk=board.shipment_a.pk).status == S.READY_FOR_PICKUP


def test_each_partner_sees_only_its_own_parcels(client, board):
    client.force_login(board.user_a)
    page = client.get("/partner/").content.decode()
    assert board.shipment_a.tracking_number in page
    assert board.shipment_b.tracking_number not in page


@pytest.mark.parametrize("name", ["accept", "decline", "pickup", "hub", "out", "deliver", "fail",
                                  "retry", "return"])
def test_partner_a_cannot_act_on_partner_b_s_parcel(client, board, name):
    client.force_login(board.user_a)
    before = _snapshot(board.shipment_b)
    response = _post(client, board.shipment_b, name, code="0000", reason="absent",
                     cash_collected="1")
    assert response.status_code == 404
    assert _snapshot(board.shipment_b) == before


def test_an_unknown_action_or_a_get_changes_nothing(client, board):
    client.force_login(board.user_a)
    before = _snapshot(board.shipment_a)
    assert _post(client, board.shipment_a, "teleport").status_code == 404
    url = reverse("partner:action", args=[board.shipment_a.pk, "accept"])
    assert client.get(url).status_code == 405
    assert _snapshot(board.shipment_a) == before


# --- the steps ---------------------------------------------------------------------------------

def test_a_partner_accepts_picks_up_and_delivers_with_the_code_and_the_cash(
        client, board, django_capture_on_commit_callbacks):
    client.force_login(board.user_a)
    shipment = board.shipment_a
    for name in ("accept", "pickup", "out"):
        response = _post(client, shipment, name)
        assert response.status_code == 303
        assert response["Location"].endswith(f"/partner/#s-{shipment.pk}")
    shipment.refresh_from_db()
    assert shipment.status == S.OUT_FOR_DELIVERY
    page = client.get("/partner/").content.decode()
    assert "À encaisser à la porte :" in page and "145,00" in page

    code = delivery_code_for_customer(shipment)
    response = _post(client, shipment, "deliver", code=_wrong(code), cash_collected="1")
    follow = client.get(response["Location"]).content.decode()
    assert "Ce n&#x27;est pas le code de livraison du client. Essais restants : 4." in follow
    shipment.refresh_from_db()
    assert shipment.status == S.OUT_FOR_DELIVERY and shipment.delivery_code_failures == 1
    assert not TransactionEvent.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        _post(client, shipment, "deliver", code=code, cash_collected="1")
    shipment.refresh_from_db()
    assert shipment.status == S.DELIVERED
    cash = TransactionEvent.objects.get(psp_reference=f"cash-shipment-{shipment.pk}")
    assert cash.amount == Decimal("145.00")
    assert [m.to for m in mail.outbox] == [["amina@example.ma"]]
    assert re.search(rf"/track/{board.order_a.tracking_token}/", mail.outbox[0].body)

    cash_page = client.get("/partner/cash/").content.decode()
    assert "145,00" in cash_page and shipment.tracking_number in cash_page


def test_a_cash_on_delivery_parcel_needs_the_cash_before_the_delivery(client, board):
    client.force_login(board.user_a)
    for name in ("accept", "pickup", "out"):
        _post(client, board.shipment_a, name)
    code = delivery_code_for_customer(board.shipment_a)
    before = _snapshot(board.shipment_a)
    _post(client, board.shipment_a, "deliver", code=code)
    assert _snapshot(board.shipment_a) == before
    assert not TransactionEvent.objects.exists()


def test_the_same_step_sent_twice_records_one_event(client, board):
    client.force_login(board.user_a)
    key = uuid.uuid4().hex
    first = _post(client, board.shipment_a, "accept", key=key)
    second = _post(client, board.shipment_a, "accept", key=key)
    assert first.status_code == second.status_code == 303
    assert ShipmentEvent.objects.filter(shipment=board.shipment_a,
                                        to_status=S.ACCEPTED).count() == 1
    assert "Déjà enregistré." in client.get("/partner/").content.decode()


def test_a_two_step_button_sent_twice_is_still_two_events(client, board):
    """“Out for delivery” from a picked-up parcel is IN_TRANSIT then OUT_FOR_DELIVERY."""
    client.force_login(board.user_a)
    _post(client, board.shipment_a, "accept")
    _post(client, board.shipment_a, "pickup")
    key = uuid.uuid4().hex
    _post(client, board.shipment_a, "out", key=key)
    _post(client, board.shipment_a, "out", key=key)
    statuses = list(ShipmentEvent.objects.filter(shipment=board.shipment_a)
                    .values_list("to_status", flat=True))
    assert statuses[-2:] == [S.IN_TRANSIT, S.OUT_FOR_DELIVERY]
    assert statuses.count(S.OUT_FOR_DELIVERY) == 1


def test_a_failed_attempt_keeps_its_reason_then_the_parcel_goes_out_again(client, board):
    client.force_login(board.user_a)
    for name in ("accept", "pickup", "out"):
        _post(client, board.shipment_a, name)
    _post(client, board.shipment_a, "fail", reason="absent", note="Porte fermée")
    event = ShipmentEvent.objects.filter(shipment=board.shipment_a).last()
    assert event.to_status == S.FAILED_ATTEMPT and event.note == "Client absent — Porte fermée"
    _post(client, board.shipment_a, "retry")
    assert Shipment.objects.get(pk=board.shipment_a.pk).status == S.OUT_FOR_DELIVERY


def test_a_declined_offer_goes_to_the_next_option_of_the_quote_engine(client, board):
    client.force_login(board.user_a)
    response = _post(client, board.shipment_a, "decline", reason="Camion en panne")
    assert response.status_code == 303
    shipment = Shipment.objects.get(pk=board.shipment_a.pk)
    assert shipment.status == S.READY_FOR_PICKUP
    assert shipment.partner == board.partner_b
    assert [leg["partner_id"] for leg in shipment.legs] == [board.partner_b.pk]
    assert "Camion en panne" in shipment.events.last().note
    assert shipment.tracking_number not in client.get("/partner/").content.decode()
    client.force_login(board.user_b)
    assert shipment.tracking_number in client.get("/partner/").content.decode()

    # Declined by both: no partner is left, the network assigns one.
    _post(client, shipment, "decline")
    shipment.refresh_from_db()
    assert shipment.partner is None and shipment.legs[0]["partner_id"] is None
    assert _post(client, shipment, "accept").status_code == 404


def test_the_next_partner_takes_the_parcel_over_at_the_hub(client, board):
    hub_partner = make_partner(regions=("MA-09",), slug="agadir-coursiers")
    hub_user = staff(hub_partner, "partner.hub@example.ma")
    _order, shipment = order_with_parcel(board.cooperative, legs(
        (board.partner_a, "taliouine", "agadir"), (hub_partner, "agadir", "inezgane")))
    client.force_login(board.user_a)
    for name in ("accept", "pickup", "hub"):
        _post(client, shipment, name)
    assert Shipment.objects.get(pk=shipment.pk).status == S.AT_HUB
    client.force_login(hub_user)
    page = client.get("/partner/").content.decode()
    assert shipment.tracking_number in page
    _post(client, shipment, "accept")
    shipment.refresh_from_db()
    assert shipment.status == S.ACCEPTED and shipment.partner == hub_partner


def test_the_route_lists_the_accepted_stops_with_map_links_and_km(client, board):
    client.force_login(board.user_a)
    _post(client, board.shipment_a, "accept")
    page = client.get("/partner/").content.decode()
    route = page[page.index('id="route-title"'):]
    assert re.search(r"\d+,\d km au total", route)
    assert re.search(r'href="geo:-?\d+\.\d{6},-?\d+\.\d{6}\?q=', route)
    assert "https://www.google.com/maps/search/?api=1&amp;query=" in route


@pytest.mark.parametrize(("prefix", "lang", "words"), [
    ("", "fr", ("Ramassages", "Accepter", "Itinéraire du jour")),
    ("/ar", "ar", ("الاستلامات", "قبول", "مسار اليوم")),
])
def test_the_board_speaks_french_and_arabic(client, board, prefix, lang, words):
    client.force_login(board.user_a)
    page = client.get(f"{prefix}/partner/").content.decode()
    assert f'<html lang="{lang}"' in page
    for word in words:
        assert word in page
    cash_page = client.get(f"{prefix}/partner/cash/")
    assert cash_page.status_code == 200


# --- the cooperative's side --------------------------------------------------------------------

def test_the_cooperative_marks_its_parcel_ready_and_prints_the_slip(client, board):
    _order, shipment = order_with_parcel(board.cooperative, legs(
        (board.partner_a, "taliouine", "agadir")), ready=False)
    member = CooperativeStaffFactory(cooperative=board.cooperative).user
    client.force_login(member)
    page = client.get("/coop/shipments/").content.decode()
    assert shipment.tracking_number in page
    slip = client.get(f"/coop/shipments/{shipment.pk}/slip/").content.decode()
    assert "Safran de Taliouine" in slip and "12 rue de Tiznit" in slip
    response = client.post(f"/coop/shipments/{shipment.pk}/ready/",
                           {"idempotency_key": uuid.uuid4().hex})
    assert response.status_code == 303
    assert Shipment.objects.get(pk=shipment.pk).status == S.READY_FOR_PICKUP


def test_another_cooperative_cannot_touch_the_parcel(client, board):
    _order, shipment = order_with_parcel(board.cooperative, legs(
        (board.partner_a, "taliouine", "agadir")), ready=False)
    other = CooperativeStaffFactory(cooperative=CooperativeFactory(city_slug="agadir")).user
    client.force_login(other)
    assert shipment.tracking_number not in client.get("/coop/shipments/").content.decode()
    assert client.get(f"/coop/shipments/{shipment.pk}/slip/").status_code == 404
    assert client.post(f"/coop/shipments/{shipment.pk}/ready/").status_code == 404
    assert Shipment.objects.get(pk=shipment.pk).status == S.AWAITING_PREPARATION
    client.force_login(board.user_a)
    assert client.get("/coop/shipments/").status_code == 403


def _jpeg_with_gps() -> bytes:
    import io

    from PIL import Image

    image = Image.new("RGB", (1200, 900), (120, 90, 60))
    exif = Image.Exif()
    exif[0x8825] = {2: (33.0, 35.0, 0.0), 4: (7.0, 35.0, 0.0)}  # GPSInfo: latitude, longitude
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def _out_for_delivery(client, board):
    client.force_login(board.user_a)
    for name in ("accept", "pickup", "out"):
        _post(client, board.shipment_a, name)


def test_a_failed_attempt_keeps_a_photo_without_its_gps_metadata(client, board):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    _out_for_delivery(client, board)
    raw = _jpeg_with_gps()
    with Image.open(__import__("io").BytesIO(raw)) as original:
        assert original.getexif().get(0x8825)

    _post(client, board.shipment_a, "fail", reason="absent",
          photo=SimpleUploadedFile("door.jpg", raw, content_type="image/jpeg"))

    event = ShipmentEvent.objects.filter(shipment=board.shipment_a).last()
    assert event.to_status == S.FAILED_ATTEMPT
    with Image.open(event.photo.path) as stored:
        assert stored.format == "JPEG"
        assert not stored.getexif()
        assert stored.size == (1200, 900)


@pytest.mark.parametrize("payload", [b"not an image at all", _jpeg_with_gps()[:200]],
                         ids=["text", "truncated"])
def test_a_failed_attempt_with_a_bad_photo_is_refused_and_changes_nothing(client, board,
                                                                          payload):
    from django.core.files.uploadedfile import SimpleUploadedFile

    _out_for_delivery(client, board)
    events = ShipmentEvent.objects.filter(shipment=board.shipment_a).count()

    _post(client, board.shipment_a, "fail", reason="absent",
          photo=SimpleUploadedFile("door.jpg", payload, content_type="image/jpeg"))

    assert ShipmentEvent.objects.filter(shipment=board.shipment_a).count() == events
    assert Shipment.objects.get(pk=board.shipment_a.pk).status == S.OUT_FOR_DELIVERY


def test_a_network_admin_records_a_remittance_that_leaves_the_partners_cash(
        client, admin_client, board, django_capture_on_commit_callbacks):
    from backend.fairpay.models import Journal

    url = reverse("admin:fulfillment_partner_remittance", args=[board.partner_a.pk])
    refused = admin_client.post(url, {"amount": "50.00", "reference": "REC-1"})
    assert refused.status_code == 200  # it holds no cash yet: the form says so
    assert not Journal.objects.filter(reference="REC-1").exists()

    _out_for_delivery(client, board)
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, board.shipment_a, "deliver",
              code=delivery_code_for_customer(board.shipment_a), cash_collected="1")
    done = admin_client.post(url, {"amount": "100.00", "reference": "REC-1"})

    assert done.status_code == 302
    assert Journal.objects.filter(reference="REC-1").count() == 1
    cash_page = client.get("/partner/cash/").content.decode()
    assert "100,00" in cash_page and "45,00" in cash_page
