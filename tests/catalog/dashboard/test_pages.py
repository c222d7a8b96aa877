"""The /coop/products/ pages: what they show and change, and isolation both ways."""
from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.models import (
    Product,
    ProductChannelListing,
    ProductMedia,
    ProductTranslation,
    ProductVariant,
    ProductVariantChannelListing,
    Stock,
    StockLot,
)
from catalog.services.lots import lot_create
from catalog.services.media import media_add
from tests.catalog.services.uploads import (
    bomb_png,
    jpeg,
    not_an_image,
    oversized,
    truncated,
    upload,
)
from tests.factories.catalog import UserFactory, make_listed_product


def snapshot() -> dict:
    """Every catalog row a page could change, to assert that a refusal changed nothing."""
    return {
        "products": list(Product.objects.order_by("pk").values()),
        "variants": list(ProductVariant.objects.order_by("pk").values()),
        "stock": list(Stock.objects.order_by("pk").values()),
        "prices": list(ProductVariantChannelListing.objects.order_by("pk").values()),
        "listings": list(ProductChannelListing.objects.order_by("pk").values()),
        "media": list(ProductMedia.objects.order_by("pk").values()),
        "lots": list(StockLot.objects.order_by("pk").values()),
        "translations": list(ProductTranslation.objects.order_by("pk").values()),
    }


def test_signed_out_visitors_go_to_login_and_customers_are_refused(sides):
    anonymous = Client()
    response = anonymous.get(reverse("coop_catalog:products"))
    assert response.status_code == 302 and "login" in response["Location"]
    customer = Client()
    customer.force_login(UserFactory())
    assert customer.get(reverse("coop_catalog:products")).status_code == 403


def test_list_shows_only_own_products_with_markers(sides):
    a, b = sides
    response = a.client.get(reverse("coop_catalog:products"))
    body = response.content.decode()
    assert response.status_code == 200
    assert a.product.name in body and b.product.name not in body
    assert 'data-missing="ar"' in body and 'data-missing="en"' in body


def test_list_filters(sides, channel):
    a, _b = sides
    out = make_listed_product(channel=channel, cooperative=a.coop, quantity=0, name="Miel vide")
    hidden = make_listed_product(channel=channel, cooperative=a.coop, name="Argan caché")
    ProductChannelListing.objects.filter(product=hidden).update(is_published=False)
    ProductTranslation.objects.create(product=a.product, language_code="ar", name="زعفران")
    ProductTranslation.objects.create(product=a.product, language_code="en", name="Saffron")
    url = reverse("coop_catalog:products")

    def names(**params) -> set[str]:
        response = a.client.get(url, params)
        return {p.name for p in Product.objects.filter(cooperative=a.coop)
                if f'id="p-{p.pk}"' in response.content.decode()}

    assert names(stock="out") == {"Miel vide"}
    assert names(published="no") == {"Argan caché"}
    assert names(published="yes") == {a.product.name, "Miel vide"}
    assert names(missing="translation") == {"Miel vide", "Argan caché"}
    assert names(q="argan") == {"Argan caché"}
    assert names(q="\x00") == {a.product.name, "Miel vide", "Argan caché"}
    assert out.pk


def _list_queries(client: Client) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("coop_catalog:products"))
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_list_query_count_is_the_same_for_10_and_40_products(sides, channel):
    a, _b = sides
    for _n in range(9):
        product = make_listed_product(channel=channel, cooperative=a.coop, variants=2)
        media_add(cooperative_id=a.coop.pk, product_id=product.pk, image=upload(jpeg(16, 16)))
    ten = _list_queries(a.client)
    for _n in range(30):
        product = make_listed_product(channel=channel, cooperative=a.coop, variants=3)
        media_add(cooperative_id=a.coop.pk, product_id=product.pk, image=upload(jpeg(16, 16)))
    forty = _list_queries(a.client)
    assert ten == forty
    assert a.client.get(reverse("coop_catalog:products"), {"page": 2}).status_code == 200


def test_create_a_product_with_its_first_size(sides, channel, category):
    a, _b = sides
    response = a.client.post(reverse("coop_catalog:create"), {
        "name": "Amlou aux amandes", "category": category.pk, "description": "Pâte à tartiner.",
        "variant_name": "250 g", "sku": "AMLOU-250", "weight_grams": "300", "price": "75,50",
        "quantity": "8"})
    product = Product.objects.get(name="Amlou aux amandes")
    assert response.status_code == 303
    assert response["Location"] == reverse("coop_catalog:edit", args=[product.pk])
    assert product.cooperative_id == a.coop.pk
    variant = product.variants.get()
    assert (variant.sku, variant.weight_grams, variant.stock.quantity) == ("AMLOU-250", 300, 8)
    assert variant.channel_listings.get().price_amount == Decimal("75.50")
    assert not ProductChannelListing.objects.get(product=product).is_published


def test_create_with_a_bad_price_shows_the_error_and_writes_nothing(sides):
    a, _b = sides
    before = snapshot()
    response = a.client.post(reverse("coop_catalog:create"), {
        "name": "Amlou", "variant_name": "250 g", "price": "-4", "quantity": "1"})
    assert response.status_code == 200
    assert "prix" in response.content.decode().lower()
    assert snapshot() == before


def test_edit_translate_add_size_and_publish(sides, channel, category):
    a, _b = sides
    url = reverse("coop_catalog:edit", args=[a.product.pk])
    assert a.client.post(url, {"name": "Safran pur", "category": category.pk,
                               "description": "Rouge."}).status_code == 303
    assert a.client.post(reverse("coop_catalog:translate", args=[a.product.pk, "ar"]),
                         {"ar-name": "زعفران حر"}).status_code == 303
    assert ProductTranslation.objects.get(product=a.product, language_code="ar").name == \
        "زعفران حر"
    assert a.client.post(reverse("coop_catalog:variant_add", args=[a.product.pk]), {
        "new-name": "5 g", "new-sku": "SAF-5", "new-price": "250", "new-quantity": "3",
        "new-weight_grams": "20", "new-low_stock_threshold": "1"}).status_code == 303
    assert a.product.variants.count() == 3
    ProductChannelListing.objects.filter(product=a.product).update(is_published=False)
    response = a.client.post(reverse("coop_catalog:publish", args=[a.product.pk]),
                             {"channel": channel.pk, "action": "publish"})
    assert response.status_code == 303
    assert ProductChannelListing.objects.get(product=a.product).is_published
    page = a.client.get(url).content.decode()
    assert 'data-missing="en"' in page and 'data-missing="ar"' not in page


def test_variant_page_lots_make_the_stock(sides):
    a, _b = sides
    variant = a.product.variants.first()
    url = reverse("coop_catalog:lot_add", args=[variant.pk])
    assert a.client.post(url, {"lot-lot_number": "MIEL-24-07", "lot-quantity": "6",
                               "lot-produced_on": "2026-07-01",
                               "lot-best_before": "2028-07-01"}).status_code == 303
    assert a.client.post(url, {"lot-lot_number": "MIEL-24-08", "lot-quantity": "4"}
                         ).status_code == 303
    assert Stock.objects.get(variant=variant).quantity == 10
    before = snapshot()
    response = a.client.post(url, {"lot-lot_number": "MIEL-24-08", "lot-quantity": "1"},
                             follow=True)
    assert "déjà un lot" in response.content.decode()
    assert snapshot() == before
    page = a.client.get(reverse("coop_catalog:variant", args=[variant.pk])).content.decode()
    assert "MIEL-24-07" in page and "MIEL-24-08" in page


def test_bulk_page_saves_all_rows_or_none(sides):
    a, b = sides
    first, second = a.product.variants.order_by("sort_order")
    url = reverse("coop_catalog:stock")
    page = a.client.get(url).content.decode()
    assert f'id="row-{first.pk}"' in page
    assert b.product.variants.first().sku not in page
    before = snapshot()
    response = a.client.post(url, {f"q-{first.pk}": "40", f"p-{first.pk}": "70",
                                   f"q-{second.pk}": "-1", f"p-{second.pk}": "61"})
    assert response.status_code == 400
    assert 'class="row-error"' in response.content.decode()
    assert snapshot() == before
    response = a.client.post(url, {f"q-{first.pk}": "40", f"p-{first.pk}": "70",
                                   f"q-{second.pk}": "2", f"p-{second.pk}": "61"})
    assert response.status_code == 303
    assert Stock.objects.get(variant=first).quantity == 40
    assert Stock.objects.get(variant=second).quantity == 2
    assert first.channel_listings.get().price_amount == Decimal("70.00")


def test_a_foreign_stock_field_in_the_bulk_form_is_ignored(sides):
    a, b = sides
    foreign = b.product.variants.first()
    before = snapshot()
    response = a.client.post(reverse("coop_catalog:stock"), {f"q-{foreign.pk}": "0"})
    assert response.status_code == 303
    assert snapshot() == before


@pytest.mark.parametrize(("make", "words"), [
    (not_an_image, "pas une photo"),
    (truncated, "abîmée ou incomplète"),
    (oversized, "trop lourde"),
    (lambda: upload(bomb_png(), "bomb.png", "image/png"), "trop de pixels"),
])
def test_uploads_are_refused_with_a_clear_french_message(sides, make, words):
    a, _b = sides
    before = snapshot()
    response = a.client.post(reverse("coop_catalog:media_upload", args=[a.product.pk]),
                             {"images": [make()]}, follow=True)
    assert words in response.content.decode()
    assert snapshot() == before


def test_several_photos_upload_then_reorder_alt_and_delete(sides):
    a, _b = sides
    url = reverse("coop_catalog:media_upload", args=[a.product.pk])
    response = a.client.post(url, {"images": [upload(jpeg(40, 30), "a.jpg"),
                                              upload(jpeg(30, 40), "b.jpg")], "alt": "Safran"})
    assert response.status_code == 303
    first, second = ProductMedia.objects.filter(product=a.product)
    a.client.post(reverse("coop_catalog:media_move", args=[second.pk, "up"]))
    assert list(ProductMedia.objects.filter(product=a.product)) == [second, first]
    a.client.post(reverse("coop_catalog:media_alt", args=[first.pk]), {"alt": "Pistils"})
    assert ProductMedia.objects.get(pk=first.pk).alt == "Pistils"
    a.client.post(reverse("coop_catalog:media_delete", args=[first.pk]))
    assert list(ProductMedia.objects.filter(product=a.product)) == [second]


def _foreign_urls(side) -> list[tuple[str, str, dict]]:
    """Every page of another cooperative's objects, with a plausible form."""
    product, variant = side.product, side.product.variants.first()
    photo = media_add(cooperative_id=side.coop.pk, product_id=product.pk,
                      image=upload(jpeg(16, 16)))
    lot = lot_create(cooperative_id=side.coop.pk, variant_id=variant.pk, lot_number="L-1",
                     quantity=3)
    r = reverse
    return [
        ("get", r("coop_catalog:edit", args=[product.pk]), {}),
        ("post", r("coop_catalog:edit", args=[product.pk]), {"name": "Pris"}),
        ("post", r("coop_catalog:translate", args=[product.pk, "ar"]), {"ar-name": "x"}),
        ("post", r("coop_catalog:publish", args=[product.pk]),
         {"channel": "1", "action": "unpublish"}),
        ("post", r("coop_catalog:delete", args=[product.pk]), {}),
        ("post", r("coop_catalog:variant_add", args=[product.pk]), {"new-name": "x"}),
        ("post", r("coop_catalog:media_upload", args=[product.pk]),
         {"images": [upload(jpeg(8, 8))]}),
        ("get", r("coop_catalog:variant", args=[variant.pk]), {}),
        ("post", r("coop_catalog:variant", args=[variant.pk]), {"name": "x", "quantity": "0"}),
        ("post", r("coop_catalog:variant_delete", args=[variant.pk]), {}),
        ("post", r("coop_catalog:lot_add", args=[variant.pk]),
         {"lot-lot_number": "X", "lot-quantity": "1"}),
        ("post", r("coop_catalog:lot_delete", args=[lot.pk]), {}),
        ("post", r("coop_catalog:media_move", args=[photo.pk, "up"]), {}),
        ("post", r("coop_catalog:media_alt", args=[photo.pk]), {"alt": "x"}),
        ("post", r("coop_catalog:media_delete", args=[photo.pk]), {}),
    ]


@pytest.mark.parametrize("direction", ["a_on_b", "b_on_a"])
def test_every_page_of_another_cooperatives_objects_is_a_404_and_changes_nothing(
        sides, direction):
    a, b = sides if direction == "a_on_b" else sides[::-1]
    urls = _foreign_urls(b)
    before = snapshot()
    for method, url, data in urls:
        response = getattr(a.client, method)(url, data)
        assert response.status_code == 404, (method, url, response.status_code)
    assert snapshot() == before


def test_forms_need_the_csrf_token(sides):
    a, _b = sides
    client = Client(enforce_csrf_checks=True)
    client.force_login(a.coop.staff.first().user)
    before = snapshot()
    response = client.post(reverse("coop_catalog:edit", args=[a.product.pk]), {"name": "X"})
    assert response.status_code == 403
    assert snapshot() == before
