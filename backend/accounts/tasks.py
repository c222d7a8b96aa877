"""Account e-mails, sent by Celery after commit in the user's language."""
from __future__ import annotations

from urllib.parse import urlencode

from celery import shared_task
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from .models import User


def _link(redirect_url: str, **params: str) -> str:
    """``redirect_url`` with the e-mail and token added, as Saleor builds its links."""
    separator = "&" if "?" in redirect_url else "?"
    return f"{redirect_url}{separator}{urlencode(params)}"


def _send(user: User, template: str, link: str) -> None:
    with translation.override(user.language_code or "fr"):
        subject = render_to_string(f"accounts/email/{template}_subject.txt").strip()
        body = render_to_string(f"accounts/email/{template}.txt", {"user": user, "link": link})
    send_mail(subject, body, None, [user.email])


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_password_reset(user_id: int, token: str, redirect_url: str) -> bool:
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return False
    _send(user, "password_reset", _link(redirect_url, email=user.email, token=token))
    return True


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_account_confirmation(user_id: int, token: str, redirect_url: str) -> bool:
    """Saleor's confirmation link: ``redirectUrl?email=…&token=…``."""
    user = User.objects.filter(pk=user_id, is_active=True, is_confirmed=False).first()
    if user is None:
        return False
    _send(user, "account_confirm", _link(redirect_url, email=user.email, token=token))
    return True


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_account_deletion(user_id: int, token: str, redirect_url: str) -> bool:
    """Saleor's deletion link: ``redirectUrl?token=…``."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return False
    _send(user, "account_delete", _link(redirect_url, token=token))
    return True
