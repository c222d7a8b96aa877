"""Payout runs: pay every cooperative and partner their available balance, exactly once.

A run locks every cooperative and partner account (and the partners' cash accounts) in pk
order, so two runs started together serialise: the second one reads the balances after the
first one's payouts and finds nothing more to pay. For each payee it first nets the cash a
partner collected against what the partner is owed, then pays what is available, if it reaches
the threshold: by Stripe Connect transfer when the payee has a connected account and a sender
is configured, else by bank transfer (a batch file the admin downloads, then marks as paid).
A payout moves the money to ``PAYOUTS_IN_TRANSIT`` until it is settled (or fails, and goes
back to the payee's balance).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.cooperatives.models import Cooperative
from backend.core.errors import DomainError
from backend.core.money import to_minor_units
from fulfillment.models import Partner

from ..error_codes import FairPayErrorCode
from ..locks import payout_accounts_for_update, payout_for_update
from ..models import (
    Account,
    AccountKind,
    CooperativeFairPay,
    JournalKind,
    PartnerPayoutDetails,
    Payout,
    PayoutMethod,
    PayoutRun,
    PayoutStatus,
)
from ..selectors import account_balance, accounts_available
from ..transfers import TransferDeclined, TransferRequest, TransferSender
from .accounts import account_get_or_create
from .journals import EntryDraft, JournalDraft, journal_post, journals_post
from .policy import split_policy_for

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PayeeDetails:
    name: str
    rib: str
    stripe_account_id: str


def _payee_details(accounts: list[Account]) -> dict[int, PayeeDetails]:
    """Name, RIB and connected account of every payee account: four queries."""
    coop_ids = [a.cooperative_id for a in accounts if a.kind == AccountKind.COOPERATIVE]
    partner_ids = [a.partner_id for a in accounts if a.kind == AccountKind.PARTNER]
    cooperatives = Cooperative.objects.in_bulk(coop_ids)
    coop_settings = CooperativeFairPay.objects.in_bulk(coop_ids)
    partners = Partner.objects.in_bulk(partner_ids)
    partner_details = PartnerPayoutDetails.objects.in_bulk(partner_ids)
    details = {}
    for account in accounts:
        if account.kind == AccountKind.COOPERATIVE:
            owner = cooperatives[account.cooperative_id]
            extra = coop_settings.get(account.cooperative_id)
        else:
            owner = partners[account.partner_id]
            extra = partner_details.get(account.partner_id)
        details[account.pk] = PayeeDetails(
            name=(extra.account_holder if extra and extra.account_holder else owner.name),
            rib=extra.rib if extra else "",
            stripe_account_id=extra.stripe_account_id if extra else "")
    return details


def _method(details: PayeeDetails, send_transfer: TransferSender | None) -> PayoutMethod | None:
    if details.stripe_account_id and send_transfer is not None:
        return PayoutMethod.STRIPE_CONNECT
    if details.rib:
        return PayoutMethod.BANK_TRANSFER
    return None


def _net_cash(run: PayoutRun, account: Account, cash: Account, available: int) -> int:
    """Keep the cash a partner holds out of what it is owed; returns the amount netted."""
    netted = min(account_balance(cash), available)
    if netted <= 0:
        return 0
    journal_post(kind=JournalKind.NETTING, currency=run.currency, memo=run.reference,
                 entries=[EntryDraft(account, netted), EntryDraft(cash, -netted)])
    return netted


def _in_transit(currency: str) -> Account:
    return account_get_or_create(kind=AccountKind.PAYOUTS_IN_TRANSIT, currency=currency)


def payout_run_create(*, at: datetime | None = None, currency: str = "MAD",
                      threshold: Decimal | None = None,
                      send_transfer: TransferSender | None = None,
                      created_by=None) -> PayoutRun:
    """Pay every cooperative and partner whose available balance reaches the threshold.

    Locks the payee and partner-cash accounts in pk order for the run's transaction. Stripe
    transfers are sent after that transaction commits, one payout at a time.
    """
    at = at or timezone.now()
    with transaction.atomic():
        policy = split_policy_for(at)
        minimum = (to_minor_units(threshold, currency) if threshold is not None
                   else policy.payout_threshold_minor)
        accounts = list(payout_accounts_for_update(currency))
        run = PayoutRun.objects.create(currency=currency, as_of=at, threshold_minor=minimum,
                                       created_by=created_by)
        cash = {a.partner_id: a for a in accounts if a.kind == AccountKind.CASH_HELD_BY_PARTNER}
        payees = [a for a in accounts if a.kind in (AccountKind.COOPERATIVE, AccountKind.PARTNER)]
        details = _payee_details(payees)
        balances = accounts_available([account.pk for account in payees], at)
        planned: list[tuple[Account, PayeeDetails, PayoutMethod, int, int]] = []
        for account in payees:
            available = balances[account.pk]
            netted = 0
            if account.kind == AccountKind.PARTNER and account.partner_id in cash:
                netted = _net_cash(run, account, cash[account.partner_id], available)
                available -= netted
            if available <= 0 or available < minimum:
                continue
            method = _method(details[account.pk], send_transfer)
            if method is None:
                run.skipped.append({"account": account.key, "name": details[account.pk].name,
                                    "amount_minor": available, "reason": "no_payout_details"})
                continue
            planned.append((account, details[account.pk], method, available, netted))
        _payouts_create(run, planned)
        run.save(update_fields=["skipped"])
    if send_transfer is not None:
        payout_transfers_send(send_transfer=send_transfer, run=run)
    return run


def payout_transfers_send(*, send_transfer: TransferSender, run: PayoutRun | None = None) -> int:
    """Send the pending Stripe Connect payouts (of ``run``, or all); returns how many settled.

    A temporary error (timeout, Stripe 5xx) is logged and leaves that payout pending for the
    next call (the periodic task retries), without holding back the other payouts.
    """
    pending = Payout.objects.filter(method=PayoutMethod.STRIPE_CONNECT,
                                    status=PayoutStatus.PENDING).order_by("pk")
    if run is not None:
        pending = pending.filter(run=run)
    settled = 0
    for payout_id in pending.values_list("pk", flat=True):
        try:
            payout = payout_transfer_send(payout_id=payout_id, send_transfer=send_transfer)
        except Exception:  # noqa: BLE001 - any other error is temporary: retried later
            logger.warning("Stripe transfer of payout %s failed; will retry", payout_id,
                           exc_info=True)
            continue
        settled += payout.status == PayoutStatus.PAID
    return settled


def _payouts_create(run: PayoutRun,
                    planned: list[tuple[Account, PayeeDetails, PayoutMethod, int, int]]
                    ) -> list[Payout]:
    """The run's payouts and their journals (payee debited, in transit credited), written in
    a few queries whatever the number of payees."""
    if not planned:
        return []
    payouts = Payout.objects.bulk_create([
        Payout(run=run, account=account, method=method, amount_minor=amount,
               netted_cash_minor=netted, currency=run.currency, payee_name=details.name,
               rib=details.rib,
               stripe_account_id=details.stripe_account_id
               if method == PayoutMethod.STRIPE_CONNECT else "")
        for account, details, method, amount, netted in planned])
    in_transit = _in_transit(run.currency)
    journals_post([
        JournalDraft(kind=JournalKind.PAYOUT, currency=run.currency, payout=payout,
                     reference=payout.reference, memo=run.reference,
                     entries=[EntryDraft(payout.account, payout.amount_minor),
                              EntryDraft(in_transit, -payout.amount_minor)])
        for payout in payouts])
    return payouts


def _settle(payout: Payout, paid_from: AccountKind, memo: str = "") -> Payout:
    journal_post(kind=JournalKind.PAYOUT_SETTLED, currency=payout.currency, payout=payout,
                 reference=f"{payout.reference}:settled", memo=memo,
                 entries=[EntryDraft(_in_transit(payout.currency), payout.amount_minor),
                          EntryDraft(account_get_or_create(kind=paid_from,
                                                           currency=payout.currency),
                                     -payout.amount_minor)])
    payout.status = PayoutStatus.PAID
    payout.settled_at = timezone.now()
    payout.save(update_fields=["status", "settled_at", "transfer_id"])
    return payout


def _fail(payout: Payout, reason: str) -> Payout:
    journal_post(kind=JournalKind.PAYOUT_FAILED, currency=payout.currency, payout=payout,
                 reference=f"{payout.reference}:failed",
                 entries=[EntryDraft(_in_transit(payout.currency), payout.amount_minor),
                          EntryDraft(payout.account, -payout.amount_minor)])
    payout.status = PayoutStatus.FAILED
    payout.failure_reason = reason[:255]
    payout.settled_at = timezone.now()
    payout.save(update_fields=["status", "failure_reason", "settled_at"])
    return payout


def payout_transfer_send(*, payout_id: int, send_transfer: TransferSender) -> Payout:
    """Send a pending Stripe Connect payout; idempotent (the payout reference is the key).

    Locks the payout row while Stripe answers. A declined transfer fails the payout (the
    money goes back to the payee's balance); any other error propagates, the payout stays
    pending and a retry sends the same idempotency key.
    """
    with transaction.atomic():
        payout = payout_for_update(payout_id)
        if payout.status != PayoutStatus.PENDING or payout.method != PayoutMethod.STRIPE_CONNECT:
            return payout
        request = TransferRequest(
            destination=payout.stripe_account_id, amount=payout.amount_minor,
            currency=payout.currency.lower(), idempotency_key=payout.reference,
            transfer_group=payout.run.reference, description=f"CoopStore {payout.reference}",
            metadata={"payout": payout.reference, "run": payout.run.reference})
        try:
            result = send_transfer(request)
        except TransferDeclined as exc:
            return _fail(payout, str(exc))
        payout.transfer_id = result.transfer_id
        return _settle(payout, AccountKind.PROVIDER_CLEARING, memo=result.transfer_id)


def payout_mark_paid(*, payout: Payout, reference: str = "") -> Payout:
    """The bank confirmed a transfer of the batch (``reference``: the bank's, kept as memo);
    marking twice changes nothing."""
    with transaction.atomic():
        payout = payout_for_update(payout.pk)
        if payout.status == PayoutStatus.PAID:
            return payout
        if payout.status != PayoutStatus.PENDING:
            raise DomainError.single(FairPayErrorCode.PAYOUT_NOT_PENDING,
                                     _("Only a pending payout can be marked as paid."), "id")
        return _settle(payout, AccountKind.BANK, memo=reference)


def payout_mark_failed(*, payout: Payout, reason: str) -> Payout:
    """A transfer bounced: the amount goes back to the payee's available balance."""
    with transaction.atomic():
        payout = payout_for_update(payout.pk)
        if payout.status != PayoutStatus.PENDING:
            raise DomainError.single(FairPayErrorCode.PAYOUT_NOT_PENDING,
                                     _("Only a pending payout can fail."), "id")
        return _fail(payout, reason)


def payout_run_mark_bank_paid(*, run: PayoutRun) -> int:
    """Mark every pending bank transfer of ``run`` as paid; returns how many were."""
    pending = run.payouts.filter(method=PayoutMethod.BANK_TRANSFER,
                                 status=PayoutStatus.PENDING).order_by("pk")
    count = 0
    for payout in pending:
        payout_mark_paid(payout=payout)
        count += 1
    return count
