"""The cooperative's side: /coop/followup/ lists its own notes and items, never another's;
managers mark items done, members only read."""
from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from backend.programmes.models import ActionItem, FollowUpNote
from tests.factories.catalog import UserFactory


@pytest.fixture
def followup(setup):
    today = timezone.localdate()
    return {
        "note_a": FollowUpNote.objects.create(cooperative=setup.a.cooperative,
                                              author=setup.mentor, body="Note pour A"),
        "note_b": FollowUpNote.objects.create(cooperative=setup.b.cooperative,
                                              author=setup.other_mentor, body="Note pour B"),
        "item_a": ActionItem.objects.create(cooperative=setup.a.cooperative,
                                            author=setup.mentor, title="Tâche A", due_on=today),
        "item_b": ActionItem.objects.create(cooperative=setup.b.cooperative,
                                            author=setup.other_mentor, title="Tâche B",
                                            due_on=today),
    }


@pytest.mark.parametrize("role", ["manager", "member"])
def test_a_cooperative_sees_only_its_own_notes_and_items_both_ways(client, setup, followup,
                                                                    role):
    for own, mine, theirs in ((setup.a, "A", "B"), (setup.b, "B", "A")):
        client.force_login(getattr(own, role))
        html = client.get(reverse("coop_followup:index")).content.decode()
        assert f"Note pour {mine}" in html and f"Tâche {mine}" in html
        assert f"Note pour {theirs}" not in html and f"Tâche {theirs}" not in html


def test_the_dashboard_nav_links_to_the_followup(client, setup):
    client.force_login(setup.a.member)
    html = client.get(reverse("coop:home")).content.decode()
    assert f'href="{reverse("coop_followup:index")}"' in html


def test_consumers_and_anonymous_get_nothing(client, setup, followup):
    response = client.get(reverse("coop_followup:index"))
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(UserFactory())
    assert client.get(reverse("coop_followup:index")).status_code == 403
    url = reverse("coop_followup:item_done", args=[followup["item_a"].pk])
    assert client.post(url).status_code == 403
    followup["item_a"].refresh_from_db()
    assert followup["item_a"].done_at is None


def test_a_manager_marks_its_own_item_done(client, setup, followup):
    client.force_login(setup.a.manager)
    html = client.get(reverse("coop_followup:index")).content.decode()
    url = reverse("coop_followup:item_done", args=[followup["item_a"].pk])
    assert f'action="{url}"' in html
    assert client.post(url).status_code == 302
    followup["item_a"].refresh_from_db()
    assert followup["item_a"].done_by == setup.a.manager and followup["item_a"].done_at


def test_a_member_reads_but_cannot_mark_done(client, setup, followup):
    client.force_login(setup.a.member)
    html = client.get(reverse("coop_followup:index")).content.decode()
    assert "<form" not in html.split('class="followup"', 1)[1]
    url = reverse("coop_followup:item_done", args=[followup["item_a"].pk])
    assert client.post(url).status_code == 403
    followup["item_a"].refresh_from_db()
    assert followup["item_a"].done_at is None


def test_a_manager_cannot_mark_another_cooperatives_item(client, setup, followup):
    client.force_login(setup.a.manager)
    url = reverse("coop_followup:item_done", args=[followup["item_b"].pk])
    assert client.post(url).status_code == 404
    assert client.post("/coop/followup/items/99999999999999999999/done/").status_code == 404
    followup["item_b"].refresh_from_db()
    assert followup["item_b"].done_at is None
