"""Who funds a discount, property-tested: any mix of promotions, vouchers and gift cards.

The pricing (``backend.discounts.calculations``) decides each line's reductions and their
funders' parts; the split engine takes each part from its funder exactly. Properties:

- the shares add up exactly to what the customer pays (gift cards included: they pay);
- each funder's net falls by exactly the discounts it funds, nobody else's changes;
- a cooperative never funds a promotion it did not accept (the pricing skips its lines; the
  engine refuses a forged one).
"""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backend.core.money import to_minor_units
from backend.discounts import calculations as calc
from backend.discounts.services.orders import split_discounts_of
from backend.fairpay import splits

CURRENCY = "MAD"
COOPERATIVES = (1, 2, 3)

money = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("2000"), places=2)
percent = st.decimals(min_value=Decimal("0"), max_value=Decimal("100"), places=2)


@st.composite
def fundings(draw):
    funded_by = draw(st.sampled_from([calc.PLATFORM, calc.COOPERATIVE, calc.SHARED]))
    accepted = frozenset(draw(st.sets(st.sampled_from(COOPERATIVES))))
    share = {calc.PLATFORM: Decimal(100), calc.COOPERATIVE: Decimal(0)}.get(
        funded_by, draw(percent))
    return calc.Funding(funded_by=funded_by, platform_percent=share, accepted=accepted)


@st.composite
def lines(draw):
    count = draw(st.integers(min_value=1, max_value=5))
    return [calc.PricedLine(
        key=str(index),
        item=calc.Item(variant_id=index, product_id=index, category_id=None,
                       cooperative_id=draw(st.sampled_from(COOPERATIVES))),
        unit_price=draw(money), quantity=draw(st.integers(min_value=1, max_value=7)))
        for index in range(count)]


@st.composite
def rules(draw, count: int):
    found = []
    for index in range(draw(st.integers(min_value=0, max_value=3))):
        reward = draw(st.sampled_from([calc.PERCENTAGE, calc.FIXED]))
        value = draw(percent) if reward == calc.PERCENTAGE else draw(money)
        products = frozenset(draw(st.sets(st.integers(min_value=0, max_value=count - 1))))
        found.append(calc.CatalogueRule(
            promotion_id=f"p{index}", name=f"P{index}", translated_name="",
            reward_type=reward, reward_value=value,
            target=calc.Target(product_ids=products), funding=draw(fundings())))
    return found


@st.composite
def vouchers(draw, count: int):
    if not draw(st.booleans()):
        return None
    kind = draw(st.sampled_from([calc.ENTIRE_ORDER, calc.SPECIFIC_PRODUCT]))
    value_type = draw(st.sampled_from([calc.PERCENTAGE, calc.FIXED]))
    return calc.VoucherTerms(
        voucher_id=7, code="CODE", name="V", translated_name="", type=kind,
        value_type=value_type,
        value=draw(percent) if value_type == calc.PERCENTAGE else draw(money),
        min_spent=draw(st.one_of(st.none(), money)),
        apply_once_per_order=draw(st.booleans()),
        target=calc.Target(product_ids=frozenset(
            draw(st.sets(st.integers(min_value=0, max_value=count - 1))))),
        funding=draw(fundings()))


@st.composite
def baskets(draw):
    found = draw(lines())
    return (found, draw(rules(len(found))), draw(vouchers(len(found))),
            draw(st.integers(min_value=0, max_value=5000)),  # delivery, minor units
            draw(st.floats(min_value=0, max_value=1.2)))  # share of the total on gift cards


def _request(basket_lines, discounts, delivery, method, prepaid=0):
    return splits.SplitRequest(
        seed="order:prop", currency=CURRENCY,
        lines=tuple(splits.LineInput(
            key=f"line:{line.key}",
            cooperative=splits.CooperativeTerms(id=line.item.cooperative_id,
                                                women_led=line.item.cooperative_id == 2),
            amount=to_minor_units(line.unit_price * line.quantity, CURRENCY))
            for line in basket_lines),
        deliveries=(splits.DeliveryInput(key="delivery:1", cooperative_id=1, amount=delivery,
                                         legs=(splits.LegQuote(partner_id=9, quoted=1),)),),
        method=method, discounts=tuple(discounts), prepaid=prepaid)


def _priced(basket_lines, basket_rules, voucher):
    pricing = calc.price_lines(basket_lines, currency=CURRENCY, rules=basket_rules,
                               voucher=voucher, seed="prop")
    discounts = [d for part in pricing.discounts
                 for d in split_discounts_of(part, order_line_id=part.line_key,
                                             currency=CURRENCY)]
    return pricing, discounts


@settings(max_examples=300, deadline=None)
@given(baskets())
def test_the_shares_add_up_to_what_is_paid_with_any_mix(basket):
    basket_lines, basket_rules, voucher, delivery, card_share = basket
    pricing, discounts = _priced(basket_lines, basket_rules, voucher)
    undiscounted = sum(to_minor_units(line.unit_price * line.quantity, CURRENCY)
                       for line in basket_lines)
    due = undiscounted + delivery - to_minor_units(pricing.total, CURRENCY)
    prepaid = min(due, int(due * card_share))  # the gift cards' part, at most what is due

    split = splits.split_order(_request(basket_lines, discounts, delivery,
                                        splits.PaymentMethod.CARD, prepaid))

    assert split.paid == due
    assert sum(split.shares().values()) == due
    assert sum(split.net().values()) == due
    assert sum(split.subsidies().values()) == 0
    assert all(amount >= 0 for amount in split.shares().values())
    assert split.fee == splits.payment_fee(due - prepaid, splits.Policy(),
                                           splits.PaymentMethod.CARD)


@settings(max_examples=300, deadline=None)
@given(baskets())
def test_each_funder_carries_exactly_its_discounts(basket):
    basket_lines, basket_rules, voucher, delivery, _ = basket
    pricing, discounts = _priced(basket_lines, basket_rules, voucher)
    cash = splits.PaymentMethod.CASH  # no processor fee, so only the discounts differ

    before = splits.split_order(_request(basket_lines, [], delivery, cash)).net()
    after = splits.split_order(_request(basket_lines, discounts, delivery, cash)).net()

    funded: dict[splits.Payee, int] = {}
    for discount in discounts:
        funded[discount.funder] = funded.get(discount.funder, 0) + discount.amount
    for payee in set(before) | set(after):
        assert before.get(payee, 0) - after.get(payee, 0) == funded.get(payee, 0)
    assert sum(d.amount for d in discounts) == to_minor_units(pricing.total, CURRENCY)


@settings(max_examples=200, deadline=None)
@given(baskets())
def test_a_cooperative_funds_only_what_it_accepted_on_its_own_lines(basket):
    basket_lines, basket_rules, voucher, _, _ = basket
    pricing, _ = _priced(basket_lines, basket_rules, voucher)
    owners = {line.key: line.item.cooperative_id for line in basket_lines}

    for part in pricing.discounts:
        if part.cooperative_amount > 0:
            assert part.cooperative_id == owners[part.line_key]
            assert part.cooperative_id in part.funding.accepted
        assert part.platform_amount + part.cooperative_amount == part.amount
    for key in owners:
        assert pricing.line_discount(key) <= next(
            line.unit_price * line.quantity for line in basket_lines if line.key == key)


def test_the_engine_refuses_a_discount_forged_on_a_cooperative_that_did_not_accept():
    line = calc.PricedLine(key="1", item=calc.Item(1, 1, None, 2), unit_price=Decimal("50"),
                           quantity=1)
    forged = splits.Discount(key="x", amount=500,
                             funder=splits.Payee(splits.PayeeKind.COOPERATIVE, 2),
                             sources=("line:1",), accepted_by=frozenset({3}))
    on_other_lines = splits.Discount(key="y", amount=500,
                                     funder=splits.Payee(splits.PayeeKind.COOPERATIVE, 3),
                                     sources=("line:1",), accepted_by=frozenset({3}))

    for discount in (forged, on_other_lines):
        with pytest.raises(splits.SplitError):
            splits.split_order(_request([line], [discount], 0, splits.PaymentMethod.CASH))


def test_a_shared_discount_is_split_between_its_funders_to_the_centime():
    coop = splits.Payee(splits.PayeeKind.COOPERATIVE, 1)
    line = calc.PricedLine(key="1", item=calc.Item(1, 1, None, 1), unit_price=Decimal("33.33"),
                           quantity=3)
    rule = calc.CatalogueRule(
        promotion_id="p", name="P", translated_name="", reward_type=calc.PERCENTAGE,
        reward_value=Decimal("10"), target=calc.Target(product_ids=frozenset({1})),
        funding=calc.Funding(calc.SHARED, Decimal("70"), frozenset({1})))
    pricing, discounts = _priced([line], [rule], None)

    assert pricing.total == Decimal("9.99")  # 3.33 a unit
    assert {d.funder: d.amount for d in discounts} == {splits.PLATFORM: 699, coop: 300}
    split = splits.split_order(_request([line], discounts, 0, splits.PaymentMethod.CASH))
    assert split.paid == 9999 - 999


@settings(max_examples=300, deadline=None)
@given(unit=money, quantity=st.integers(min_value=1, max_value=12),
       cut_share=st.floats(min_value=0, max_value=1),
       steps=st.lists(st.integers(min_value=1, max_value=12), min_size=1, max_size=12))
def test_refunding_a_discounted_line_in_any_steps_gives_back_exactly_what_it_paid(
        unit, quantity, cut_share, steps):
    from types import SimpleNamespace

    from backend.core.money import quantize
    from backend.discounts.selectors import order_line_refund_value

    total = quantize(unit * quantity, CURRENCY)
    discount = quantize(total * Decimal(str(cut_share)), CURRENCY)
    line = SimpleNamespace(total_price_amount=total, quantity=quantity, currency=CURRENCY)
    refunded, already = Decimal(0), 0
    for step in steps:
        step = min(step, quantity - already)
        if step <= 0:
            break
        value = order_line_refund_value(line, quantity=step, already=already,
                                        discount=discount)
        assert value >= 0
        refunded += value
        already += step
    if already == quantity:
        assert refunded == total - discount
    else:
        assert refunded <= total - discount
