"""The e-mail telling an applicant what a network admin decided about its business account."""
from __future__ import annotations

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from .models import BusinessAccount


def send_business_decision(*, account_id: int) -> bool:
    account = BusinessAccount.objects.select_related("user").filter(pk=account_id).first()
    if account is None or not account.user.email:
        return False
    with translation.override(account.user.language_code or "fr"):
        context = {"account": account}
        subject = render_to_string("business/email/decision_subject.txt", context).strip()
        body = render_to_string("business/email/decision.txt", context)
    send_mail(subject, body, None, [account.user.email])
    return True
