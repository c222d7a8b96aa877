"""Catalogue prices after promotions, for product cards, product pages and the API's
``pricing``: pure over variants whose channel prices are prefetched and rules loaded once per
request (``selectors.catalogue_rules_for_request``)."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from . import calculations as calc
from .selectors import item_of_variant


@dataclass(frozen=True)
class VariantPrice:
    undiscounted: Decimal
    price: Decimal
    promotion: calc.CatalogueRule | None

    @property
    def discount(self) -> Decimal:
        return self.undiscounted - self.price

    @property
    def on_sale(self) -> bool:
        return self.price < self.undiscounted


@dataclass(frozen=True)
class ProductPrices:
    start: Decimal
    stop: Decimal
    undiscounted_start: Decimal
    undiscounted_stop: Decimal
    discount: Decimal  # on the cheapest variant, as Saleor's ``pricing.discount``

    @property
    def on_sale(self) -> bool:
        return self.discount > 0 or self.start < self.undiscounted_start


def variant_price_after_promotions(variant: Any, price: Decimal,
                                   rules: Sequence[calc.CatalogueRule],
                                   currency: str) -> VariantPrice:
    rule, cut = calc.best_rule(item_of_variant(variant), price, rules, currency)
    return VariantPrice(undiscounted=price, price=price - cut, promotion=rule)


def product_prices_after_promotions(variants_prices: Iterable[tuple[Any, Decimal]],
                                    rules: Sequence[calc.CatalogueRule],
                                    currency: str) -> ProductPrices | None:
    priced = [variant_price_after_promotions(v, p, rules, currency) for v, p in variants_prices]
    if not priced:
        return None
    cheapest = min(priced, key=lambda p: p.price)
    return ProductPrices(start=cheapest.price, stop=max(p.price for p in priced),
                         undiscounted_start=min(p.undiscounted for p in priced),
                         undiscounted_stop=max(p.undiscounted for p in priced),
                         discount=cheapest.discount)
