"""Each placed order stores its split, part by part, from the policy then in force."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from backend.core.errors import DomainError
from backend.fairpay.error_codes import FairPayErrorCode
from backend.fairpay.models import CooperativeFairPay, OrderLineSplit, OrderSplit, SplitPolicy
from backend.fairpay.services.policy import split_policy_next_version
from backend.fairpay.services.snapshots import order_splits_snapshot
from tests.factories.catalog import CooperativeFactory, make_listed_product

from .conftest import build_order, place_order


def parts_of(order) -> list[tuple]:
    return sorted((p.order_line.product_name if p.order_line else "delivery", p.payee_kind,
                   p.cooperative_id or p.partner_id, p.role, p.amount_minor)
                  for p in OrderLineSplit.objects.filter(order_split__order=order)
                  .select_related("order_line"))


def test_placing_an_order_stores_the_split_of_each_line_and_delivery(channel, partner,
                                                                     other_partner):
    saffron = make_listed_product(channel=channel, price="60.00", name="Safran",
                                  cooperative=CooperativeFactory(women_led=True))
    cooperative = saffron.cooperative

    order = place_order(channel, [(saffron.default_variant, 2)],
                        deliveries={cooperative.pk: ("40.00", [(partner, "15.00"),
                                                               (other_partner, "25.00")])})

    header = OrderSplit.objects.get(order=order)
    assert header.method == "cash"
    assert header.paid_minor == 16000
    assert header.policy.version == 1
    assert parts_of(order) == sorted([
        ("Safran", "cooperative", cooperative.pk, "goods", 11280),
        ("Safran", "platform", None, "commission", 600),
        ("Safran", "solidarity_fund", None, "solidarity", 120),
        ("delivery", "partner", partner.pk, "delivery", 1500),
        ("delivery", "partner", other_partner.pk, "delivery", 2500),
    ])


def test_a_later_policy_never_rewrites_a_placed_order(channel, product):
    order = place_order(channel, [(product.default_variant, 1)])
    before = parts_of(order)
    SplitPolicy.objects.create(version=split_policy_next_version(),
                               effective_from=timezone.now(), commission_rate=Decimal("0.2"))

    assert order_splits_snapshot(order=order).policy.version == 1
    later = place_order(channel, [(product.default_variant, 1)], email="later@example.ma")

    assert parts_of(order) == before
    assert OrderSplit.objects.get(order=later).policy.commission_rate == Decimal("0.2000")
    commission = OrderLineSplit.objects.get(order_split__order=later, role="commission")
    assert commission.amount_minor == 1200


def test_a_future_policy_does_not_apply_yet(channel, product):
    SplitPolicy.objects.create(version=split_policy_next_version(),
                               effective_from=timezone.now() + timedelta(days=3),
                               commission_rate=Decimal("0.3"))

    order = place_order(channel, [(product.default_variant, 1)])

    assert OrderSplit.objects.get(order=order).policy.version == 1


def test_a_cooperative_override_sets_its_commission(channel, cooperative):
    CooperativeFairPay.objects.create(cooperative=cooperative,
                                      commission_override=Decimal("0.03"))

    order = build_order(channel, [(cooperative, "100.00")])
    order_splits_snapshot(order=order)

    commission = OrderLineSplit.objects.get(order_split__order=order, role="commission")
    assert (commission.amount_minor, commission.rate) == (300, Decimal("0.0300"))


def test_a_leg_with_an_unknown_partner_is_refused_and_nothing_is_stored(channel, cooperative):
    order = build_order(channel, [(cooperative, "50.00")], [(cooperative, "20.00", [])])
    order.deliveries.update(legs=[{"partner_id": 999999, "price": "20.00"}])

    with pytest.raises(DomainError) as refused:
        order_splits_snapshot(order=order)

    assert refused.value.errors[0].code == FairPayErrorCode.UNKNOWN_PARTNER
    assert not OrderSplit.objects.filter(order=order).exists()


def test_legs_may_name_their_partner_by_slug(channel, cooperative, partner):
    order = build_order(channel, [(cooperative, "50.00")], [(cooperative, "20.00", [])])
    order.deliveries.update(legs=[{"partner": partner.slug, "price_amount": "18.00"}])

    order_splits_snapshot(order=order)

    delivery = OrderLineSplit.objects.get(order_split__order=order, role="delivery")
    assert (delivery.partner_id, delivery.amount_minor) == (partner.pk, 2000)


def test_taking_the_snapshot_twice_keeps_the_first(channel, cooperative):
    order = build_order(channel, [(cooperative, "50.00")])
    first = order_splits_snapshot(order=order)

    assert order_splits_snapshot(order=order).pk == first.pk
    assert OrderLineSplit.objects.filter(order_split=first).count() == 3
