import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from catalog.models import ProductMedia, Thumbnail
from catalog.tasks import media_make_thumbnails
from catalog.thumbnails import closest_size, thumbnail_url


def _jpeg(width: int, height: int) -> ContentFile:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(buffer, format="JPEG")
    return ContentFile(buffer.getvalue(), name="photo.jpg")


@pytest.fixture
def media(product):
    media = ProductMedia(product=product, alt="Safran")
    media.image.save("photo.jpg", _jpeg(1600, 1200), save=True)
    return media


def test_closest_size_picks_the_smallest_size_at_least_as_large():
    assert closest_size(100) == 256
    assert closest_size(256) == 256
    assert closest_size(5000) == 1024
    assert closest_size(None) == 1024


def test_task_makes_one_webp_per_size_keeping_aspect_ratio(media):
    made = media_make_thumbnails.delay(media.pk).get()

    assert made == 4
    thumbs = {t.size: t for t in Thumbnail.objects.filter(media=media)}
    assert sorted(thumbs) == [96, 256, 512, 1024]
    with Image.open(thumbs[256].image.path) as image:
        assert image.format == "WEBP"
        assert image.size == (256, 192)


def test_task_is_idempotent(media):
    media_make_thumbnails(media.pk)

    assert media_make_thumbnails(media.pk) == 0
    assert Thumbnail.objects.filter(media=media).count() == 4


def test_thumbnail_url_falls_back_to_the_original_until_made(media):
    media = ProductMedia.objects.prefetch_related("thumbnails").get(pk=media.pk)
    assert thumbnail_url(media, 256) == media.image.url

    media_make_thumbnails(media.pk)
    media = ProductMedia.objects.prefetch_related("thumbnails").get(pk=media.pk)

    assert thumbnail_url(media, 200).endswith(f"{media.pk}-256.webp")


def test_task_for_a_deleted_photo_does_nothing(db):
    assert media_make_thumbnails(987654) == 0


def test_original_format_request_gets_the_webp_thumbnail_of_that_size(media):
    media_make_thumbnails(media.pk)
    media = ProductMedia.objects.prefetch_related("thumbnails").get(pk=media.pk)

    assert thumbnail_url(media, 512, "original").endswith(f"{media.pk}-512.webp")
