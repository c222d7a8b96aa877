"""Two cooperatives, each with a manager and a listed product, and a snapshot helper that
proves a refused mutation changed nothing."""
from __future__ import annotations

import io
import json
from typing import Any

import pytest
from PIL import Image

from tests.factories.catalog import (
    CooperativeFactory,
    CooperativeStaffFactory,
    UserFactory,
    make_listed_product,
)
from tests.graphql.conftest import gid


@pytest.fixture
def coop_a(db):
    return CooperativeFactory(name="Coopérative Tifawine")


@pytest.fixture
def coop_b(db):
    return CooperativeFactory(name="Coopérative Amal")


@pytest.fixture
def manager_a(coop_a):
    return CooperativeStaffFactory(cooperative=coop_a, user=UserFactory(
        email="fatima@tifawine.ma")).user


@pytest.fixture
def manager_b(coop_b):
    return CooperativeStaffFactory(cooperative=coop_b, user=UserFactory(
        email="khadija@amal.ma")).user


@pytest.fixture
def product_a(channel, coop_a):
    return make_listed_product(channel=channel, cooperative=coop_a, name="Safran pur",
                               slug="safran-pur", variants=2)


@pytest.fixture
def product_b(channel, coop_b):
    return make_listed_product(channel=channel, cooperative=coop_b, name="Miel de thym",
                               slug="miel-de-thym")


@pytest.fixture
def as_a(api_login, manager_a):
    return api_login(manager_a)


@pytest.fixture
def as_b(api_login, manager_b):
    return api_login(manager_b)


def catalog_snapshot() -> dict[str, Any]:
    """Every catalog row that a catalog mutation may touch, as plain values."""
    from catalog.models import (
        Product,
        ProductChannelListing,
        ProductMedia,
        ProductTranslation,
        ProductVariant,
        ProductVariantChannelListing,
        ProductVariantTranslation,
        Stock,
    )

    def rows(model, *fields):
        return sorted(model.objects.values_list("pk", *fields))

    return {
        "products": rows(Product, "name", "slug", "description", "seo_title", "category_id",
                         "cooperative_id", "default_variant_id", "metadata"),
        "variants": rows(ProductVariant, "name", "sku", "weight_grams", "track_inventory",
                         "quantity_limit_per_customer", "product_id"),
        "listings": rows(ProductChannelListing, "is_published", "visible_in_listings",
                         "available_for_purchase_at", "channel_id"),
        "prices": rows(ProductVariantChannelListing, "price_amount", "channel_id"),
        "stock": rows(Stock, "quantity", "quantity_allocated"),
        "translations": rows(ProductTranslation, "language_code", "name", "description"),
        "variant_translations": rows(ProductVariantTranslation, "language_code", "name"),
        "media": rows(ProductMedia, "alt", "sort_order", "image", "product_id"),
    }


@pytest.fixture
def unchanged():
    """``with unchanged(): ...`` fails if the block changed any catalog row."""
    from contextlib import contextmanager

    @contextmanager
    def check():
        before = catalog_snapshot()
        yield
        assert catalog_snapshot() == before

    return check


def jpeg_bytes(size=(64, 48), exif: bytes | None = None, fmt: str = "JPEG") -> bytes:
    buffer = io.BytesIO()
    image = Image.new("RGB", size, (180, 90, 30))
    kwargs = {"exif": exif} if exif else {}
    image.save(buffer, format=fmt, **kwargs)
    return buffer.getvalue()


MEDIA_CREATE = """
mutation($input: ProductMediaCreateInput!) {
  productMediaCreate(input: $input) {
    media { id alt url(size: 0) sortOrder }
    product { id media { id } }
    errors { field code message }
    productErrors { field code }
  }
}"""


@pytest.fixture
def upload(client):
    """``upload(product_id, content, name=..., alt=...)``: a multipart productMediaCreate."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    def send(product_id: str, content: bytes, *, name: str = "photo.jpg", alt: str = "",
             content_type: str = "image/jpeg") -> Any:
        operations = {"query": MEDIA_CREATE,
                      "variables": {"input": {"product": product_id, "alt": alt,
                                              "image": None}}}
        response = client.post("/graphql/", {
            "operations": json.dumps(operations),
            "map": json.dumps({"0": ["variables.input.image"]}),
            "0": SimpleUploadedFile(name, content, content_type=content_type),
        })
        return response

    return send


__all__ = ["gid", "catalog_snapshot", "jpeg_bytes"]
