"""Product and variant texts in Arabic and English (French is stored on the product itself)."""
from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Product, ProductTranslation, ProductVariantTranslation
from .common import (
    LANGUAGES,
    UNSET,
    Code,
    description_clean,
    error,
    product_owned,
    text_clean,
    variant_owned,
)
from .derived import product_refresh_derived


def language_clean(language_code: object) -> str:
    """``fr``/``ar``/``en`` from e.g. ``AR``, ``ar-MA`` or ``AR_MA``; else INVALID."""
    code = str(language_code or "").strip().lower().replace("_", "-")
    code = code.split("-")[0]
    if code not in LANGUAGES:
        raise error(Code.INVALID, _("This language is not offered."), "languageCode")
    return code


@transaction.atomic
def product_translation_set(*, cooperative_id: int, product_id: int | str,
                            language_code: str, name: Any = UNSET, description: Any = UNSET,
                            seo_title: Any = UNSET,
                            seo_description: Any = UNSET) -> Product:
    """Set the caller's product texts in one language; in French this edits the product.

    A translation left with no text at all is removed, so it shows as missing again.
    """
    language = language_clean(language_code)
    product = product_owned(cooperative_id=cooperative_id, product_id=product_id, lock=True)
    if language == "fr":
        target: Any = product
    else:
        target = (ProductTranslation.objects.filter(product=product, language_code=language)
                  .first() or ProductTranslation(product=product, language_code=language))
    if name is not UNSET:
        target.name = text_clean(name, "name", max_length=250, required=language == "fr")
    if description is not UNSET:
        target.description = description_clean(description)
    if seo_title is not UNSET:
        target.seo_title = text_clean(seo_title, "seoTitle", max_length=70)
    if seo_description is not UNSET:
        target.seo_description = text_clean(seo_description, "seoDescription",
                                            max_length=300)
    if language != "fr" and not (target.name or target.description.get("blocks")
                                 or target.seo_title or target.seo_description):
        if target.pk:
            target.delete()
    else:
        target.save()
    product_refresh_derived(product=product)
    product.refresh_from_db()
    return product


@transaction.atomic
def variant_translation_set(*, cooperative_id: int, variant_id: int | str,
                            language_code: str, name: str) -> ProductVariantTranslation | None:
    """Name the caller's variant in one language (French: the variant's own name)."""
    language = language_clean(language_code)
    variant = variant_owned(cooperative_id=cooperative_id, variant_id=variant_id, lock=True)
    name = text_clean(name, "name", max_length=255)
    if language == "fr":
        variant.name = name
        variant.save(update_fields=["name", "updated_at"])
        return None
    if not name:
        ProductVariantTranslation.objects.filter(variant=variant,
                                                 language_code=language).delete()
        return None
    translation, _created = ProductVariantTranslation.objects.update_or_create(
        variant=variant, language_code=language, defaults={"name": name})
    return translation
