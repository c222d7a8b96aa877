"""The committed .mo files match the .po files, and every storefront string is translated."""
from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import translation

LOCALE = Path(settings.BASE_DIR) / "locale"


def _catalog(language: str):
    with open(LOCALE / language / "LC_MESSAGES" / "django.po", "rb") as po:
        return read_po(po)


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_the_compiled_catalog_says_what_the_po_file_says(language):
    checked = 0
    with translation.override(language):
        for message in _catalog(language):
            if not message.id or isinstance(message.id, tuple) or not message.string:
                continue
            if message.context:
                shown = translation.pgettext(message.context, message.id)
            else:
                shown = translation.gettext(message.id)
            assert shown == message.string, message.id
            checked += 1
    assert checked > 90
    assert (LOCALE / language / "LC_MESSAGES" / "django.mo").exists()


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_every_storefront_string_is_translated(language):
    untranslated = [
        message.id for message in _catalog(language)
        if message.id and any(path.startswith("storefront/") for path, _line in message.locations)
        and not (all(message.string) if isinstance(message.string, tuple) else message.string)
    ]
    assert untranslated == []


def test_arabic_plurals_use_the_six_arabic_forms():
    with translation.override("ar"):
        forms = [translation.ngettext("%(counter)s product", "%(counter)s products", n)
                 % {"counter": n} for n in (0, 1, 2, 5, 11, 100)]
    assert forms == ["0 منتج", "1 منتج", "2 منتجان", "5 منتجات", "11 منتجًا", "100 منتج"]
