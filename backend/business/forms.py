"""Forms of the pro space: registration and adding wholesale quantities to the cart."""
from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import BusinessKind


class RegisterForm(forms.Form):
    company_name = forms.CharField(label=_("Company name"), max_length=200)
    ice = forms.CharField(label=_("ICE number"), max_length=20,
                          help_text=_("Identifiant commun de l'entreprise: 15 digits."))
    kind = forms.ChoiceField(label=_("Kind of business"), choices=BusinessKind.choices)
    street_address = forms.CharField(label=_("Address"), max_length=256)
    postal_code = forms.CharField(label=_("Postal code"), max_length=10, required=False)
    city = forms.CharField(label=_("City"), max_length=128)
    phone = forms.CharField(label=_("Phone"), max_length=32)
    email = forms.EmailField(label=_("Your email (to sign in)"))
    password = forms.CharField(label=_("Choose a password"), max_length=128,
                               widget=forms.PasswordInput(render_value=False))

    def __init__(self, *args, signed_in: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if signed_in:  # the signed-in account becomes the business account's
            del self.fields["email"]
            del self.fields["password"]


class ProAddForm(forms.Form):
    variant = forms.IntegerField(min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput)
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1, max_value=100_000)
