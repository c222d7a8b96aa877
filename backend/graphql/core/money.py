"""Saleor's money types over the ``prices`` value objects, amounts exact to the minor unit.

Amounts are Floats in the API as in Saleor; they are quantized to the currency's minor unit
first, and ``fractionalAmount`` gives the exact integer for clients that must not round.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

import graphene
import prices

from backend.core.money import currency_precision, quantize, to_minor_units


def taxed_money(amount: Decimal, currency: str) -> prices.TaxedMoney:
    """A tax-inclusive price: net equals gross and tax is 0 until a tax rate is configured."""
    money = prices.Money(quantize(amount, currency), currency)
    return prices.TaxedMoney(net=money, gross=money)


def taxed_money_range(start: Decimal, stop: Decimal, currency: str) -> prices.TaxedMoneyRange:
    return prices.TaxedMoneyRange(start=taxed_money(start, currency),
                                  stop=taxed_money(stop, currency))


class Money(graphene.ObjectType):
    currency = graphene.String(required=True, description="Currency code.")
    amount = graphene.Float(required=True, description="Amount of money.")
    fractional_amount = graphene.Int(
        required=True,
        description="Amount of money represented as an integer in the smallest currency unit.")
    fraction_digits = graphene.Int(
        required=True, description="Number of digits after the decimal point in the currency.")

    class Meta:
        description = "Represents amount of money in specific currency."

    @staticmethod
    def resolve_amount(root: prices.Money, _info: Any) -> float:
        return float(quantize(root.amount, root.currency))

    @staticmethod
    def resolve_fractional_amount(root: prices.Money, _info: Any) -> int:
        return to_minor_units(root.amount, root.currency)

    @staticmethod
    def resolve_fraction_digits(root: prices.Money, _info: Any) -> int:
        return currency_precision(root.currency)


class MoneyRange(graphene.ObjectType):
    start = graphene.Field(Money, description="Lower bound of a price range.")
    stop = graphene.Field(Money, description="Upper bound of a price range.")

    class Meta:
        description = "Represents a range of amounts of money."


class TaxedMoney(graphene.ObjectType):
    currency = graphene.String(required=True, description="Currency code.")
    gross = graphene.Field(Money, required=True, description="Amount of money including taxes.")
    net = graphene.Field(Money, required=True, description="Amount of money without taxes.")
    tax = graphene.Field(Money, required=True, description="Amount of taxes.")

    class Meta:
        description = ("Represents a monetary value with taxes. In cases where taxes were not "
                       "applied, net and gross values will be equal.")


class TaxedMoneyRange(graphene.ObjectType):
    start = graphene.Field(TaxedMoney, description="Lower bound of a price range.")
    stop = graphene.Field(TaxedMoney, description="Upper bound of a price range.")

    class Meta:
        description = "Represents a range of monetary values."
