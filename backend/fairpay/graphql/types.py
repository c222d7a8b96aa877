"""``Order.fairPay`` (the split frozen when the order was placed) and ``Product.fairPayEstimate``
(the split of a product's price under the policy in force, computed by the pure engine).

Both cost a fixed number of queries for a whole list: the order splits are prefetched once for
the page of orders, and the policy and the cooperatives' overrides once per request.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import graphene
import prices
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from backend.core.money import from_minor_units, to_minor_units
from backend.graphql.core.money import Money
from backend.graphql.core.types import NonNullList

from .. import splits
from ..models import CooperativeFairPay, OrderLineSplit
from ..selectors import split_policy_in_force

FairPayPayeeTypeEnum = graphene.Enum(
    "FairPayPayeeType", [(k.name, k.value) for k in splits.PayeeKind],
    description="CoopStore: who receives a part of what the customer pays.")

_KIND_ORDER = {kind: index for index, kind in enumerate(splits.PayeeKind)}


@dataclass(frozen=True)
class PayeeView:
    kind: splits.PayeeKind
    name: str


@dataclass(frozen=True)
class ShareView:
    payee: PayeeView
    amount: prices.Money
    share: float


class FairPayPayee(graphene.ObjectType):
    type = FairPayPayeeTypeEnum(required=True, description="The kind of payee.")
    name = graphene.String(required=True, description="The payee's public name.")

    class Meta:
        description = "CoopStore: a payee of the fair-pay split."

    @staticmethod
    def resolve_type(root: PayeeView, _info: Any) -> str:
        return root.kind.value


class FairPayShare(graphene.ObjectType):
    payee = graphene.Field(FairPayPayee, required=True)
    amount = graphene.Field(Money, required=True, description="What the payee receives.")
    share = graphene.Float(required=True, description="Its part of the amount paid, 0 to 1.")

    class Meta:
        description = ("CoopStore: one payee's part of an order, exact to the centime: the parts "
                       "add up to the amount paid.")


def _ratio(amount: int, total: int) -> float:
    return round(amount / total, 4) if total else 0.0


def _payee_name(kind: splits.PayeeKind, part: OrderLineSplit | None) -> str:
    if kind == splits.PayeeKind.COOPERATIVE and part is not None and part.cooperative:
        return part.cooperative.name
    if kind == splits.PayeeKind.PARTNER and part is not None and part.partner:
        return part.partner.name
    if kind == splits.PayeeKind.SOLIDARITY_FUND:
        if part is not None and part.cooperative:
            return _("Solidarity fund of %(name)s") % {"name": part.cooperative.name}
        return _("Solidarity fund")
    if kind == splits.PayeeKind.PAYMENT_PROCESSOR:
        return _("Payment processor")
    return "CoopStore"


def order_split_prefetch_lookups() -> tuple[Any, ...]:
    parts = OrderLineSplit.objects.select_related("cooperative", "partner").order_by("pk")
    return ("fair_pay_split", Prefetch("fair_pay_split__parts", queryset=parts))


def order_fair_pay(order: Any) -> list[ShareView]:
    """What each payee ends up with of the order (its parts, subsidies included), in the
    order cooperatives, partners, platform, solidarity fund, processor. Empty without a split."""
    try:
        split = order.fair_pay_split
    except ObjectDoesNotExist:
        return []
    if split is None:
        return []
    totals: dict[tuple[str, int | None], int] = defaultdict(int)
    named: dict[tuple[str, int | None], OrderLineSplit] = {}
    for part in split.parts.all():
        partner = part.payee_kind == splits.PayeeKind.PARTNER
        owner = part.partner_id if partner else part.cooperative_id
        key = (part.payee_kind, owner)
        totals[key] += part.amount_minor
        named.setdefault(key, part)
    views = []
    for (kind_value, _owner), amount in totals.items():
        if not amount:
            continue
        kind = splits.PayeeKind(kind_value)
        views.append(ShareView(
            payee=PayeeView(kind=kind, name=_payee_name(kind, named[(kind_value, _owner)])),
            amount=prices.Money(from_minor_units(amount, split.currency), split.currency),
            share=_ratio(amount, split.paid_minor)))
    views.sort(key=lambda v: (_KIND_ORDER[v.payee.kind], v.payee.name))
    return views


class FairPayEstimateShare(graphene.ObjectType):
    amount = graphene.Field(Money, required=True)
    share = graphene.Float(required=True, description="Its part of the price, 0 to 1.")

    class Meta:
        description = "CoopStore: one part of a product's price."


class FairPayEstimate(graphene.ObjectType):
    price = graphene.Field(Money, required=True, description="The price split: the product's "
                           "lowest price, plus the delivery price when given.")
    policy_version = graphene.Int(description="The split policy version in force (null: the "
                                  "published defaults).")
    cooperative = graphene.Field(FairPayEstimateShare, required=True,
                                 description="What the cooperative receives.")
    delivery = graphene.Field(FairPayEstimateShare, required=True,
                              description="What the delivery partners receive.")
    platform = graphene.Field(FairPayEstimateShare, required=True,
                              description="The platform's commission.")
    solidarity = graphene.Field(FairPayEstimateShare, required=True,
                                description="The solidarity fund's share.")

    class Meta:
        description = ("CoopStore: where your money goes when you buy this product, under the "
                       "policy in force (before any card fee, which the platform bears by "
                       "default).")


@dataclass(frozen=True)
class _RequestTerms:
    policy: splits.Policy
    version: int | None
    overrides: dict[int, Decimal]


def _request_terms(info: Any) -> _RequestTerms:
    """The policy in force and the cooperatives' commission overrides: two queries a request."""
    context = info.context
    terms = getattr(context, "_fair_pay_terms", None)
    if terms is None:
        policy = split_policy_in_force()
        overrides = dict(CooperativeFairPay.objects.filter(commission_override__isnull=False)
                         .values_list("cooperative_id", "commission_override"))
        terms = _RequestTerms(policy=policy.to_policy() if policy else splits.Policy(),
                              version=policy.version if policy else None, overrides=overrides)
        context._fair_pay_terms = terms
    return terms


def _estimate_share(amount: int, total: int, currency: str) -> FairPayEstimateShare:
    return FairPayEstimateShare(amount=prices.Money(from_minor_units(amount, currency), currency),
                                share=_ratio(amount, total))


def fair_pay_estimate(info: Any, *, product: Any, price: Decimal, currency: str,
                      delivery_price: Decimal | None = None) -> FairPayEstimate:
    """Split one unit of ``product`` at ``price`` (and a delivery) with the pure engine."""
    terms = _request_terms(info)
    cooperative = product.cooperative
    line = splits.LineInput(key="line:estimate", amount=to_minor_units(price, currency),
                            cooperative=splits.CooperativeTerms(
                                id=cooperative.pk, women_led=cooperative.women_led,
                                youth_led=cooperative.youth_led,
                                commission_override=terms.overrides.get(cooperative.pk)))
    deliveries = ()
    if delivery_price:
        deliveries = (splits.DeliveryInput(
            key="delivery:estimate", cooperative_id=cooperative.pk,
            amount=to_minor_units(delivery_price, currency),
            legs=(splits.LegQuote(partner_id=0, quoted=1),)),)
    split = splits.split_order(splits.SplitRequest(
        seed=f"estimate:{product.pk}", currency=currency, lines=(line,), deliveries=deliveries,
        policy=terms.policy, method=splits.PaymentMethod.CASH))
    by_kind: dict[splits.PayeeKind, int] = defaultdict(int)
    for payee, amount in split.net().items():
        by_kind[payee.kind] += amount
    total = split.paid
    return FairPayEstimate(
        price=prices.Money(from_minor_units(total, currency), currency),
        policy_version=terms.version,
        cooperative=_estimate_share(by_kind[splits.PayeeKind.COOPERATIVE], total, currency),
        delivery=_estimate_share(by_kind[splits.PayeeKind.PARTNER], total, currency),
        platform=_estimate_share(by_kind[splits.PayeeKind.PLATFORM], total, currency),
        solidarity=_estimate_share(by_kind[splits.PayeeKind.SOLIDARITY_FUND], total, currency))


def fair_pay_field() -> graphene.List:
    return NonNullList(FairPayShare, required=True,
                       description="CoopStore: the exact split of what the customer paid, per "
                                   "payee, frozen when the order was placed.")
