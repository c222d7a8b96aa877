"""The monthly form of declared indicators."""
from __future__ import annotations

from django import forms
from django.utils.translation import get_language

from . import definitions as d

LANGUAGES = ("fr", "ar", "en")


def indicator_name(code: str, language: str | None = None) -> str:
    """An indicator's name from the definitions module (no query)."""
    language = (language or get_language() or "fr")[:2]
    names = d.BY_CODE[code].name
    return names[LANGUAGES.index(language)] if language in LANGUAGES else names[0]


class DeclaredIndicatorsForm(forms.Form):
    """One whole-number field per declared indicator; blank means not declared."""

    def __init__(self, *args, initial_values: dict | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for code in d.DECLARED_CODES:
            value = (initial_values or {}).get(code)
            self.fields[code] = forms.DecimalField(
                label=indicator_name(code), required=False, min_value=0, max_value=999999999,
                max_digits=9, decimal_places=0,
                initial=None if value is None else int(value),
                widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0, "step": 1}))
