"""checkoutAddPromoCode / checkoutRemovePromoCode and the discount fields, as Saleor answers."""
from __future__ import annotations

from decimal import Decimal

import pytest

from backend.discounts.models import CheckoutVoucher
from backend.giftcards.models import GiftCard
from backend.orders.services.checkout_complete import checkout_complete
from tests.factories.catalog import make_listed_product
from tests.factories.discounts import make_gift_card, make_promotion, make_voucher
from tests.graphql.checkout_helpers import checkout_gid, make_checkout
from tests.graphql.conftest import gid
from tests.orders.conftest import ready_checkout

pytestmark = pytest.mark.django_db

ADD = """mutation($id: ID, $code: String!) { checkoutAddPromoCode(id: $id, promoCode: $code) {
  checkout { id discount { amount currency } discountName translatedDiscountName voucherCode
    voucher { id name code type discountValueType used }
    giftCards { id displayCode last4CodeChars currentBalance { amount currency } }
    subtotalPrice { gross { amount } } totalPrice { gross { amount } }
    lines { unitPrice { gross { amount } } undiscountedUnitPrice { amount }
            totalPrice { gross { amount } } undiscountedTotalPrice { amount } } }
  errors { field code message } checkoutErrors { field code } } }"""

REMOVE = """mutation($id: ID, $code: String, $codeId: ID) {
  checkoutRemovePromoCode(id: $id, promoCode: $code, promoCodeId: $codeId) {
  checkout { id voucherCode giftCards { id } discount { amount } }
  errors { field code message } } }"""


@pytest.fixture
def oil(channel):
    return make_listed_product(channel=channel, price="100.00", name="Huile d'argan")


def test_a_voucher_code_shows_in_saleors_checkout_fields(graphql_data, channel, oil):
    make_voucher(channel, code="BIENVENUE10", value="10", name="Bienvenue")
    checkout = make_checkout(channel, [(oil.default_variant, 2)])

    result = graphql_data(ADD, id=checkout_gid(checkout), code="BIENVENUE10")[
        "checkoutAddPromoCode"]

    assert result["errors"] == [] and result["checkoutErrors"] == []
    data = result["checkout"]
    assert data["discount"] == {"amount": 20.0, "currency": "MAD"}
    assert data["discountName"] == "Bienvenue"
    assert data["voucherCode"] == "BIENVENUE10"
    assert data["voucher"]["code"] == "BIENVENUE10"
    assert data["voucher"]["type"] == "ENTIRE_ORDER"
    assert data["voucher"]["discountValueType"] == "PERCENTAGE"
    assert data["subtotalPrice"]["gross"]["amount"] == 180.0
    assert data["lines"][0]["undiscountedUnitPrice"]["amount"] == 100.0
    assert data["lines"][0]["unitPrice"]["gross"]["amount"] == 90.0
    assert data["lines"][0]["totalPrice"]["gross"]["amount"] == 180.0
    assert data["lines"][0]["undiscountedTotalPrice"]["amount"] == 200.0


def test_a_gift_card_shows_only_its_last_four_characters(graphql_data, channel, oil):
    make_gift_card(code="CADEAU-XY98", balance="150.00")
    checkout = make_checkout(channel, [(oil.default_variant, 1)])

    data = graphql_data(ADD, id=checkout_gid(checkout), code="CADEAU-XY98")[
        "checkoutAddPromoCode"]["checkout"]

    assert data["giftCards"] == [{"id": gid("GiftCard", GiftCard.objects.get().pk),
                                  "displayCode": "XY98", "last4CodeChars": "XY98",
                                  "currentBalance": {"amount": 150.0, "currency": "MAD"}}]
    assert data["totalPrice"]["gross"]["amount"] == 0.0  # 100.00 covered by the card
    assert data["discount"]["amount"] == 0.0


@pytest.mark.parametrize("code,expected", [
    ("NOPE", "INVALID"), ("", "INVALID"), ("A\x00B", "INVALID"), ("Z" * 5000, "INVALID")])
def test_a_bad_promo_code_is_refused_with_saleors_code(graphql, client, channel, oil, code,
                                                       expected):
    checkout = make_checkout(channel, [(oil.default_variant, 1)])

    result = graphql(ADD, id=checkout_gid(checkout), code=code)["data"]["checkoutAddPromoCode"]

    assert result["checkout"] is None
    assert [(e["field"], e["code"]) for e in result["errors"]] == [("promoCode", expected)]
    assert result["errors"][0]["message"] == "Le code promo n'est pas valable"
    assert not CheckoutVoucher.objects.exists()


def test_a_voucher_the_checkout_does_not_meet_is_not_applicable(graphql, client, channel, oil):
    make_voucher(channel, code="DES500", min_spent="500.00")
    checkout = make_checkout(channel, [(oil.default_variant, 1)])

    result = graphql(ADD, id=checkout_gid(checkout), code="DES500")["data"][
        "checkoutAddPromoCode"]

    assert [(e["field"], e["code"]) for e in result["errors"]] == [
        ("promoCode", "VOUCHER_NOT_APPLICABLE")]
    assert result["errors"][0]["message"] == (
        "Ce bon de réduction ne s'applique pas à ce panier.")
    assert not CheckoutVoucher.objects.exists()


def test_an_empty_gift_card_is_not_applicable(graphql, channel, oil):
    card = make_gift_card(code="CADEAU-ZERO")
    GiftCard.objects.filter(pk=card.pk).update(current_balance_amount=0)
    checkout = make_checkout(channel, [(oil.default_variant, 1)])

    result = graphql(ADD, id=checkout_gid(checkout), code="CADEAU-ZERO")["data"][
        "checkoutAddPromoCode"]

    assert [e["code"] for e in result["errors"]] == ["GIFT_CARD_NOT_APPLICABLE"]
    assert not card.checkouts.exists()


def test_a_customer_cannot_add_a_code_to_another_customers_checkout(graphql, api_login,
                                                                    channel, oil, customer):
    from tests.factories.catalog import UserFactory

    make_voucher(channel, code="BIENVENUE10")
    theirs = make_checkout(channel, [(oil.default_variant, 1)], user=customer,
                           email=customer.email)
    api_login(UserFactory(email="intrus@example.ma"))

    result = graphql(ADD, id=checkout_gid(theirs), code="BIENVENUE10")["data"][
        "checkoutAddPromoCode"]

    assert [(e["field"], e["code"]) for e in result["errors"]] == [("id", "NOT_FOUND")]
    assert not CheckoutVoucher.objects.exists()


def test_an_unknown_checkout_is_not_found(graphql, channel):
    result = graphql(ADD, id=gid("Checkout", "00000000-0000-0000-0000-000000000000"),
                     code="X")["data"]["checkoutAddPromoCode"]
    assert [e["code"] for e in result["errors"]] == ["NOT_FOUND"]


def test_codes_are_removed_by_text_or_by_id(graphql_data, graphql, channel, oil):
    voucher = make_voucher(channel, code="BIENVENUE10")
    card = make_gift_card(code="CADEAU-RM01")
    checkout = make_checkout(channel, [(oil.default_variant, 1)])
    graphql_data(ADD, id=checkout_gid(checkout), code="BIENVENUE10")
    graphql_data(ADD, id=checkout_gid(checkout), code="CADEAU-RM01")

    by_id = graphql_data(REMOVE, id=checkout_gid(checkout), codeId=gid("Voucher", voucher.pk))[
        "checkoutRemovePromoCode"]["checkout"]
    assert by_id["voucherCode"] is None and by_id["discount"]["amount"] == 0.0
    card_gone = graphql_data(REMOVE, id=checkout_gid(checkout), code="CADEAU-RM01")[
        "checkoutRemovePromoCode"]["checkout"]
    assert card_gone["giftCards"] == []
    assert not card.checkouts.exists()


@pytest.mark.parametrize("arguments,field,code", [
    ({"code": "RIEN"}, "promoCode", "NOT_FOUND"),
    ({"codeId": "bm90LWFuLWlk"}, "promoCodeId", "GRAPHQL_ERROR"),
    ({"codeId": "UHJvZHVjdDox"}, "promoCodeId", "NOT_FOUND"),  # Product:1
    ({}, None, "GRAPHQL_ERROR"),
])
def test_removal_refusals_follow_saleor(graphql, channel, oil, arguments, field, code):
    make_voucher(channel, code="BIENVENUE10")
    checkout = make_checkout(channel, [(oil.default_variant, 1)])
    graphql(ADD, id=checkout_gid(checkout), code="BIENVENUE10")

    result = graphql(REMOVE, id=checkout_gid(checkout), **arguments)["data"][
        "checkoutRemovePromoCode"]

    assert [(e["field"], e["code"]) for e in result["errors"]] == [(field, code)]
    assert CheckoutVoucher.objects.filter(checkout=checkout).exists()


def test_a_voucher_not_attached_cannot_be_removed(graphql, channel, oil):
    other = make_voucher(channel, code="AUTRE")
    checkout = make_checkout(channel, [(oil.default_variant, 1)])

    by_code = graphql(REMOVE, id=checkout_gid(checkout), code="AUTRE")["data"][
        "checkoutRemovePromoCode"]
    by_id = graphql(REMOVE, id=checkout_gid(checkout), codeId=gid("Voucher", other.pk))[
        "data"]["checkoutRemovePromoCode"]

    assert [(e["field"], e["code"]) for e in by_code["errors"]] == [("promoCode", "INVALID")]
    assert [(e["field"], e["code"]) for e in by_id["errors"]] == [("promoCodeId", "NOT_FOUND")]


ORDER = """query($id: ID!) { order(id: $id) { total { gross { amount } }
  undiscountedTotal { gross { amount } } subtotal { gross { amount } }
  voucherCode voucher { code } discount { amount } discountName
  discounts { type name valueType value amount { amount } total { amount } }
  giftCards { displayCode currentBalance { amount } }
  lines { unitPrice { gross { amount } } undiscountedUnitPrice { gross { amount } }
          unitDiscount { amount } unitDiscountType unitDiscountValue voucherCode
          totalPrice { gross { amount } } undiscountedTotalPrice { gross { amount } }
          discounts { type total { amount } unit { amount } } } } }"""


def test_an_order_shows_its_discounts_voucher_and_gift_cards(graphql_data, api_login, channel,
                                                             oil, customer):
    from backend.discounts.services.promo_codes import checkout_promo_code_add

    make_promotion(channel, products=[oil], value="10", name="Printemps")
    make_voucher(channel, code="BIENVENUE10", value="20", value_type="fixed", name="Bienvenue")
    make_gift_card(code="CADEAU-ORD1", balance="50.00")
    checkout = ready_checkout(channel, [(oil.default_variant, 2)], email=customer.email)
    checkout.user = customer
    checkout.save(update_fields=["user"])
    checkout_promo_code_add(checkout=checkout, promo_code="BIENVENUE10")
    checkout_promo_code_add(checkout=checkout, promo_code="CADEAU-ORD1")
    order = checkout_complete(checkout_token=checkout.token).order
    api_login(customer)

    data = graphql_data(ORDER, id=gid("Order", order.pk))["order"]

    # 200.00 - 20.00 promotion - 20.00 voucher + 25.00 delivery
    assert data["total"]["gross"]["amount"] == 185.0
    assert data["undiscountedTotal"]["gross"]["amount"] == 225.0
    assert data["subtotal"]["gross"]["amount"] == 160.0
    assert data["voucherCode"] == "BIENVENUE10" and data["voucher"]["code"] == "BIENVENUE10"
    assert data["discount"]["amount"] == 20.0 and data["discountName"] == "Bienvenue"
    assert sorted((d["type"], d["name"], d["total"]["amount"]) for d in data["discounts"]) == [
        ("PROMOTION", "Printemps", 20.0), ("VOUCHER", "Bienvenue", 20.0)]
    assert data["giftCards"] == [{"displayCode": "ORD1", "currentBalance": {"amount": 0.0}}]
    line = data["lines"][0]
    assert line["undiscountedUnitPrice"]["gross"]["amount"] == 100.0
    assert line["unitPrice"]["gross"]["amount"] == 80.0
    assert line["unitDiscount"]["amount"] == 20.0
    assert line["totalPrice"]["gross"]["amount"] == 160.0
    assert line["undiscountedTotalPrice"]["gross"]["amount"] == 200.0
    assert line["voucherCode"] == "BIENVENUE10"
    assert sorted(d["total"]["amount"] for d in line["discounts"]) == [20.0, 20.0]
    assert Decimal(str(line["unitDiscountValue"])) == Decimal("20.00")
