"""Follow-up writes: a mentor's notes and action items, and marking an action item done.

These are the only writes a mentor can make. Each service checks the caller's right itself (so
a page, an admin action or a future API share the rule) and changes nothing when refused.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.cooperatives.models import CooperativeStaff, StaffRole
from backend.core.errors import DomainError

from ..access import is_mentor_of
from ..error_codes import ProgrammeErrorCode
from ..models import ActionItem, FollowUpNote

NOTE_MAX_CHARS = 5000
TITLE_MAX_CHARS = 300
# An action item is due within the next five years and not before the last one.
DUE_PAST_DAYS = 366
DUE_FUTURE_DAYS = 5 * 366


def _clean_text(value: Any, *, field: str, max_chars: int) -> str:
    text = str(value or "").strip()
    if not text:
        raise DomainError.single(ProgrammeErrorCode.REQUIRED, _("This field is required."),
                                 field=field)
    if "\x00" in text:
        raise DomainError.single(ProgrammeErrorCode.INVALID,
                                 _("Null characters are not allowed."), field=field)
    if len(text) > max_chars:
        raise DomainError.single(
            ProgrammeErrorCode.TOO_LONG,
            _("At most %(count)d characters.") % {"count": max_chars}, field=field)
    return text


def _require_mentor(user: Any, cooperative_id: int) -> None:
    if not is_mentor_of(user, cooperative_id):
        raise DomainError.single(ProgrammeErrorCode.PERMISSION_DENIED,
                                 _("You are not the mentor of this cooperative."))


def followup_note_create(*, author: Any, cooperative_id: int, body: str) -> FollowUpNote:
    """A mentor's note on one of its cooperatives."""
    _require_mentor(author, cooperative_id)
    text = _clean_text(body, field="body", max_chars=NOTE_MAX_CHARS)
    with transaction.atomic():
        return FollowUpNote.objects.create(cooperative_id=cooperative_id, author=author,
                                           body=text)


def action_item_create(*, author: Any, cooperative_id: int, title: str, due_on: date,
                       today: date | None = None) -> ActionItem:
    """A mentor's action item; the cooperative's managers are emailed once it commits."""
    _require_mentor(author, cooperative_id)
    text = _clean_text(title, field="title", max_chars=TITLE_MAX_CHARS)
    today = today or timezone.localdate()
    if not isinstance(due_on, date) or not (
            today - timedelta(days=DUE_PAST_DAYS) <= due_on
            <= today + timedelta(days=DUE_FUTURE_DAYS)):
        raise DomainError.single(ProgrammeErrorCode.INVALID,
                                 _("Choose a due date within the next five years."),
                                 field="due_on")
    from backend.outbox.services import enqueue

    with transaction.atomic():
        item = ActionItem.objects.create(cooperative_id=cooperative_id, author=author,
                                         title=text, due_on=due_on)
        enqueue("backend.programmes.tasks.action_item_notify", args=[item.pk],
                dedup_key=f"action-item-created:{item.pk}")
    return item


def _may_mark_done(user: Any, item: ActionItem) -> bool:
    if is_mentor_of(user, item.cooperative_id):
        return True
    return CooperativeStaff.objects.filter(user=user, cooperative_id=item.cooperative_id,
                                           role=StaffRole.MANAGER).exists()


def action_item_mark_done(*, user: Any, cooperative_id: int, item_id: int) -> ActionItem:
    """Mark an item done: by the cooperative's mentor or one of its managers.

    ``cooperative_id`` is the cooperative the caller acts for: an item of another cooperative
    is not found. Locks the item row, so two clicks record one completion.
    """
    with transaction.atomic():
        item = (ActionItem.objects.select_for_update()
                .filter(pk=item_id, cooperative_id=cooperative_id).first())
        if item is None:
            raise DomainError.single(ProgrammeErrorCode.NOT_FOUND, _("Action item not found."))
        if not getattr(user, "is_authenticated", False) or not _may_mark_done(user, item):
            raise DomainError.single(ProgrammeErrorCode.PERMISSION_DENIED,
                                     _("You may not change this action item."))
        if item.done_at is not None:
            raise DomainError.single(ProgrammeErrorCode.ALREADY_DONE,
                                     _("This action item is already done."))
        item.done_at = timezone.now()
        item.done_by = user
        item.save(update_fields=["done_at", "done_by"])
        return item
