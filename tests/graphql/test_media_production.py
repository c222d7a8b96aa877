"""Product photos and thumbnails are absolute URLs that really serve with DEBUG off, and
thumbnails are cached for a long time."""
from __future__ import annotations

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from catalog.models import ProductMedia
from catalog.thumbnails import media_create_thumbnails
from tests.factories.catalog import make_listed_product

QUERY = """query($slug: String!) { product(slug: $slug) {
  thumbnail(size: 256, format: WEBP) { url }
  avif: thumbnail(size: 256, format: AVIF) { url }
  original: thumbnail(size: 256, format: ORIGINAL) { url }
  media { full: url(size: 0) small: url(size: 100, format: WEBP) } } }"""


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    settings.SECRET_KEY = "production-secret-for-the-test-only-0123456789"
    settings.PUBLIC_URL = ""


@pytest.fixture
def photographed(channel, cooperative):
    product = make_listed_product(channel=channel, cooperative=cooperative, slug="safran",
                                  name="Safran")
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (180, 40, 30)).save(buffer, format="JPEG")
    media = ProductMedia(product=product, alt="Pistils")
    media.image.save("safran.jpg", ContentFile(buffer.getvalue()), save=True)
    assert media_create_thumbnails(media=media) == 4
    return product


def fetch(client, url: str):
    path = url.removeprefix("http://testserver")
    assert path.startswith("/media/")
    return client.get(path)


def test_thumbnail_urls_are_absolute_and_serve_webp_with_a_year_of_cache(
        production, photographed, graphql_data, client):
    product = graphql_data(QUERY, slug="safran")["product"]
    url = product["thumbnail"]["url"]
    assert url.startswith("http://testserver/media/thumbnails/") and url.endswith("-256.webp")
    # AVIF and ORIGINAL thumbnails fall back to the WebP of that size (only WebP is made).
    assert product["avif"]["url"] == url and product["original"]["url"] == url
    response = fetch(client, url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    image = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert image.format == "WEBP" and max(image.size) == 256


def test_the_original_photo_serves_too_with_a_day_of_cache(production, photographed,
                                                           graphql_data, client):
    [media] = graphql_data(QUERY, slug="safran")["product"]["media"]
    assert media["small"].endswith("-256.webp")
    response = fetch(client, media["full"])
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "public, max-age=86400"


def test_public_url_makes_the_links_point_at_the_public_host(production, photographed,
                                                             graphql_data, settings):
    settings.PUBLIC_URL = "https://coopstore.ma/"
    url = graphql_data(QUERY, slug="safran")["product"]["thumbnail"]["url"]
    assert url.startswith("https://coopstore.ma/media/thumbnails/")


@pytest.mark.parametrize("path", ["/media/../backend/settings.py", "/media/%2e%2e/manage.py",
                                  "/media/thumbnails/absent.webp", "/media/"])
def test_media_serving_never_leaves_the_media_folder(production, client, db, path):
    response = client.get(path)
    assert response.status_code in (400, 404)
    assert b"SECRET_KEY" not in response.content and b"DJANGO_SETTINGS" not in response.content


def test_media_accept_only_reads(production, photographed, graphql_data, client):
    url = graphql_data(QUERY, slug="safran")["product"]["thumbnail"]["url"]
    assert client.post(url.removeprefix("http://testserver")).status_code == 405
