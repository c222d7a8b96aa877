"""Emails of the follow-up, each in the recipient's language."""
from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from backend.cooperatives.models import CooperativeStaff, StaffRole

from .models import ActionItem


def _origin() -> str:
    return (getattr(settings, "PUBLIC_URL", "") or "http://127.0.0.1:8000").rstrip("/")


def send_action_item_created(*, action_item_id: int) -> int:
    item = (ActionItem.objects.select_related("cooperative", "author")
            .filter(pk=action_item_id).first())
    if item is None:
        return 0
    managers = [s.user for s in CooperativeStaff.objects.filter(
        cooperative_id=item.cooperative_id, role=StaffRole.MANAGER, user__is_active=True)
        .select_related("user").order_by("pk")]
    for user in managers:
        with translation.override(user.language_code or "fr"):
            context = {"item": item, "cooperative": item.cooperative,
                       "url": _origin() + reverse("coop_followup:index")}
            subject = " ".join(render_to_string(
                "programmes/email/action_item_subject.txt", context).split())
            body = render_to_string("programmes/email/action_item.txt", context)
        send_mail(subject, body, None, [user.email])
    return len(managers)
