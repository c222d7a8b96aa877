"""Promotions and vouchers on a checkout and on the order placed from it."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from backend.core.errors import DomainError
from backend.discounts.models import (
    CheckoutVoucher,
    FundedBy,
    OrderDiscount,
    OrderLineDiscount,
    VoucherCode,
    VoucherCustomer,
)
from backend.discounts.services.promo_codes import (
    checkout_promo_code_add,
    checkout_promo_code_remove,
)
from backend.fairpay import splits
from backend.fairpay.models import OrderSplit
from backend.orders.error_codes import CheckoutErrorCode
from backend.orders.models import Order
from backend.orders.selectors import checkout_lines_info, checkout_totals
from backend.orders.services.checkout_complete import checkout_complete
from backend.orders.services.order_cancel import order_cancel
from tests.factories.catalog import CooperativeFactory, make_listed_product
from tests.factories.discounts import make_promotion, make_voucher
from tests.orders.conftest import ready_checkout

pytestmark = pytest.mark.django_db


def _totals(checkout):
    return checkout_totals(checkout, checkout_lines_info(checkout))


def _codes(error: DomainError) -> list:
    return [(e.code, e.field) for e in error.errors]


def test_a_catalogue_promotion_lowers_the_checkout_and_the_order(channel):
    oil = make_listed_product(channel=channel, price="100.00", name="Huile d'argan")
    make_promotion(channel, products=[oil], value="15")
    checkout = ready_checkout(channel, [(oil.default_variant, 2)])

    totals = _totals(checkout)
    order = checkout_complete(checkout_token=checkout.token).order

    assert totals.undiscounted_subtotal == Decimal("200.00")
    assert totals.discount == Decimal("30.00")
    assert totals.subtotal == Decimal("170.00")
    assert totals.total == Decimal("195.00")  # plus the 25.00 parcel
    assert order.subtotal_amount == Decimal("170.00")
    assert order.total_amount == Decimal("195.00")
    discount = OrderDiscount.objects.get(order=order)
    assert (discount.type, discount.amount, discount.funded_by) == (
        "promotion", Decimal("30.00"), "platform")
    assert OrderSplit.objects.get(order=order).paid_minor == 19500


def test_a_promotion_on_a_category_covers_its_sub_categories(channel):
    from catalog.models import Category

    food = Category.objects.create(name="Épicerie", slug="epicerie")
    spices = Category.objects.create(name="Épices", slug="epices", parent=food)
    saffron = make_listed_product(channel=channel, price="80.00", category=spices)
    other = make_listed_product(channel=channel, price="50.00")
    make_promotion(channel, categories=[food], value="10")
    checkout = ready_checkout(channel, [(saffron.default_variant, 1), (other.default_variant, 1)])

    assert _totals(checkout).discount == Decimal("8.00")


def test_a_cooperative_funded_promotion_skips_a_cooperative_that_did_not_accept(channel):
    yes, no = CooperativeFactory(), CooperativeFactory()
    accepted = make_listed_product(channel=channel, price="100.00", cooperative=yes)
    refused = make_listed_product(channel=channel, price="100.00", cooperative=no)
    make_promotion(channel, products=[accepted, refused], value="20",
                   funded_by=FundedBy.COOPERATIVE, accepted_by=[yes])
    checkout = ready_checkout(channel, [(accepted.default_variant, 1),
                                        (refused.default_variant, 1)])

    totals = _totals(checkout)

    assert totals.discount == Decimal("20.00")
    order = checkout_complete(checkout_token=checkout.token).order
    part = OrderLineDiscount.objects.get(line__order=order)
    assert part.line.cooperative_id == yes.pk
    assert (part.platform_amount, part.cooperative_amount) == (Decimal(0), Decimal("20.00"))


def test_an_entire_order_voucher_is_added_applied_and_counted_once(channel, customer):
    honey = make_listed_product(channel=channel, price="120.00")
    make_voucher(channel, code="BIENVENUE10", value="10", once_per_customer=True)
    checkout = ready_checkout(channel, [(honey.default_variant, 2)], email=customer.email)

    checkout_promo_code_add(checkout=checkout, promo_code="BIENVENUE10")
    totals = _totals(checkout)
    order = checkout_complete(checkout_token=checkout.token).order

    assert totals.discount == Decimal("24.00")
    assert order.total_amount == Decimal("241.00")
    assert VoucherCode.objects.get(code="BIENVENUE10").used == 1
    assert VoucherCustomer.objects.filter(customer_email=customer.email).count() == 1
    discount = OrderDiscount.objects.get(order=order)
    assert (discount.type, discount.voucher_code, discount.amount) == (
        "voucher", "BIENVENUE10", Decimal("24.00"))


def test_a_once_per_customer_voucher_is_refused_the_second_time(channel, customer):
    honey = make_listed_product(channel=channel, price="120.00")
    make_voucher(channel, code="UNEFOIS", once_per_customer=True)
    first = ready_checkout(channel, [(honey.default_variant, 1)], email=customer.email)
    checkout_promo_code_add(checkout=first, promo_code="UNEFOIS")
    checkout_complete(checkout_token=first.token)
    second = ready_checkout(channel, [(honey.default_variant, 1)], email=customer.email)

    with pytest.raises(DomainError) as refused:
        checkout_promo_code_add(checkout=second, promo_code="UNEFOIS")

    assert _codes(refused.value) == [(CheckoutErrorCode.VOUCHER_NOT_APPLICABLE, "promoCode")]
    assert not CheckoutVoucher.objects.filter(checkout=second).exists()


@pytest.mark.parametrize("code", ["NOPE", "", "   ", "A\x00B", "X" * 300])
def test_an_unknown_or_malformed_code_is_invalid_and_changes_nothing(channel, product, code):
    checkout = ready_checkout(channel, [(product.default_variant, 1)])
    before = _totals(checkout)

    with pytest.raises(DomainError) as refused:
        checkout_promo_code_add(checkout=checkout, promo_code=code)

    assert _codes(refused.value) == [(CheckoutErrorCode.INVALID, "promoCode")]
    assert _totals(checkout).total == before.total
    assert not CheckoutVoucher.objects.exists()


def test_an_expired_or_used_up_voucher_is_invalid(channel, product):
    make_voucher(channel, code="FINI", end=timezone.now() - timedelta(hours=1))
    make_voucher(channel, code="EPUISE", usage_limit=1)
    VoucherCode.objects.filter(code="EPUISE").update(used=1)
    checkout = ready_checkout(channel, [(product.default_variant, 1)])

    for code in ("FINI", "EPUISE"):
        with pytest.raises(DomainError) as refused:
            checkout_promo_code_add(checkout=checkout, promo_code=code)
        assert _codes(refused.value) == [(CheckoutErrorCode.INVALID, "promoCode")]
    assert not CheckoutVoucher.objects.exists()


def test_a_voucher_below_its_minimum_spend_is_not_applicable(channel):
    cheap = make_listed_product(channel=channel, price="40.00")
    make_voucher(channel, code="DES200", min_spent="200.00")
    checkout = ready_checkout(channel, [(cheap.default_variant, 1)])

    with pytest.raises(DomainError) as refused:
        checkout_promo_code_add(checkout=checkout, promo_code="DES200")

    assert _codes(refused.value) == [(CheckoutErrorCode.VOUCHER_NOT_APPLICABLE, "promoCode")]
    assert not CheckoutVoucher.objects.exists()


def test_a_specific_product_voucher_reduces_only_its_products(channel):
    oil = make_listed_product(channel=channel, price="100.00")
    dates = make_listed_product(channel=channel, price="50.00")
    make_voucher(channel, code="HUILE5", type="specific_product", value="5",
                 value_type="fixed", products=[oil])
    checkout = ready_checkout(channel, [(oil.default_variant, 3), (dates.default_variant, 2)])

    checkout_promo_code_add(checkout=checkout, promo_code="HUILE5")

    totals = _totals(checkout)
    assert totals.discount == Decimal("15.00")
    assert totals.line_discount(checkout.lines.get(variant=dates.default_variant).pk) == 0


def test_removing_codes_follows_saleors_errors(channel, product):
    make_voucher(channel, code="BIENVENUE10")
    make_voucher(channel, code="AUTRE")
    checkout = ready_checkout(channel, [(product.default_variant, 2)])
    checkout_promo_code_add(checkout=checkout, promo_code="BIENVENUE10")

    with pytest.raises(DomainError) as not_attached:
        checkout_promo_code_remove(checkout=checkout, promo_code="AUTRE")
    with pytest.raises(DomainError) as unknown:
        checkout_promo_code_remove(checkout=checkout, promo_code="RIEN")
    assert _codes(not_attached.value) == [(CheckoutErrorCode.INVALID, "promoCode")]
    assert _codes(unknown.value) == [(CheckoutErrorCode.NOT_FOUND, "promoCode")]
    assert CheckoutVoucher.objects.filter(checkout=checkout).exists()

    checkout_promo_code_remove(checkout=checkout, promo_code="BIENVENUE10")
    assert not CheckoutVoucher.objects.filter(checkout=checkout).exists()
    assert _totals(checkout).discount == 0


def test_a_voucher_used_up_before_completion_refuses_the_order_and_changes_nothing(channel,
                                                                                  product):
    make_voucher(channel, code="DERNIER", usage_limit=1)
    checkout = ready_checkout(channel, [(product.default_variant, 1)])
    checkout_promo_code_add(checkout=checkout, promo_code="DERNIER")
    VoucherCode.objects.filter(code="DERNIER").update(used=1)  # someone else used it

    with pytest.raises(DomainError) as refused:
        checkout_complete(checkout_token=checkout.token)

    assert [e.code for e in refused.value.errors] == [CheckoutErrorCode.VOUCHER_NOT_APPLICABLE]
    assert Order.objects.count() == 0
    assert VoucherCode.objects.get(code="DERNIER").used == 1


def test_cancelling_an_order_gives_the_voucher_use_back_once(channel, product, customer):
    make_voucher(channel, code="BIENVENUE10", once_per_customer=True, usage_limit=1)
    checkout = ready_checkout(channel, [(product.default_variant, 1)], email=customer.email)
    checkout_promo_code_add(checkout=checkout, promo_code="BIENVENUE10")
    order = checkout_complete(checkout_token=checkout.token).order

    order_cancel(order=order, by_staff=True)

    assert VoucherCode.objects.get(code="BIENVENUE10").used == 0
    assert not VoucherCustomer.objects.exists()
    assert OrderDiscount.objects.get(order=order).released_at is not None


def test_the_split_takes_a_shared_voucher_from_both_funders_exactly(channel):
    coop = CooperativeFactory()
    oil = make_listed_product(channel=channel, price="99.99", cooperative=coop)
    make_voucher(channel, code="PARTAGE", value="10", funded_by=FundedBy.SHARED,
                 platform_share="60", accepted_by=[coop])
    checkout = ready_checkout(channel, [(oil.default_variant, 3)])
    checkout_promo_code_add(checkout=checkout, promo_code="PARTAGE")

    order = checkout_complete(checkout_token=checkout.token).order

    header = OrderSplit.objects.get(order=order)
    funders = {(d["funder_kind"], d["amount_minor"]) for d in header.discounts}
    assert funders == {("platform", 1800), ("cooperative", 1200)}  # 30.00 = 18.00 + 12.00
    assert header.paid_minor == 29997 - 3000 + 2500
    assert sum(p.amount_minor for p in header.parts.exclude(role=splits.Role.SUBSIDY)) \
        == header.paid_minor
