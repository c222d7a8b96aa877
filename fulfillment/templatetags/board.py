"""Template helpers of the partner board."""
from __future__ import annotations

import uuid

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def idempotency_field() -> SafeString:
    """A fresh key per rendered form: re-sending that form (offline queue, double tap) is one
    step, while a new render is a new step."""
    return format_html('<input type="hidden" name="idempotency_key" value="{}">', uuid.uuid4().hex)


@register.filter
def money(amount, currency: str = "MAD") -> str:
    """An amount as the reader's language writes it (``180,00 MAD``, ``١٨٠٫٠٠ د.م.``)."""
    from django.utils.translation import get_language

    from backend.core.money import format_money

    return format_money(amount, currency or "MAD", get_language() or "fr")


@register.filter
def km(value) -> str:
    """Kilometres with one decimal in the reader's notation (``12,5`` in French)."""
    from django.utils.formats import number_format

    return number_format(round(float(value or 0), 1), 1)
