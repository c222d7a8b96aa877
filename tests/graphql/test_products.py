"""Product and variant fields, lookups and visibility, as a Saleor client reads them."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from django.utils import timezone

from backend.cooperatives.models import CooperativeStatus
from catalog.models import (
    Label,
    ProductChannelListing,
    ProductLabel,
    ProductVariantChannelListing,
    Stock,
)
from tests.factories.catalog import CategoryFactory, ProductVariantFactory, make_listed_product
from tests.graphql.conftest import add_photo, gid

pytestmark = pytest.mark.django_db

PRODUCT = """query($slug: String, $id: ID) { product(slug: $slug, id: $id, channel: "maroc") {
  id name slug description seoTitle seoDescription created updatedAt isAvailable channel
  weight { value } rating externalReference isAvailableForPurchase availableForPurchaseAt
  productType { id name slug kind hasVariants isShippingRequired }
  category { id name slug level }
  defaultVariant { id sku }
  pricing { onSale discount { gross { amount } } displayGrossPrices
    priceRange { start { currency gross { amount currency fractionalAmount fractionDigits }
                                  net { amount } tax { amount } }
                 stop { gross { amount } } }
    priceRangeUndiscounted { start { gross { amount } } stop { gross { amount } } } }
} }"""


@pytest.fixture
def saffron(channel, cooperative):
    category = CategoryFactory(name="Épices", slug="epices")
    return make_listed_product(
        channel=channel, cooperative=cooperative, category=category, slug="safran-taliouine",
        name="Safran de Taliouine", variants=2, price="60.00", seo_title="Safran pur",
        description={"blocks": [{"type": "paragraph", "data": {"text": "Pistils rouges."}}]})


def test_a_product_shows_saleors_fields_with_exact_values(saffron, graphql_data):
    product = graphql_data(PRODUCT, slug="safran-taliouine")["product"]

    first, second = saffron.variants.order_by("sort_order")
    assert json.loads(product.pop("description")) == {
        "blocks": [{"type": "paragraph", "data": {"text": "Pistils rouges."}}]}
    assert product == {
        "id": gid("Product", saffron.pk), "name": "Safran de Taliouine",
        "slug": "safran-taliouine",
        "seoTitle": "Safran pur", "seoDescription": None,
        "created": saffron.created_at.isoformat(), "updatedAt": saffron.updated_at.isoformat(),
        "isAvailable": True, "channel": "maroc", "weight": None, "rating": None,
        "externalReference": None, "isAvailableForPurchase": True,
        "availableForPurchaseAt": None,
        "productType": {"id": gid("ProductType", saffron.product_type_id),
                        "name": "Produit du terroir", "slug": "terroir", "kind": "NORMAL",
                        "hasVariants": True, "isShippingRequired": True},
        "category": {"id": gid("Category", saffron.category_id), "name": "Épices",
                     "slug": "epices", "level": 0},
        "defaultVariant": {"id": gid("ProductVariant", first.pk), "sku": first.sku},
        "pricing": {
            "onSale": False, "discount": None, "displayGrossPrices": True,
            "priceRange": {
                "start": {"currency": "MAD",
                          "gross": {"amount": 60.0, "currency": "MAD", "fractionalAmount": 6000,
                                    "fractionDigits": 2},
                          "net": {"amount": 60.0}, "tax": {"amount": 0.0}},
                "stop": {"gross": {"amount": 61.0}}},
            "priceRangeUndiscounted": {"start": {"gross": {"amount": 60.0}},
                                       "stop": {"gross": {"amount": 61.0}}},
        },
    }
    assert second.sku != first.sku


def test_a_product_is_found_by_its_relay_id(saffron, graphql_data):
    product = graphql_data(PRODUCT, id=gid("Product", saffron.pk))["product"]

    assert product["slug"] == "safran-taliouine"


def test_an_unknown_slug_or_pk_is_null(saffron, graphql_data):
    assert graphql_data(PRODUCT, slug="nope") == {"product": None}
    assert graphql_data(PRODUCT, id=gid("Product", saffron.pk + 1000)) == {"product": None}


def test_an_id_of_another_type_is_null_not_an_error(saffron, graphql_data):
    assert graphql_data(PRODUCT, id=gid("Category", saffron.category_id)) == {"product": None}


def test_a_slug_with_a_nul_character_finds_nothing_without_a_server_error(saffron,
                                                                          graphql_data):
    assert graphql_data(PRODUCT, slug="safran\x00") == {"product": None}


@pytest.mark.parametrize(("variables", "message"), [
    ({"id": ""}, "At least one of arguments is required: 'id', 'slug', 'external_reference'."),
    ({}, "At least one of arguments is required: 'id', 'slug', 'external_reference'."),
    ({"id": "garbage"}, "Invalid ID: garbage. Expected: Product."),
    ({"id": "UHJvZHVjdDox\x00"}, "Invalid ID: UHJvZHVjdDox\\x00. Expected: Product."),
    ({"id": gid("Product", 1), "slug": "x"}, "Argument 'id' cannot be combined with 'slug'"),
])
def test_malformed_or_missing_ids_are_clean_graphql_errors(saffron, graphql, variables,
                                                           message):
    body = graphql(PRODUCT, **variables)

    assert body["data"] == {"product": None}
    assert [error["message"] for error in body["errors"]] == [message]


def test_an_unpublished_product_is_invisible(saffron, graphql_data):
    ProductChannelListing.objects.filter(product=saffron).update(is_published=False)

    assert graphql_data(PRODUCT, slug=saffron.slug) == {"product": None}
    assert graphql_data('{ products(first: 5) { totalCount } }') == {
        "products": {"totalCount": 0}}


def test_a_product_published_in_the_future_is_invisible_until_then(saffron, graphql_data):
    ProductChannelListing.objects.filter(product=saffron).update(
        published_at=timezone.now() + dt.timedelta(days=1))

    assert graphql_data(PRODUCT, slug=saffron.slug) == {"product": None}


def test_products_of_a_suspended_cooperative_are_invisible(saffron, graphql_data):
    saffron.cooperative.status = CooperativeStatus.SUSPENDED
    saffron.cooperative.save()

    assert graphql_data(PRODUCT, slug=saffron.slug) == {"product": None}
    assert graphql_data('{ products(first: 5) { totalCount } }') == {
        "products": {"totalCount": 0}}


def test_a_product_hidden_from_listings_is_reachable_by_slug_only(saffron, graphql_data):
    ProductChannelListing.objects.filter(product=saffron).update(visible_in_listings=False)

    assert graphql_data(PRODUCT, slug=saffron.slug)["product"]["slug"] == saffron.slug
    assert graphql_data('{ products(first: 5) { totalCount } }') == {
        "products": {"totalCount": 0}}


def test_a_product_out_of_stock_is_not_available(saffron, graphql_data):
    Stock.objects.filter(variant__product=saffron).update(quantity=0)

    assert graphql_data(PRODUCT, slug=saffron.slug)["product"]["isAvailable"] is False


def test_a_product_with_a_future_purchase_date_is_not_available_for_purchase_yet(
        saffron, graphql_data):
    when = timezone.now() + dt.timedelta(days=3)
    ProductChannelListing.objects.filter(product=saffron).update(available_for_purchase_at=when)

    product = graphql_data(PRODUCT, slug=saffron.slug)["product"]

    assert product["isAvailableForPurchase"] is False
    assert product["availableForPurchaseAt"] == when.isoformat()


VARIANTS = """query($slug: String!) { product(slug: $slug, channel: "maroc") {
  variants { id name sku trackInventory quantityLimitPerCustomer quantityAvailable channel
             weight { unit value } created updatedAt externalReference media { url }
             product { slug }
             pricing { onSale discount { gross { amount } }
                       price { gross { amount currency } net { amount } tax { amount } }
                       priceUndiscounted { gross { amount } } } } } }"""


def test_variants_show_price_stock_and_weight_in_the_channel(saffron, graphql_data):
    first, second = saffron.variants.order_by("sort_order")
    Stock.objects.filter(variant=second).update(quantity=8, quantity_allocated=3)

    variants = graphql_data(VARIANTS, slug=saffron.slug)["product"]["variants"]

    assert variants == [
        {"id": gid("ProductVariant", first.pk), "name": "1 g", "sku": first.sku,
         "trackInventory": True, "quantityLimitPerCustomer": None, "quantityAvailable": 10,
         "channel": "maroc", "weight": {"unit": "G", "value": 50.0},
         "created": first.created_at.isoformat(), "updatedAt": first.updated_at.isoformat(),
         "externalReference": None, "media": [], "product": {"slug": saffron.slug},
         "pricing": {"onSale": False, "discount": None,
                     "price": {"gross": {"amount": 60.0, "currency": "MAD"},
                               "net": {"amount": 60.0}, "tax": {"amount": 0.0}},
                     "priceUndiscounted": {"gross": {"amount": 60.0}}}},
        {"id": gid("ProductVariant", second.pk), "name": "2 g", "sku": second.sku,
         "trackInventory": True, "quantityLimitPerCustomer": None, "quantityAvailable": 5,
         "channel": "maroc", "weight": {"unit": "G", "value": 50.0},
         "created": second.created_at.isoformat(), "updatedAt": second.updated_at.isoformat(),
         "externalReference": None, "media": [], "product": {"slug": saffron.slug},
         "pricing": {"onSale": False, "discount": None,
                     "price": {"gross": {"amount": 61.0, "currency": "MAD"},
                               "net": {"amount": 61.0}, "tax": {"amount": 0.0}},
                     "priceUndiscounted": {"gross": {"amount": 61.0}}}},
    ]


def test_a_variant_without_a_price_in_the_channel_is_not_listed(saffron, graphql_data):
    ProductVariantFactory(product=saffron, name="5 g", sort_order=9)

    variants = graphql_data(VARIANTS, slug=saffron.slug)["product"]["variants"]

    assert [v["name"] for v in variants] == ["1 g", "2 g"]


VARIANT = """query($id: ID, $sku: String) { productVariant(id: $id, sku: $sku, channel: "maroc") {
  id name sku quantityAvailable pricing { price { gross { amount currency } } }
  product { id name thumbnail { url } } } }"""


def test_a_variant_is_found_by_id_or_sku_with_its_price_and_stock(saffron, graphql_data):
    variant = saffron.variants.order_by("sort_order").last()

    by_id = graphql_data(VARIANT, id=gid("ProductVariant", variant.pk))["productVariant"]
    by_sku = graphql_data(VARIANT, sku=variant.sku)["productVariant"]

    assert by_id == by_sku == {
        "id": gid("ProductVariant", variant.pk), "name": "2 g", "sku": variant.sku,
        "quantityAvailable": 10, "pricing": {"price": {"gross": {"amount": 61.0,
                                                                 "currency": "MAD"}}},
        "product": {"id": gid("Product", saffron.pk), "name": "Safran de Taliouine",
                    "thumbnail": None}}


def test_a_variant_not_stock_tracked_is_always_available(saffron, graphql_data):
    variant = saffron.variants.first()
    variant.track_inventory = False
    variant.save()

    found = graphql_data(VARIANT, sku=variant.sku)["productVariant"]

    assert found["quantityAvailable"] == 10_000


def test_an_unknown_or_invisible_variant_is_null(saffron, graphql_data):
    variant = saffron.variants.first()
    unpriced = ProductVariantFactory(product=saffron)

    assert graphql_data(VARIANT, sku="NOPE") == {"productVariant": None}
    assert graphql_data(VARIANT, sku=unpriced.sku) == {"productVariant": None}
    assert graphql_data(VARIANT, id=gid("Product", saffron.pk)) == {"productVariant": None}
    ProductChannelListing.objects.filter(product=saffron).update(is_published=False)
    assert graphql_data(VARIANT, sku=variant.sku) == {"productVariant": None}


@pytest.mark.parametrize(("variables", "message"), [
    ({}, "At least one of arguments is required: 'id', 'sku', 'external_reference'."),
    ({"id": "x"}, "Invalid ID: x. Expected: ProductVariant."),
    ({"id": gid("ProductVariant", 1), "sku": "A"}, "Argument 'id' cannot be combined with 'sku'"),
])
def test_variant_lookup_errors_are_saleors(saffron, graphql, variables, message):
    body = graphql(VARIANT, **variables)

    assert [error["message"] for error in body["errors"]] == [message]


MEDIA = """query($slug: String!) { product(slug: $slug, channel: "maroc") {
  thumbnail { url alt } webp: thumbnail(size: 200, format: WEBP) { url alt }
  media { id alt type sortOrder productId oembedData
          original: url(size: 0) large: url(size: 512, format: WEBP) url }
  second: mediaById(id: "%s") { alt } } }"""


def test_thumbnail_and_media_give_absolute_urls_of_the_right_size(saffron, graphql_data):
    back = add_photo(saffron, alt="Au dos", sort_order=2, name="back.png")
    front = add_photo(saffron, alt="Les pistils", sizes=(256, 512), sort_order=1)

    product = graphql_data(MEDIA % gid("ProductMedia", back.pk), slug=saffron.slug)["product"]

    base = "http://testserver"
    # ORIGINAL (the default format) is served by the WebP thumbnail of that size.
    assert product["thumbnail"] == {"url": f"{base}/media/thumbnails/{front.pk}-256.webp",
                                    "alt": "Les pistils"}
    assert product["webp"] == {"url": f"{base}/media/thumbnails/{front.pk}-256.webp",
                               "alt": "Les pistils"}
    assert product["media"] == [
        {"id": gid("ProductMedia", front.pk), "alt": "Les pistils", "type": "IMAGE",
         "sortOrder": 1, "productId": gid("Product", saffron.pk), "oembedData": "{}",
         "original": base + front.image.url,
         "large": f"{base}/media/thumbnails/{front.pk}-512.webp", "url": base + front.image.url},
        {"id": gid("ProductMedia", back.pk), "alt": "Au dos", "type": "IMAGE", "sortOrder": 2,
         "productId": gid("Product", saffron.pk), "oembedData": "{}",
         "original": base + back.image.url, "large": base + back.image.url,
         "url": base + back.image.url},
    ]
    assert product["second"] == {"alt": "Au dos"}


def test_media_urls_use_public_url_when_it_is_set(saffron, graphql_data, settings):
    settings.PUBLIC_URL = "https://cdn.coopstore.ma"
    photo = add_photo(saffron, sizes=(256,))

    data = graphql_data('query($slug: String!) { product(slug: $slug) { '
                        'thumbnail(format: WEBP) { url } } }', slug=saffron.slug)

    assert data["product"]["thumbnail"] == {
        "url": f"https://cdn.coopstore.ma/media/thumbnails/{photo.pk}-256.webp"}


def test_media_can_be_sorted_by_id_descending(saffron, graphql_data):
    first = add_photo(saffron, alt="A", sort_order=5)
    second = add_photo(saffron, alt="B", sort_order=1)

    data = graphql_data('query($slug: String!) { product(slug: $slug) { '
                        'media(sortBy: {field: ID, direction: DESC}) { alt } } }',
                        slug=saffron.slug)

    assert second.pk > first.pk
    assert data["product"]["media"] == [{"alt": "B"}, {"alt": "A"}]


def test_labels_show_kind_names_and_certificate(saffron, graphql_data):
    aop = Label.objects.create(kind="AOP", slug="aop-safran-de-taliouine",
                               name="AOP Safran de Taliouine", name_ar="تسمية المنشأ المحمية",
                               name_en="PDO Taliouine Saffron")
    bio = Label.objects.create(kind="ORGANIC", slug="bio", name="Agriculture biologique")
    aop_label = ProductLabel.objects.create(product=saffron, label=aop,
                                            certificate_reference="AOP-2010-07",
                                            expiry_date=dt.date(2030, 6, 30))
    bio_label = ProductLabel.objects.create(product=saffron, label=bio,
                                            certificate_reference="BIO-1",
                                            expiry_date=dt.date(2020, 1, 1))

    labels = graphql_data("""query($slug: String!) { product(slug: $slug) { labels {
      id kind slug name ar: localizedName(languageCode: AR) en: localizedName(languageCode: EN)
      certificateReference expiryDate isExpired } } }""", slug=saffron.slug)["product"]["labels"]

    assert sorted(labels, key=lambda label: label["slug"]) == [
        {"id": gid("ProductLabel", aop_label.pk), "kind": "AOP",
         "slug": "aop-safran-de-taliouine", "name": "AOP Safran de Taliouine",
         "ar": "تسمية المنشأ المحمية", "en": "PDO Taliouine Saffron",
         "certificateReference": "AOP-2010-07", "expiryDate": "2030-06-30", "isExpired": False},
        {"id": gid("ProductLabel", bio_label.pk), "kind": "ORGANIC", "slug": "bio",
         "name": "Agriculture biologique",
         "ar": "Agriculture biologique", "en": "Agriculture biologique",
         "certificateReference": "BIO-1", "expiryDate": "2020-01-01", "isExpired": True},
    ]


def test_product_shows_its_cooperative(saffron, graphql_data):
    cooperative = graphql_data("""query($slug: String!) { product(slug: $slug) { cooperative {
      id name slug womenLed region { code } city { name } } } }""",
                               slug=saffron.slug)["product"]["cooperative"]

    assert cooperative == {"id": gid("Cooperative", saffron.cooperative_id),
                           "name": saffron.cooperative.name, "slug": saffron.cooperative.slug,
                           "womenLed": False, "region": {"code": "MA-09"},
                           "city": {"name": "Taliouine"}}


def test_public_metadata_is_readable_and_private_metadata_needs_staff(saffron, graphql):
    saffron.metadata = {"origin": "Taliouine", "harvest": "2026"}
    saffron.private_metadata = {"margin": "secret"}
    saffron.save()

    public = graphql("""query($slug: String!) { product(slug: $slug) { metadata { key value }
      metafield(key: "origin") missing: metafield(key: "nope")
      metafields(keys: ["harvest"]) all: metafields } }""", slug=saffron.slug)
    private = graphql('query($slug: String!) { product(slug: $slug) { privateMetadata { key } } }',
                      slug=saffron.slug)

    assert public["data"]["product"] == {
        "metadata": [{"key": "origin", "value": "Taliouine"}, {"key": "harvest", "value": "2026"}],
        "metafield": "Taliouine", "missing": None, "metafields": {"harvest": "2026"},
        "all": {"origin": "Taliouine", "harvest": "2026"}}
    assert [error["message"] for error in private["errors"]] == [
        "To access this path, you need one of the following permissions: MANAGE_PRODUCTS"]
    assert "secret" not in str(private)


def test_staff_can_read_private_metadata(saffron, graphql_data, api_login):
    saffron.private_metadata = {"margin": "30"}
    saffron.save()
    from tests.factories.catalog import UserFactory

    api_login(UserFactory(is_staff=True))

    data = graphql_data('query($slug: String!) { product(slug: $slug) { '
                        'privateMetadata { key value } privateMetafield(key: "margin") } }',
                        slug=saffron.slug)

    assert data["product"] == {"privateMetadata": [{"key": "margin", "value": "30"}],
                               "privateMetafield": "30"}


def test_variant_prices_in_another_channel_do_not_leak(saffron, other_channel, graphql_data):
    variant = saffron.variants.first()
    ProductVariantChannelListing.objects.create(variant=variant, channel=other_channel,
                                                currency="EUR", price_amount="1.00")

    data = graphql_data(VARIANT, sku=variant.sku)

    assert data["productVariant"]["pricing"]["price"]["gross"] == {"amount": 60.0,
                                                                   "currency": "MAD"}
