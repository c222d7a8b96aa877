"""Rawabit emails, each in the recipient's language."""
from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .matching import recipients
from .models import Opportunity, OpportunityMessage


def _origin() -> str:
    return (getattr(settings, "PUBLIC_URL", "") or "http://127.0.0.1:8000").rstrip("/")


def _send(template: str, context: dict, user) -> None:
    with translation.override(user.language_code or "fr"):
        subject = " ".join(render_to_string(f"rawabit/email/{template}_subject.txt",
                                            context).split())
        body = render_to_string(f"rawabit/email/{template}.txt", context)
    send_mail(subject, body, None, [user.email])


def _url(name: str, args: list, user) -> str:
    with translation.override(user.language_code or "fr"):
        return _origin() + reverse(name, args=args)


def send_opportunity_matches(*, opportunity_id: int) -> int:
    """One email to each matching party; returns how many were sent."""
    opportunity = (Opportunity.objects.select_related("region", "category", "cooperative")
                   .filter(pk=opportunity_id).first())
    if opportunity is None:
        return 0
    sent = 0
    for user in recipients(opportunity):
        _send("match", {"opportunity": opportunity,
                        "url": _url("rawabit:detail", [opportunity.pk], user)}, user)
        sent += 1
    return sent


def send_new_message(*, message_id: int) -> bool:
    """Tell the other party of the conversation that a message arrived."""
    message = (OpportunityMessage.objects.select_related("reply__opportunity__posted_by",
                                                         "reply__replier")
               .filter(pk=message_id).first())
    if message is None:
        return False
    reply = message.reply
    other = (reply.replier if message.author_id == reply.opportunity.posted_by_id
             else reply.opportunity.posted_by)
    if not other.is_active:
        return False
    _send("message", {"opportunity": reply.opportunity, "message": message,
                      "url": _url("rawabit:thread", [reply.pk], other)}, other)
    return True
