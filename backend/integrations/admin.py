"""Network admins make apps and their tokens; a new token's value is shown once."""
from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from .models import App, AppToken
from .permissions import PERMISSION_CHOICES
from .services import app_token_create


class AppForm(forms.ModelForm):
    permissions = forms.MultipleChoiceField(
        label=_("permissions"), choices=PERMISSION_CHOICES, required=False,
        widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = App
        fields = ["name", "identifier", "is_active", "permissions", "metadata"]


class AppTokenInline(admin.TabularInline):
    model = AppToken
    extra = 0
    fields = ["name", "token_last_4", "created_at"]
    readonly_fields = ["name", "token_last_4", "created_at"]
    can_delete = True
    show_change_link = False

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False  # tokens are made on the app token page, which shows the value once


@admin.register(App)
class AppAdmin(admin.ModelAdmin):
    form = AppForm
    list_display = ["name", "is_active", "created_at"]
    list_filter = ["is_active"]
    inlines = [AppTokenInline]


class AppTokenForm(forms.ModelForm):
    class Meta:
        model = AppToken
        fields = ["app", "name"]


@admin.register(AppToken)
class AppTokenAdmin(admin.ModelAdmin):
    form = AppTokenForm
    list_display = ["__str__", "app", "token_last_4", "created_at"]
    list_filter = ["app"]

    def get_readonly_fields(self, request: Any, obj: Any = None) -> list[str]:
        return ["app", "token_last_4", "created_at"] if obj else []

    def save_model(self, request: Any, obj: AppToken, form: Any, change: bool) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        # The form already refused NUL characters and over-long names.
        created = app_token_create(app=obj.app, name=obj.name)
        obj.pk = created.token.pk
        obj.token_hash, obj.token_last_4 = created.token.token_hash, created.token.token_last_4
        obj.created_at = created.token.created_at
        messages.warning(request, _("The token of %(app)s, shown only now — copy it: %(token)s")
                         % {"app": obj.app.name, "token": created.raw})
