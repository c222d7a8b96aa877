"""Emails to cooperative staff, each in the recipient's language."""
from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Cooperative, CooperativeInvitation, CooperativeStaff, StaffRole


def _managers(cooperative_id: int) -> list:
    return [s.user for s in CooperativeStaff.objects.filter(
        cooperative_id=cooperative_id, role=StaffRole.MANAGER, user__is_active=True)
        .select_related("user").order_by("pk")]


def _origin(base_url: str = "") -> str:
    return (base_url or getattr(settings, "PUBLIC_URL", "") or "http://127.0.0.1:8000").rstrip("/")


def _send(template: str, context: dict, user_or_email, language: str) -> None:
    email = getattr(user_or_email, "email", user_or_email)
    with translation.override(language or "fr"):
        subject = " ".join(render_to_string(f"cooperatives/email/{template}_subject.txt",
                                            context).split())
        body = render_to_string(f"cooperatives/email/{template}.txt", context)
    send_mail(subject, body, None, [email])


def send_low_stock_alert(*, cooperative_id: int, variant_ids: list[int]) -> int:
    from catalog.models import ProductVariant

    cooperative = Cooperative.objects.filter(pk=cooperative_id).first()
    variants = list(ProductVariant.objects.filter(pk__in=variant_ids)
                    .select_related("product", "stock").order_by("product__name", "sort_order"))
    if cooperative is None or not variants:
        return 0
    sent = 0
    for user in _managers(cooperative_id):
        with translation.override(user.language_code or "fr"):
            url = _origin() + reverse("coop:home")
        _send("low_stock", {"cooperative": cooperative, "variants": variants, "url": url},
              user, user.language_code)
        sent += 1
    return sent


def send_status_change(*, cooperative_id: int, status: str) -> int:
    cooperative = Cooperative.objects.filter(pk=cooperative_id).first()
    if cooperative is None:
        return 0
    sent = 0
    for user in _managers(cooperative_id):
        with translation.override(user.language_code or "fr"):
            url = _origin() + reverse("coop:home")
        _send("status", {"cooperative": cooperative, "approved": status == "approved",
                         "url": url}, user, user.language_code)
        sent += 1
    return sent


def send_invitation(*, invitation_id: int, token: str, base_url: str = "") -> bool:
    invitation = (CooperativeInvitation.objects.select_related("cooperative", "invited_by")
                  .filter(pk=invitation_id).first())
    if invitation is None:
        return False
    language = getattr(invitation.invited_by, "language_code", "") or "fr"
    with translation.override(language):
        url = _origin(base_url) + reverse("coop:invitation", args=[token])
    _send("invitation", {"invitation": invitation, "cooperative": invitation.cooperative,
                         "url": url}, invitation.email, language)
    return True
