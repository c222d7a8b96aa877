"""Photos: real images only, re-encoded without EXIF/GPS, ordered, described; isolation."""
from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from backend.core.errors import DomainError
from catalog.models import ProductMedia, Thumbnail
from catalog.services.media import (
    media_add,
    media_delete,
    media_move,
    media_reorder,
    media_set_alt,
)

from .uploads import bomb_png, jpeg, not_an_image, oversized, truncated, upload


def codes(exc) -> list[tuple[str | None, str]]:
    return [(e.field, e.code.name) for e in exc.value.errors]


def test_a_gps_tagged_jpeg_is_stored_without_any_exif_and_gets_thumbnails(
        two, django_capture_on_commit_callbacks):
    data = jpeg(3000, 2000, gps=True)
    with Image.open(__import__("io").BytesIO(data)) as original:
        assert original.getexif().get_ifd(0x8825)  # the test file really carries GPS

    with django_capture_on_commit_callbacks(execute=True):
        media = media_add(cooperative_id=two.coop_a.pk, product_id=two.product_a.pk,
                          image=upload(data), alt="Safran séché")

    with Image.open(media.image.path) as stored:
        assert stored.format == "JPEG"
        assert max(stored.size) == 2048
        assert not stored.getexif()
        assert "exif" not in stored.info
    assert media.alt == "Safran séché"
    assert Thumbnail.objects.filter(media=media).count() == 4


@pytest.mark.parametrize(("make", "code", "words"), [
    (not_an_image, "INVALID_FILE_TYPE", "not a photo"),
    (truncated, "INVALID_FILE_TYPE", "damaged or incomplete"),
    (oversized, "FILE_SIZE_LIMIT_EXCEEDED", "too large"),
    (lambda: upload(bomb_png(), "bomb.png", "image/png"), "FILE_SIZE_LIMIT_EXCEEDED",
     "too many pixels"),
    (lambda: upload(b"", "empty.jpg"), "REQUIRED", "Choose a photo"),
])
def test_bad_uploads_are_refused_with_a_clear_message_and_nothing_stored(
        two, settings, make, code, words):
    from django.utils import translation

    with translation.override("en"), pytest.raises(DomainError) as exc:
        media_add(cooperative_id=two.coop_a.pk, product_id=two.product_a.pk, image=make())
    assert codes(exc) == [("image", code)]
    assert words in exc.value.errors[0].message
    assert not ProductMedia.objects.exists()
    media_dir = Path(settings.MEDIA_ROOT) / "products"
    assert not media_dir.exists() or not any(media_dir.iterdir())


def test_bad_uploads_are_refused_in_arabic_too(two):
    from django.utils import translation

    with translation.override("ar"), pytest.raises(DomainError) as exc:
        media_add(cooperative_id=two.coop_a.pk, product_id=two.product_a.pk,
                  image=not_an_image())
    message = exc.value.errors[0].message
    assert any("\u0600" <= ch <= "\u06ff" for ch in message), message


def _three(two) -> list[ProductMedia]:
    return [media_add(cooperative_id=two.coop_a.pk, product_id=two.product_a.pk,
                      image=upload(jpeg(32, 32)), alt=str(n)) for n in range(3)]


def test_reorder_and_move_up_and_down(two):
    a, b, c = _three(two)
    media_reorder(cooperative_id=two.coop_a.pk, product_id=two.product_a.pk,
                  media_ids=[c.pk, a.pk, b.pk])
    assert list(ProductMedia.objects.filter(product=two.product_a)) == [c, a, b]
    media_move(cooperative_id=two.coop_a.pk, media_id=b.pk, offset=-1)
    assert list(ProductMedia.objects.filter(product=two.product_a)) == [c, b, a]
    media_move(cooperative_id=two.coop_a.pk, media_id=c.pk, offset=-1)  # already first
    assert list(ProductMedia.objects.filter(product=two.product_a)) == [c, b, a]


def test_reorder_needs_every_photo_once_and_only_the_products(two):
    a, b, c = _three(two)
    foreign = media_add(cooperative_id=two.coop_b.pk, product_id=two.product_b.pk,
                        image=upload(jpeg(32, 32)))
    cases = [([a.pk, b.pk], ("mediaIds", "INVALID")),
             ([a.pk, a.pk, b.pk, c.pk], ("mediaIds", "DUPLICATED_INPUT_ITEM")),
             ([a.pk, b.pk, c.pk, foreign.pk], ("mediaIds", "NOT_PRODUCTS_IMAGE"))]
    for ids, expected in cases:
        with pytest.raises(DomainError) as exc:
            media_reorder(cooperative_id=two.coop_a.pk, product_id=two.product_a.pk,
                          media_ids=ids)
        assert codes(exc) == [expected]
    assert list(ProductMedia.objects.filter(product=two.product_a)) == [a, b, c]


def test_alt_text_rules(two):
    (media, *_rest) = _three(two)
    media_set_alt(cooperative_id=two.coop_a.pk, media_id=media.pk, alt="Pistils rouges")
    with pytest.raises(DomainError) as exc:
        media_set_alt(cooperative_id=two.coop_a.pk, media_id=media.pk, alt="x" * 251)
    assert codes(exc) == [("alt", "INVALID")]
    assert ProductMedia.objects.get(pk=media.pk).alt == "Pistils rouges"


def test_another_cooperatives_photo_is_not_found_and_unchanged(two):
    foreign = media_add(cooperative_id=two.coop_b.pk, product_id=two.product_b.pk,
                        image=upload(jpeg(32, 32)), alt="B")
    for call in (
        lambda: media_set_alt(cooperative_id=two.coop_a.pk, media_id=foreign.pk, alt="A"),
        lambda: media_delete(cooperative_id=two.coop_a.pk, media_id=foreign.pk),
        lambda: media_move(cooperative_id=two.coop_a.pk, media_id=foreign.pk, offset=1),
    ):
        with pytest.raises(DomainError) as exc:
            call()
        assert codes(exc) == [("id", "NOT_FOUND")]
    with pytest.raises(DomainError) as exc:
        media_add(cooperative_id=two.coop_a.pk, product_id=two.product_b.pk,
                  image=upload(jpeg(32, 32)))
    assert codes(exc) == [("product", "NOT_FOUND")]
    assert list(ProductMedia.objects.values_list("pk", "alt")) == [(foreign.pk, "B")]


def test_delete_removes_the_row_and_its_file_after_commit(two,
                                                          django_capture_on_commit_callbacks):
    (media, *_rest) = _three(two)
    path = Path(media.image.path)
    with django_capture_on_commit_callbacks(execute=True):
        media_delete(cooperative_id=two.coop_a.pk, media_id=media.pk)
    assert not ProductMedia.objects.filter(pk=media.pk).exists()
    assert not path.exists()


def test_a_bomb_is_named_as_such_even_when_pillow_already_refuses_to_open_it(two,
                                                                          monkeypatch):
    from django.utils import translation

    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1_000_000)  # set low by an earlier upload
    with translation.override("en"), pytest.raises(DomainError) as exc:
        media_add(cooperative_id=two.coop_a.pk, product_id=two.product_a.pk,
                  image=upload(bomb_png(), "bomb.png", "image/png"))
    assert codes(exc) == [("image", "FILE_SIZE_LIMIT_EXCEEDED")]
    assert "too many pixels" in exc.value.errors[0].message
    assert not ProductMedia.objects.exists()
