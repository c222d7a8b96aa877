"""Ledger accounts, created on first use; one per kind, owner and currency."""
from __future__ import annotations

from ..models import Account, AccountKind, account_key
from ..splits import Payee, PayeeKind

PAYEE_ACCOUNT_KINDS: dict[PayeeKind, AccountKind] = {
    PayeeKind.COOPERATIVE: AccountKind.COOPERATIVE,
    PayeeKind.PARTNER: AccountKind.PARTNER,
    PayeeKind.PLATFORM: AccountKind.PLATFORM,
    PayeeKind.SOLIDARITY_FUND: AccountKind.SOLIDARITY_FUND,
    PayeeKind.PAYMENT_PROCESSOR: AccountKind.PAYMENT_FEES,
}
PARTNER_OWNED = frozenset({AccountKind.PARTNER, AccountKind.CASH_HELD_BY_PARTNER})
COOPERATIVE_OWNED = frozenset({AccountKind.COOPERATIVE, AccountKind.SOLIDARITY_FUND})


def account_get_or_create(*, kind: AccountKind, currency: str,
                          owner_id: int | None = None) -> Account:
    """The account of ``kind`` for its owner (cooperative or partner pk, or none)."""
    fields = {"kind": kind, "currency": currency}
    if kind in PARTNER_OWNED:
        fields["partner_id"] = owner_id
    elif kind in COOPERATIVE_OWNED:
        fields["cooperative_id"] = owner_id
    elif owner_id is not None:
        raise ValueError(f"{kind} accounts have no owner")
    account, _ = Account.objects.get_or_create(key=account_key(kind, currency, owner_id),
                                               defaults=fields)
    return account


def payee_account(payee: Payee, currency: str) -> Account:
    return account_get_or_create(kind=PAYEE_ACCOUNT_KINDS[payee.kind], currency=currency,
                                 owner_id=payee.id)
