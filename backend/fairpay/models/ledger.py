"""The double-entry, append-only ledger: every dirham captured, refunded or paid out.

An ``Entry`` amount is signed in minor units: positive is a debit, negative a credit. The
entries of a journal sum to zero (checked by the service, and on PostgreSQL by a deferred
constraint trigger); entries are never updated nor deleted (a trigger refuses it). A balance
is always the sum of entries, never a stored number. Payee accounts (cooperatives, partners,
platform, funds, processor fees, refunds owed, payouts in transit) are liabilities: what is
owed to them is minus their sum. Clearing, bank and cash held by partners are assets. The
balances of gift cards are a liability too (``GIFT_CARD_LIABILITY``): credited when a card is
sold or issued, debited when it pays an order (a capture with method ``gift_card``), credited
again when an order's gift-card part is cancelled or refunded to the card.
"""
from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .snapshots import PaymentMethod, SplitRole


class AccountKind(models.TextChoices):
    COOPERATIVE = "cooperative", _("Cooperative")
    PARTNER = "partner", _("Delivery partner")
    PLATFORM = "platform", _("Platform")
    SOLIDARITY_FUND = "solidarity_fund", _("Solidarity fund")
    PAYMENT_FEES = "payment_fees", _("Payment processor fees")
    PROVIDER_CLEARING = "provider_clearing", _("Payment provider clearing")
    CASH_HELD_BY_PARTNER = "cash_held_by_partner", _("Cash held by partner")
    CUSTOMER_REFUNDS_OWED = "customer_refunds_owed", _("Refunds owed to customers")
    BANK = "bank", _("Bank")
    PAYOUTS_IN_TRANSIT = "payouts_in_transit", _("Payouts in transit")
    GIFT_CARD_LIABILITY = "gift_card_liability", _("Gift card balances owed")


ASSET_KINDS = frozenset({AccountKind.PROVIDER_CLEARING, AccountKind.CASH_HELD_BY_PARTNER,
                         AccountKind.BANK})


def account_key(kind: str, currency: str, owner_id: int | None = None) -> str:
    """The unique key of an account: ``kind:owner:currency``."""
    return f"{kind}:{'' if owner_id is None else owner_id}:{currency}"


class Account(models.Model):
    """A ledger account; ``key`` (kind:owner:currency) makes each one unique."""

    key = models.CharField(max_length=80, unique=True)
    kind = models.CharField(max_length=32, choices=AccountKind.choices, db_index=True)
    cooperative = models.ForeignKey("cooperatives.Cooperative", null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="ledger_accounts")
    partner = models.ForeignKey("fulfillment.Partner", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="ledger_accounts")
    currency = models.CharField(max_length=3)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("ledger account")
        verbose_name_plural = _("ledger accounts")

    def __str__(self) -> str:
        owner = self.cooperative or self.partner
        label = self.get_kind_display()
        return f"{label}: {owner} ({self.currency})" if owner else f"{label} ({self.currency})"

    @property
    def is_asset(self) -> bool:
        return self.kind in ASSET_KINDS


class JournalKind(models.TextChoices):
    CAPTURE = "capture", _("Payment captured")
    REFUND = "refund", _("Refund")
    CANCELLATION = "cancellation", _("Cancellation")
    NETTING = "netting", _("Cash netted against partner's earnings")
    REMITTANCE = "remittance", _("Cash remitted by partner")
    PAYOUT = "payout", _("Payout")
    PAYOUT_SETTLED = "payout_settled", _("Payout settled")
    PAYOUT_FAILED = "payout_failed", _("Payout failed")
    GIFT_CARD_ISSUE = "gift_card_issue", _("Gift card sold or issued")


# Journals whose entries carry an order's split (a part per line or delivery and payee).
SPLIT_JOURNAL_KINDS = (JournalKind.CAPTURE, JournalKind.REFUND, JournalKind.CANCELLATION)


class Journal(models.Model):
    """One balanced event; ``reference`` (a PSP id, a payout reference) makes it idempotent."""

    kind = models.CharField(max_length=32, choices=JournalKind.choices, db_index=True)
    currency = models.CharField(max_length=3)
    order = models.ForeignKey("orders.Order", null=True, blank=True, on_delete=models.PROTECT,
                              related_name="ledger_journals")
    payout = models.ForeignKey("fairpay.Payout", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="journals")
    method = models.CharField(max_length=16, choices=PaymentMethod.choices, blank=True)
    reference = models.CharField(max_length=255, blank=True)
    memo = models.CharField(max_length=255, blank=True)
    occurred_at = models.DateTimeField(default=timezone.now, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["occurred_at", "pk"]
        verbose_name = _("journal")
        verbose_name_plural = _("journals")
        constraints = [models.UniqueConstraint(fields=["kind", "reference"],
                                               condition=~Q(reference=""),
                                               name="fairpay_journal_unique_reference")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.reference or self.pk}"


class Entry(models.Model):
    """One side of a journal on one account; for a split journal, one payee's part of a source."""

    journal = models.ForeignKey(Journal, on_delete=models.PROTECT, related_name="entries")
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="entries")
    amount = models.BigIntegerField(help_text=_("Minor units; debit positive, credit negative."))
    order = models.ForeignKey("orders.Order", null=True, blank=True, on_delete=models.PROTECT,
                              related_name="+")
    order_line = models.ForeignKey("orders.OrderLine", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    delivery = models.ForeignKey("orders.OrderDelivery", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=32, choices=SplitRole.choices, blank=True)
    parcel_cooperative = models.ForeignKey(
        "cooperatives.Cooperative", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", help_text=_("The parcel this part belongs to, for its holding period."))
    available_at = models.DateTimeField(
        db_index=True, help_text=_("When a credit can be paid out (after the holding period)."))

    class Meta:
        ordering = ["journal", "pk"]
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        constraints = [models.CheckConstraint(condition=~Q(amount=0),
                                              name="fairpay_entry_amount_not_zero")]
        indexes = [models.Index(fields=["account", "available_at"]),
                   models.Index(fields=["order", "account"])]


class ParcelHold(models.Model):
    """Hook for delivery dates: a parcel's shares are not paid out before ``release_at``.

    Appended when a parcel is delivered (delivery date + holding period); the latest row of a
    parcel wins over the capture-date hold written on the entries.
    """

    order = models.ForeignKey("orders.Order", on_delete=models.PROTECT, related_name="+")
    cooperative = models.ForeignKey("cooperatives.Cooperative", on_delete=models.PROTECT,
                                    related_name="+")
    release_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["order", "cooperative", "release_at"])]
