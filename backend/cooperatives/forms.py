"""Forms of the cooperative pages: they render and do the cheap checks; the rules live in the
services, whose errors are put back on the fields (``errors_to_form``)."""
from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from backend.core.errors import DomainError
from fulfillment.models import City

from .models import StaffRole


class CityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: City) -> str:
        return f"{obj.localized_name()} — {obj.region.localized_name()}"


class SignupForm(forms.Form):
    name = forms.CharField(label=_("Cooperative name"), max_length=200)
    odco_number = forms.CharField(
        label=_("ODCO registration number"), max_length=32,
        help_text=_("As on your certificate of the Office du Développement de la Coopération, "
                    "e.g. ODCO-09-2004-0173."))
    city = CityChoiceField(label=_("City"), queryset=City.objects.none(),
                           help_text=_("The city sets the region."))
    phone = forms.CharField(label=_("Phone"), max_length=32, required=False)
    email = forms.EmailField(label=_("Contact email"), required=False)
    manager_first_name = forms.CharField(label=_("Your first name"), max_length=150,
                                         required=False)
    manager_last_name = forms.CharField(label=_("Your last name"), max_length=150,
                                        required=False)
    manager_email = forms.EmailField(label=_("Your email (to sign in)"))
    manager_password = forms.CharField(label=_("Choose a password"), max_length=128,
                                       widget=forms.PasswordInput(render_value=False))

    def __init__(self, *args, signed_in: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = City.objects.select_related("region").order_by("name")
        if signed_in:  # the signed-in account becomes the manager
            for name in ("manager_first_name", "manager_last_name", "manager_email",
                         "manager_password"):
                del self.fields[name]


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Email"), max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=StaffRole.choices,
                             initial=StaffRole.MEMBER)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=StaffRole.choices)


class AcceptForm(forms.Form):
    first_name = forms.CharField(label=_("Your first name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Your last name"), max_length=150, required=False)
    password = forms.CharField(label=_("Choose a password"), max_length=128,
                               widget=forms.PasswordInput(render_value=False))


FIELD_ALIASES = {"password": "manager_password"}


def errors_to_form(form: forms.Form, error: DomainError, aliases: dict | None = None) -> None:
    """Put a service's errors on the form's fields (or on the form when no field matches)."""
    aliases = aliases or {}
    for item in error.errors:
        field = aliases.get(item.field or "", item.field)
        form.add_error(field if field in form.fields else None, item.message)
