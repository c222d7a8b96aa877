"""An import keeps right the stored cheapest price that product visibility reads."""
from __future__ import annotations

from decimal import Decimal

import pytest

from catalog.models import CatalogImportStatus, ProductChannelListing
from catalog.selectors import products_visible
from catalog.services.products import listings_with_stale_price
from catalog.services.variants import ChannelPriceInput, variant_update
from tests.factories.catalog import make_listed_product

from .conftest import csv_bytes, row

pytestmark = pytest.mark.django_db


def listed(channel) -> set[str]:
    return set(products_visible(channel).values_list("slug", flat=True))


def test_an_import_lists_the_products_it_publishes_with_a_price(run_import, coop_a, channel,
                                                                staff_a, category):
    data = csv_bytes([row(sku="ARG-250", category_slug="huiles"),
                      row(slug="miel-thym", name="Miel de thym", sku="MIEL-1",
                          category_slug="huiles", published_maroc="non")])

    job = run_import(coop_a, data, user=staff_a, confirm=True)

    assert job.status == CatalogImportStatus.DONE, job.errors
    assert listed(channel) == {"huile-argan"}
    assert not listings_with_stale_price().exists()


def test_an_import_pricing_a_new_size_lists_a_product_left_without_price(
        run_import, coop_a, channel, staff_a, category):
    product = make_listed_product(channel=channel, cooperative=coop_a, category=category,
                                  slug="amlou", name="Amlou")
    variant_update(cooperative_id=coop_a.pk, variant_id=product.default_variant_id,
                   prices=[ChannelPriceInput(channel.pk, None)])
    assert listed(channel) == set()

    job = run_import(coop_a, csv_bytes([row(slug="amlou", name="Amlou", sku="AML-500",
                                            price="45.00", category_slug="huiles")]),
                     user=staff_a, confirm=True)

    assert job.status == CatalogImportStatus.DONE, job.errors
    assert listed(channel) == {"amlou"}
    assert ProductChannelListing.objects.get(product=product).discounted_price_amount == \
        Decimal("45.00")
    assert not listings_with_stale_price().exists()
