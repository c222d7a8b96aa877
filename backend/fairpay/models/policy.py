"""The published split policy (versioned) and the payout details of cooperatives and partners."""
from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from backend.core.money import to_minor_units

from .. import splits

RATE_VALIDATORS = [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))]
# A Moroccan RIB: 3 digits bank, 3 digits city, 16 digits account, 2 digits key.
RIB_VALIDATOR = RegexValidator(r"^\d{24}$", _("A RIB has 24 digits, without spaces."))
STRIPE_ACCOUNT_VALIDATOR = RegexValidator(r"^acct_[A-Za-z0-9]+$",
                                          _("A Stripe Connect account id starts with acct_."))


def _rate(verbose_name, default: str | None, **kwargs) -> models.DecimalField:
    return models.DecimalField(verbose_name, max_digits=5, decimal_places=4,
                               default=None if default is None else Decimal(default),
                               validators=RATE_VALIDATORS, **kwargs)


class SolidarityMode(models.TextChoices):
    POOLED = splits.SolidarityMode.POOLED.value, _("One fund pooled network-wide")
    PER_COOPERATIVE = splits.SolidarityMode.PER_COOPERATIVE.value, _("A fund per cooperative")


class FeeBearer(models.TextChoices):
    PLATFORM = splits.FeeBearer.PLATFORM.value, _("The platform")
    COOPERATIVES = splits.FeeBearer.COOPERATIVES.value, _("The cooperatives")
    SHARED = splits.FeeBearer.SHARED.value, _("Every payee, in proportion")


class SplitPolicy(models.Model):
    """One version of the published policy; the newest version in force applies to new orders.

    A version used by an order is never edited (the admin saves a new version instead), so a
    placed order keeps the rules it was sold under.
    """

    version = models.PositiveIntegerField(_("version"), unique=True)
    effective_from = models.DateTimeField(_("effective from"), db_index=True)
    currency = models.CharField(max_length=3, default="MAD")
    commission_rate = _rate(_("platform commission rate"), "0.0800")
    reduced_commission_rate = _rate(
        _("reduced commission rate (women-led or youth-led)"), "0.0500", null=True, blank=True,
        help_text=_("Empty: no reduction."))
    solidarity_rate = _rate(_("solidarity fund rate"), "0.0100")
    pro_commission_rate = _rate(
        _("commission rate of pro (wholesale) orders"), "0.0600",
        help_text=_("Replaces the standard rate for orders of the pro channel."))
    solidarity_mode = models.CharField(_("solidarity fund"), max_length=32,
                                       choices=SolidarityMode.choices,
                                       default=SolidarityMode.POOLED)
    fee_bearer = models.CharField(_("payment fee borne by"), max_length=32,
                                  choices=FeeBearer.choices, default=FeeBearer.PLATFORM)
    card_fee_rate = _rate(_("card fee rate"), "0.0290")
    card_fee_fixed_amount = models.DecimalField(_("card fee fixed part"), max_digits=10,
                                                decimal_places=2, default=Decimal("0"),
                                                validators=[MinValueValidator(Decimal("0"))])
    holding_days = models.PositiveSmallIntegerField(
        _("holding period (days)"), default=7,
        help_text=_("Days after delivery before a share can be paid out (returns)."))
    payout_threshold_amount = models.DecimalField(
        _("payout threshold"), max_digits=12, decimal_places=2, default=Decimal("100.00"),
        validators=[MinValueValidator(Decimal("0"))])
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-effective_from", "-version"]
        verbose_name = _("split policy")
        verbose_name_plural = _("split policies")
        constraints = [
            models.CheckConstraint(
                condition=Q(commission_rate__gte=0, commission_rate__lte=1,
                            solidarity_rate__gte=0, solidarity_rate__lte=1,
                            card_fee_rate__gte=0, card_fee_rate__lte=1,
                            card_fee_fixed_amount__gte=0, payout_threshold_amount__gte=0),
                name="fairpay_policy_rates_in_range"),
            models.CheckConstraint(
                condition=Q(reduced_commission_rate__isnull=True)
                | Q(reduced_commission_rate__gte=0, reduced_commission_rate__lte=1),
                name="fairpay_policy_reduced_rate_in_range"),
        ]

    def __str__(self) -> str:
        return f"v{self.version} ({self.effective_from:%Y-%m-%d})"

    def to_policy(self) -> splits.Policy:
        """The pure engine's view of this version."""
        return splits.Policy(
            commission_rate=self.commission_rate,
            pro_commission_rate=self.pro_commission_rate,
            solidarity_rate=self.solidarity_rate,
            reduced_commission_rate=self.reduced_commission_rate,
            solidarity_mode=splits.SolidarityMode(self.solidarity_mode),
            fee_bearer=splits.FeeBearer(self.fee_bearer),
            card_fee_rate=self.card_fee_rate,
            card_fee_fixed=to_minor_units(self.card_fee_fixed_amount, self.currency),
        )

    @property
    def payout_threshold_minor(self) -> int:
        return to_minor_units(self.payout_threshold_amount, self.currency)


class CooperativeFairPay(models.Model):
    """A cooperative's fair-pay settings: its commission terms, reserve and where to pay it."""

    cooperative = models.OneToOneField("cooperatives.Cooperative", on_delete=models.CASCADE,
                                       primary_key=True, related_name="fair_pay")
    commission_override = _rate(
        _("commission override"), None, null=True, blank=True,
        help_text=_("Replaces the policy's commission rate for this cooperative."))
    reserve_rate = _rate(
        _("reserve rate"), "0.0000",
        help_text=_("Part of the cooperative's share kept in reserve before distribution "
                    "to members."))
    account_holder = models.CharField(_("account holder"), max_length=200, blank=True)
    rib = models.CharField(_("RIB"), max_length=24, blank=True, validators=[RIB_VALIDATOR])
    stripe_account_id = models.CharField(_("Stripe Connect account"), max_length=64,
                                         blank=True, validators=[STRIPE_ACCOUNT_VALIDATOR])
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("cooperative fair-pay settings")
        verbose_name_plural = _("cooperative fair-pay settings")

    def __str__(self) -> str:
        return str(self.cooperative)


class PartnerPayoutDetails(models.Model):
    """Where a delivery partner is paid: a RIB, or a Stripe Connect account."""

    partner = models.OneToOneField("fulfillment.Partner", on_delete=models.CASCADE,
                                   primary_key=True, related_name="payout_details")
    account_holder = models.CharField(_("account holder"), max_length=200, blank=True)
    rib = models.CharField(_("RIB"), max_length=24, blank=True, validators=[RIB_VALIDATOR])
    stripe_account_id = models.CharField(_("Stripe Connect account"), max_length=64,
                                         blank=True, validators=[STRIPE_ACCOUNT_VALIDATOR])
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("partner payout details")
        verbose_name_plural = _("partner payout details")

    def __str__(self) -> str:
        return str(self.partner)
