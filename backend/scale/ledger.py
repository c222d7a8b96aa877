"""Ledger accounts of the generated network, created up front so order rows only look ids up."""
from __future__ import annotations

from dataclasses import dataclass

from backend.fairpay import splits
from backend.fairpay.models import Account, AccountKind, SplitPolicy, account_key
from backend.fairpay.services.accounts import account_get_or_create

from .context import SeedContext
from .network import Carrier, Coop

CURRENCY = "MAD"


@dataclass
class Ledger:
    """Account ids of every payee, created up front (one COPY) or on first use."""

    ids: dict[str, int]

    def of(self, kind: AccountKind, owner: int | None = None) -> int:
        key = account_key(kind, CURRENCY, owner)
        if key not in self.ids:
            self.ids[key] = account_get_or_create(kind=kind, currency=CURRENCY,
                                                  owner_id=owner).pk
        return self.ids[key]


PAYEE_KIND = {splits.PayeeKind.COOPERATIVE: AccountKind.COOPERATIVE,
              splits.PayeeKind.PARTNER: AccountKind.PARTNER,
              splits.PayeeKind.PLATFORM: AccountKind.PLATFORM,
              splits.PayeeKind.SOLIDARITY_FUND: AccountKind.SOLIDARITY_FUND,
              splits.PayeeKind.PAYMENT_PROCESSOR: AccountKind.PAYMENT_FEES}


def seed_accounts(ctx: SeedContext, coops: list[Coop], carriers: list[Carrier]) -> Ledger:
    """The ledger accounts of every generated cooperative and partner (and the shared ones)."""
    shared = Ledger({})
    for kind in (AccountKind.PLATFORM, AccountKind.SOLIDARITY_FUND, AccountKind.PAYMENT_FEES,
                 AccountKind.PROVIDER_CLEARING):
        shared.of(kind)  # first, so a reset (which keeps them) leaves the next ids as they were
    wanted = [(AccountKind.COOPERATIVE, c.id, "cooperative_id") for c in coops]
    wanted += [(kind, p.id, "partner_id") for p in carriers
               for kind in (AccountKind.PARTNER, AccountKind.CASH_HELD_BY_PARTNER)]
    existing = dict(Account.objects.filter(currency=CURRENCY).values_list("key", "pk"))
    rows = [{"key": account_key(kind, CURRENCY, owner), "kind": kind, owner_field: owner,
             "currency": CURRENCY}
            for kind, owner, owner_field in wanted
            if account_key(kind, CURRENCY, owner) not in existing]
    ctx.copy(Account, rows)
    ledger = Ledger(dict(Account.objects.filter(currency=CURRENCY).values_list("key", "pk")))
    if SplitPolicy.objects.filter(solidarity_mode="per_cooperative").exists():
        for coop in coops:  # no query while the writer thread holds the connection
            ledger.of(AccountKind.SOLIDARITY_FUND, coop.id)
    return ledger


