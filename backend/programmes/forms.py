"""Forms of the follow-up: cheap checks here, the rules in services/followup.py."""
from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .services.followup import NOTE_MAX_CHARS, TITLE_MAX_CHARS


class NoteForm(forms.Form):
    body = forms.CharField(label=_("Follow-up note"), max_length=NOTE_MAX_CHARS,
                           widget=forms.Textarea(attrs={"rows": 4}))


class ActionItemForm(forms.Form):
    title = forms.CharField(label=_("Action item"), max_length=TITLE_MAX_CHARS)
    due_on = forms.DateField(label=_("Due date"),
                             widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
