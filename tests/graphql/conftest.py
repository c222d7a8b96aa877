"""GraphQL test helpers: post a query to /graphql/ the way a client does."""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

GraphQL = Callable[..., dict[str, Any]]


@pytest.fixture
def graphql(client) -> GraphQL:
    """``graphql(query, **variables)`` -> the decoded response body (``data``/``errors``)."""

    def run(query: str, variables: dict[str, Any] | None = None, **kwargs: Any) -> dict:
        response = client.post("/graphql/", json.dumps({"query": query,
                                                        "variables": variables or kwargs}),
                               content_type="application/json")
        assert response.status_code in (200, 400), response.content
        return response.json()

    return run


@pytest.fixture
def graphql_data(graphql) -> GraphQL:
    """Like ``graphql`` but fails on any error and returns ``data``."""

    def run(query: str, variables: dict[str, Any] | None = None, **kwargs: Any) -> dict:
        body = graphql(query, variables, **kwargs)
        assert "errors" not in body, body["errors"]
        return body["data"]

    return run


@pytest.fixture
def api_login(client) -> Callable[[Any], Any]:
    """``api_login(user)``: the client's next API calls carry that user's access token."""
    from backend.accounts.jwt import create_access_token

    def login(user: Any) -> Any:
        client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {create_access_token(user)}"
        return user

    return login


def gid(type_name: str, pk: int | str) -> str:
    """The Relay ID a Saleor client sees for a row."""
    import base64

    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


def add_photo(product, *, alt: str = "Photo", sizes: tuple[int, ...] = (), sort_order: int = 0,
              name: str = "photo.png"):
    """A product photo with a real (tiny) image file and, optionally, WebP thumbnail rows."""
    import io

    from django.core.files.base import ContentFile
    from PIL import Image

    from catalog.models import ProductMedia, Thumbnail

    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), (200, 120, 40)).save(buffer, format="PNG")
    media = ProductMedia(product=product, alt=alt, sort_order=sort_order)
    media.image.save(name, ContentFile(buffer.getvalue()), save=True)
    for size in sizes:
        Thumbnail.objects.create(media=media, size=size, format="webp",
                                 image=f"thumbnails/{media.pk}-{size}.webp")
    return media


@pytest.fixture
def other_channel(db):
    from tests.factories.catalog import ChannelFactory

    return ChannelFactory(slug="export", name="Export", currency_code="EUR",
                          default_country="FR")


# --- Checkout and order fixtures -------------------------------------------------------------


@pytest.fixture
def courier(db):
    """The orders tests' national courier: 25.00 MAD a parcel, anywhere."""
    from tests.orders.conftest import national_courier

    return national_courier()


@pytest.fixture
def saffron_variant(channel):
    """60.00 MAD, 10 in stock, from a cooperative in Taliouine."""
    from tests.factories.catalog import CooperativeFactory, make_listed_product

    cooperative = CooperativeFactory(city_slug="taliouine", name="Coopérative Safran")
    return make_listed_product(channel=channel, cooperative=cooperative, price="60.00",
                               name="Safran de Taliouine").default_variant


@pytest.fixture
def argan_variant(channel):
    """120.00 MAD, 10 in stock, from a cooperative in Agadir."""
    from tests.factories.catalog import CooperativeFactory, make_listed_product

    cooperative = CooperativeFactory(city_slug="agadir", name="Coopérative Argan")
    return make_listed_product(channel=channel, cooperative=cooperative, price="120.00",
                               name="Huile d'argan").default_variant


@pytest.fixture
def other_customer(db):
    from tests.factories.catalog import UserFactory

    return UserFactory(email="yassine@example.ma", first_name="Yassine")
