"""Account e-mails, sent by Celery after commit in the user's language."""
from __future__ import annotations

from urllib.parse import urlencode

from celery import shared_task
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from .models import User


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_password_reset(user_id: int, token: str, redirect_url: str) -> bool:
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return False
    separator = "&" if "?" in redirect_url else "?"
    link = f"{redirect_url}{separator}{urlencode({'email': user.email, 'token': token})}"
    with translation.override(user.language_code or "fr"):
        subject = render_to_string("accounts/email/password_reset_subject.txt").strip()
        body = render_to_string("accounts/email/password_reset.txt", {"user": user, "link": link})
    send_mail(subject, body, None, [user.email])
    return True
