"""An ``App`` calls the API with an ``AppToken``; only a hash of each token is stored."""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from catalog.models.base import ModelWithMetadata

from .permissions import PERMISSIONS


def validate_permissions(value: object) -> None:
    if not isinstance(value, list) or any(code not in PERMISSIONS for code in value):
        raise ValidationError(_("Unknown permission code."))


class App(ModelWithMetadata):
    name = models.CharField(_("name"), max_length=60)
    identifier = models.CharField(_("identifier"), max_length=256, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    permissions = models.JSONField(_("permissions"), default=list, blank=True,
                                   validators=[validate_permissions],
                                   help_text=_("Saleor permission codes, e.g. MANAGE_ORDERS."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("app")
        verbose_name_plural = _("apps")

    def __str__(self) -> str:
        return self.name

    def has_permission(self, code: str) -> bool:
        return self.is_active and code in (self.permissions or [])


class AppToken(models.Model):
    app = models.ForeignKey(App, on_delete=models.CASCADE, related_name="tokens",
                            verbose_name=_("app"))
    name = models.CharField(_("name"), max_length=128, blank=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    token_last_4 = models.CharField(_("last 4 characters"), max_length=4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("app token")
        verbose_name_plural = _("app tokens")

    def __str__(self) -> str:
        return f"{self.name or self.app.name} (…{self.token_last_4})"
