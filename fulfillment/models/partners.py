"""Delivery partners of the short circuit: who they are, where they serve, what they charge."""
from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField


class PartnerKind(models.TextChoices):
    COURIER = "courier", _("Courier")
    TRANSPORT_COOPERATIVE = "transport_cooperative", _("Transport cooperative")
    RELAY_POINT = "relay_point", _("Relay point")


class PartnerStatus(models.TextChoices):
    PENDING = "pending", _("Pending approval")
    APPROVED = "approved", _("Approved")
    SUSPENDED = "suspended", _("Suspended")


# A vehicle's grams of CO2 per km when a partner declares none: a courier's motorbike or small
# car, a transport cooperative's light van, a relay point's shuttle van.
DEFAULT_CO2_GRAMS_PER_KM: dict[str, int] = {
    PartnerKind.COURIER: 120,
    PartnerKind.TRANSPORT_COOPERATIVE: 220,
    PartnerKind.RELAY_POINT: 180,
}


class PartnerQuerySet(models.QuerySet):
    def approved(self) -> PartnerQuerySet:
        return self.filter(status=PartnerStatus.APPROVED)


class Partner(models.Model):
    """A courier, transport cooperative or relay shop that carries parcels for the network."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=PartnerKind.choices)
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True)
    phone = PhoneNumberField(_("phone"), region="MA", blank=True)
    email = models.EmailField(_("email"), blank=True)
    status = models.CharField(_("status"), max_length=16, choices=PartnerStatus.choices,
                              default=PartnerStatus.PENDING, db_index=True)
    collects_cash = models.BooleanField(
        _("collects cash on delivery"), default=False)
    daily_capacity = models.PositiveIntegerField(
        _("daily capacity"), default=50, help_text=_("Parcels the partner can take per day."))
    co2_grams_per_km = models.PositiveIntegerField(
        _("CO2 grams per km"), null=True, blank=True,
        help_text=_("The vehicle's emissions; empty means the default of the partner's kind."))
    hub_city = models.ForeignKey(
        "fulfillment.City", on_delete=models.PROTECT, null=True, blank=True,
        related_name="hub_partners",
        help_text=_("City where the partner hands parcels over to another partner."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PartnerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("delivery partner")
        verbose_name_plural = _("delivery partners")

    def __str__(self) -> str:
        return self.name

    @property
    def is_approved(self) -> bool:
        return self.status == PartnerStatus.APPROVED

    def effective_co2_grams_per_km(self) -> int:
        """The declared figure, else the default of the partner's kind."""
        if self.co2_grams_per_km is not None:
            return self.co2_grams_per_km
        return DEFAULT_CO2_GRAMS_PER_KM.get(self.kind, DEFAULT_CO2_GRAMS_PER_KM["courier"])


class PartnerCoverage(models.Model):
    """A region or a city a partner serves, for pick-ups, drop-offs or both."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="coverages")
    region = models.ForeignKey("fulfillment.Region", on_delete=models.CASCADE, null=True,
                               blank=True, related_name="partner_coverages")
    city = models.ForeignKey("fulfillment.City", on_delete=models.CASCADE, null=True,
                             blank=True, related_name="partner_coverages")
    can_pickup = models.BooleanField(_("can pick up"), default=True)
    can_dropoff = models.BooleanField(_("can drop off"), default=True)

    class Meta:
        verbose_name = _("coverage")
        verbose_name_plural = _("coverages")
        constraints = [
            models.CheckConstraint(
                condition=(Q(region__isnull=False, city__isnull=True)
                           | Q(region__isnull=True, city__isnull=False)),
                name="coverage_region_xor_city"),
            models.CheckConstraint(condition=Q(can_pickup=True) | Q(can_dropoff=True),
                                   name="coverage_picks_up_or_drops_off"),
            models.UniqueConstraint(fields=["partner", "region"], condition=Q(city__isnull=True),
                                    name="unique_partner_region_coverage"),
            models.UniqueConstraint(fields=["partner", "city"], condition=Q(region__isnull=True),
                                    name="unique_partner_city_coverage"),
        ]

    def __str__(self) -> str:
        return f"{self.partner}: {self.city or self.region}"


def _amount(verbose_name: str, **kwargs) -> models.DecimalField:
    return models.DecimalField(verbose_name, max_digits=10, decimal_places=2,
                               validators=[MinValueValidator(Decimal("0"))], **kwargs)


class PricingRule(models.Model):
    """What one leg costs: base + per km + per started kg above the free weight, >= a minimum."""

    partner = models.OneToOneField(Partner, on_delete=models.CASCADE, related_name="pricing")
    currency = models.CharField(max_length=3, default="MAD")
    base_fee = _amount(_("base fee"))
    fee_per_km = models.DecimalField(_("fee per km"), max_digits=8, decimal_places=4,
                                     validators=[MinValueValidator(Decimal("0"))])
    fee_per_kg = _amount(_("fee per kg above the free weight"), default=Decimal("0"))
    free_weight_grams = models.PositiveIntegerField(_("free weight (grams)"), default=1000)
    minimum_fee = _amount(_("minimum fee"))
    min_delay_days = models.PositiveSmallIntegerField(_("minimum delay (days)"), default=1)
    max_delay_days = models.PositiveSmallIntegerField(_("maximum delay (days)"), default=2)

    class Meta:
        verbose_name = _("pricing rule")
        verbose_name_plural = _("pricing rules")
        constraints = [
            models.CheckConstraint(condition=Q(max_delay_days__gte=F("min_delay_days")),
                                   name="pricing_delay_range"),
            models.CheckConstraint(
                condition=Q(base_fee__gte=0, fee_per_km__gte=0, fee_per_kg__gte=0,
                            minimum_fee__gte=0),
                name="pricing_amounts_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.partner}: {self.base_fee} + {self.fee_per_km}/km {self.currency}"


class PartnerStaff(models.Model):
    """A user's account at a partner, for the delivery board."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="staff")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="partner_roles")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("partner staff")
        verbose_name_plural = _("partner staff")
        constraints = [models.UniqueConstraint(fields=["partner", "user"],
                                               name="unique_partner_staff")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.partner}"
