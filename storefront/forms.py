"""The listing filter form, read from the query string.

A bad value (a NUL byte, letters in a price, an unknown sort) drops that one filter instead of
failing the page: shoppers and crawlers send anything, and the page must still answer 200.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from catalog.selectors import ProductFilters

ATTRIBUTE_PREFIX = "attr-"
MAX_ATTRIBUTE_FILTERS = 5
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,100}")

SORT_CHOICES = [
    ("name", _("Name (A to Z)")),
    ("price", _("Price, lowest first")),
    ("-price", _("Price, highest first")),
    ("newest", _("Newest first")),
]


class PriceField(forms.DecimalField):
    """A price typed the French way (``12,50``) or the English way (``12.50``)."""

    def to_python(self, value: Any) -> Decimal | None:
        if isinstance(value, str):
            value = value.replace(",", ".").replace("\u066b", ".").strip()
        return super().to_python(value)


class ProductFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=100)
    category = forms.SlugField(required=False, max_length=255)
    region = forms.SlugField(required=False, max_length=64)
    label = forms.SlugField(required=False, max_length=120)
    cooperative = forms.SlugField(required=False, max_length=200)
    price_min = PriceField(required=False, min_value=0, max_digits=10, decimal_places=2)
    price_max = PriceField(required=False, min_value=0, max_digits=10, decimal_places=2)
    sort = forms.ChoiceField(required=False, choices=SORT_CHOICES)

    def to_filters(self, **fixed: str) -> ProductFilters:
        """The valid fields as filters; ``fixed`` ones come from the page (its category...)."""
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items()
                if name not in self.errors and value not in (None, "")}
        low, high = data.get("price_min"), data.get("price_max")
        if low is not None and high is not None and low > high:
            data["price_min"], data["price_max"] = high, low
        data.update(fixed)
        data["attributes"] = self.attribute_choices()
        return ProductFilters(
            query=data.get("q", ""), category=data.get("category", ""),
            region=data.get("region", ""), label=data.get("label", ""),
            cooperative=data.get("cooperative", ""), price_min=data.get("price_min"),
            price_max=data.get("price_max"), sort=data.get("sort") or "name",
            attributes=data["attributes"],
        )

    def attribute_choices(self) -> tuple[tuple[str, str], ...]:
        """``attr-<attribute slug>=<value slug>`` parameters (attribute facets); a malformed
        one is dropped, and at most ``MAX_ATTRIBUTE_FILTERS`` are read."""
        chosen: list[tuple[str, str]] = []
        for key in list(self.data.keys())[:200]:
            if not key.startswith(ATTRIBUTE_PREFIX):
                continue
            attribute, value = key[len(ATTRIBUTE_PREFIX):], self.data.get(key) or ""
            if SLUG.fullmatch(attribute) and SLUG.fullmatch(value):
                chosen.append((attribute, value))
        return tuple(sorted(chosen)[:MAX_ATTRIBUTE_FILTERS])


def is_refined(filters: ProductFilters, fixed: dict[str, str]) -> bool:
    """Whether the shopper narrowed the page beyond what its URL fixes (its category...)."""
    named = ("query", "category", "region", "label", "cooperative")
    return (any(getattr(filters, name) for name in named if name not in fixed)
            or filters.price_min is not None or filters.price_max is not None
            or bool(filters.attributes))
