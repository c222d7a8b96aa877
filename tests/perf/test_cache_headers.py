"""Versioned files are cached by browsers and CDNs for a year without revalidation; the rest
is not cached for ever."""
from __future__ import annotations

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from PIL import Image

from catalog.models import ProductMedia
from catalog.thumbnails import media_create_thumbnails, thumbnail_url
from tests.factories.catalog import make_listed_product

pytestmark = pytest.mark.django_db

IMMUTABLE = re.compile(r"(^|, )immutable(,|$)")


@pytest.fixture
def production(settings, tmp_path):
    settings.DEBUG = False
    settings.SECRET_KEY = "production-secret-for-the-test-only-0123456789"
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "backend.core.static_storage.StaticFilesStorage"}}
    return settings


def test_a_thumbnail_is_immutable_and_the_original_photo_is_not(production, channel,
                                                                cooperative):
    product = make_listed_product(channel=channel, cooperative=cooperative)
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), (200, 150, 40)).save(buffer, format="JPEG")
    media = ProductMedia(product=product)
    media.image.save("miel.jpg", ContentFile(buffer.getvalue()), save=True)
    media_create_thumbnails(media=media)

    thumbnail = Client().get(thumbnail_url(media, 256), secure=True)
    original = Client().get(media.image.url, secure=True)

    assert thumbnail.status_code == original.status_code == 200
    assert thumbnail["Cache-Control"] == "public, max-age=31536000, immutable"
    assert original["Cache-Control"] == "public, max-age=86400"
    assert not IMMUTABLE.search(original["Cache-Control"])


def test_a_hashed_static_file_is_immutable_and_its_plain_name_is_not(production):
    call_command("collectstatic", interactive=False, verbosity=0)
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.templatetags.static import static

    staticfiles_storage._setup()  # the storage of the settings above, with its manifest
    hashed = static("storefront/site.css")
    assert re.search(r"site\.[0-9a-f]{12}\.css$", hashed)

    versioned = Client().get(hashed, secure=True)
    plain = Client().get("/static/storefront/site.css", secure=True)

    assert versioned.status_code == plain.status_code == 200
    assert IMMUTABLE.search(versioned["Cache-Control"])
    assert "max-age=315360000" in versioned["Cache-Control"]
    assert not IMMUTABLE.search(plain["Cache-Control"])
