"""Visibility reads "has a priced variant" from the listing's stored cheapest price: every
writer that changes variant prices keeps that price right, and a check command finds (and
repairs) a listing a writer left wrong."""
from __future__ import annotations

import datetime as dt
import importlib
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.apps import apps as global_apps
from django.contrib import admin
from django.core.management import CommandError, call_command
from django.utils import timezone

from backend.business.services.listings import pro_listing_set
from catalog.models import (
    ProductChannelListing,
    ProductVariant,
    ProductVariantChannelListing,
)
from catalog.selectors import products_visible
from catalog.services.editing import product_create
from catalog.services.listings import ChannelListingInput, product_channel_listing_update
from catalog.services.products import listings_refresh_stale_prices, listings_with_stale_price
from catalog.services.stock import BulkRow, variants_bulk_update_stock_and_prices
from catalog.services.variants import (
    ChannelPriceInput,
    variant_create,
    variant_delete,
    variant_update,
)
from tests.factories.catalog import CategoryFactory, ChannelFactory, make_listed_product

pytestmark = pytest.mark.django_db


def listed(channel) -> set[str]:
    return set(products_visible(channel).values_list("slug", flat=True))


def reachable(channel) -> set[str]:
    return set(products_visible(channel, in_listings=False).values_list("slug", flat=True))


def stored_price(product, channel) -> Decimal | None:
    return ProductChannelListing.objects.get(product=product, channel=channel
                                             ).discounted_price_amount


def assert_every_listing_price_right() -> None:
    assert list(listings_with_stale_price().values_list("pk", flat=True)) == []


def test_removing_the_last_price_hides_the_product_and_a_new_price_shows_it_again(
        channel, cooperative):
    product = make_listed_product(channel=channel, cooperative=cooperative, slug="safran")
    variant = product.default_variant

    variant_update(cooperative_id=cooperative.pk, variant_id=variant.pk,
                   prices=[ChannelPriceInput(channel.pk, None)])

    assert stored_price(product, channel) is None
    assert listed(channel) == reachable(channel) == set()
    assert_every_listing_price_right()

    variant_update(cooperative_id=cooperative.pk, variant_id=variant.pk,
                   prices=[ChannelPriceInput(channel.pk, "75.00")])

    assert stored_price(product, channel) == Decimal("75.00")
    assert listed(channel) == reachable(channel) == {"safran"}
    assert_every_listing_price_right()


def test_removing_one_of_two_prices_keeps_the_product_at_the_other(channel, cooperative):
    product = make_listed_product(channel=channel, cooperative=cooperative, slug="miel",
                                  price="50.00", variants=2)
    cheapest = product.variants.order_by("sort_order").first()

    variant_update(cooperative_id=cooperative.pk, variant_id=cheapest.pk,
                   prices=[ChannelPriceInput(channel.pk, "")])

    assert stored_price(product, channel) == Decimal("51.00")
    assert listed(channel) == {"miel"}
    assert_every_listing_price_right()


def test_deleting_the_only_priced_variant_hides_the_product(channel, cooperative):
    product = make_listed_product(channel=channel, cooperative=cooperative, slug="amlou")
    unpriced = ProductVariant.objects.create(product=product, sku="AML-2", name="1 kg")

    variant_delete(cooperative_id=cooperative.pk, variant_id=product.default_variant_id)

    assert product.variants.get() == unpriced
    assert stored_price(product, channel) is None
    assert listed(channel) == reachable(channel) == set()
    assert_every_listing_price_right()


def test_a_published_product_shows_once_a_variant_is_priced(channel, cooperative):
    category = CategoryFactory(slug="dattes")
    product = product_create(cooperative_id=cooperative.pk, name="Dattes Mejhoul",
                             category_id=category.pk, channel_ids=[channel.pk])
    product_channel_listing_update(
        cooperative_id=cooperative.pk, product_id=product.pk,
        update_channels=[ChannelListingInput(channel.pk, is_published=True)])

    assert listed(channel) == set()  # published, but nothing has a price yet

    variant_create(cooperative_id=cooperative.pk, product_id=product.pk, sku="DAT-1",
                   prices=[ChannelPriceInput(channel.pk, "90.00")], quantity=5)

    assert listed(channel) == {product.slug}
    assert_every_listing_price_right()


def test_a_bulk_price_edit_shows_the_product_it_prices(channel, cooperative):
    product = product_create(cooperative_id=cooperative.pk, name="Couscous",
                             category_id=CategoryFactory().pk, channel_ids=[channel.pk])
    product_channel_listing_update(
        cooperative_id=cooperative.pk, product_id=product.pk,
        update_channels=[ChannelListingInput(channel.pk, is_published=True)])
    variant = variant_create(cooperative_id=cooperative.pk, product_id=product.pk, sku="CS-1")
    assert listed(channel) == set()

    variants_bulk_update_stock_and_prices(cooperative_id=cooperative.pk, channel_id=channel.pk,
                                          rows=[BulkRow(variant.pk, price="33.00")])

    assert stored_price(product, channel) == Decimal("33.00")
    assert listed(channel) == {product.slug}
    assert_every_listing_price_right()


def test_taking_the_product_out_of_a_channel_hides_it_there_only(channel, cooperative):
    export = ChannelFactory(slug="export", name="Export", currency_code="EUR")
    product = make_listed_product(channel=channel, cooperative=cooperative, slug="argan")
    product_channel_listing_update(
        cooperative_id=cooperative.pk, product_id=product.pk,
        update_channels=[ChannelListingInput(export.pk, is_published=True)])
    variant_update(cooperative_id=cooperative.pk, variant_id=product.default_variant_id,
                   prices=[ChannelPriceInput(export.pk, "9.00")])
    assert listed(export) == listed(channel) == {"argan"}

    product_channel_listing_update(cooperative_id=cooperative.pk, product_id=product.pk,
                                   remove_channels=[export.pk])

    assert listed(export) == set()
    assert listed(channel) == {"argan"}
    assert_every_listing_price_right()


def test_a_pro_listing_shows_the_product_in_the_pro_channel(channel, cooperative):
    product = make_listed_product(channel=channel, cooperative=cooperative, slug="huile")

    listing = pro_listing_set(variant=product.default_variant, price_amount=Decimal("40.00"))

    assert listed(listing.channel) == {"huile"}
    assert stored_price(product, listing.channel) == Decimal("40.00")
    assert_every_listing_price_right()


def test_the_publication_date_the_listing_flag_and_the_cooperative_are_read_live(
        channel, cooperative):
    """Only the price is stored: the rest of the rule changes with no writer involved."""
    product = make_listed_product(channel=channel, cooperative=cooperative, slug="rose")
    listing = ProductChannelListing.objects.filter(product=product)

    listing.update(published_at=timezone.now() + dt.timedelta(hours=1))
    assert listed(channel) == reachable(channel) == set()
    listing.update(published_at=None, visible_in_listings=False)
    assert (listed(channel), reachable(channel)) == (set(), {"rose"})
    listing.update(visible_in_listings=True)
    cooperative.status = "suspended"
    cooperative.save(update_fields=["status"])
    assert listed(channel) == reachable(channel) == set()


def test_the_admin_refreshes_the_price_after_editing_or_deleting_variants(
        channel, cooperative):
    variant_admin = admin.site._registry[ProductVariant]
    product = make_listed_product(channel=channel, cooperative=cooperative, slug="savon",
                                  variants=2)
    first, second = product.variants.order_by("sort_order")

    # What the variant's price inline does on save, then the admin's own hook.
    ProductVariantChannelListing.objects.filter(variant=first).delete()
    variant_admin.save_related(None, SimpleNamespace(instance=first, save_m2m=lambda: None,
                                                     changed_data=[], initial={}), [], True)
    assert stored_price(product, channel) == Decimal("61.00")

    variant_admin.delete_model(None, second)
    assert stored_price(product, channel) is None
    assert listed(channel) == set()
    assert_every_listing_price_right()


def test_the_admin_bulk_delete_of_variants_refreshes_their_products(channel, cooperative):
    variant_admin = admin.site._registry[ProductVariant]
    product = make_listed_product(channel=channel, cooperative=cooperative, slug="tapis")

    variant_admin.delete_queryset(None, ProductVariant.objects.filter(product=product))

    assert listed(channel) == set()
    assert_every_listing_price_right()


def test_the_check_names_a_listing_left_wrong_and_fix_repairs_only_that_one(
        channel, cooperative, capsys):
    kept = make_listed_product(channel=channel, cooperative=cooperative, slug="kept")
    broken = make_listed_product(channel=channel, cooperative=cooperative, slug="broken")
    call_command("catalog_check_listings")
    assert "right" in capsys.readouterr().out
    # A writer bypassing the services: the product would still show, with no price.
    ProductVariantChannelListing.objects.filter(variant__product=broken).delete()
    assert listed(channel) == {"kept", "broken"}

    with pytest.raises(CommandError):
        call_command("catalog_check_listings")
    wrong = ProductChannelListing.objects.get(product=broken)
    assert f"listing {wrong.pk} (product {broken.pk}" in capsys.readouterr().err

    call_command("catalog_check_listings", fix=True)

    assert "1 listing(s)" in capsys.readouterr().out
    assert listed(channel) == {"kept"}
    assert stored_price(kept, channel) == Decimal("60.00")
    assert listings_refresh_stale_prices() == []


def test_the_check_also_finds_a_priced_listing_stored_without_price_or_at_a_wrong_one(
        channel, cooperative):
    hidden = make_listed_product(channel=channel, cooperative=cooperative, slug="hidden")
    wrong = make_listed_product(channel=channel, cooperative=cooperative, slug="wrong")
    ProductChannelListing.objects.filter(product=hidden).update(discounted_price_amount=None)
    ProductChannelListing.objects.filter(product=wrong).update(discounted_price_amount=1)

    fixed = listings_refresh_stale_prices()

    assert sorted(fixed) == sorted(ProductChannelListing.objects.filter(
        product__in=[hidden, wrong]).values_list("pk", flat=True))
    assert listed(channel) == {"hidden", "wrong"}
    assert stored_price(wrong, channel) == Decimal("60.00")


def test_the_migration_backfill_recomputes_the_wrong_listings(channel, cooperative):
    migration = importlib.import_module("catalog.migrations.0007_listing_indexes")
    right = make_listed_product(channel=channel, cooperative=cooperative, slug="right")
    stale = make_listed_product(channel=channel, cooperative=cooperative, slug="stale")
    ProductChannelListing.objects.filter(product=stale).update(discounted_price_amount=None)

    migration.recompute_cheapest_prices(global_apps, None)

    assert stored_price(stale, channel) == stored_price(right, channel) == Decimal("60.00")
    assert_every_listing_price_right()
