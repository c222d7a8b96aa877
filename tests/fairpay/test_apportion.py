"""Largest-remainder apportionment: exact parts, bounded by their weights, seeded ties."""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.fairpay.apportion import apportion


def test_apportion_gives_the_leftover_centime_to_the_largest_remainder():
    parts = apportion(100, [("a", 1), ("b", 1), ("c", 1)], seed="order:1")

    assert sorted(parts.values()) == [33, 33, 34]
    assert apportion(1000, [("a", Decimal("0.915")), ("b", Decimal("0.08")),
                            ("c", Decimal("0.005"))], seed="x") == {"a": 915, "b": 80, "c": 5}


def test_equal_remainders_are_broken_by_the_seed_not_by_the_listing_order():
    forward = apportion(1, [("a", 1), ("b", 1)], seed="order:42")
    backward = apportion(1, [("b", 1), ("a", 1)], seed="order:42")

    assert forward == backward
    winners = {max(apportion(1, [("a", 1), ("b", 1)], seed=f"order:{n}").items(),
                   key=lambda item: item[1])[0] for n in range(20)}
    assert winners == {"a", "b"}


def test_all_zero_weights_share_equally_and_bad_input_is_refused():
    assert sorted(apportion(5, [("a", 0), ("b", 0)], seed="s").values()) == [2, 3]
    with pytest.raises(ValueError):
        apportion(5, [], seed="s")
    with pytest.raises(ValueError):
        apportion(5, [("a", 1), ("a", 2)], seed="s")
    with pytest.raises(ValueError):
        apportion(5, [("a", 1), ("b", -1)], seed="s")


weights = st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=12)


@given(total=st.integers(min_value=0, max_value=10**10), weights=weights,
       seed=st.text(max_size=8))
def test_parts_add_up_exactly_and_stay_within_one_of_their_quota(total, weights, seed):
    keyed = [(str(i), w) for i, w in enumerate(weights)]

    parts = apportion(total, keyed, seed=seed)

    assert sum(parts.values()) == total
    weight_sum = sum(weights) or len(weights)
    for key, weight in keyed:
        quota = Fraction(total * (weight if sum(weights) else 1), weight_sum)
        assert parts[key] >= 0
        assert abs(parts[key] - quota) < 1
    assert parts == apportion(total, list(reversed(keyed)), seed=seed)


@given(cells=st.lists(st.integers(min_value=-10**6, max_value=10**6), min_size=1, max_size=10),
       fraction=st.fractions(min_value=0, max_value=1))
def test_signed_weights_give_parts_between_zero_and_their_weight(cells, fraction):
    if sum(cells) <= 0:
        cells = [*cells, 1 - sum(cells)]
    total = int(sum(cells) * fraction)

    parts = apportion(total, [(str(i), c) for i, c in enumerate(cells)], seed="refund")

    assert sum(parts.values()) == total
    for index, cell in enumerate(cells):
        assert min(0, cell) <= parts[str(index)] <= max(0, cell)
