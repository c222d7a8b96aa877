"""Morocco's 12 regions (ISO 3166-2:MA) and their main cities, loaded by a data migration."""
from __future__ import annotations

from django.db import models
from django.utils.translation import get_language


class LocalizedNameMixin:
    """Pick the name in the active language (fr is the stored default)."""

    name: str
    name_ar: str
    name_en: str

    def localized_name(self, language: str | None = None) -> str:
        language = (language or get_language() or "fr")[:2]
        return {"ar": self.name_ar, "en": self.name_en}.get(language) or self.name


class Region(LocalizedNameMixin, models.Model):
    code = models.CharField(max_length=5, unique=True, help_text="ISO 3166-2:MA, e.g. MA-09")
    slug = models.SlugField(max_length=64, unique=True)
    name = models.CharField(max_length=100)
    name_ar = models.CharField(max_length=100)
    name_en = models.CharField(max_length=100)
    capital = models.CharField(max_length=100)
    latitude = models.DecimalField(max_digits=9, decimal_places=6)
    longitude = models.DecimalField(max_digits=9, decimal_places=6)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class City(LocalizedNameMixin, models.Model):
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="cities")
    slug = models.SlugField(max_length=64, unique=True)
    name = models.CharField(max_length=100)
    name_ar = models.CharField(max_length=100)
    name_en = models.CharField(max_length=100)
    latitude = models.DecimalField(max_digits=9, decimal_places=6)
    longitude = models.DecimalField(max_digits=9, decimal_places=6)
    postal_code = models.CharField(max_length=5, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "cities"

    def __str__(self) -> str:
        return self.name
