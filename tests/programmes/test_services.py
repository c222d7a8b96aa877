"""The follow-up services check the caller themselves and change nothing when they refuse."""
from __future__ import annotations

from datetime import date

import pytest

from backend.core.errors import DomainError
from backend.programmes.error_codes import ProgrammeErrorCode
from backend.programmes.models import ActionItem, FollowUpNote
from backend.programmes.services.followup import (
    action_item_create,
    action_item_mark_done,
    followup_note_create,
)

TODAY = date(2026, 12, 1)


def _code(excinfo) -> str:
    return excinfo.value.errors[0].code


def test_only_the_cooperatives_mentor_writes_notes(setup):
    for user in (setup.other_mentor, setup.a.manager, setup.a.member):
        with pytest.raises(DomainError) as excinfo:
            followup_note_create(author=user, cooperative_id=setup.a.cooperative.pk, body="x")
        assert _code(excinfo) == ProgrammeErrorCode.PERMISSION_DENIED
    assert not FollowUpNote.objects.exists()
    note = followup_note_create(author=setup.mentor, cooperative_id=setup.a.cooperative.pk,
                                body="  Bonne visite  ")
    assert note.body == "Bonne visite"


def test_action_item_due_dates_are_bounded(setup):
    kwargs = {"author": setup.mentor, "cooperative_id": setup.a.cooperative.pk,
              "title": "Étiquettes", "today": TODAY}
    for due in (date(2032, 1, 1), date(2025, 11, 1)):
        with pytest.raises(DomainError) as excinfo:
            action_item_create(due_on=due, **kwargs)
        assert (_code(excinfo), excinfo.value.errors[0].field) == ("invalid", "due_on")
    assert not ActionItem.objects.exists()
    item = action_item_create(due_on=date(2026, 12, 15), **kwargs)
    assert (item.title, item.due_on, item.done_at) == ("Étiquettes", date(2026, 12, 15), None)


def test_mark_done_by_mentor_or_manager_only(setup):
    item = ActionItem.objects.create(cooperative=setup.a.cooperative, author=setup.mentor,
                                     title="T", due_on=TODAY)
    for user in (setup.a.member, setup.other_mentor, setup.b.manager):
        with pytest.raises(DomainError) as excinfo:
            action_item_mark_done(user=user, cooperative_id=setup.a.cooperative.pk,
                                  item_id=item.pk)
        assert _code(excinfo) == ProgrammeErrorCode.PERMISSION_DENIED
    with pytest.raises(DomainError) as excinfo:  # scoped by the caller's cooperative
        action_item_mark_done(user=setup.b.manager, cooperative_id=setup.b.cooperative.pk,
                              item_id=item.pk)
    assert _code(excinfo) == ProgrammeErrorCode.NOT_FOUND
    item.refresh_from_db()
    assert item.done_at is None
    action_item_mark_done(user=setup.a.manager, cooperative_id=setup.a.cooperative.pk,
                          item_id=item.pk)
    with pytest.raises(DomainError) as excinfo:
        action_item_mark_done(user=setup.mentor, cooperative_id=setup.a.cooperative.pk,
                              item_id=item.pk)
    assert _code(excinfo) == ProgrammeErrorCode.ALREADY_DONE
    item.refresh_from_db()
    assert item.done_by == setup.a.manager
