"""Two cooperatives with a product each: every service is tried on its own and on the other's."""
from __future__ import annotations

import io
from dataclasses import dataclass

import pytest
from PIL import Image

from catalog.models import Product
from tests.factories.catalog import CategoryFactory, CooperativeFactory, make_listed_product


@dataclass
class Two:
    coop_a: object
    coop_b: object
    product_a: Product
    product_b: Product


@pytest.fixture
def two(channel):
    coop_a, coop_b = CooperativeFactory(), CooperativeFactory()
    return Two(coop_a=coop_a, coop_b=coop_b,
               product_a=make_listed_product(channel=channel, cooperative=coop_a, variants=2),
               product_b=make_listed_product(channel=channel, cooperative=coop_b))


@pytest.fixture
def category(db):
    return CategoryFactory(name="Épices", slug="epices")


def jpeg_bytes(width: int = 64, height: int = 48, exif: bytes | None = None) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (180, 90, 30)).save(
        buffer, format="JPEG", **({"exif": exif} if exif else {}))
    return buffer.getvalue()
