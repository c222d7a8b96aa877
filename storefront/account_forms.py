"""Forms of the account pages; the rules (passwords, unique e-mails, tokens) are the services'."""
from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

ACCOUNT_FIELDS = {"email": "email", "password": "password", "firstName": "first_name",
                  "lastName": "last_name", "token": None, "languageCode": "language_code",
                  "oldPassword": "old_password", "newPassword": "new_password"}


def _email_field(**kwargs: Any) -> forms.CharField:
    """An e-mail input whose format the service checks (so its message is the one shown)."""
    return forms.CharField(label=_("E-mail"), max_length=254, widget=forms.EmailInput(
        attrs={"autocomplete": "email", "dir": "ltr"}), **kwargs)


def _password_field(label: Any, autocomplete: str) -> forms.CharField:
    return forms.CharField(label=label, max_length=128, strip=False,
                           widget=forms.PasswordInput(attrs={"autocomplete": autocomplete,
                                                             "dir": "ltr"}))


class RegisterForm(forms.Form):
    email = _email_field()
    password = _password_field(_("Password"), "new-password")
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = _("At least 8 characters, not only digits.")
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"


class SignInForm(AuthenticationForm):
    """Django's sign-in form, reading the e-mail address as the API does (trimmed, lower case)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("E-mail")
        self.fields["username"].widget = forms.EmailInput(
            attrs={"autocomplete": "email", "dir": "ltr", "autofocus": True})
        self.fields["password"].widget.attrs["dir"] = "ltr"

    def clean_username(self) -> str:
        return (self.cleaned_data.get("username") or "").replace("\x00", "").strip().lower()


class PasswordResetForm(forms.Form):
    email = _email_field()


class PasswordSetForm(forms.Form):
    email = forms.CharField(max_length=254, widget=forms.HiddenInput)
    token = forms.CharField(max_length=128, widget=forms.HiddenInput)
    password = _password_field(_("New password"), "new-password")


class ProfileForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    language_code = forms.ChoiceField(label=_("Language of our e-mails"),
                                      choices=settings.LANGUAGES)


class PasswordChangeForm(forms.Form):
    old_password = _password_field(_("Current password"), "current-password")
    new_password = _password_field(_("New password"), "new-password")


class AccountConfirmForm(forms.Form):
    """The e-mail and token of the confirmation link, posted back (a GET changes nothing)."""

    email = forms.CharField(max_length=254, widget=forms.HiddenInput)
    token = forms.CharField(max_length=128, widget=forms.HiddenInput)


class AccountDeleteForm(forms.Form):
    token = forms.CharField(max_length=128, widget=forms.HiddenInput)
