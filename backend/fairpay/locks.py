"""Row locks of fair pay, in one place, always taken in primary-key order.

Lock order across the app: an order's split row first, then ledger accounts by pk, then a
payout row. Payout runs lock every payee account (cooperatives, partners and the cash they
hold) so two runs serialise; refunds lock the payee accounts they debit, so a refund and a run
never read a balance the other is changing. Every function must run inside
``transaction.atomic``.

Locks are ``FOR NO KEY UPDATE``: they serialise runs, refunds and payout updates with each
other, but not with the inserts of new entries (whose foreign keys take ``KEY SHARE`` locks on
the accounts), so a capture written during a payout run neither waits for it nor deadlocks.
"""
from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet

from backend.cooperatives.models import Cooperative
from backend.orders.models import Order

from .models import Account, AccountKind, OrderSplit, Payout

PAYOUT_ACCOUNT_KINDS = (AccountKind.COOPERATIVE, AccountKind.PARTNER,
                        AccountKind.CASH_HELD_BY_PARTNER)


def order_for_update(order_id) -> Order:
    """Lock an order row while its split is taken (two snapshots of one order serialise)."""
    return Order.objects.select_for_update(of=("self",), no_key=True).get(pk=order_id)


def order_split_for_update(order_id) -> OrderSplit | None:
    """Lock an order's split: captures and refunds of one order serialise on it."""
    return (OrderSplit.objects.select_for_update(of=("self",), no_key=True)
            .select_related("policy").filter(order_id=order_id).first())


def accounts_for_update(account_ids: Iterable[int]) -> list[Account]:
    """Lock these accounts, in pk order."""
    return list(Account.objects.select_for_update(no_key=True).filter(pk__in=set(account_ids))
                .order_by("pk"))


def payout_accounts_for_update(currency: str) -> QuerySet[Account]:
    """Lock every account a payout run reads or writes for ``currency``, in pk order."""
    return (Account.objects.select_for_update(no_key=True)
            .filter(currency=currency, kind__in=PAYOUT_ACCOUNT_KINDS).order_by("pk"))


def payout_for_update(payout_id: int) -> Payout:
    """Lock one payout while it is sent, settled or failed."""
    return (Payout.objects.select_for_update(of=("self",), no_key=True)
            .select_related("run", "account").get(pk=payout_id))


def cooperative_for_update(cooperative_id: int) -> Cooperative | None:
    """Lock a cooperative while a member distribution checks its periods do not overlap."""
    return (Cooperative.objects.select_for_update(no_key=True).filter(pk=cooperative_id)
            .first())
