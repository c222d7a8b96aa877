"""Money helpers: exact Decimals quantized to the currency's minor unit, formatted with babel."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_currency, get_currency_precision

BABEL_LOCALES = {"fr": "fr_MA", "ar": "ar_MA", "en": "en"}


def currency_precision(currency: str) -> int:
    """Digits after the decimal point of the currency's minor unit (MAD: 2)."""
    return get_currency_precision(currency.upper())


def quantize(amount: Decimal | int | str, currency: str) -> Decimal:
    exponent = Decimal(1).scaleb(-currency_precision(currency))
    return Decimal(amount).quantize(exponent, rounding=ROUND_HALF_UP)


def to_minor_units(amount: Decimal, currency: str) -> int:
    return int(quantize(amount, currency).scaleb(currency_precision(currency)))


def from_minor_units(units: int, currency: str) -> Decimal:
    return quantize(Decimal(units).scaleb(-currency_precision(currency)), currency)


def format_money(amount: Decimal, currency: str, language: str = "fr") -> str:
    """A price as a person of that language reads it, e.g. ``180,00 MAD`` or ``١٨٠٫٠٠ د.م.``."""
    locale = BABEL_LOCALES.get((language or "fr")[:2], "fr_MA")
    return format_currency(quantize(amount, currency), currency.upper(), locale=locale)
