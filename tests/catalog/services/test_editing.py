"""product_create / product_update / product_delete: rules, derived data, isolation."""
from __future__ import annotations

import pytest

from backend.core.errors import DomainError
from backend.orders.models import OrderLine
from catalog.models import Product, ProductChannelListing, ProductLabel, ProductVariant
from catalog.search import apply_search
from catalog.services.editing import LabelInput, product_create, product_delete, product_update
from tests.factories.catalog import LabelFactory


def codes(exc: pytest.ExceptionInfo) -> list[tuple[str | None, str]]:
    return [(e.field, e.code.name) for e in exc.value.errors]


def test_create_makes_a_unique_slug_and_a_searchable_product(two, category, channel):
    first = product_create(cooperative_id=two.coop_a.pk, name="Safran de Taliouine",
                           category_id=category.pk, channel_ids=[channel.pk])
    second = product_create(cooperative_id=two.coop_a.pk, name="Safran de Taliouine")

    assert first.slug == "safran-de-taliouine"
    assert second.slug == "safran-de-taliouine-2"
    assert first.cooperative_id == two.coop_a.pk
    listing = ProductChannelListing.objects.get(product=first)
    assert (listing.channel_id, listing.is_published) == (channel.pk, False)
    assert list(apply_search(Product.objects.all(), "taliouine").order_by("pk")) == [first,
                                                                                     second]


def test_create_requires_a_name_and_refuses_nul_and_long_text(two):
    before = Product.objects.count()
    with pytest.raises(DomainError) as exc:
        product_create(cooperative_id=two.coop_a.pk, name="  ")
    assert codes(exc) == [("name", "REQUIRED")]
    with pytest.raises(DomainError) as exc:
        product_create(cooperative_id=two.coop_a.pk, name="Miel\x00")
    assert codes(exc) == [("name", "INVALID")]
    with pytest.raises(DomainError) as exc:
        product_create(cooperative_id=two.coop_a.pk, name="x" * 251)
    assert codes(exc) == [("name", "INVALID")]
    with pytest.raises(DomainError) as exc:
        product_create(cooperative_id=two.coop_a.pk, name="Miel",
                       description={"blocks": [{"data": {"text": "a\x00"}}]})
    assert codes(exc) == [("description", "INVALID")]
    with pytest.raises(DomainError) as exc:
        product_create(cooperative_id=two.coop_a.pk, name="Miel", description="not json")
    assert codes(exc) == [("description", "INVALID")]
    assert Product.objects.count() == before


def test_create_refuses_an_unknown_category_or_a_taken_explicit_slug(two):
    before = Product.objects.count()
    with pytest.raises(DomainError) as exc:
        product_create(cooperative_id=two.coop_a.pk, name="Miel", category_id=999_999)
    assert codes(exc) == [("category", "NOT_FOUND")]
    with pytest.raises(DomainError) as exc:
        product_create(cooperative_id=two.coop_a.pk, name="Miel", slug=two.product_b.slug)
    assert codes(exc) == [("slug", "UNIQUE")]
    with pytest.raises(DomainError) as exc:
        product_create(cooperative_id=two.coop_a.pk, name="Miel", category_id="abc")
    assert codes(exc) == [("category", "NOT_FOUND")]
    assert Product.objects.count() == before


def test_labels_need_a_certificate_and_are_replaced_as_a_whole(two):
    label = LabelFactory()
    product = product_update(cooperative_id=two.coop_a.pk, product_id=two.product_a.pk,
                             labels=[LabelInput(label.pk, "AOP-2026-17")])
    assert list(ProductLabel.objects.filter(product=product).values_list(
        "label_id", "certificate_reference")) == [(label.pk, "AOP-2026-17")]

    with pytest.raises(DomainError) as exc:
        product_update(cooperative_id=two.coop_a.pk, product_id=two.product_a.pk,
                       labels=[LabelInput(label.pk, "")])
    assert codes(exc) == [("labels", "REQUIRED")]
    with pytest.raises(DomainError) as exc:
        product_update(cooperative_id=two.coop_a.pk, product_id=two.product_a.pk,
                       labels=[LabelInput(label.pk, "A"), LabelInput(label.pk, "B")])
    assert codes(exc) == [("labels", "DUPLICATED_INPUT_ITEM")]
    assert ProductLabel.objects.get(product=product).certificate_reference == "AOP-2026-17"

    product_update(cooperative_id=two.coop_a.pk, product_id=two.product_a.pk, labels=[])
    assert not ProductLabel.objects.filter(product=product).exists()


def test_update_changes_only_the_given_fields_and_refreshes_search(two):
    original = Product.objects.get(pk=two.product_a.pk)
    product = product_update(cooperative_id=two.coop_a.pk, product_id=two.product_a.pk,
                             name="Huile d'argan bio",
                             description={"blocks": [{"type": "paragraph",
                                                      "data": {"text": "Pressée à froid"}}]})

    assert product.name == "Huile d'argan bio"
    assert product.slug == original.slug
    assert product.category_id == original.category_id
    assert product.description_plaintext == "Pressée à froid"
    assert list(apply_search(Product.objects.all(), "pressee argan")) == [product]


@pytest.mark.parametrize("product_id", ["", "abc", "\x00", "-1", 0, "9" * 40, None, True])
def test_update_with_a_malformed_id_is_not_found(two, product_id):
    with pytest.raises(DomainError) as exc:
        product_update(cooperative_id=two.coop_a.pk, product_id=product_id, name="X")
    assert codes(exc) == [("id", "NOT_FOUND")]


def test_another_cooperatives_product_is_not_found_and_unchanged(two):
    before = Product.objects.values().get(pk=two.product_b.pk)
    with pytest.raises(DomainError) as exc:
        product_update(cooperative_id=two.coop_a.pk, product_id=two.product_b.pk, name="Pris")
    assert codes(exc) == [("id", "NOT_FOUND")]
    with pytest.raises(DomainError) as exc:
        product_delete(cooperative_id=two.coop_a.pk, product_id=two.product_b.pk)
    assert codes(exc) == [("id", "NOT_FOUND")]
    assert Product.objects.values().get(pk=two.product_b.pk) == before
    # and the other way round
    with pytest.raises(DomainError):
        product_delete(cooperative_id=two.coop_b.pk, product_id=two.product_a.pk)
    assert Product.objects.filter(pk=two.product_a.pk).exists()


def test_delete_removes_variants_and_order_lines_keep_their_copy(two, channel):
    from backend.orders.models import Order

    variant = two.product_a.variants.first()
    order = Order.objects.create(number=990_001, channel=channel, currency="MAD",
                                 user_email="a@example.ma", subtotal_amount=60,
                                 shipping_amount=0, total_amount=60)
    line = OrderLine.objects.create(
        order=order, variant=variant, cooperative=two.coop_a, product_name="Safran",
        variant_name="1 g", product_sku=variant.sku, quantity=1, currency="MAD",
        unit_price_amount=60, total_price_amount=60)

    deleted = product_delete(cooperative_id=two.coop_a.pk, product_id=two.product_a.pk)

    assert deleted.pk == two.product_a.pk
    assert not Product.objects.filter(pk=two.product_a.pk).exists()
    assert not ProductVariant.objects.filter(product_id=two.product_a.pk).exists()
    line.refresh_from_db()
    assert (line.variant_id, line.product_name, line.product_sku) == (None, "Safran",
                                                                      variant.sku)
