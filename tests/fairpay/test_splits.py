"""The pure split engine: exact shares per payee, for any amounts, rates and line counts."""
from __future__ import annotations

import random
from collections import Counter
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backend.fairpay import splits
from backend.fairpay.splits import (
    PLATFORM,
    POOLED_FUND,
    PROCESSOR,
    CooperativeTerms,
    DeliveryInput,
    Discount,
    FeeBearer,
    LegQuote,
    LineInput,
    Payee,
    PayeeKind,
    PaymentMethod,
    Policy,
    Role,
    SolidarityMode,
    SplitError,
    SplitRequest,
    split_order,
)


def coop(pk: int) -> Payee:
    return Payee(PayeeKind.COOPERATIVE, pk)


def partner(pk: int) -> Payee:
    return Payee(PayeeKind.PARTNER, pk)


def test_a_cash_order_splits_lines_by_the_policy_and_delivery_by_quoted_leg_prices():
    request = SplitRequest(
        seed="order:1", currency="MAD", method=PaymentMethod.CASH,
        lines=(LineInput("line:a", CooperativeTerms(1), 12000),
               LineInput("line:b", CooperativeTerms(2, women_led=True), 20000)),
        deliveries=(DeliveryInput("delivery:1", 1, 4000, (LegQuote(7, 1500), LegQuote(8, 2500))),))

    split = split_order(request)

    assert split.paid == 36000
    assert split.fee == 0
    assert split.shares() == {coop(1): 10920, coop(2): 18800, partner(7): 1500, partner(8): 2500,
                              PLATFORM: 960 + 1000, POOLED_FUND: 120 + 200}
    commission = {p.source: p for p in split.parts if p.role == Role.COMMISSION}
    assert commission["line:a"].rate == Decimal("0.08")
    assert commission["line:b"].rate == Decimal("0.05")


def test_a_card_fee_is_taken_from_the_platform_commission_by_default():
    request = SplitRequest(seed="order:2", currency="MAD",
                           lines=(LineInput("line:a", CooperativeTerms(1), 10000),))

    split = split_order(request)

    assert split.fee == 290
    assert split.shares() == {coop(1): 9100, PROCESSOR: 290, PLATFORM: 510, POOLED_FUND: 100}


def test_a_fee_the_platform_cannot_carry_is_paid_back_by_the_platform_to_the_others():
    policy = Policy(commission_rate=Decimal("0"), reduced_commission_rate=None,
                    card_fee_fixed=300)
    request = SplitRequest(seed="order:3", currency="MAD", policy=policy,
                           lines=(LineInput("line:a", CooperativeTerms(1), 1000),))

    split = split_order(request)

    assert split.fee == 329
    assert split.shares() == {coop(1): 664, PROCESSOR: 329, POOLED_FUND: 7}
    assert split.subsidies() == {coop(1): 326, PLATFORM: -329, POOLED_FUND: 3}
    assert split.net() == {coop(1): 990, PROCESSOR: 329, PLATFORM: -329, POOLED_FUND: 10}


@pytest.mark.parametrize(("bearer", "expected"), [
    (FeeBearer.COOPERATIVES, {"cooperative": 8810, "platform": 800}),
    (FeeBearer.SHARED, {"cooperative": 8836, "platform": 777}),
])
def test_the_policy_says_who_bears_the_payment_fee(bearer, expected):
    request = SplitRequest(seed="order:4", currency="MAD", policy=Policy(fee_bearer=bearer),
                           lines=(LineInput("line:a", CooperativeTerms(1), 10000),))

    shares = split_order(request).shares()

    assert shares[coop(1)] == expected["cooperative"]
    assert shares[PLATFORM] == expected["platform"]
    assert shares[PROCESSOR] == 290
    assert sum(shares.values()) == 10000


def test_an_override_beats_the_reduced_rate_and_a_fund_can_be_kept_per_cooperative():
    policy = Policy(solidarity_mode=SolidarityMode.PER_COOPERATIVE)
    terms = CooperativeTerms(5, women_led=True, commission_override=Decimal("0.02"))
    request = SplitRequest(seed="order:5", currency="MAD", policy=policy,
                           method=PaymentMethod.CASH,
                           lines=(LineInput("line:a", terms, 10000),))

    assert split_order(request).shares() == {
        coop(5): 9700, PLATFORM: 200, Payee(PayeeKind.SOLIDARITY_FUND, 5): 100}


def test_a_delivery_without_partner_legs_is_kept_by_the_platform():
    request = SplitRequest(seed="order:6", currency="MAD", method=PaymentMethod.CASH,
                           lines=(LineInput("line:a", CooperativeTerms(1), 0),),
                           deliveries=(DeliveryInput("delivery:1", 1, 2500),))

    parts = split_order(request).parts

    assert [(p.payee, p.role, p.amount) for p in parts] == [(PLATFORM, Role.DELIVERY, 2500)]


def test_a_promotion_is_carried_exactly_by_its_funder():
    lines = (LineInput("line:a", CooperativeTerms(1), 10000),
             LineInput("line:b", CooperativeTerms(2), 5000))
    base = split_order(SplitRequest(seed="order:7", currency="MAD", lines=lines,
                                    method=PaymentMethod.CASH)).net()
    promo = Discount("spring", 1500, PLATFORM)

    split = split_order(SplitRequest(seed="order:7", currency="MAD", lines=lines,
                                     method=PaymentMethod.CASH, discounts=(promo,)))

    assert split.paid == 13500
    assert sum(split.shares().values()) == 13500
    assert all(amount >= 0 for amount in split.shares().values())
    net = split.net()
    assert net[PLATFORM] == base[PLATFORM] - 1500 == -300
    assert net[coop(1)] == base[coop(1)]
    assert net[coop(2)] == base[coop(2)]
    assert net[POOLED_FUND] == base[POOLED_FUND]


def test_a_cooperative_may_fund_a_promotion_on_its_own_line():
    lines = (LineInput("line:a", CooperativeTerms(1), 10000),
             LineInput("line:b", CooperativeTerms(2), 5000))
    promo = Discount("coop-promo", 1000, coop(1), sources=("line:a",),
                     accepted_by=frozenset({1}))

    net = split_order(SplitRequest(seed="order:8", currency="MAD", lines=lines,
                                   method=PaymentMethod.CASH, discounts=(promo,))).net()

    assert net == {coop(1): 9100 - 1000, coop(2): 4550, PLATFORM: 1200, POOLED_FUND: 150}


@pytest.mark.parametrize("request_kwargs", [
    {"lines": (LineInput("line:a", CooperativeTerms(1), -1),)},
    {"lines": (LineInput("line:a", CooperativeTerms(1, commission_override=Decimal("0.995")),
                         100),)},
    {"lines": (LineInput("line:a", CooperativeTerms(1), 100),
               LineInput("line:a", CooperativeTerms(1), 100))},
    {"lines": (LineInput("line:a", CooperativeTerms(1), 100),),
     "discounts": (Discount("d", 101, PLATFORM),)},
    # a cooperative never funds a promotion it did not accept, nor another's lines
    {"lines": (LineInput("line:a", CooperativeTerms(1), 100),),
     "discounts": (Discount("d", 10, coop(1), sources=("line:a",)),)},
    {"lines": (LineInput("line:a", CooperativeTerms(1), 100),),
     "discounts": (Discount("d", 10, coop(2), sources=("line:a",),
                            accepted_by=frozenset({2})),)},
])
def test_impossible_requests_are_refused(request_kwargs):
    with pytest.raises(SplitError):
        split_order(SplitRequest(seed="s", currency="MAD", **request_kwargs))


rates = st.decimals(min_value=0, max_value=Decimal("0.4"), places=4)
terms = st.builds(CooperativeTerms, id=st.integers(1, 4), women_led=st.booleans(),
                  youth_led=st.booleans(),
                  commission_override=st.none() | st.decimals(min_value=0,
                                                              max_value=Decimal("0.5"),
                                                              places=4))
policies = st.builds(
    Policy, commission_rate=rates, solidarity_rate=st.decimals(0, Decimal("0.05"), places=4),
    reduced_commission_rate=st.none() | rates,
    solidarity_mode=st.sampled_from(SolidarityMode), fee_bearer=st.sampled_from(FeeBearer),
    card_fee_rate=st.decimals(0, Decimal("0.1"), places=4),
    card_fee_fixed=st.integers(0, 1000))
legs = st.lists(st.builds(LegQuote, partner_id=st.integers(1, 5),
                          quoted=st.integers(0, 100_000)), max_size=3).map(tuple)


@st.composite
def requests(draw):
    amounts = draw(st.lists(st.integers(0, 10**8), min_size=1, max_size=15))
    lines = tuple(LineInput(f"line:{i}", draw(terms), amount) for i, amount in enumerate(amounts))
    deliveries = tuple(
        DeliveryInput(f"delivery:{i}", draw(st.integers(1, 4)), draw(st.integers(0, 10**6)),
                      draw(legs))
        for i in range(draw(st.integers(0, 4))))
    return SplitRequest(seed=draw(st.text(min_size=1, max_size=12)), currency="MAD",
                        lines=lines, deliveries=deliveries, policy=draw(policies),
                        method=draw(st.sampled_from(PaymentMethod)))


@settings(max_examples=300)
@given(request=requests())
def test_for_any_order_the_shares_add_up_exactly_and_none_is_negative(request):
    split = split_order(request)

    paid = sum(line.amount for line in request.lines) + sum(d.amount for d in request.deliveries)
    assert split.paid == paid
    assert sum(split.shares().values()) == paid
    assert all(part.amount > 0 for part in split.parts if part.role != Role.SUBSIDY)
    assert all(amount >= 0 for amount in split.shares().values())
    for source in [line.key for line in request.lines] + [d.key for d in request.deliveries]:
        amount = next(x.amount for x in (*request.lines, *request.deliveries) if x.key == source)
        assert split.source_paid(source) == amount
    assert split.shares().get(PROCESSOR, 0) == split.fee
    assert sum(split.subsidies().values()) == 0
    assert all(amount >= 0 for payee, amount in split.subsidies().items() if payee != PLATFORM)
    if request.method != PaymentMethod.CARD:
        assert split.fee == 0
        assert split.subsidies() == {}


@settings(max_examples=200)
@given(request=requests())
def test_no_payee_pays_a_card_fee_it_does_not_bear(request):
    """With the card fee, only the bearer's net changes (the platform covers a shortfall)."""
    card = SplitRequest(seed=request.seed, currency="MAD", lines=request.lines,
                        deliveries=request.deliveries, policy=request.policy,
                        method=PaymentMethod.CARD)
    cash = SplitRequest(seed=request.seed, currency="MAD", lines=request.lines,
                        deliveries=request.deliveries, policy=request.policy,
                        method=PaymentMethod.CASH)

    with_fee, without = split_order(card).net(), split_order(cash).net()

    bearer = request.policy.fee_bearer
    for payee, amount in without.items():
        if payee == PLATFORM or (bearer == FeeBearer.SHARED):
            continue
        if bearer == FeeBearer.COOPERATIVES and payee.kind == PayeeKind.COOPERATIVE:
            assert amount - with_fee.get(payee, 0) >= 0
            continue
        assert with_fee.get(payee, 0) == amount


@settings(max_examples=150)
@given(request=requests(), shuffle_seed=st.integers())
def test_the_split_is_deterministic_and_does_not_depend_on_the_listing_order(request,
                                                                             shuffle_seed):
    lines, deliveries = list(request.lines), list(request.deliveries)
    random.Random(shuffle_seed).shuffle(lines)
    random.Random(shuffle_seed).shuffle(deliveries)
    shuffled = SplitRequest(seed=request.seed, currency="MAD", lines=tuple(lines),
                            deliveries=tuple(deliveries), policy=request.policy,
                            method=request.method)

    first = split_order(request)

    assert split_order(request) == first
    assert sorted(split_order(shuffled).parts, key=repr) == sorted(first.parts, key=repr)


@settings(max_examples=150)
@given(request=requests())
def test_each_share_is_within_a_centime_of_its_exact_rate_before_fees(request):
    cash = SplitRequest(seed=request.seed, currency="MAD", lines=request.lines,
                        deliveries=request.deliveries, policy=request.policy,
                        method=PaymentMethod.CASH)

    split = split_order(cash)

    for line in cash.lines:
        exact = line.amount * line.cooperative.commission_rate(cash.policy)
        got = sum(p.amount for p in split.parts
                  if p.source == line.key and p.role == Role.COMMISSION)
        assert abs(got - exact) < 1
    for delivery in cash.deliveries:
        quoted = sum(leg.quoted for leg in delivery.legs)
        for pk in {leg.partner_id for leg in delivery.legs}:
            if not quoted:
                continue
            mine = sum(leg.quoted for leg in delivery.legs if leg.partner_id == pk)
            got = sum(p.amount for p in split.parts
                      if p.source == delivery.key and p.payee == partner(pk))
            assert abs(got - Decimal(delivery.amount * mine) / quoted) < 1


def test_leftover_centimes_do_not_drift_to_one_payee_over_many_orders():
    """Two partners quoting the same price share an odd centime: each wins about half."""
    wins = Counter()
    for number in range(2000):
        request = SplitRequest(
            seed=f"order:{number}", currency="MAD", method=PaymentMethod.CASH,
            lines=(LineInput("line:a", CooperativeTerms(1), 0),),
            deliveries=(DeliveryInput("delivery:1", 1, 2501,
                                      (LegQuote(7, 1800), LegQuote(8, 1800))),))
        shares = split_order(request).shares()
        wins[max((partner(7), partner(8)), key=lambda p: shares[p])] += 1

    assert wins[partner(7)] + wins[partner(8)] == 2000
    assert 900 <= wins[partner(7)] <= 1100


def test_a_contested_centime_of_a_line_goes_to_the_cooperative_or_the_platform_in_turn():
    """At 50% commission, an odd centime is a tie between the cooperative and the platform."""
    policy = Policy(commission_rate=Decimal("0.5"), solidarity_rate=Decimal("0"),
                    reduced_commission_rate=None)
    wins = Counter()
    for number in range(2000):
        request = SplitRequest(seed=f"order:{number}", currency="MAD", policy=policy,
                               method=PaymentMethod.CASH,
                               lines=(LineInput("line:a", CooperativeTerms(1), 101),))
        shares = split_order(request).shares()
        wins["cooperative" if shares[coop(1)] == 51 else "platform"] += 1
        assert sorted(shares.values()) == [50, 51]

    assert 900 <= wins["cooperative"] <= 1100


def test_the_module_is_pure():
    source = open(splits.__file__).read()  # noqa: SIM115

    assert "django" not in source
