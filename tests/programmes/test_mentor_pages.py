"""The mentor space: a mentor reads only its cooperatives' dashboards, writes only notes and
action items, and is refused everywhere else (404 for other cooperatives, 403 on /coop/)."""
from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from backend.programmes.models import ActionItem, Cohort, FollowUpNote
from fulfillment.models import Shipment, ShipmentStatus
from tests.cooperatives.conftest import make_coop
from tests.cooperatives.data import parcel
from tests.factories.catalog import UserFactory

from .conftest import enrol


def _detail(cooperative) -> str:
    return reverse("mentor:cooperative", args=[cooperative.slug])


def test_the_mentor_list_shows_the_assigned_cooperatives_with_programme_and_prize(client, setup):
    client.force_login(setup.mentor)
    response = client.get(reverse("mentor:home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Coopérative Tifawine" in html and "1er prix" in html
    assert "<h1>Espace mentor</h1>" in html
    assert "Prix Lalla Al Moutaâouina — 4e édition (2024)" in html
    assert "Coopérative Zenaga" not in html


def test_the_mentor_list_takes_the_same_queries_for_one_or_five_cooperatives(
        client, setup, programme):
    client.force_login(setup.mentor)
    client.get(reverse("mentor:home"))  # warm the session and the user
    with CaptureQueriesContext(connection) as one:
        assert client.get(reverse("mentor:home")).status_code == 200
    later = Cohort.objects.create(programme=programme, name="5e édition", year=2025,
                                  starts_on="2025-03-08")
    for _ in range(4):
        coop = make_coop()
        enrol(setup.cohort, coop.cooperative, mentor=setup.mentor, prize="2e prix")
        enrol(later, coop.cooperative, mentor=setup.mentor)
        ActionItem.objects.create(cooperative=coop.cooperative, author=setup.mentor,
                                  title="Étiquettes", due_on=timezone.localdate())
    client.get(reverse("mentor:home"))  # new cooperatives changed the catalog: warm it again
    with CaptureQueriesContext(connection) as five:
        response = client.get(reverse("mentor:home"))
    assert response.content.decode().count('id="coop-') == 5
    assert len(five) == len(one)
    selector_queries = [q for q in five.captured_queries if "programmes_" in q["sql"]
                        or "cooperatives_cooperative" in q["sql"]]
    assert len(selector_queries) == 2  # the cooperatives (with counts), their enrolments


@pytest.mark.parametrize("who", ["consumer", "manager", "admin"])
def test_users_who_mentor_nothing_get_403_on_the_mentor_space(client, setup, who):
    user = {"consumer": UserFactory(), "manager": setup.a.manager,
            "admin": UserFactory(is_staff=True)}[who]
    client.force_login(user)
    assert client.get(reverse("mentor:home")).status_code == 403
    assert client.get(_detail(setup.a.cooperative)).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, setup):
    for url in (reverse("mentor:home"), _detail(setup.a.cooperative)):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]


def test_a_mentor_gets_404_for_a_cooperative_it_does_not_mentor_both_ways(client, setup):
    client.force_login(setup.mentor)
    assert client.get(_detail(setup.a.cooperative)).status_code == 200
    assert client.get(_detail(setup.b.cooperative)).status_code == 404
    assert client.get(reverse("mentor:cooperative", args=["no-such-coop"])).status_code == 404
    client.force_login(setup.other_mentor)
    assert client.get(_detail(setup.a.cooperative)).status_code == 404
    assert client.get(_detail(setup.b.cooperative)).status_code == 200


def test_the_read_only_dashboard_shows_the_cooperative_numbers(client, setup):
    now = timezone.localtime()
    order, _ = parcel(setup.a.cooperative, total="120.00", at=now)
    parcel(setup.b.cooperative, total="999.00", at=now)
    client.force_login(setup.mentor)
    html = client.get(_detail(setup.a.cooperative)).content.decode()
    sales = re.search(r'id="sales-month">([^<]+)<', html).group(1)
    assert "120" in sales and "999" not in html
    assert re.search(r'id="orders-waiting">1<', html)
    table = html.split('id="orders-to-prepare"', 1)[1].split("</table>", 1)[0]
    assert f"<td>{order.number}<br>" in table  # the orders-to-prepare list


def test_the_only_forms_on_the_mentor_page_are_notes_action_items_and_done(client, setup):
    ActionItem.objects.create(cooperative=setup.a.cooperative, author=setup.mentor,
                              title="Étiquettes", due_on=timezone.localdate())
    parcel(setup.a.cooperative, total="50.00")
    client.force_login(setup.mentor)
    html = client.get(_detail(setup.a.cooperative)).content.decode()
    # between the storefront header (its search form) and the footer
    page = html.split('<div class="dash">', 1)[1].split("<footer", 1)[0]
    actions = re.findall(r'<form method="post" action="([^"]+)"', page)
    forms = re.findall(r"<form\b", page)
    base = _detail(setup.a.cooperative)
    assert len(actions) == len(forms) == 3
    assert not re.findall(r"<(input|select|textarea|button)\b", page.split("<form", 1)[0])
    assert sorted(actions) == sorted([base + "items/", base + "notes/",
                                      base + f"items/{ActionItem.objects.get().pk}/done/"])
    assert "/coop/" not in page  # no link into the cooperative's own dashboard


@pytest.mark.parametrize("page", ["coop:home", "coop:orders", "coop_followup:index",
                                  "coop_shipments:list", "coop_catalog:products"])
def test_coop_pages_stay_closed_to_a_mentor(client, setup, page):
    client.force_login(setup.mentor)
    assert client.get(reverse(page)).status_code == 403


def test_posts_by_a_mentor_to_coop_pages_are_refused_and_change_nothing(client, setup):
    _order, shipment = parcel(setup.a.cooperative, total="80.00")
    item = ActionItem.objects.create(cooperative=setup.a.cooperative, author=setup.mentor,
                                     title="Étiquettes", due_on=timezone.localdate())
    client.force_login(setup.mentor)
    posts = [
        (reverse("coop_shipments:ready", args=[shipment.pk]), {}),
        (reverse("coop:team"), {"email": "intrus@example.ma", "role": "manager"}),
        (reverse("coop_catalog:create"), {"name": "Huile"}),
        (reverse("coop_followup:item_done", args=[item.pk]), {}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    shipment.refresh_from_db()
    item.refresh_from_db()
    assert shipment.status == ShipmentStatus.AWAITING_PREPARATION
    assert item.done_at is None
    assert not setup.a.cooperative.invitations.exists()


def test_a_mentor_adds_a_note_and_sees_it_listed(client, setup):
    client.force_login(setup.mentor)
    response = client.post(reverse("mentor:note_add", args=[setup.a.cooperative.slug]),
                           {"body": "Visite du 12 : atelier prêt.\nSuite : certification."})
    assert response.status_code == 302
    note = FollowUpNote.objects.get()
    assert (note.cooperative, note.author) == (setup.a.cooperative, setup.mentor)
    assert note.body == "Visite du 12 : atelier prêt.\nSuite : certification."
    html = client.get(_detail(setup.a.cooperative)).content.decode()
    assert f'id="note-{note.pk}"' in html and "atelier prêt.<br>Suite" in html


def test_a_mentor_cannot_write_for_a_cooperative_it_does_not_mentor(client, setup):
    client.force_login(setup.mentor)
    slug = setup.b.cooperative.slug
    assert client.post(reverse("mentor:note_add", args=[slug]),
                       {"body": "Intrusion"}).status_code == 404
    assert client.post(reverse("mentor:item_add", args=[slug]),
                       {"title": "Intrusion", "due_on": "2026-12-31"}).status_code == 404
    item_b = ActionItem.objects.create(cooperative=setup.b.cooperative,
                                       author=setup.other_mentor, title="B",
                                       due_on=timezone.localdate())
    # its own cooperative's URL with the other cooperative's item: not found either
    url = reverse("mentor:item_done", args=[setup.a.cooperative.slug, item_b.pk])
    assert client.post(url).status_code == 404
    assert client.post(reverse("mentor:item_done", args=[slug, item_b.pk])).status_code == 404
    item_b.refresh_from_db()
    assert item_b.done_at is None
    assert not FollowUpNote.objects.exists() and ActionItem.objects.count() == 1


def test_a_get_on_the_write_urls_is_refused(client, setup):
    client.force_login(setup.mentor)
    slug = setup.a.cooperative.slug
    assert client.get(reverse("mentor:note_add", args=[slug])).status_code == 405
    assert client.post(_detail(setup.a.cooperative), {"body": "x"}).status_code == 405
    assert not FollowUpNote.objects.exists()


@pytest.mark.parametrize("body", ["", "   ", "avant\x00après", "x" * 5001, "x" * 1_000_000])
def test_bad_notes_give_form_errors_and_write_nothing(client, setup, body):
    client.force_login(setup.mentor)
    response = client.post(reverse("mentor:note_add", args=[setup.a.cooperative.slug]),
                           {"body": body})
    assert response.status_code == 400
    assert 'class="errorlist' in response.content.decode()
    assert not FollowUpNote.objects.exists()


@pytest.mark.parametrize("data", [
    {"title": "", "due_on": "2026-12-31"},
    {"title": "a\x00b", "due_on": "2026-12-31"},
    {"title": "x" * 301, "due_on": "2026-12-31"},
    {"title": "Étiquettes", "due_on": ""},
    {"title": "Étiquettes", "due_on": "31/31/2026"},
    {"title": "Étiquettes", "due_on": "99999-01-01"},
    {"title": "Étiquettes", "due_on": "2999-01-01"},
    {"title": "Étiquettes", "due_on": "1999-01-01"},
    {"title": "Étiquettes", "due_on": "2026-12-31\x00"},
])
def test_bad_action_items_give_form_errors_and_write_nothing(client, setup, data):
    client.force_login(setup.mentor)
    response = client.post(reverse("mentor:item_add", args=[setup.a.cooperative.slug]), data)
    assert response.status_code == 400
    assert 'class="errorlist' in response.content.decode()
    assert not ActionItem.objects.exists()


def test_an_action_item_emails_the_managers_once(client, setup, mailoutbox,
                                                django_capture_on_commit_callbacks):
    due = timezone.localdate() + timedelta(days=14)
    client.force_login(setup.mentor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("mentor:item_add", args=[setup.a.cooperative.slug]),
                               {"title": "Déposer le dossier bio", "due_on": due.isoformat()})
    assert response.status_code == 302
    item = ActionItem.objects.get()
    assert (item.cooperative, item.author, item.due_on) == (setup.a.cooperative, setup.mentor,
                                                           due)
    assert [m.to for m in mailoutbox] == [[setup.a.manager.email]]  # not the member, not B
    assert mailoutbox[0].subject == "Nouvelle action à mener : Déposer le dossier bio"
    assert "/coop/followup/" in mailoutbox[0].body


def test_the_mentor_marks_an_item_done_once(client, setup):
    item = ActionItem.objects.create(cooperative=setup.a.cooperative, author=setup.mentor,
                                     title="Étiquettes", due_on=timezone.localdate())
    client.force_login(setup.mentor)
    url = reverse("mentor:item_done", args=[setup.a.cooperative.slug, item.pk])
    assert client.post(url).status_code == 302
    item.refresh_from_db()
    done_at = item.done_at
    assert done_at is not None and item.done_by == setup.mentor
    assert client.post(url).status_code == 302  # a second click: a message, no change
    item.refresh_from_db()
    assert item.done_at == done_at


def test_the_note_page_renders_in_arabic(client, setup):
    FollowUpNote.objects.create(cooperative=setup.a.cooperative, author=setup.mentor,
                                body="ملاحظة")
    client.force_login(setup.mentor)
    response = client.get("/ar" + _detail(setup.a.cooperative))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'dir="rtl"' in html and "ملاحظة" in html
    assert "إضافة الملاحظة" in html and "فضاء المؤطِّر" in html


def test_overdue_items_are_marked(client, setup):
    ActionItem.objects.create(cooperative=setup.a.cooperative, author=setup.mentor,
                              title="En retard", due_on=timezone.localdate() - timedelta(days=3))
    client.force_login(setup.mentor)
    html = client.get(_detail(setup.a.cooperative)).content.decode()
    assert 'class="overdue"' in html


def test_shipments_of_the_cooperative_are_untouched_by_reading(client, setup):
    _order, shipment = parcel(setup.a.cooperative, total="80.00",
                              at=datetime.now(tz=timezone.get_current_timezone()))
    client.force_login(setup.mentor)
    client.get(_detail(setup.a.cooperative))
    assert Shipment.objects.get(pk=shipment.pk).status == ShipmentStatus.AWAITING_PREPARATION


def test_the_mentor_dashboard_queries_do_not_grow_with_notes_items_and_orders(client, setup):
    def add(index: int) -> None:
        FollowUpNote.objects.create(cooperative=setup.a.cooperative, author=setup.mentor,
                                    body=f"Note {index}")
        item = ActionItem.objects.create(cooperative=setup.a.cooperative, author=setup.mentor,
                                         title=f"Tâche {index}", due_on=timezone.localdate())
        if index % 2:
            ActionItem.objects.filter(pk=item.pk).update(done_at=timezone.now(),
                                                         done_by=setup.a.manager)
        parcel(setup.a.cooperative, total="10.00")

    for index in (0, 1):  # one of each: a note, an open item, a done item, a parcel
        add(index)
    client.force_login(setup.mentor)
    url = _detail(setup.a.cooperative)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for index in range(2, 6):
        add(index)
    with CaptureQueriesContext(connection) as many:
        html = client.get(url).content.decode()
    assert len(re.findall(r'id="note-\d+"', html)) == 6
    assert len(re.findall(r'id="item-\d+"', html)) == 6
    assert len(many) == len(few)
