"""Small shared pieces of the catalog models."""
from __future__ import annotations

from django.db import models
from django.utils.translation import get_language


class ModelWithMetadata(models.Model):
    """Saleor's public and private metadata (key/value strings)."""

    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        abstract = True


def active_language(language: str | None = None) -> str:
    return (language or get_language() or "fr")[:2].lower()


class TranslatableMixin:
    """Read a translated attribute from prefetched ``translations`` (fr is stored on the model)."""

    def translation_for(self, language: str | None = None):
        language = active_language(language)
        if language == "fr":
            return None
        for translation in self.translations.all():  # type: ignore[attr-defined]
            if translation.language_code == language:
                return translation
        return None

    def translated(self, field: str, language: str | None = None):
        translation = self.translation_for(language)
        value = getattr(translation, field, None) if translation else None
        return value or getattr(self, field)
