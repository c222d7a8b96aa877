"""Money types (amounts quantized to the minor unit) and Saleor-style error lists."""
from __future__ import annotations

from decimal import Decimal

import graphene
import prices
from django.core.exceptions import ValidationError

from backend.graphql.core.error_codes import ProductErrorCode
from backend.graphql.core.errors import ProductError, validation_error_to_errors
from backend.graphql.core.money import Money, TaxedMoney, taxed_money, taxed_money_range


class _Query(graphene.ObjectType):
    money = graphene.Field(Money, amount=graphene.String(required=True),
                           currency=graphene.String(required=True))
    taxed = graphene.Field(TaxedMoney)

    @staticmethod
    def resolve_money(_root, _info, amount, currency):
        return prices.Money(Decimal(amount), currency)

    @staticmethod
    def resolve_taxed(_root, _info):
        return taxed_money(Decimal("180"), "MAD")


SCHEMA = graphene.Schema(query=_Query)


def test_money_amount_is_a_float_rounded_half_up_to_the_minor_unit():
    result = SCHEMA.execute(
        '{ money(amount: "12.345", currency: "MAD") '
        '{ amount currency fractionalAmount fractionDigits } }')

    assert result.errors is None
    assert result.data["money"] == {"amount": 12.35, "currency": "MAD",
                                    "fractionalAmount": 1235, "fractionDigits": 2}


def test_money_in_a_currency_without_minor_unit_has_zero_fraction_digits():
    result = SCHEMA.execute(
        '{ money(amount: "1500.4", currency: "JPY") { amount fractionalAmount fractionDigits } }')

    assert result.data["money"] == {"amount": 1500.0, "fractionalAmount": 1500,
                                    "fractionDigits": 0}


def test_taxed_money_is_tax_inclusive_with_zero_tax_until_a_rate_exists():
    result = SCHEMA.execute("{ taxed { currency gross { amount } net { amount } tax { amount } } }")

    assert result.data["taxed"] == {"currency": "MAD", "gross": {"amount": 180.0},
                                    "net": {"amount": 180.0}, "tax": {"amount": 0.0}}


def test_a_taxed_money_range_spans_the_cheapest_and_dearest_price():
    price_range = taxed_money_range(Decimal("60"), Decimal("95.5"), "MAD")

    assert price_range.start.gross == prices.Money(Decimal("60.00"), "MAD")
    assert price_range.stop.net == prices.Money(Decimal("95.50"), "MAD")


def test_validation_errors_become_field_code_message_with_camel_case_fields():
    error = ValidationError({
        "seo_title": ValidationError("Ensure this value has at most %(limit)s characters.",
                                     code="invalid", params={"limit": 70}),
        "__all__": ValidationError("The product needs a variant.",
                                   code="cannot_manage_product_without_variant"),
        "slug": ValidationError("Taken.", code="something_unknown"),
    })

    assert validation_error_to_errors(error, ProductErrorCode) == [
        {"field": "seoTitle", "message": "Ensure this value has at most 70 characters.",
         "code": ProductErrorCode.INVALID},
        {"field": None, "message": "The product needs a variant.",
         "code": ProductErrorCode.CANNOT_MANAGE_PRODUCT_WITHOUT_VARIANT},
        {"field": "slug", "message": "Taken.", "code": ProductErrorCode.INVALID},
    ]


def test_a_plain_validation_error_is_a_non_field_error():
    assert validation_error_to_errors(ValidationError("Nope", code="not_found"),
                                      ProductErrorCode) == [
        {"field": None, "message": "Nope", "code": ProductErrorCode.NOT_FOUND}]


def test_product_error_has_saleors_fields():
    fields = ProductError._meta.fields

    assert {"field", "message", "code", "attributes", "values"} <= set(fields)
    schema = graphene.Schema(query=type("Q", (graphene.ObjectType,), {
        "e": graphene.Field(ProductError)}))
    printed = str(schema)
    assert "code: ProductErrorCode!" in printed
    assert "  INVALID_PRICE\n" in printed
