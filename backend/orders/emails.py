"""Building and sending order e-mails in the customer's language."""
from __future__ import annotations

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from .models import Order


def send_order_confirmation(*, order_id: str) -> bool:
    order = (Order.objects.filter(pk=order_id).prefetch_related("lines", "deliveries")
             .select_related("shipping_address").first())
    if order is None or not order.user_email:
        return False
    with translation.override(order.language_code or "fr"):
        context = {"order": order}
        subject = render_to_string("orders/email/confirmation_subject.txt", context).strip()
        body = render_to_string("orders/email/confirmation.txt", context)
    send_mail(subject, body, None, [order.user_email])
    return True
