"""Translations (ar/en rows, fr on the product) and channel listings (publish, remove)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from backend.core.errors import DomainError
from catalog.models import (
    Product,
    ProductChannelListing,
    ProductTranslation,
    ProductVariantChannelListing,
    ProductVariantTranslation,
)
from catalog.search import apply_search
from catalog.selectors.core import products_visible
from catalog.services.editing import product_create
from catalog.services.listings import ChannelListingInput, product_channel_listing_update
from catalog.services.translations import product_translation_set, variant_translation_set
from catalog.services.variants import ChannelPriceInput, variant_create
from tests.factories.catalog import ChannelFactory


def codes(exc) -> list[tuple[str | None, str]]:
    return [(e.field, e.code.name) for e in exc.value.errors]


def test_arabic_translation_is_stored_and_searchable(two):
    product_translation_set(cooperative_id=two.coop_a.pk, product_id=two.product_a.pk,
                            language_code="AR", name="زعفران تالوين",
                            description={"blocks": [{"type": "paragraph",
                                                     "data": {"text": "زعفران حر"}}]})
    translation = ProductTranslation.objects.get(product=two.product_a, language_code="ar")
    assert translation.name == "زعفران تالوين"
    assert list(apply_search(Product.objects.all(), "زعفران")) == [two.product_a]


def test_french_edits_the_product_and_an_emptied_translation_is_removed(two):
    product_translation_set(cooperative_id=two.coop_a.pk, product_id=two.product_a.pk,
                            language_code="en-GB", name="Saffron")
    product_translation_set(cooperative_id=two.coop_a.pk, product_id=two.product_a.pk,
                            language_code="en", name="")
    assert not ProductTranslation.objects.filter(product=two.product_a).exists()
    product = product_translation_set(cooperative_id=two.coop_a.pk,
                                      product_id=two.product_a.pk, language_code="fr",
                                      name="Safran pur")
    assert product.name == "Safran pur"
    with pytest.raises(DomainError) as exc:
        product_translation_set(cooperative_id=two.coop_a.pk, product_id=two.product_a.pk,
                                language_code="fr", name="")
    assert codes(exc) == [("name", "REQUIRED")]


@pytest.mark.parametrize("language", ["de", "", "\x00", "x" * 300, None])
def test_unknown_languages_are_refused(two, language):
    with pytest.raises(DomainError) as exc:
        product_translation_set(cooperative_id=two.coop_a.pk, product_id=two.product_a.pk,
                                language_code=language, name="X")
    assert codes(exc) == [("languageCode", "INVALID")]
    assert not ProductTranslation.objects.exists()


def test_variant_names_per_language_and_isolation(two):
    variant = two.product_a.variants.first()
    variant_translation_set(cooperative_id=two.coop_a.pk, variant_id=variant.pk,
                            language_code="ar", name="1 غ")
    assert ProductVariantTranslation.objects.get(variant=variant).name == "1 غ"
    with pytest.raises(DomainError) as exc:
        variant_translation_set(cooperative_id=two.coop_b.pk, variant_id=variant.pk,
                                language_code="ar", name="pris")
    assert codes(exc) == [("id", "NOT_FOUND")]
    with pytest.raises(DomainError):
        product_translation_set(cooperative_id=two.coop_b.pk, product_id=two.product_a.pk,
                                language_code="ar", name="pris")
    assert ProductVariantTranslation.objects.get(variant=variant).name == "1 غ"
    assert not ProductTranslation.objects.exists()


def test_publish_makes_the_product_visible_and_unpublish_hides_it(two, channel, category):
    product = product_create(cooperative_id=two.coop_a.pk, name="Miel d'euphorbe",
                             category_id=category.pk, channel_ids=[channel.pk])
    variant_create(cooperative_id=two.coop_a.pk, product_id=product.pk, name="250 g",
                   prices=[ChannelPriceInput(channel.pk, "90")], quantity=4)
    assert product not in products_visible(channel)

    product_channel_listing_update(cooperative_id=two.coop_a.pk, product_id=product.pk,
                                   update_channels=[ChannelListingInput(channel.pk,
                                                                        is_published=True)])
    listing = ProductChannelListing.objects.get(product=product)
    assert listing.is_published and listing.published_at is not None
    assert listing.discounted_price_amount == Decimal("90.00")
    assert product in products_visible(channel)

    product_channel_listing_update(cooperative_id=two.coop_a.pk, product_id=product.pk,
                                   update_channels=[ChannelListingInput(channel.pk,
                                                                        is_published=False)])
    assert product not in products_visible(channel)


def test_publishing_needs_a_category(two, channel):
    product = product_create(cooperative_id=two.coop_a.pk, name="Sans catégorie",
                             channel_ids=[channel.pk])
    with pytest.raises(DomainError) as exc:
        product_channel_listing_update(
            cooperative_id=two.coop_a.pk, product_id=product.pk,
            update_channels=[ChannelListingInput(channel.pk, is_published=True)])
    assert codes(exc) == [("category", "PRODUCT_WITHOUT_CATEGORY")]
    assert not ProductChannelListing.objects.get(product=product).is_published


def test_removing_a_channel_removes_its_prices_and_bad_input_is_refused(two, channel):
    pro = ChannelFactory(slug="pro", name="Pro")
    with pytest.raises(DomainError) as exc:
        product_channel_listing_update(cooperative_id=two.coop_a.pk,
                                       product_id=two.product_a.pk,
                                       update_channels=[ChannelListingInput(pro.pk)],
                                       remove_channels=[pro.pk])
    assert codes(exc) == [("updateChannels", "DUPLICATED_INPUT_ITEM")]
    with pytest.raises(DomainError) as exc:
        product_channel_listing_update(cooperative_id=two.coop_a.pk,
                                       product_id=two.product_a.pk, remove_channels=["x"])
    assert codes(exc) == [("removeChannels", "NOT_FOUND")]
    with pytest.raises(DomainError) as exc:
        product_channel_listing_update(cooperative_id=two.coop_b.pk,
                                       product_id=two.product_a.pk,
                                       remove_channels=[channel.pk])
    assert codes(exc) == [("id", "NOT_FOUND")]
    assert ProductChannelListing.objects.filter(product=two.product_a).count() == 1

    product_channel_listing_update(cooperative_id=two.coop_a.pk, product_id=two.product_a.pk,
                                   remove_channels=[channel.pk])
    assert not ProductChannelListing.objects.filter(product=two.product_a).exists()
    assert not ProductVariantChannelListing.objects.filter(
        variant__product=two.product_a).exists()
