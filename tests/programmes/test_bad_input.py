"""The project's bad-input corpus through the mentor forms: never a 500, a refused form saves
nothing, an accepted one saves the text as cleaned (and the page escapes it)."""
from __future__ import annotations

import pytest
from django.urls import reverse

from backend.programmes.models import ActionItem, FollowUpNote
from tests.badinput.corpus import STRINGS

DUES = ["2026-12-31", "", "0000-00-00", "2026-02-30", "9" * 400, "-1", "NaN", "2026-12-31\x00",
        "\u0662\u0660\u0662\u0666-\u0661\u0662-\u0663\u0661"]


@pytest.mark.parametrize("name", sorted(STRINGS))
def test_corpus_notes_never_fail_and_refusals_save_nothing(client, setup, name):
    value = STRINGS[name]
    client.force_login(setup.mentor)
    response = client.post(reverse("mentor:note_add", args=[setup.a.cooperative.slug]),
                           {"body": value})
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert not FollowUpNote.objects.exists()
    else:
        note = FollowUpNote.objects.get()
        assert note.body == value.strip().replace("\r\n", "\n").replace("\r", "\n") or \
            note.body == value.strip()
        html = client.get(reverse("mentor:cooperative",
                                  args=[setup.a.cooperative.slug])).content.decode()
        assert "<script>alert(1)" not in html


@pytest.mark.parametrize("due", DUES)
@pytest.mark.parametrize("name", ["nul", "huge-1mb", "html", "arabic", "sql-drop", "empty"])
def test_corpus_action_items_never_fail_and_refusals_save_nothing(client, setup, name, due):
    client.force_login(setup.mentor)
    response = client.post(reverse("mentor:item_add", args=[setup.a.cooperative.slug]),
                           {"title": STRINGS[name], "due_on": due})
    assert response.status_code in (302, 400)
    assert ActionItem.objects.exists() == (response.status_code == 302)
