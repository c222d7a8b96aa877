"""Posting a balanced journal: the only way entries enter the ledger."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from ..models import Account, Entry, Journal, JournalKind


class UnbalancedJournal(ValueError):
    """A programming error: a journal whose entries do not sum to zero is never written."""


@dataclass(frozen=True)
class EntryDraft:
    account: Account
    amount: int
    order_line_id: object = None
    delivery_id: int | None = None
    role: str = ""
    parcel_cooperative_id: int | None = None
    available_at: datetime | None = None


def journal_post(*, kind: JournalKind, currency: str, entries: Sequence[EntryDraft],
                 order=None, payout=None, method: str = "", reference: str = "",
                 memo: str = "", occurred_at: datetime | None = None) -> Journal:
    """Write a journal and its entries; refuses anything that does not balance to zero.

    Must run inside ``transaction.atomic`` (with the caller's locks). Zero entries are dropped.
    """
    drafts = [draft for draft in entries if draft.amount]
    if not drafts:
        raise UnbalancedJournal("a journal needs entries")
    if sum(draft.amount for draft in drafts) != 0:
        raise UnbalancedJournal(f"{kind} journal does not balance: "
                                f"{sum(d.amount for d in drafts)}")
    if any(draft.account.currency != currency for draft in drafts):
        raise UnbalancedJournal("every entry of a journal is in the journal's currency")
    occurred_at = occurred_at or timezone.now()
    journal = Journal.objects.create(kind=kind, currency=currency, order=order, payout=payout,
                                     method=method, reference=reference, memo=memo[:255],
                                     occurred_at=occurred_at)
    Entry.objects.bulk_create([
        Entry(journal=journal, account=draft.account, amount=draft.amount,
              order=order, order_line_id=draft.order_line_id, delivery_id=draft.delivery_id,
              role=draft.role, parcel_cooperative_id=draft.parcel_cooperative_id,
              available_at=draft.available_at or occurred_at)
        for draft in drafts
    ])
    return journal
