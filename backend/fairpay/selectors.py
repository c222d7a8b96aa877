"""Fair-pay reads: the policy in force and balances, always summed from ledger entries."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from django.db import connection
from django.db.models import QuerySet, Sum
from django.utils import timezone

from .models import (
    SPLIT_JOURNAL_KINDS,
    Account,
    AccountKind,
    Entry,
    Journal,
    JournalKind,
    SplitPolicy,
    account_key,
)

CellKey = tuple[object, int | None, int, str]  # (order_line_id, delivery_id, account_id, role)


def split_policy_in_force(at: datetime | None = None) -> SplitPolicy | None:
    """The newest version whose ``effective_from`` has come, or None if there is none."""
    at = at or timezone.now()
    return (SplitPolicy.objects.filter(effective_from__lte=at)
            .order_by("-effective_from", "-version").first())


def account_find(kind: AccountKind, currency: str, owner_id: int | None = None) -> Account | None:
    return Account.objects.filter(key=account_key(kind, currency, owner_id)).first()


def _sum(queryset: QuerySet[Entry]) -> int:
    return queryset.aggregate(total=Sum("amount"))["total"] or 0


def account_balance(account: Account | None) -> int:
    """Debits minus credits, in minor units (an asset's holding, minus a liability's)."""
    return _sum(Entry.objects.filter(account=account)) if account else 0


def account_owed(account: Account | None) -> int:
    """What a liability account (a payee) is owed: credits minus debits."""
    return -account_balance(account)


# A credit is held while its parcel's latest hold (no later one) ends after ``at``: an
# anti-join PostgreSQL runs by hash over the whole ledger or by index for a few accounts,
# instead of a sub-query per entry (slow at 100k orders).
_AVAILABLE_SQL = """
SELECT e.account_id, SUM(e.amount)
  FROM fairpay_entry e
 WHERE e.account_id IN ({ids})
   AND (e.amount > 0 OR (e.available_at <= %s AND NOT EXISTS (
        SELECT 1 FROM fairpay_parcelhold h
         WHERE h.order_id = e.order_id AND h.cooperative_id = e.parcel_cooperative_id
           AND h.release_at > %s
           AND NOT EXISTS (SELECT 1 FROM fairpay_parcelhold later
                            WHERE later.order_id = h.order_id
                              AND later.cooperative_id = h.cooperative_id
                              AND later.id > h.id))))
 GROUP BY e.account_id
"""


def accounts_available(account_ids: Iterable[int], at: datetime | None = None) -> dict[int, int]:
    """What each payee account can be paid at ``at``: every debit, and credits off hold.

    A credit is held until its entry's ``available_at`` (capture + holding period) and, when
    its parcel has a ``ParcelHold`` (delivery date + holding period), until the latest one.
    Debits (refunds, payouts, netting) count at once, so a refund never lets money out early.
    One query for all the accounts.
    """
    at = at or timezone.now()
    ids = [int(pk) for pk in account_ids]
    available = dict.fromkeys(ids, 0)
    if not ids:
        return available
    moment = connection.ops.adapt_datetimefield_value(at)
    with connection.cursor() as cursor:
        cursor.execute(_AVAILABLE_SQL.format(ids=", ".join(["%s"] * len(ids))),
                       [*ids, moment, moment])
        available.update({account_id: -int(total) for account_id, total in cursor.fetchall()})
    return available


def account_available(account: Account, at: datetime | None = None) -> int:
    """What one payee account can be paid at ``at`` (see ``accounts_available``)."""
    return accounts_available([account.pk], at)[account.pk]


def order_cells(order_id, kinds=SPLIT_JOURNAL_KINDS) -> dict[CellKey, int]:
    """Net credit per (line, delivery, account, role) of an order over journals of ``kinds``."""
    rows = (Entry.objects.filter(order_id=order_id, journal__kind__in=kinds)
            .exclude(role="").values("order_line_id", "delivery_id", "account_id", "role")
            .annotate(total=Sum("amount")).order_by())
    cells: dict[CellKey, int] = defaultdict(int)
    for row in rows:
        key = (row["order_line_id"], row["delivery_id"], row["account_id"], row["role"])
        cells[key] -= row["total"]
    return dict(cells)


def order_captured_cells(order_id) -> dict[CellKey, int]:
    return order_cells(order_id, kinds=(JournalKind.CAPTURE,))


def order_capture_methods(order_id) -> set[str]:
    return set(Journal.objects.filter(order_id=order_id, kind=JournalKind.CAPTURE)
               .values_list("method", flat=True))


def order_gift_card_captured(order_id) -> int:
    """What gift cards paid on an order and was not given back to them (minor units).

    The order's entries on the gift-card liability: debited by the gift-card capture,
    credited by its cancellation or a refund to the gift card.
    """
    return _sum(Entry.objects.filter(order_id=order_id,
                                     account__kind=AccountKind.GIFT_CARD_LIABILITY))


def partner_remittance_owed(partner_id: int, currency: str = "MAD") -> int:
    """Cash a partner collected and still has to hand over (minor units)."""
    return account_balance(account_find(AccountKind.CASH_HELD_BY_PARTNER, currency, partner_id))


def local_day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """[start of ``first``, start of the day after ``last``) in the project's time zone."""
    zone = timezone.get_current_timezone()
    start = datetime.combine(first, time.min, tzinfo=zone)
    end = datetime.combine(last + timedelta(days=1), time.min, tzinfo=zone)
    return start, end


def cooperative_earnings(cooperative_id: int, first: date, last: date,
                         currency: str = "MAD") -> int:
    """The cooperative's net share (captures minus refunds) of journals dated in the period."""
    account = account_find(AccountKind.COOPERATIVE, currency, cooperative_id)
    if account is None:
        return 0
    start, end = local_day_bounds(first, last)
    entries = Entry.objects.filter(account=account, journal__kind__in=SPLIT_JOURNAL_KINDS,
                                   journal__occurred_at__gte=start, journal__occurred_at__lt=end)
    return -_sum(entries)


def checkout_split_estimate(*, checkout, lines, at: datetime | None = None, totals=None):
    """How a checkout's order would be split if placed at ``at``: the snapshot's inputs and
    policy (``order_split_request``'s rules) fed to the same pure engine. None when it cannot be
    split yet (a line without a price, a delivery without legs).

    ``lines`` are ``backend.orders.selectors.CheckoutLineInfo``; the checkout's deliveries are
    read from ``checkout.deliveries.all()`` (prefetch them). Four queries: the policy, the
    cooperatives' overrides and the partners of the legs (two). With the checkout's
    ``totals`` (``CheckoutTotals``), its promotions, voucher and gift cards are split as the
    order's will be.
    """
    from types import SimpleNamespace

    from backend.core.errors import DomainError
    from backend.core.money import quantize, to_minor_units

    from . import splits
    from .services.policy import split_policy_for
    from .services.snapshots import (
        _delivery_inputs,
        _terms,
        line_source,
        payment_method_for_gateway,
    )

    if any(info.unit_price is None for info in lines):
        return None
    currency = checkout.currency
    adapted = [SimpleNamespace(cooperative_id=info.cooperative.pk, cooperative=info.cooperative)
               for info in lines]
    terms = _terms(adapted)
    policy = split_policy_for(at or timezone.now())
    try:
        request = splits.SplitRequest(
            seed=f"checkout:{checkout.pk}", currency=currency,
            lines=tuple(splits.LineInput(
                key=line_source(info.line.pk), cooperative=terms[info.cooperative.pk],
                amount=to_minor_units(quantize(info.unit_price * info.quantity, currency),
                                      currency))
                for info in sorted(lines, key=lambda i: str(i.line.pk))),
            deliveries=_delivery_inputs(list(checkout.deliveries.all()), currency),
            policy=policy.to_policy(),
            method=splits.PaymentMethod(payment_method_for_gateway(checkout.payment_gateway)),
            **_promotion_inputs(totals, currency))
        return splits.split_order(request)
    except (DomainError, splits.SplitError):
        return None


def _promotion_inputs(totals, currency: str) -> dict:
    """The split engine's discounts and gift-card part of a checkout's totals."""
    if totals is None or totals.discounts is None:
        return {}
    from backend.core.money import to_minor_units
    from backend.discounts.services.orders import split_discounts_of

    discounts = tuple(d for part in totals.discounts.pricing.discounts
                      for d in split_discounts_of(part, order_line_id=part.line_key,
                                                  currency=currency))
    return {"discounts": discounts, "prepaid": to_minor_units(totals.gift_cards, currency)}
