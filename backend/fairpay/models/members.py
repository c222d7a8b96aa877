"""A cooperative's members and the distribution of its share to them by their contribution."""
from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class ContributionUnit(models.TextChoices):
    KG = "kg", _("kilograms delivered")
    HOURS = "hours", _("hours worked")
    PIECES = "pieces", _("pieces made")


class CooperativeMember(models.Model):
    """A coopérant(e): a person who shares in the cooperative's earnings (no login needed)."""

    cooperative = models.ForeignKey("cooperatives.Cooperative", on_delete=models.CASCADE,
                                    related_name="members")
    full_name = models.CharField(_("full name"), max_length=200)
    full_name_ar = models.CharField(_("full name in Arabic"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    joined_on = models.DateField(_("member since"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["cooperative", "full_name", "pk"]
        verbose_name = _("cooperative member")
        verbose_name_plural = _("cooperative members")

    def __str__(self) -> str:
        return self.full_name

    def display_name(self, language: str = "fr") -> str:
        return self.full_name_ar if language[:2] == "ar" and self.full_name_ar else self.full_name


class MemberDistribution(models.Model):
    """The cooperative's share for a period, its reserve, and what is left for the members."""

    cooperative = models.ForeignKey("cooperatives.Cooperative", on_delete=models.PROTECT,
                                    related_name="member_distributions")
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to (included)"))
    unit = models.CharField(_("contribution unit"), max_length=16,
                            choices=ContributionUnit.choices)
    currency = models.CharField(max_length=3, default="MAD")
    share_minor = models.BigIntegerField(_("cooperative's share for the period"))
    reserve_rate = models.DecimalField(max_digits=5, decimal_places=4)
    reserve_minor = models.BigIntegerField(_("kept in reserve"))
    distributed_minor = models.BigIntegerField(_("distributed to members"))
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["cooperative", "-period_start"]
        verbose_name = _("member distribution")
        verbose_name_plural = _("member distributions")
        constraints = [
            models.CheckConstraint(condition=Q(period_end__gte=F("period_start")),
                                   name="fairpay_distribution_period_order"),
            models.CheckConstraint(
                condition=Q(reserve_minor__gte=0, distributed_minor__gte=0)
                & Q(share_minor=F("reserve_minor") + F("distributed_minor")),
                name="fairpay_distribution_adds_up"),
        ]

    def __str__(self) -> str:
        return f"{self.cooperative} {self.period_start:%Y-%m-%d}…{self.period_end:%Y-%m-%d}"


class MemberContribution(models.Model):
    """One member's contribution in a period and the part of the distribution it earns."""

    distribution = models.ForeignKey(MemberDistribution, on_delete=models.CASCADE,
                                     related_name="contributions")
    member = models.ForeignKey(CooperativeMember, on_delete=models.PROTECT,
                               related_name="contributions")
    quantity = models.DecimalField(max_digits=12, decimal_places=3,
                                   validators=[MinValueValidator(Decimal("0"))])
    amount_minor = models.BigIntegerField()

    class Meta:
        ordering = ["distribution", "member__full_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["distribution", "member"],
                                    name="fairpay_one_contribution_per_member"),
            models.CheckConstraint(condition=Q(quantity__gte=0, amount_minor__gte=0),
                                   name="fairpay_contribution_not_negative"),
        ]
