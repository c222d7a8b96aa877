"""Checkout creation and line changes: Saleor's error codes, nothing changed on refusal."""
from __future__ import annotations

import pytest

from backend.cooperatives.models import CooperativeStatus
from backend.core.errors import DomainError
from backend.orders.error_codes import CheckoutErrorCode
from backend.orders.models import Checkout, CheckoutLine
from backend.orders.services.checkout_lines import (
    LineInput,
    checkout_create,
    checkout_lines_add,
    checkout_lines_delete,
    checkout_lines_update,
)
from catalog.models import ProductChannelListing
from catalog.services.variants import ChannelPriceInput, variant_update
from tests.factories.catalog import ChannelFactory


def _codes(exc: DomainError) -> list[CheckoutErrorCode]:
    return [e.code for e in exc.errors]


def test_create_merges_repeated_variants_into_one_line(channel, product):
    variant = product.default_variant

    checkout = checkout_create(channel=channel, email="a@example.ma",
                               lines=[LineInput(variant.pk, 1), LineInput(variant.pk, 2)])

    assert [(line.variant_id, line.quantity) for line in checkout.lines.all()] == [(variant.pk, 3)]
    assert checkout.currency == "MAD"


@pytest.mark.parametrize(
    ("quantity", "code"),
    [(0, CheckoutErrorCode.ZERO_QUANTITY), (-3, CheckoutErrorCode.ZERO_QUANTITY),
     (51, CheckoutErrorCode.QUANTITY_GREATER_THAN_LIMIT),
     (10**12, CheckoutErrorCode.QUANTITY_GREATER_THAN_LIMIT),
     (11, CheckoutErrorCode.INSUFFICIENT_STOCK)],
)
def test_create_refuses_bad_quantities_and_writes_nothing(channel, product, quantity, code):
    with pytest.raises(DomainError) as refused:
        checkout_create(channel=channel, lines=[LineInput(product.default_variant.pk, quantity)])

    assert code in _codes(refused.value)
    assert Checkout.objects.count() == 0


def test_create_refuses_unknown_variant(channel):
    with pytest.raises(DomainError) as refused:
        checkout_create(channel=channel, lines=[LineInput(999999, 1)])

    assert _codes(refused.value) == [CheckoutErrorCode.NOT_FOUND]
    assert refused.value.errors[0].field == "variantId"


def test_create_refuses_unpublished_product(channel, product):
    ProductChannelListing.objects.filter(product=product).update(is_published=False)

    with pytest.raises(DomainError) as refused:
        checkout_create(channel=channel, lines=[LineInput(product.default_variant.pk, 1)])

    assert _codes(refused.value) == [CheckoutErrorCode.PRODUCT_NOT_PUBLISHED]


def test_create_refuses_product_of_suspended_cooperative(channel, product):
    product.cooperative.status = CooperativeStatus.SUSPENDED
    product.cooperative.save()

    with pytest.raises(DomainError) as refused:
        checkout_create(channel=channel, lines=[LineInput(product.default_variant.pk, 1)])

    assert _codes(refused.value) == [CheckoutErrorCode.PRODUCT_NOT_PUBLISHED]


def test_create_refuses_variant_without_price_in_channel(channel, product):
    second = product.variants.create(sku="NO-PRICE", name="5 g")

    with pytest.raises(DomainError) as refused:
        checkout_create(channel=channel, lines=[LineInput(second.pk, 1)])

    assert _codes(refused.value) == [CheckoutErrorCode.UNAVAILABLE_VARIANT_IN_CHANNEL]


def test_create_refuses_inactive_channel(product):
    other = ChannelFactory(slug="ferme", name="Fermé", is_active=False)

    with pytest.raises(DomainError) as refused:
        checkout_create(channel=other, lines=[LineInput(product.default_variant.pk, 1)])

    assert _codes(refused.value) == [CheckoutErrorCode.CHANNEL_INACTIVE]


def test_lines_add_increases_quantity_and_checks_stock_on_the_total(channel, product):
    variant = product.default_variant
    checkout = checkout_create(channel=channel, lines=[LineInput(variant.pk, 4)])

    checkout_lines_add(checkout=checkout, lines=[LineInput(variant.pk, 5)])
    assert checkout.lines.get().quantity == 9

    with pytest.raises(DomainError) as refused:
        checkout_lines_add(checkout=checkout, lines=[LineInput(variant.pk, 2)])
    assert _codes(refused.value) == [CheckoutErrorCode.INSUFFICIENT_STOCK]
    assert checkout.lines.get().quantity == 9


def test_lines_update_to_zero_removes_the_line(channel, product):
    variant = product.default_variant
    checkout = checkout_create(channel=channel, lines=[LineInput(variant.pk, 4)])

    checkout_lines_update(checkout=checkout, lines=[LineInput(variant.pk, 0)])

    assert not checkout.lines.exists()


def test_lines_update_refuses_negative_quantity_and_keeps_the_line(channel, product):
    variant = product.default_variant
    checkout = checkout_create(channel=channel, lines=[LineInput(variant.pk, 4)])

    with pytest.raises(DomainError) as refused:
        checkout_lines_update(checkout=checkout, lines=[LineInput(variant.pk, -1)])

    assert _codes(refused.value) == [CheckoutErrorCode.ZERO_QUANTITY]
    assert checkout.lines.get().quantity == 4


def test_lines_delete_refuses_lines_of_another_checkout(channel, product):
    variant = product.default_variant
    mine = checkout_create(channel=channel, lines=[LineInput(variant.pk, 1)])
    theirs = checkout_create(channel=channel, lines=[LineInput(variant.pk, 2)])
    their_line = theirs.lines.get()

    with pytest.raises(DomainError) as refused:
        checkout_lines_delete(checkout=mine, line_ids=[str(their_line.pk)])

    assert _codes(refused.value) == [CheckoutErrorCode.INVALID]
    assert CheckoutLine.objects.filter(pk=their_line.pk).exists()
    assert mine.lines.count() == 1


def test_lines_delete_refuses_malformed_line_id(channel, product):
    checkout = checkout_create(channel=channel, lines=[LineInput(product.default_variant.pk, 1)])

    with pytest.raises(DomainError):
        checkout_lines_delete(checkout=checkout, line_ids=["not-a-uuid\x00"])

    assert checkout.lines.count() == 1


def test_price_removed_after_adding_makes_the_line_unavailable(channel, product):
    checkout = checkout_create(channel=channel, lines=[LineInput(product.default_variant.pk, 1)])
    variant_update(cooperative_id=product.cooperative_id, variant_id=product.default_variant.pk,
                   prices=[ChannelPriceInput(channel.pk, None)])

    with pytest.raises(DomainError) as refused:
        checkout_lines_add(checkout=checkout, lines=[LineInput(product.default_variant.pk, 1)])

    assert CheckoutErrorCode.PRODUCT_NOT_PUBLISHED in _codes(refused.value)
