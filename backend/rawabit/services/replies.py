"""Private conversations: a replier writes to the poster, then both write in that thread."""
from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.core.errors import DomainError
from backend.outbox.services import enqueue

from ..access import Party
from ..error_codes import RawabitErrorCode as Code
from ..models import Opportunity, OpportunityMessage, OpportunityReply
from .opportunities import MAX_TEXT, _clean_text


def _body(body: str) -> str:
    body = _clean_text(body, limit=MAX_TEXT)
    if not body:
        raise DomainError.single(Code.REQUIRED, _("Write a message."), "body")
    return body


def _add(reply: OpportunityReply, author, body: str) -> OpportunityMessage:
    message = OpportunityMessage.objects.create(reply=reply, author=author, body=body)
    OpportunityReply.objects.filter(pk=reply.pk).update(last_message_at=message.created_at)
    enqueue("backend.rawabit.tasks.message_notify", args=[message.pk],
            dedup_key=f"rawabit-message-{message.pk}")
    return message


def opportunity_reply(*, party: Party, opportunity_id: int, body: str) -> OpportunityMessage:
    """A party answers an open opportunity: its thread with the poster (made on first use)."""
    body = _body(body)
    with transaction.atomic():
        opportunity = Opportunity.objects.filter(pk=opportunity_id).first()
        if opportunity is None:
            raise DomainError.single(Code.NOT_FOUND, _("Opportunity not found."))
        if opportunity.is_poster(party.user) or (
                party.cooperative_id is not None
                and party.cooperative_id == opportunity.cooperative_id):
            raise DomainError.single(Code.OWN_OPPORTUNITY,
                                     _("You cannot reply to your own opportunity."))
        reply = OpportunityReply.objects.filter(opportunity=opportunity,
                                                replier=party.user).first()
        if reply is None:
            if not opportunity.is_open:
                raise DomainError.single(Code.NOT_OPEN,
                                         _("This opportunity is no longer open."))
            reply = OpportunityReply.objects.create(
                opportunity=opportunity, replier=party.user,
                replier_cooperative=party.cooperative, last_message_at=timezone.now())
        return _add(reply, party.user, body)


def message_post(*, user, reply_id: int, body: str) -> OpportunityMessage:
    """One of the two parties writes in their thread (anyone else: not found)."""
    body = _body(body)
    with transaction.atomic():
        reply = (OpportunityReply.objects.select_related("opportunity")
                 .filter(pk=reply_id).first())
        if reply is None or not reply.is_party(user):
            raise DomainError.single(Code.NOT_FOUND, _("Conversation not found."))
        return _add(reply, user, body)
