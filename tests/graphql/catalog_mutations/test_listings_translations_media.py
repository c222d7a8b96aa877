"""Channel listings, translations and photo order/alt/delete; isolation and query counts."""
from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.models import (
    ProductChannelListing,
    ProductMedia,
    ProductTranslation,
    ProductVariantChannelListing,
    ProductVariantTranslation,
)
from tests.graphql.conftest import add_photo, gid

pytestmark = pytest.mark.django_db

LISTING = """
mutation($id: ID!, $input: ProductChannelListingUpdateInput!) {
  productChannelListingUpdate(id: $id, input: $input) {
    product { id }
    errors { field code message variants }
    productChannelListingErrors { code }
  }
}"""
TRANSLATE = """
mutation($id: ID!, $lang: LanguageCodeEnum!, $input: TranslationInput!) {
  productTranslate(id: $id, languageCode: $lang, input: $input) {
    product { id name translation(languageCode: $lang) { name description } }
    errors { field code message }
    translationErrors { code }
  }
}"""
VARIANT_TRANSLATE = """
mutation($id: ID!, $lang: LanguageCodeEnum!, $name: String) {
  productVariantTranslate(id: $id, languageCode: $lang, input: {name: $name}) {
    productVariant { id translation(languageCode: $lang) { name } }
    errors { field code }
  }
}"""
REORDER = """
mutation($product: ID!, $media: [ID!]!) {
  productMediaReorder(productId: $product, mediaIds: $media) {
    media { id sortOrder alt url }
    product { id }
    errors { field code }
  }
}"""
MEDIA_UPDATE = """
mutation($id: ID!, $alt: String) {
  productMediaUpdate(id: $id, input: {alt: $alt}) { media { id alt } errors { field code } }
}"""
MEDIA_DELETE = """
mutation($id: ID!) {
  productMediaDelete(id: $id) { media { id } product { id } errors { field code } }
}"""


def test_a_manager_unpublishes_and_republishes_in_a_channel(graphql, as_a, product_a, channel):
    channel_id = gid("Channel", channel.pk)

    off = graphql(LISTING, id=gid("Product", product_a.pk), input={"updateChannels": [
        {"channelId": channel_id, "isPublished": False, "visibleInListings": False}]})
    assert off["data"]["productChannelListingUpdate"]["errors"] == []
    listing = ProductChannelListing.objects.get(product=product_a)
    assert (listing.is_published, listing.visible_in_listings) == (False, False)

    graphql(LISTING, id=gid("Product", product_a.pk), input={"updateChannels": [
        {"channelId": channel_id, "isPublished": True, "isAvailableForPurchase": True}]})
    listing.refresh_from_db()
    assert listing.is_published and listing.available_for_purchase_at is None


def test_removing_a_channel_and_variants_from_it(graphql, as_a, product_a, channel):
    first = product_a.variants.first()
    channel_id = gid("Channel", channel.pk)

    graphql(LISTING, id=gid("Product", product_a.pk), input={"updateChannels": [
        {"channelId": channel_id, "removeVariants": [gid("ProductVariant", first.pk)]}]})
    assert not ProductVariantChannelListing.objects.filter(variant=first).exists()
    assert ProductVariantChannelListing.objects.filter(variant__product=product_a).count() == 1

    graphql(LISTING, id=gid("Product", product_a.pk), input={"removeChannels": [channel_id]})
    assert not ProductChannelListing.objects.filter(product=product_a).exists()


@pytest.mark.parametrize(("case", "field", "code"), [
    ("other_product", "id", "NOT_FOUND"),
    ("bad_channel", "updateChannels", "GRAPHQL_ERROR"),
    ("missing_channel", "updateChannels", "NOT_FOUND"),
    ("foreign_variant", "removeVariants", "NOT_PRODUCTS_VARIANT"),
    ("not_purchasable", "isAvailableForPurchase", "INVALID"),
    ("update_and_remove", "updateChannels", "DUPLICATED_INPUT_ITEM"),
    ("no_category", "category", "PRODUCT_WITHOUT_CATEGORY"),
])
def test_listing_refusals_change_nothing(graphql, as_a, product_a, product_b, channel, case,
                                         field, code, unchanged):
    channel_id = gid("Channel", channel.pk)
    target, entry, extra = product_a, {"channelId": channel_id, "isPublished": True}, {}
    if case == "other_product":
        target = product_b
    elif case == "bad_channel":
        entry["channelId"] = "\x00"
    elif case == "missing_channel":
        entry["channelId"] = gid("Channel", 99999)
    elif case == "foreign_variant":
        entry["removeVariants"] = [gid("ProductVariant", product_b.variants.first().pk)]
    elif case == "not_purchasable":
        entry["isAvailableForPurchase"] = False
    elif case == "update_and_remove":
        extra = {"removeChannels": [channel_id]}
    else:
        product_a.category = None
        product_a.save(update_fields=["category"])
        ProductChannelListing.objects.filter(product=product_a).update(is_published=False)
    with unchanged():
        result = graphql(LISTING, id=gid("Product", target.pk),
                         input={"updateChannels": [entry], **extra})["data"][
            "productChannelListingUpdate"]

    assert [(e["field"], e["code"]) for e in result["errors"]] == [(field, code)]
    assert result["productChannelListingErrors"] == [{"code": code}]


def test_a_manager_translates_a_product_into_arabic(graphql, as_a, product_a):
    description = {"blocks": [{"type": "paragraph", "data": {"text": "زعفران تالوين"}}]}

    result = graphql(TRANSLATE, id=gid("Product", product_a.pk), lang="AR",
                     input={"name": "زعفران", "description": json.dumps(description),
                            "slug": "ignored"})["data"]["productTranslate"]

    assert result["errors"] == [] and result["translationErrors"] == []
    assert result["product"]["name"] == "Safran pur"
    assert result["product"]["translation"]["name"] == "زعفران"
    assert json.loads(result["product"]["translation"]["description"]) == description
    assert ProductTranslation.objects.get(product=product_a).language_code == "ar"


@pytest.mark.parametrize(("lang", "args", "field", "code"), [
    ("AR", {"input": {"name": "x" * 300}}, "name", "INVALID"),
    ("AR", {"input": {"name": "\x00"}}, "name", "INVALID"),
    ("FR", {"input": {"name": ""}}, "name", "REQUIRED"),
    ("AR", {"id": "other"}, "id", "NOT_FOUND"),
    ("AR", {"id": "garbage"}, "id", "GRAPHQL_ERROR"),
])
def test_translation_refusals_use_saleors_translation_error(graphql, as_a, product_a, product_b,
                                                            lang, args, field, code, unchanged):
    product_id = {"other": gid("Product", product_b.pk), "garbage": "garbage"}.get(
        args.get("id"), gid("Product", product_a.pk))
    with unchanged():
        result = graphql(TRANSLATE, id=product_id, lang=lang,
                         input=args.get("input", {"name": "Nom"}))["data"]["productTranslate"]

    assert [(e["field"], e["code"]) for e in result["errors"]] == [(field, code)]


def test_a_variant_name_in_english(graphql, as_a, as_b, api_login, manager_a, product_a,
                                   product_b, unchanged):
    api_login(manager_a)
    variant = product_a.variants.first()

    result = graphql(VARIANT_TRANSLATE, id=gid("ProductVariant", variant.pk), lang="EN",
                     name="1 gram")["data"]["productVariantTranslate"]
    with unchanged():
        foreign = graphql(VARIANT_TRANSLATE, lang="EN", name="x", id=gid(
            "ProductVariant", product_b.variants.first().pk))["data"]["productVariantTranslate"]

    assert result["productVariant"]["translation"] == {"name": "1 gram"}
    assert ProductVariantTranslation.objects.get(variant=variant).name == "1 gram"
    assert [e["code"] for e in foreign["errors"]] == ["NOT_FOUND"]


def _reorder_queries(graphql, product, photos) -> int:
    wanted = [gid("ProductMedia", p.pk) for p in reversed(photos)]
    with CaptureQueriesContext(connection) as queries:
        result = graphql(REORDER, product=gid("Product", product.pk), media=wanted)[
            "data"]["productMediaReorder"]
    assert result["errors"] == []
    assert [m["id"] for m in result["media"]] == wanted
    assert [m["sortOrder"] for m in result["media"]] == list(range(len(photos)))
    assert all(m["url"] for m in result["media"])
    return len(queries)


def test_reordering_photos_answers_in_a_fixed_number_of_queries(graphql, as_a, product_a):
    photos = [add_photo(product_a, alt=f"Photo {i}", sort_order=i, sizes=(256,))
              for i in range(3)]
    few = _reorder_queries(graphql, product_a, photos)
    photos += [add_photo(product_a, sort_order=i, sizes=(256,)) for i in range(3, 12)]
    photos.sort(key=lambda p: ProductMedia.objects.get(pk=p.pk).sort_order)

    many = _reorder_queries(graphql, product_a, photos)

    assert few == many


def test_reorder_refusals(graphql, as_a, product_a, product_b, unchanged):
    mine = [add_photo(product_a, sort_order=i) for i in range(2)]
    theirs = add_photo(product_b)
    with unchanged():
        foreign = graphql(REORDER, product=gid("Product", product_a.pk),
                          media=[gid("ProductMedia", theirs.pk), gid("ProductMedia",
                                                                      mine[0].pk)])
        partial = graphql(REORDER, product=gid("Product", product_a.pk),
                          media=[gid("ProductMedia", mine[0].pk)])
        other_product = graphql(REORDER, product=gid("Product", product_b.pk),
                                media=[gid("ProductMedia", theirs.pk)])

    assert [e["code"] for e in foreign["data"]["productMediaReorder"]["errors"]] == [
        "NOT_PRODUCTS_IMAGE"]
    assert [e["code"] for e in partial["data"]["productMediaReorder"]["errors"]] == ["INVALID"]
    assert [(e["field"], e["code"]) for e in other_product["data"]["productMediaReorder"][
        "errors"]] == [("productId", "NOT_FOUND")]


def test_alt_text_and_delete_of_own_photos_only(graphql, as_a, product_a, product_b,
                                                unchanged):
    mine, theirs = add_photo(product_a), add_photo(product_b)

    updated = graphql(MEDIA_UPDATE, id=gid("ProductMedia", mine.pk), alt="Pistils rouges")
    with unchanged():
        foreign_update = graphql(MEDIA_UPDATE, id=gid("ProductMedia", theirs.pk), alt="x")
        foreign_delete = graphql(MEDIA_DELETE, id=gid("ProductMedia", theirs.pk))
        bad_alt = graphql(MEDIA_UPDATE, id=gid("ProductMedia", mine.pk), alt="x" * 1000)
    deleted = graphql(MEDIA_DELETE, id=gid("ProductMedia", mine.pk))

    assert updated["data"]["productMediaUpdate"] == {
        "media": {"id": gid("ProductMedia", mine.pk), "alt": "Pistils rouges"}, "errors": []}
    assert [e["code"] for e in foreign_update["data"]["productMediaUpdate"]["errors"]] == [
        "NOT_FOUND"]
    assert [e["code"] for e in foreign_delete["data"]["productMediaDelete"]["errors"]] == [
        "NOT_FOUND"]
    assert [(e["field"], e["code"]) for e in bad_alt["data"]["productMediaUpdate"][
        "errors"]] == [("alt", "INVALID")]
    assert deleted["data"]["productMediaDelete"] == {
        "media": {"id": gid("ProductMedia", mine.pk)},
        "product": {"id": gid("Product", product_a.pk)}, "errors": []}
    assert list(ProductMedia.objects.values_list("pk", flat=True)) == [theirs.pk]
