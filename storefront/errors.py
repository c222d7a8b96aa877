"""Showing a service's ``DomainError`` on a Django form, next to the field it names.

Services name fields as the API does (``streetAddress1``, ``postalCode``...); each form says
which of its fields answers to which name. A field the form does not show becomes an error of
the whole form, so no message is ever lost.
"""
from __future__ import annotations

from collections.abc import Mapping

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS

from backend.core.errors import DomainError


def add_domain_errors(form: forms.Form, error: DomainError,
                      fields: Mapping[str, str] | None = None) -> None:
    """Attach each ``{field, code, message}`` of ``error`` to the matching form field.

    ``fields`` maps the service's field names to the form's; by default a field of the same
    name is used.
    """
    fields = fields or {}
    for item in error.errors:
        name = fields.get(item.field or "", item.field or "")
        target = name if name in form.fields else None
        message = str(item.message)
        existing = form.errors.get(target or NON_FIELD_ERRORS, [])
        if message in existing:
            continue
        form.add_error(target, forms.ValidationError(message, code=str(item.code)))


def add_variant_errors(form: forms.Form, error: DomainError,
                       field_for_variant: Mapping[object, str]) -> None:
    """Like ``add_domain_errors`` for errors that name variants (a cart line's quantity)."""
    for item in error.errors:
        targets = [field_for_variant[v] for v in item.variants if v in field_for_variant]
        for target in targets or [None]:
            form.add_error(target if target in form.fields else None,
                           forms.ValidationError(str(item.message), code=str(item.code)))
