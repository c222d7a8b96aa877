"""Follow-up indicators of the network's programmes: what each one means, and the values a
cooperative (or its mentor) declares where the platform has no record of its own.

Computed indicators are never stored: they are read from orders, shipments, payouts and member
distributions each time (``selectors``), so a correction in those records shows at once.
"""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class IndicatorUnit(models.TextChoices):
    MAD = "mad", _("dirhams (MAD)")
    COUNT = "count", _("number")
    PERCENT = "percent", _("percent")


class IndicatorSource(models.TextChoices):
    COMPUTED = "computed", _("computed from the platform's records")
    DECLARED = "declared", _("declared by the cooperative or its mentor")


class IndicatorDefinition(models.Model):
    """An indicator's name and definition in fr/ar/en, so a committee knows what it reads."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    unit = models.CharField(_("unit"), max_length=16, choices=IndicatorUnit.choices)
    source = models.CharField(_("source"), max_length=16, choices=IndicatorSource.choices)
    name_fr = models.CharField(_("name (French)"), max_length=120)
    name_ar = models.CharField(_("name (Arabic)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    definition_fr = models.TextField(_("definition (French)"))
    definition_ar = models.TextField(_("definition (Arabic)"))
    definition_en = models.TextField(_("definition (English)"))

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("indicator definition")
        verbose_name_plural = _("indicator definitions")

    def __str__(self) -> str:
        return self.code

    def _pick(self, field: str, language: str | None) -> str:
        language = (language or get_language() or "fr")[:2]
        if language not in ("fr", "ar", "en"):
            language = "fr"
        return getattr(self, f"{field}_{language}") or getattr(self, f"{field}_fr")

    def name(self, language: str | None = None) -> str:
        return self._pick("name", language)

    def definition(self, language: str | None = None) -> str:
        return self._pick("definition", language)

    @property
    def is_declared(self) -> bool:
        return self.source == IndicatorSource.DECLARED


class DeclaredIndicator(models.Model):
    """One declared value of a cooperative for a month (the 1st of the month); the last
    declaration wins, and who made it is kept."""

    cooperative = models.ForeignKey("cooperatives.Cooperative", on_delete=models.CASCADE,
                                    related_name="declared_indicators")
    month = models.DateField(_("month"))
    code = models.SlugField(_("indicator"), max_length=40)
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    declared_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    declared_at = models.DateTimeField(_("declared at"), auto_now=True)

    class Meta:
        ordering = ["cooperative", "-month", "code"]
        verbose_name = _("declared indicator")
        verbose_name_plural = _("declared indicators")
        constraints = [
            models.UniqueConstraint(fields=["cooperative", "month", "code"],
                                    name="followup_one_value_per_month"),
            models.CheckConstraint(condition=Q(month__day=1), name="followup_month_first_day"),
            models.CheckConstraint(condition=Q(value__gte=0), name="followup_value_not_negative"),
        ]
        indexes = [models.Index(fields=["month", "cooperative"])]

    def __str__(self) -> str:
        return f"{self.cooperative_id} {self.month:%Y-%m} {self.code}={self.value}"
