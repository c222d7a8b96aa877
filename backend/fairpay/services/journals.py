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


@dataclass(frozen=True)
class JournalDraft:
    kind: JournalKind
    currency: str
    entries: Sequence[EntryDraft]
    order: object = None
    payout: object = None
    method: str = ""
    reference: str = ""
    memo: str = ""


def _checked(kind: JournalKind, currency: str,
             entries: Sequence[EntryDraft]) -> list[EntryDraft]:
    drafts = [draft for draft in entries if draft.amount]
    if not drafts:
        raise UnbalancedJournal("a journal needs entries")
    if sum(draft.amount for draft in drafts) != 0:
        raise UnbalancedJournal(f"{kind} journal does not balance: "
                                f"{sum(d.amount for d in drafts)}")
    if any(draft.account.currency != currency for draft in drafts):
        raise UnbalancedJournal("every entry of a journal is in the journal's currency")
    return drafts


def journals_post(journals: Sequence[JournalDraft],
                  occurred_at: datetime | None = None) -> list[Journal]:
    """Write many journals in two queries (a payout run pays hundreds of payees), with the
    same checks as ``journal_post``; nothing is written if one of them does not balance.

    Must run inside ``transaction.atomic`` (with the caller's locks).
    """
    checked = [(draft, _checked(draft.kind, draft.currency, draft.entries))
               for draft in journals]
    if not checked:
        return []
    occurred_at = occurred_at or timezone.now()
    written = Journal.objects.bulk_create([
        Journal(kind=draft.kind, currency=draft.currency, order=draft.order,
                payout=draft.payout, method=draft.method, reference=draft.reference,
                memo=draft.memo[:255], occurred_at=occurred_at)
        for draft, _ in checked])
    Entry.objects.bulk_create([
        Entry(journal=journal, account=entry.account, amount=entry.amount, order=draft.order,
              order_line_id=entry.order_line_id, delivery_id=entry.delivery_id,
              role=entry.role, parcel_cooperative_id=entry.parcel_cooperative_id,
              available_at=entry.available_at or occurred_at)
        for journal, (draft, entries) in zip(written, checked, strict=True)
        for entry in entries], batch_size=2000)
    return written


def journal_post(*, kind: JournalKind, currency: str, entries: Sequence[EntryDraft],
                 order=None, payout=None, method: str = "", reference: str = "",
                 memo: str = "", occurred_at: datetime | None = None) -> Journal:
    """Write a journal and its entries; refuses anything that does not balance to zero.

    Must run inside ``transaction.atomic`` (with the caller's locks). Zero entries are dropped.
    """
    drafts = _checked(kind, currency, entries)
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
