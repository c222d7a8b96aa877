"""Who is told about a new opportunity, and about a new private message."""
from __future__ import annotations

from decimal import Decimal

import pytest
from django.core import mail

from backend.rawabit.services.opportunities import opportunity_post
from backend.rawabit.services.replies import message_post, opportunity_reply
from tests.factories.catalog import CooperativeFactory, CooperativeStaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def _recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def test_a_buyers_request_in_a_category_emails_the_managers_of_cooperatives_selling_in_it(
        world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        opportunity_post(party=world.exporter_party, kind="request",
                         title="500 L d'huile d'argan pour l'export en mars",
                         category=world.oils, quantity=Decimal("500"), unit="l")

    assert _recipients() == ["manager@cooperative-tifawine.ma"]
    assert mail.outbox[0].subject == ("Rawabit : une nouvelle demande pour vous — 500 L "
                                      "d'huile d'argan pour l'export en mars")
    assert "http://127.0.0.1:8000/rawabit/" in mail.outbox[0].body


def test_each_recipient_reads_the_email_in_its_own_language(
        world, django_capture_on_commit_callbacks):
    world.argan.manager.language_code = "ar"
    world.argan.manager.save(update_fields=["language_code"])

    with django_capture_on_commit_callbacks(execute=True):
        opportunity = opportunity_post(party=world.exporter_party, kind="request",
                                       title="Huile d'argan", category=world.oils)

    [message] = mail.outbox
    assert message.subject == "روابط: طلب جديد لك — Huile d'argan"
    assert f"/ar/rawabit/{opportunity.pk}/" in message.body


def test_an_offer_in_a_region_emails_its_cooperatives_and_its_approved_buyers_not_the_poster(
        world, django_capture_on_commit_callbacks):
    neighbour = CooperativeFactory(slug="cooperative-voisine", city_slug="taliouine")
    CooperativeStaffFactory(cooperative=neighbour, user=UserFactory(email="voisine@coop.ma"))
    CooperativeStaffFactory(cooperative=world.argan.coop, role="member",
                            user=UserFactory(email="membre@tifawine.ma"))

    with django_capture_on_commit_callbacks(execute=True):
        opportunity_post(party=world.argan.party, kind="offer", title="Transport partagé",
                         product_text="transport partagé vers Agadir", region=world.souss)

    # the region's other cooperative and the approved hotel of Agadir; not the poster's own
    # cooperative, not the pending riad of Agadir, not the Casablanca exporter
    assert _recipients() == ["achats@hotel-atlas.ma", "voisine@coop.ma"]


def test_words_of_the_product_text_match_product_names_of_any_region(
        world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        opportunity_post(party=world.hotel_party, kind="request", title="Miel pour nos petits "
                         "déjeuners", product_text="miel de montagne")

    assert _recipients() == ["manager@cooperative-nahla.ma"]


def test_a_national_offer_reaches_every_approved_buyer_and_the_matching_cooperatives(
        world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        opportunity_post(party=world.palm.party, kind="offer", title="Dattes Majhoul",
                         category=world.dates, product_text="dattes")

    assert _recipients() == ["achats@hotel-atlas.ma", "export@sahara.ma"]


def test_an_opportunity_nobody_matches_sends_nothing(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        opportunity_post(party=world.hotel_party, kind="request", title="Bocaux en verre",
                         product_text="bocaux")

    assert mail.outbox == []


def test_each_new_message_emails_the_other_party_only(world,
                                                      django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        opportunity = opportunity_post(party=world.exporter_party, kind="request",
                                       title="Huile d'argan", category=world.oils)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        first = opportunity_reply(party=world.argan.party, opportunity_id=opportunity.pk,
                                  body="Nous avons 600 L disponibles.")
    assert _recipients() == ["export@sahara.ma"]
    assert "/rawabit/conversations/" in mail.outbox[0].body

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        message_post(user=world.exporter, reply_id=first.reply_id, body="Quel prix au litre ?")
    assert _recipients() == ["manager@cooperative-tifawine.ma"]
