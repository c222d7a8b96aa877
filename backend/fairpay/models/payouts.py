"""Payout runs: what each cooperative and partner was paid, how, and whether it arrived."""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class PayoutMethod(models.TextChoices):
    BANK_TRANSFER = "bank_transfer", _("Bank transfer (batch file)")
    STRIPE_CONNECT = "stripe_connect", _("Stripe Connect transfer")


class PayoutStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    PAID = "paid", _("Paid")
    FAILED = "failed", _("Failed")


class PayoutRun(models.Model):
    """One run over every payee's available balance; ``skipped`` lists who could not be paid."""

    currency = models.CharField(max_length=3, default="MAD")
    as_of = models.DateTimeField(_("balances available at"))
    threshold_minor = models.BigIntegerField(_("threshold (minor units)"))
    skipped = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("payout run")
        verbose_name_plural = _("payout runs")

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"RUN-{self.pk:06d}"


class Payout(models.Model):
    """What one payee is paid in one run, with the details it was paid to (a snapshot)."""

    run = models.ForeignKey(PayoutRun, on_delete=models.PROTECT, related_name="payouts")
    account = models.ForeignKey("fairpay.Account", on_delete=models.PROTECT,
                                related_name="payouts")
    method = models.CharField(max_length=32, choices=PayoutMethod.choices)
    status = models.CharField(max_length=16, choices=PayoutStatus.choices,
                              default=PayoutStatus.PENDING, db_index=True)
    amount_minor = models.BigIntegerField()
    netted_cash_minor = models.BigIntegerField(
        default=0, help_text=_("Cash the partner collected, kept out of this payout."))
    currency = models.CharField(max_length=3)
    payee_name = models.CharField(max_length=200)
    rib = models.CharField(max_length=24, blank=True)
    stripe_account_id = models.CharField(max_length=64, blank=True)
    transfer_id = models.CharField(max_length=255, blank=True)
    failure_reason = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    settled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["run", "pk"]
        verbose_name = _("payout")
        verbose_name_plural = _("payouts")
        constraints = [
            models.UniqueConstraint(fields=["run", "account"], name="fairpay_one_payout_per_run"),
            models.CheckConstraint(condition=Q(amount_minor__gt=0),
                                   name="fairpay_payout_amount_positive"),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"PAY-{self.pk:08d}"
