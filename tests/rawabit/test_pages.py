"""The board pages: who enters, private conversations both ways, bad input, deals."""
from __future__ import annotations

from decimal import Decimal

import pytest

from backend.rawabit.models import Deal, Opportunity, OpportunityMessage, OpportunityReply
from backend.rawabit.services.opportunities import opportunity_post
from backend.rawabit.services.replies import opportunity_reply
from tests.factories.catalog import CooperativeFactory, UserFactory

pytestmark = pytest.mark.django_db

BOARD = "/rawabit/"


@pytest.fixture
def request_with_reply(world):
    """The exporter's request and the argan cooperative's private reply to it."""
    opportunity = opportunity_post(party=world.exporter_party, kind="request",
                                   title="Huile d'argan pour l'export", category=world.oils,
                                   quantity=Decimal("500"), unit="l", region=None)
    message = opportunity_reply(party=world.argan.party, opportunity_id=opportunity.pk,
                                body="Nous avons 600 L, certifiés bio.")
    return opportunity, message.reply


def test_the_board_is_for_cooperative_staff_approved_buyers_and_network_admins(client, world,
                                                                               customer):
    assert client.get(BOARD).status_code == 302  # sign in first
    for user, status in ((customer, 403), (world.pending, 403), (world.argan.manager, 200),
                         (world.hotel, 200), (UserFactory(email="admin@coop.ma",
                                                          is_staff=True), 200)):
        client.force_login(user)
        assert client.get(BOARD).status_code == status, user.email


def test_a_suspended_cooperatives_staff_is_kept_out(client, world):
    world.palm.coop.status = "suspended"
    world.palm.coop.save(update_fields=["status"])
    client.force_login(world.palm.manager)

    assert client.get(BOARD).status_code == 403


def test_the_board_lists_and_filters_opportunities(client, world, request_with_reply):
    opportunity_post(party=world.hive.party, kind="offer", title="Miel de thym en gros",
                     category=world.honey, region=world.fes_meknes)
    client.force_login(world.hotel)

    page = client.get(BOARD).content.decode()
    assert "Huile d&#x27;argan pour l&#x27;export" in page and "Miel de thym en gros" in page

    offers = client.get(BOARD, {"kind": "offer"}).content.decode()
    assert "Miel de thym en gros" in offers and "pour l&#x27;export" not in offers
    in_souss = client.get(BOARD, {"region": world.souss.pk}).content.decode()
    assert "pour l&#x27;export" in in_souss  # national: shown in every region
    assert "Miel de thym en gros" not in in_souss
    assert client.get(BOARD, {"region": "x\x00y", "category": "99999999999999999999",
                              "kind": "<b>"}).status_code == 200


def test_posting_an_opportunity_from_the_page(client, world):
    client.force_login(world.argan.manager)

    response = client.post(f"{BOARD}new/", {
        "kind": "offer", "title": "Huile d'argan cosmétique", "category": world.oils.pk,
        "quantity": "200", "unit": "l", "region": world.souss.pk,
        "period_from": "2027-03-01", "period_to": "2027-03-31"})

    opportunity = Opportunity.objects.get()
    assert response.status_code == 303
    assert response["Location"] == f"{BOARD}{opportunity.pk}/"
    assert (opportunity.cooperative, opportunity.posted_by, opportunity.quantity) == (
        world.argan.coop, world.argan.manager, Decimal("200.000"))


@pytest.mark.parametrize("data", [
    {"kind": "offer", "title": "Huile\x00"},
    {"kind": "offer", "title": "Huile", "product_text": "argan", "quantity": "1" + "0" * 40},
    {"kind": "offer", "title": "Huile", "product_text": "argan", "region": "not-an-id"},
    {"kind": "barter", "title": "Huile", "product_text": "argan"},
    {"kind": "offer", "title": "Huile"},  # neither a category nor a product
    {"kind": "offer", "title": "Huile", "product_text": "argan", "period_from": "2027-03-31",
     "period_to": "2027-03-01"},
    {"kind": "offer", "title": "x" * 100_000, "product_text": "argan"},
])
def test_bad_input_gives_form_errors_and_posts_nothing(client, world, data):
    client.force_login(world.argan.manager)

    response = client.post(f"{BOARD}new/", data)

    assert response.status_code == 200
    assert "rw-errors" in response.content.decode()
    assert not Opportunity.objects.exists()


def test_only_parties_may_post(client, world, customer):
    admin = UserFactory(email="admin@coop.ma", is_staff=True)
    client.force_login(admin)
    assert client.get(f"{BOARD}new/").status_code == 403
    client.force_login(customer)
    assert client.post(f"{BOARD}new/", {"kind": "offer", "title": "x",
                                        "product_text": "y"}).status_code == 403
    assert not Opportunity.objects.exists()


def test_a_conversation_is_read_by_its_two_parties_and_network_admins_only(
        client, world, request_with_reply):
    opportunity, reply = request_with_reply
    url = f"{BOARD}conversations/{reply.pk}/"
    for user in (world.exporter, world.argan.manager,
                 UserFactory(email="admin@coop.ma", is_staff=True)):
        client.force_login(user)
        assert "Nous avons 600 L" in client.get(url).content.decode(), user.email
    for user in (world.hive.manager, world.hotel):  # other parties of the board
        client.force_login(user)
        assert client.get(url).status_code == 404, user.email
        assert client.post(url, {"body": "Je m'invite"}).status_code == 404
        detail = client.get(f"{BOARD}{opportunity.pk}/").content.decode()
        assert "600 L" not in detail and url not in detail
    assert OpportunityMessage.objects.count() == 1


def test_the_poster_sees_every_reply_a_replier_only_its_own(client, world, request_with_reply):
    opportunity, reply = request_with_reply
    second = opportunity_reply(party=world.hive.party, opportunity_id=opportunity.pk,
                               body="Nous aussi").reply
    client.force_login(world.exporter)
    poster_page = client.get(f"{BOARD}{opportunity.pk}/").content.decode()
    assert f"conversations/{reply.pk}/" in poster_page
    assert f"conversations/{second.pk}/" in poster_page

    client.force_login(world.hive.manager)
    replier_page = client.get(f"{BOARD}{opportunity.pk}/").content.decode()
    assert f"conversations/{second.pk}/" in replier_page
    assert f"conversations/{reply.pk}/" not in replier_page


def test_replying_from_the_page_opens_one_thread_per_replier(client, world, request_with_reply):
    opportunity, _ = request_with_reply
    client.force_login(world.hive.manager)

    first = client.post(f"{BOARD}{opportunity.pk}/", {"body": "Du miel ?"})
    second = client.post(f"{BOARD}{opportunity.pk}/", {"body": "Ou de l'huile ?"})

    thread = OpportunityReply.objects.get(replier=world.hive.manager)
    assert first.status_code == second.status_code == 303
    assert first["Location"] == f"{BOARD}conversations/{thread.pk}/"
    assert list(thread.messages.values_list("body", flat=True)) == ["Du miel ?",
                                                                    "Ou de l'huile ?"]
    assert thread.replier_cooperative == world.hive.coop


def test_nobody_replies_to_their_own_opportunity(client, world, request_with_reply):
    opportunity, _ = request_with_reply
    client.force_login(world.exporter)

    response = client.post(f"{BOARD}{opportunity.pk}/", {"body": "Moi-même"})

    assert response.status_code == 200
    assert OpportunityReply.objects.filter(replier=world.exporter).count() == 0


def test_an_admin_reads_a_conversation_but_does_not_write_in_it(client, world,
                                                                request_with_reply):
    _, reply = request_with_reply
    client.force_login(UserFactory(email="admin@coop.ma", is_staff=True))

    response = client.post(f"{BOARD}conversations/{reply.pk}/", {"body": "Bonjour"})

    assert response.status_code == 403
    assert reply.messages.count() == 1


def test_the_poster_closes_an_opportunity_and_nobody_else_can(client, world, request_with_reply):
    opportunity, _ = request_with_reply
    client.force_login(world.argan.manager)
    assert client.post(f"{BOARD}{opportunity.pk}/close/").status_code == 404
    opportunity.refresh_from_db()
    assert opportunity.status == "open"

    client.force_login(world.exporter)
    assert client.post(f"{BOARD}{opportunity.pk}/close/").status_code == 303
    opportunity.refresh_from_db()
    assert opportunity.status == "closed" and opportunity.closed_at is not None
    client.force_login(world.hive.manager)  # a closed opportunity takes no new replies
    client.post(f"{BOARD}{opportunity.pk}/", {"body": "Trop tard ?"})
    assert not OpportunityReply.objects.filter(replier=world.hive.manager).exists()


def test_the_poster_records_a_deal_with_a_replier(client, world, request_with_reply):
    opportunity, reply = request_with_reply
    variant = world.argan.product.default_variant
    client.force_login(world.exporter)

    response = client.post(f"{BOARD}{opportunity.pk}/deal/", {
        "reply": reply.pk, "quantity": "500", "unit_price": "180.00", "variant": variant.pk,
        "variant_quantity": "50", "note": "Livraison en mars"})

    assert response.status_code == 303
    deal = Deal.objects.get()
    assert (deal.seller_cooperative, deal.buyer, deal.buyer_cooperative, deal.value,
            deal.variant, deal.variant_quantity) == (
        world.argan.coop, world.exporter, None, Decimal("90000.00"), variant, 50)
    assert deal.can_become_pro_order
    opportunity.refresh_from_db()
    assert opportunity.status == "deal"
    page = client.get(f"{BOARD}{opportunity.pk}/").content.decode()
    assert "90\u202f000,00\xa0MAD" in page and "deal-pro-order" in page


def test_a_deal_is_refused_to_others_for_other_products_and_twice(client, world,
                                                                 request_with_reply):
    opportunity, reply = request_with_reply
    data = {"reply": reply.pk, "quantity": "500", "unit_price": "180.00"}
    client.force_login(world.argan.manager)  # the replier is not the poster
    assert client.post(f"{BOARD}{opportunity.pk}/deal/", data).status_code == 404

    client.force_login(world.exporter)
    other_coop_variant = world.hive.product.default_variant
    response = client.post(f"{BOARD}{opportunity.pk}/deal/",
                           {**data, "variant": other_coop_variant.pk, "variant_quantity": "5"})
    assert response.status_code == 400
    assert client.post(f"{BOARD}{opportunity.pk}/deal/", {**data, "quantity": "-1"}
                       ).status_code == 400
    assert not Deal.objects.exists()

    assert client.post(f"{BOARD}{opportunity.pk}/deal/", data).status_code == 303
    assert client.post(f"{BOARD}{opportunity.pk}/deal/", data).status_code == 400
    assert Deal.objects.count() == 1


def test_the_board_pages_render_in_arabic_and_english(client, world, request_with_reply):
    opportunity, reply = request_with_reply
    client.force_login(world.exporter)
    for prefix in ("/ar", "/en"):
        for path in (BOARD, f"{BOARD}new/", f"{BOARD}{opportunity.pk}/",
                     f"{BOARD}conversations/{reply.pk}/"):
            assert client.get(prefix + path).status_code == 200, prefix + path
    arabic = client.get(f"/ar{BOARD}").content.decode()
    assert 'dir="rtl"' in arabic and "فرص روابط" in arabic
    assert "Opportunités Rawabit" in client.get(BOARD).content.decode()
    assert "Rawabit opportunities" in client.get(f"/en{BOARD}").content.decode()


def test_an_unknown_or_malformed_id_is_a_404(client, world):
    client.force_login(world.hotel)
    for path in ("999999/", "99999999999999999999999/", "conversations/424242/"):
        assert client.get(BOARD + path).status_code == 404, path


def test_a_staff_member_of_a_pending_cooperative_is_kept_out(client, world):
    coop = CooperativeFactory(slug="cooperative-en-attente", status="pending")
    from tests.factories.catalog import CooperativeStaffFactory

    staff = CooperativeStaffFactory(cooperative=coop).user
    client.force_login(staff)
    assert client.get(BOARD).status_code == 403


def _queries(client, path: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # fills the per-process catalog rows (storefront/basics.py): measure the next
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_the_board_and_an_opportunity_cost_the_same_queries_however_many_rows(client, world):
    first = opportunity_post(party=world.hotel_party, kind="request", title="Huile",
                             category=world.oils)
    opportunity_reply(party=world.argan.party, opportunity_id=first.pk, body="Oui")
    client.force_login(world.hotel)
    board_few, detail_few = _queries(client, BOARD), _queries(client, f"{BOARD}{first.pk}/")

    for index in range(5):
        opportunity_post(party=world.exporter_party, kind="request", title=f"Miel {index}",
                         category=world.honey)
        opportunity_post(party=world.hive.party, kind="offer", title=f"Offre {index}",
                         product_text="miel")
    for party in (world.hive.party, world.palm.party, world.exporter_party):
        opportunity_reply(party=party, opportunity_id=first.pk, body="Moi aussi")

    assert _queries(client, BOARD) == board_few
    assert _queries(client, f"{BOARD}{first.pk}/") == detail_few
    page = client.get(f"{BOARD}{first.pk}/").content.decode()
    assert "Sahara Export" in page and "Cooperative Nahla" in page  # repliers by their names
