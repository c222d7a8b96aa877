"""Reads of promotions and vouchers in a fixed number of queries, turned into the pure terms
of ``backend.discounts.calculations``."""
from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db.models import Exists, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from catalog.models import Category, CollectionProduct

from . import calculations as calc
from .models import (
    CheckoutVoucher,
    FundingAcceptance,
    Promotion,
    PromotionRule,
    Voucher,
    VoucherChannelListing,
    VoucherCode,
)

MAX_CODE_LENGTH = 255


def _running(prefix: str, when: datetime) -> Q:
    return (Q(**{f"{prefix}start_date__lte": when})
            & (Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gt": when})))


def _translated(obj: Any, language: str | None) -> str:
    if not language or language[:2] == "fr":
        return ""
    for translation in obj.translations.all():
        if translation.language_code == language[:2] and translation.name:
            return translation.name
    return ""


def _funding(obj: Promotion | Voucher) -> calc.Funding:
    return calc.Funding(funded_by=obj.funded_by, platform_percent=obj.platform_percent(),
                        accepted=frozenset(a.cooperative_id for a in obj.acceptances.all()))


def _expand_targets(predicates: Sequence[Any]) -> list[calc.Target]:
    """Targets of rules or vouchers: sub-categories and collection products resolved in at
    most three queries whatever their number."""
    category_ids = set().union(*(p.predicate_ids("category") for p in predicates)) \
        if predicates else set()
    collection_ids = set().union(*(p.predicate_ids("collection") for p in predicates)) \
        if predicates else set()
    descendants: dict[int, set[int]] = {}
    if category_ids:
        roots = list(Category.objects.filter(pk__in=category_ids)
                     .values_list("pk", "tree_id", "lft", "rght"))
        if roots:
            condition = Q()
            for _, tree, lft, rght in roots:
                condition |= Q(tree_id=tree, lft__gte=lft, rght__lte=rght)
            rows = list(Category.objects.filter(condition).values_list("pk", "tree_id", "lft"))
            for pk, tree, lft, rght in roots:
                descendants[pk] = {c for c, t, left in rows
                                   if t == tree and lft <= left <= rght}
    members: dict[int, set[int]] = {}
    if collection_ids:
        for collection_id, product_id in CollectionProduct.objects.filter(
                collection_id__in=collection_ids).values_list("collection_id", "product_id"):
            members.setdefault(collection_id, set()).add(product_id)
    targets = []
    for predicate in predicates:
        categories: set[int] = set()
        for pk in predicate.predicate_ids("category"):
            categories |= descendants.get(pk, set())
        products: set[int] = set()
        for pk in predicate.predicate_ids("collection"):
            products |= members.get(pk, set())
        targets.append(calc.Target(
            variant_ids=frozenset(predicate.predicate_ids("variant")),
            product_ids=frozenset(predicate.predicate_ids("product")),
            category_ids=frozenset(categories), collection_product_ids=frozenset(products)))
    return targets


def catalogue_rules(*, channel_id: int, language: str | None = None,
                    when: datetime | None = None) -> list[calc.CatalogueRule]:
    """The running catalogue rules of a channel: three to six queries, whatever their
    number."""
    when = when or timezone.now()
    rules = list(PromotionRule.objects.filter(channels__id=channel_id)
                 .filter(_running("promotion__", when))
                 .select_related("promotion")
                 .prefetch_related("promotion__acceptances", "promotion__translations")
                 .order_by("promotion__start_date", "pk"))
    targets = _expand_targets(rules)
    return [calc.CatalogueRule(
        promotion_id=str(rule.promotion_id), name=rule.promotion.name,
        translated_name=_translated(rule.promotion, language),
        reward_type=rule.reward_value_type, reward_value=rule.reward_value, target=target,
        funding=_funding(rule.promotion)) for rule, target in zip(rules, targets, strict=True)]


def catalogue_rules_for_request(request: Any, channel: Any) -> list[calc.CatalogueRule]:
    """``catalogue_rules`` once per request and channel (a page of products costs the rules'
    queries once, not per product)."""
    cache = getattr(request, "_coopstore_catalogue_rules", None)
    if cache is None:
        cache = {}
        with contextlib.suppress(AttributeError):  # an object that takes no attributes
            request._coopstore_catalogue_rules = cache
    if channel.pk not in cache:
        from django.utils.translation import get_language

        cache[channel.pk] = catalogue_rules(channel_id=channel.pk, language=get_language())
    return cache[channel.pk]


def item_of_variant(variant: Any) -> calc.Item:
    product = variant.product
    return calc.Item(variant_id=variant.pk, product_id=product.pk,
                     category_id=product.category_id, cooperative_id=product.cooperative_id)


def _used_total() -> Subquery:
    return Subquery(VoucherCode.objects.filter(voucher_id=OuterRef("voucher_id")).order_by()
                    .values("voucher_id").annotate(total=Sum("used")).values("total"))


def voucher_codes_usable(*, channel_id: int, when: datetime | None = None):
    """Active codes of running vouchers listed in the channel whose usage limit is not
    reached (Saleor's ``active_in_channel``)."""
    when = when or timezone.now()
    listed = VoucherChannelListing.objects.filter(voucher_id=OuterRef("voucher_id"),
                                                  channel_id=channel_id)
    return (VoucherCode.objects.filter(is_active=True).filter(_running("voucher__", when))
            .filter(Exists(listed))
            .annotate(voucher_used=Coalesce(_used_total(), 0))
            .filter(Q(voucher__usage_limit__isnull=True)
                    | Q(voucher__usage_limit__gt=F("voucher_used"))))


def voucher_code_find(*, code: str, channel_id: int) -> VoucherCode | None:
    """A usable voucher code by its text (exact, as Saleor), with its voucher: one query."""
    if not code or len(code) > MAX_CODE_LENGTH:
        return None
    return voucher_codes_usable(channel_id=channel_id).select_related("voucher").filter(
        code=code).first()


def voucher_terms(code: VoucherCode, *, channel_id: int,
                  language: str | None = None) -> calc.VoucherTerms | None:
    """The pure terms of a code's voucher in a channel (three or four queries), None when it
    is not listed there."""
    voucher = (Voucher.objects.prefetch_related("acceptances", "translations")
               .filter(pk=code.voucher_id).first())
    listing = VoucherChannelListing.objects.filter(voucher_id=code.voucher_id,
                                                   channel_id=channel_id).first()
    if voucher is None or listing is None:
        return None
    target = _expand_targets([voucher])[0] if voucher.type == calc.SPECIFIC_PRODUCT \
        else calc.Target()
    return calc.VoucherTerms(
        voucher_id=voucher.pk, code=code.code, name=voucher.name,
        translated_name=_translated(voucher, language), type=voucher.type,
        value_type=voucher.discount_value_type, value=listing.discount_value,
        min_spent=listing.min_spent_amount, apply_once_per_order=voucher.apply_once_per_order,
        target=target, funding=_funding(voucher))


def checkout_voucher_code(checkout: Any) -> VoucherCode | None:
    """The code entered on the checkout, with its voucher (one query)."""
    link = (CheckoutVoucher.objects.select_related("voucher_code__voucher")
            .filter(checkout_id=checkout.pk).first())
    return link.voucher_code if link else None


@dataclass(frozen=True)
class CheckoutDiscounts:
    pricing: calc.Pricing
    voucher_code: VoucherCode | None
    voucher_terms: calc.VoucherTerms | None

    @property
    def discount(self) -> Decimal:
        return self.pricing.total


def priced_lines(lines: Iterable[Any]) -> list[calc.PricedLine]:
    """Checkout lines (``CheckoutLineInfo``) that have a price, as the calculations see them."""
    return [calc.PricedLine(key=str(info.line.pk), item=item_of_variant(info.variant),
                            unit_price=info.unit_price, quantity=info.quantity)
            for info in lines if info.unit_price is not None]


def checkout_discounts(checkout: Any, lines: Sequence[Any], *,
                       rules: Sequence[calc.CatalogueRule] | None = None) -> CheckoutDiscounts:
    """Every reduction of a checkout: the channel's rules plus its voucher, if still usable."""
    language = checkout.language_code
    if rules is None:
        rules = catalogue_rules(channel_id=checkout.channel_id, language=language)
    code = checkout_voucher_code(checkout)
    terms = None
    if code is not None:
        usable = voucher_codes_usable(channel_id=checkout.channel_id).filter(pk=code.pk).exists()
        terms = voucher_terms(code, channel_id=checkout.channel_id, language=language) \
            if usable else None
    pricing = calc.price_lines(priced_lines(lines), currency=checkout.currency, rules=rules,
                               voucher=terms, seed=f"checkout:{checkout.pk}")
    return CheckoutDiscounts(pricing=pricing, voucher_code=code, voucher_terms=terms)


def acceptances_of(cooperative_id: int) -> list[FundingAcceptance]:
    return list(FundingAcceptance.objects.filter(cooperative_id=cooperative_id)
                .select_related("promotion", "voucher"))


def order_line_discount_totals(order_id: Any) -> dict[Any, Decimal]:
    """Each order line's total reduction (one query)."""
    from .models import OrderLineDiscount

    totals: dict[Any, Decimal] = {}
    for line_id, amount in OrderLineDiscount.objects.filter(
            line__order_id=order_id).values_list("line_id", "amount"):
        totals[line_id] = totals.get(line_id, Decimal(0)) + amount
    return totals


def order_line_refund_value(line: Any, *, quantity: int, already: int,
                            discount: Decimal) -> Decimal:
    """What ``quantity`` more units of a line were paid, after its discounts.

    Rounded cumulatively, so refunding every unit, in any steps, gives back exactly what the
    line was paid.
    """
    from backend.core.money import quantize

    paid = line.total_price_amount - discount

    def up_to(units: int) -> Decimal:
        return quantize(paid * units / line.quantity, line.currency)

    return up_to(already + quantity) - up_to(already)


def order_parcel_amounts_due(order: Any, gross: dict[int, Decimal]) -> dict[int, Decimal]:
    """What is left to pay for each cooperative's parcel: its goods and delivery (``gross``)
    less its discounts and its part of what was already charged (gift cards), apportioned
    exactly. No query when the order has neither (its total is the sum of ``gross``)."""
    from backend.core.money import from_minor_units, to_minor_units

    currency = order.currency
    charged = order.total_charged_amount or Decimal(0)
    if sum(gross.values(), Decimal(0)) == order.total_amount and charged <= 0:
        return dict(gross)
    from .models import OrderLineDiscount

    due = dict(gross)
    for cooperative_id, amount in OrderLineDiscount.objects.filter(
            line__order_id=order.pk).values_list("line__cooperative_id", "amount"):
        due[cooperative_id] = due.get(cooperative_id, Decimal(0)) - amount
    if charged > 0:
        from backend.fairpay.apportion import apportion

        weights = [(str(pk), to_minor_units(amount, currency))
                   for pk, amount in sorted(due.items())]
        taken = apportion(to_minor_units(min(charged, order.total_amount), currency),
                          weights, seed=f"order:{order.pk}|parcels-due")
        due = {pk: amount - from_minor_units(taken[str(pk)], currency)
               for pk, amount in due.items()}
    return {pk: max(amount, Decimal(0)) for pk, amount in due.items()}
