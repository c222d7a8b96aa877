"""Professional buyers (business accounts), the pro channel's wholesale terms and invoices.

The pro channel is Saleor's own mechanism: a ``catalog.Channel`` (slug ``pro``, restricted) whose
variant listings carry the wholesale unit price. What Saleor has no field for lives here, keyed
on that listing: the minimum order quantity and the quantity breaks.
"""
from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

PRO_CHANNEL_SLUG = "pro"
ICE_VALIDATOR = RegexValidator(r"^\d{15}$", _("An ICE number has exactly 15 digits."))


class BusinessKind(models.TextChoices):
    SHOP = "shop", _("Shop")
    HOTEL = "hotel", _("Hotel")
    RESTAURANT = "restaurant", _("Restaurant")
    EXPORTER = "exporter", _("Exporter")
    COOPERATIVE = "cooperative", _("Cooperative")
    OTHER = "other", _("Other")


class BusinessStatus(models.TextChoices):
    PENDING = "pending", _("Pending approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    SUSPENDED = "suspended", _("Suspended")


class BusinessAccount(models.Model):
    """A company buying wholesale; sees the pro channel only once a network admin approved it."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="business_account")
    company_name = models.CharField(_("company name"), max_length=200)
    ice = models.CharField(_("ICE number"), max_length=15, unique=True,
                           validators=[ICE_VALIDATOR],
                           help_text=_("Identifiant commun de l'entreprise: 15 digits."))
    kind = models.CharField(_("kind"), max_length=16, choices=BusinessKind.choices)
    street_address = models.CharField(_("address"), max_length=256)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=128)
    phone = models.CharField(_("phone"), max_length=32)
    status = models.CharField(_("status"), max_length=16, choices=BusinessStatus.choices,
                              default=BusinessStatus.PENDING, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("business account")
        verbose_name_plural = _("business accounts")

    def __str__(self) -> str:
        return f"{self.company_name} ({self.ice})"

    @property
    def is_approved(self) -> bool:
        return self.status == BusinessStatus.APPROVED


class ProVariantTerms(models.Model):
    """The minimum order quantity of a variant's listing in the pro channel."""

    variant_listing = models.OneToOneField("catalog.ProductVariantChannelListing",
                                           on_delete=models.CASCADE, related_name="pro_terms")
    minimum_order_quantity = models.PositiveIntegerField(
        _("minimum order quantity"), default=1, validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = _("pro terms")
        verbose_name_plural = _("pro terms")
        constraints = [models.CheckConstraint(condition=Q(minimum_order_quantity__gte=1),
                                              name="pro_moq_at_least_one")]


class VariantQuantityBreak(models.Model):
    """From ``min_quantity`` units on, the unit price of the listing is ``price_amount``."""

    variant_listing = models.ForeignKey("catalog.ProductVariantChannelListing",
                                        on_delete=models.CASCADE,
                                        related_name="quantity_breaks")
    min_quantity = models.PositiveIntegerField(_("from quantity"),
                                               validators=[MinValueValidator(2)])
    price_amount = models.DecimalField(_("unit price"), max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["min_quantity"]
        verbose_name = _("quantity break")
        verbose_name_plural = _("quantity breaks")
        constraints = [
            models.UniqueConstraint(fields=["variant_listing", "min_quantity"],
                                    name="unique_quantity_break"),
            models.CheckConstraint(condition=Q(price_amount__gte=0, min_quantity__gte=2),
                                   name="quantity_break_valid"),
        ]


class InvoiceStatus(models.TextChoices):
    ISSUED = "issued", _("Issued (awaiting transfer)")
    PAID = "paid", _("Paid")
    CANCELED = "canceled", _("Canceled")


class Invoice(models.Model):
    """The invoice of a pro order paid by bank transfer; its numbers follow one sequence."""

    number = models.CharField(_("number"), max_length=32, unique=True)
    sequence = models.PositiveIntegerField(unique=True)
    order = models.OneToOneField("orders.Order", on_delete=models.PROTECT,
                                 related_name="invoice")
    business = models.ForeignKey(BusinessAccount, on_delete=models.PROTECT,
                                 related_name="invoices")
    buyer_name = models.CharField(max_length=200)
    buyer_ice = models.CharField(max_length=15, validators=[ICE_VALIDATOR])
    # [{"cooperative_id", "name", "ice"}] at issue time, one per selling cooperative.
    sellers = models.JSONField(default=list)
    currency = models.CharField(max_length=3)
    total_amount = models.DecimalField(max_digits=12, decimal_places=2)
    issued_on = models.DateField()
    due_on = models.DateField()
    status = models.CharField(max_length=16, choices=InvoiceStatus.choices,
                              default=InvoiceStatus.ISSUED, db_index=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    paid_reference = models.CharField(_("bank reference"), max_length=128, blank=True)

    class Meta:
        ordering = ["-sequence"]
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")

    def __str__(self) -> str:
        return self.number
