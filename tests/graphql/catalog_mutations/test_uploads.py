"""File uploads per the GraphQL multipart request spec, and productMediaCreate's checks."""
from __future__ import annotations

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from backend.graphql.core.uploads import UploadError, operations_from_multipart
from catalog.models import ProductMedia

from .conftest import MEDIA_CREATE, gid, jpeg_bytes

pytestmark = pytest.mark.django_db


def _gps_jpeg() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (30.0, 52.0, 0.0), 3: "W", 4: (7.0, 56.0, 0.0)})
    return jpeg_bytes(size=(120, 80), exif=exif.tobytes())


def test_a_manager_uploads_a_photo_and_its_gps_metadata_is_gone(upload, as_a, product_a):
    content = _gps_jpeg()
    assert Image.open(io.BytesIO(content)).getexif().get_ifd(0x8825)  # the test's premise

    response = upload(gid("Product", product_a.pk), content, alt="Filaments de safran")

    result = response.json()["data"]["productMediaCreate"]
    assert result["errors"] == [] and result["productErrors"] == []
    media = ProductMedia.objects.get()
    assert result["media"]["id"] == gid("ProductMedia", media.pk)
    assert result["media"]["alt"] == "Filaments de safran"
    assert result["media"]["url"].endswith(media.image.url)
    assert result["product"] == {"id": gid("Product", product_a.pk),
                                 "media": [{"id": gid("ProductMedia", media.pk)}]}
    with media.image.open("rb") as stored, Image.open(stored) as picture:
        assert picture.format == "JPEG"
        assert picture.size == (120, 80)
        assert not picture.getexif()
        assert "exif" not in picture.info


def _bomb() -> bytes:
    buffer = io.BytesIO()
    Image.new("1", (12_000, 12_000)).save(buffer, format="PNG")  # 144 MP in a few kB
    return buffer.getvalue()


@pytest.mark.parametrize(("content", "name", "code"), [
    (b"%PDF-1.4 not a photo at all", "cv.pdf", "INVALID_FILE_TYPE"),
    (jpeg_bytes(size=(400, 300))[:600], "cut.jpg", "INVALID_FILE_TYPE"),
    (b"", "empty.jpg", "REQUIRED"),
    ("bomb", "bomb.png", "FILE_SIZE_LIMIT_EXCEEDED"),
    ("huge", "huge.jpg", "FILE_SIZE_LIMIT_EXCEEDED"),
])
def test_bad_uploads_are_refused_with_a_clear_message(upload, as_a, product_a, content, name,
                                                      code, unchanged):
    if content == "bomb":
        content = _bomb()
    elif content == "huge":
        content = jpeg_bytes() + b"\0" * (10 * 1024 * 1024 + 1)
    with unchanged():
        response = upload(gid("Product", product_a.pk), content, name=name)

    assert response.status_code == 200
    errors = response.json()["data"]["productMediaCreate"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("image", code)]
    assert errors[0]["message"]
    assert not ProductMedia.objects.exists()


def test_a_photo_for_another_cooperatives_product_is_refused(upload, as_a, product_b,
                                                             unchanged):
    with unchanged():
        response = upload(gid("Product", product_b.pk), jpeg_bytes())

    errors = response.json()["data"]["productMediaCreate"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("product", "NOT_FOUND")]


def test_anonymous_uploads_get_the_permission_error(upload, product_a, unchanged):
    with unchanged():
        body = upload(gid("Product", product_a.pk), jpeg_bytes()).json()

    assert body["data"] == {"productMediaCreate": None}
    assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"


@pytest.mark.parametrize(("variables", "field", "code"), [
    ({"image": "photo.jpg"}, "image", "INVALID"),  # a string, not a file part
    ({}, "input", "REQUIRED"),
    ({"mediaUrl": "https://youtu.be/x"}, "mediaUrl", "UNSUPPORTED_MEDIA_PROVIDER"),
    ({"image": "x", "mediaUrl": "https://youtu.be/x"}, "input", "DUPLICATED_INPUT_ITEM"),
])
def test_media_input_without_a_file_is_a_field_error(graphql, as_a, product_a, variables,
                                                     field, code, unchanged):
    with unchanged():
        body = graphql(MEDIA_CREATE, input={"product": gid("Product", product_a.pk),
                                            **variables})

    errors = body["data"]["productMediaCreate"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [(field, code)]


def _post(client, data):
    return client.post("/graphql/", data)


@pytest.mark.parametrize(("data", "message"), [
    ({"operations": "{not json", "map": "{}"},
     "The 'operations' part of a multipart request must be JSON."),
    ({"operations": "[]", "map": "{}"}, "Batched operations are not supported; send one "
                                        "operation."),
    ({"operations": json.dumps({"query": "{ shop { name } }"}), "map": "[1]"},
     "The 'map' part must be a JSON object."),
    ({"operations": json.dumps({"query": "{ shop { name } }"}), "map": '{"0": "x"}'},
     "The map entry '0' must be a list of paths."),
    ({"operations": json.dumps({"query": "{ shop { name } }", "variables": {"f": None}}),
      "map": '{"0": ["variables.f"]}'}, "File missing in the request: '0'."),
    ({"operations": json.dumps({"query": "{ shop { name } }", "variables": {"f": None}}),
      "map": '{"0": ["query"]}', "0": SimpleUploadedFile("a.jpg", b"x")},
     "Invalid file map path: 'query'."),
    ({"operations": json.dumps({"query": "{ shop { name } }", "variables": {"f": "s"}}),
      "map": '{"0": ["variables.f"]}', "0": SimpleUploadedFile("a.jpg", b"x")},
     "The value at 'variables.f' must be null."),
    ({"operations": json.dumps({"query": "{ shop { name } }", "variables": {}}),
      "map": '{"0": ["variables.missing.deep"]}', "0": SimpleUploadedFile("a.jpg", b"x")},
     "Invalid file map path: 'variables.missing.deep'."),
    ({"operations": "a\x00b", "map": "{}"},
     "The 'operations' part of a multipart request must be JSON."),
])
def test_malformed_multipart_requests_are_400_with_a_message(client, data, message):
    response = _post(client, data)

    assert response.status_code == 400
    assert response.json() == {"errors": [{"message": message}]}


def test_files_are_placed_in_lists_and_nested_inputs():
    first = SimpleUploadedFile("a.jpg", b"a")
    second = SimpleUploadedFile("b.jpg", b"b")
    post = {"operations": json.dumps({"query": "q", "variables": {
        "input": {"image": None}, "files": [None, None]}}),
        "map": json.dumps({"0": ["variables.input.image", "variables.files.0"],
                           "1": ["variables.files.1"]})}

    operations = operations_from_multipart(post, {"0": first, "1": second})

    assert operations["variables"] == {"input": {"image": first}, "files": [first, second]}
    with pytest.raises(UploadError):
        operations_from_multipart({**post, "map": json.dumps({"0": ["variables.files.5"]})},
                                  {"0": first})


def test_a_multipart_request_without_files_runs_like_json(client, channel):
    response = _post(client, {"operations": json.dumps({"query": "{ shop { name } }"})})

    assert response.json() == {"data": {"shop": {"name": "CoopStore"}}}
