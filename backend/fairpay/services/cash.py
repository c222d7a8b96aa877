"""Cash collected by partners: what they hand over to the platform (their remittance)."""
from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from backend.core.errors import DomainError
from backend.core.money import quantize, to_minor_units

from ..error_codes import FairPayErrorCode
from ..locks import accounts_for_update
from ..models import AccountKind, Journal, JournalKind
from ..selectors import account_balance
from .accounts import account_get_or_create
from .journals import EntryDraft, journal_post


def partner_remittance_record(*, partner, amount: Decimal, reference: str,
                              currency: str = "MAD") -> Journal:
    """A partner handed over cash it collected; never more than it holds. Idempotent.

    Locks the partner's cash account (payout runs net the same account).
    """
    amount = Decimal(amount)
    if amount <= 0 or quantize(amount, currency) != amount:
        raise DomainError.single(FairPayErrorCode.INVALID,
                                 _("Give a positive amount in the currency's smallest unit."),
                                 "amount")
    with transaction.atomic():
        existing = Journal.objects.filter(kind=JournalKind.REMITTANCE,
                                          reference=reference).first()
        if existing is not None:
            return existing
        cash = account_get_or_create(kind=AccountKind.CASH_HELD_BY_PARTNER, currency=currency,
                                     owner_id=partner.pk)
        accounts_for_update([cash.pk])
        minor = to_minor_units(amount, currency)
        if minor > account_balance(cash):
            raise DomainError.single(FairPayErrorCode.INVALID,
                                     _("This is more cash than the partner holds."), "amount")
        bank = account_get_or_create(kind=AccountKind.BANK, currency=currency)
        return journal_post(kind=JournalKind.REMITTANCE, currency=currency, reference=reference,
                            memo=f"partner:{partner.pk}",
                            entries=[EntryDraft(bank, minor), EntryDraft(cash, -minor)])
