"""Exact apportionment of an integer amount (minor units) by weights: largest remainder.

Why a module of its own: the split engine, refunds, partial captures and the member
distribution all need the same promise, that the parts add up *exactly* to the whole, in
centimes, and that no party is favoured by the rounding.

Rule (Hamilton's method, exact with ``Fraction``):

1. each key's quota is ``total * weight / sum(weights)``; it first gets the floor of its quota;
2. the centimes left over (fewer than the number of keys) go one each to the keys with the
   largest fractional remainder;
3. **tie rule**: keys whose remainders are equal are ordered by ``sha256(seed + "|" + key)``
   (smallest digest first). The seed names the order and the purpose (for example
   ``"order:<uuid>|line:<uuid>"``), so which party receives a contested centime changes
   pseudo-randomly from one order to the next and evens out over many orders, and it does not
   depend on the order in which the keys are listed.

Weights may be negative (a promotion funded by a payee is a negative part of what a customer
paid) as long as their sum is positive; with ``0 <= total <= sum(weights)`` every part then lies
between 0 and its weight, so the reversal of a part never overshoots it.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

Weight = int | Decimal | Fraction


def tie_rank(seed: str, key: str) -> bytes:
    """The stable, seed-dependent rank used to break equal remainders."""
    return hashlib.sha256(f"{seed}|{key}".encode()).digest()


def apportion(total: int, weights: Sequence[tuple[str, Weight]], *, seed: str) -> dict[str, int]:
    """Split ``total`` minor units by ``weights`` so the parts sum exactly to ``total``.

    ``weights`` is a sequence of ``(key, weight)`` with unique keys. When every weight is zero,
    the keys share equally (same rounding). Returns ``{key: part}`` in the order given.
    """
    if not isinstance(total, int):
        raise TypeError("total must be an int of minor units")
    keys = [key for key, _ in weights]
    if len(set(keys)) != len(keys):
        raise ValueError("apportion keys must be unique")
    if not keys:
        if total:
            raise ValueError("cannot apportion a non-zero total over no keys")
        return {}
    fractions = [Fraction(weight) for _, weight in weights]
    weight_sum = sum(fractions, Fraction(0))
    if weight_sum == 0:
        if any(fractions):
            raise ValueError("weights must not sum to zero")
        fractions = [Fraction(1)] * len(keys)
        weight_sum = Fraction(len(keys))
    if weight_sum < 0:
        raise ValueError("weights must sum to a positive number")
    quotas = [total * weight / weight_sum for weight in fractions]
    parts = [quota.numerator // quota.denominator for quota in quotas]
    leftover = total - sum(parts)
    order = sorted(range(len(keys)),
                   key=lambda i: (-(quotas[i] - parts[i]), tie_rank(seed, keys[i])))
    for index in order[:leftover]:
        parts[index] += 1
    return dict(zip(keys, parts, strict=True))
