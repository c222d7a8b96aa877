"""Rawabit: the opportunities board of the network (offers and requests between cooperatives
and professional buyers), the private conversation of each replier with the poster, and the
deal an opportunity may end in.

A party is a cooperative (``cooperative`` set: the user is its staff) or a business account
(``cooperative`` empty: the user's own approved ``business.BusinessAccount``, one per user),
so no foreign key to the business app is needed.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

CENT = Decimal("0.01")


def party_name(user, cooperative) -> str:
    """A party as others see it: its cooperative, else its company (business account)."""
    if cooperative is not None:
        return cooperative.name
    try:
        return user.business_account.company_name
    except (ObjectDoesNotExist, AttributeError):
        return user.get_full_name()


class OpportunityKind(models.TextChoices):
    OFFER = "offer", _("Offer")
    REQUEST = "request", _("Request")


class OpportunityStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    DEAL = "deal", _("Deal")


class QuantityUnit(models.TextChoices):
    LITRE = "l", _("L")
    KILOGRAM = "kg", _("kg")
    TONNE = "t", _("t")
    UNIT = "unit", _("units")
    TRIP = "trip", _("trips")
    OTHER = "other", _("other")


class Opportunity(models.Model):
    kind = models.CharField(_("kind"), max_length=16, choices=OpportunityKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    category = models.ForeignKey("catalog.Category", on_delete=models.SET_NULL, null=True,
                                 blank=True, related_name="+", verbose_name=_("category"))
    product_text = models.CharField(_("product or service"), max_length=200, blank=True)
    quantity = models.DecimalField(_("quantity"), max_digits=12, decimal_places=3, null=True,
                                   blank=True, validators=[MinValueValidator(Decimal("0"))])
    unit = models.CharField(_("unit"), max_length=8, choices=QuantityUnit.choices,
                            default=QuantityUnit.UNIT)
    period_from = models.DateField(_("from"), null=True, blank=True)
    period_to = models.DateField(_("to"), null=True, blank=True)
    region = models.ForeignKey("fulfillment.Region", on_delete=models.PROTECT, null=True,
                               blank=True, related_name="+", verbose_name=_("region"),
                               help_text=_("Empty: the whole country."))
    posted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="rawabit_opportunities")
    cooperative = models.ForeignKey("cooperatives.Cooperative", on_delete=models.PROTECT,
                                    null=True, blank=True, related_name="rawabit_opportunities",
                                    help_text=_("Empty: posted by a business account."))
    status = models.CharField(_("status"), max_length=16, choices=OpportunityStatus.choices,
                              default=OpportunityStatus.OPEN, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        indexes = [models.Index(fields=["status", "kind", "region"])]
        constraints = [models.CheckConstraint(
            condition=Q(period_to__isnull=True) | Q(period_from__isnull=True)
            | Q(period_to__gte=models.F("period_from")), name="rawabit_period_in_order")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == OpportunityStatus.OPEN

    def is_poster(self, user) -> bool:
        return getattr(user, "pk", None) == self.posted_by_id

    @property
    def poster_name(self) -> str:
        """Select ``posted_by__business_account`` and ``cooperative`` to read it for free."""
        return party_name(self.posted_by, self.cooperative)


class OpportunityReply(models.Model):
    """The private conversation of one replier with the poster (one per opportunity and
    replier); only those two and network admins read it."""

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE,
                                    related_name="replies")
    replier = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                related_name="rawabit_replies")
    replier_cooperative = models.ForeignKey("cooperatives.Cooperative", on_delete=models.PROTECT,
                                            null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    last_message_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-last_message_at", "-pk"]
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        constraints = [models.UniqueConstraint(fields=["opportunity", "replier"],
                                               name="rawabit_one_thread_per_replier")]

    def __str__(self) -> str:
        return f"{self.opportunity} ← {self.replier}"

    @property
    def replier_name(self) -> str:
        """Select ``replier__business_account`` and ``replier_cooperative`` to read it free."""
        return party_name(self.replier, self.replier_cooperative)

    def is_party(self, user) -> bool:
        return getattr(user, "pk", None) in (self.replier_id, self.opportunity.posted_by_id)


class OpportunityMessage(models.Model):
    """One message of a conversation; never edited."""

    reply = models.ForeignKey(OpportunityReply, on_delete=models.CASCADE,
                              related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="+")
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")


class Deal(models.Model):
    """How an opportunity ended with one replier. With a cooperative seller, a business buyer
    and a variant of the seller, it can become a pro order (``checkout_token``)."""

    opportunity = models.OneToOneField(Opportunity, on_delete=models.CASCADE,
                                       related_name="deal")
    reply = models.ForeignKey(OpportunityReply, on_delete=models.PROTECT, related_name="+")
    seller_cooperative = models.ForeignKey("cooperatives.Cooperative", on_delete=models.PROTECT,
                                           null=True, blank=True, related_name="+")
    buyer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                              related_name="+")
    buyer_cooperative = models.ForeignKey("cooperatives.Cooperative", on_delete=models.PROTECT,
                                          null=True, blank=True, related_name="+")
    quantity = models.DecimalField(_("quantity"), max_digits=12, decimal_places=3,
                                   validators=[MinValueValidator(Decimal("0.001"))])
    unit = models.CharField(_("unit"), max_length=8, choices=QuantityUnit.choices)
    unit_price = models.DecimalField(_("agreed unit price (MAD)"), max_digits=12,
                                     decimal_places=2,
                                     validators=[MinValueValidator(Decimal("0"))])
    note = models.TextField(_("note"), blank=True)
    variant = models.ForeignKey("catalog.ProductVariant", on_delete=models.SET_NULL, null=True,
                                blank=True, related_name="+", verbose_name=_("product variant"))
    variant_quantity = models.PositiveIntegerField(_("number of items"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    checkout_token = models.UUIDField(null=True, blank=True, unique=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("deal")
        verbose_name_plural = _("deals")

    def __str__(self) -> str:
        return f"{self.opportunity}: {self.quantity} × {self.unit_price}"

    @property
    def value(self) -> Decimal:
        return (self.quantity * self.unit_price).quantize(CENT, rounding=ROUND_HALF_UP)

    @property
    def can_become_pro_order(self) -> bool:
        return (self.seller_cooperative_id is not None and self.buyer_cooperative_id is None
                and self.variant_id is not None and bool(self.variant_quantity)
                and self.checkout_token is None)


class Indicators(Opportunity):
    """No data of its own: the admin entry of Rawabit's indicators (/admin/rawabit/indicators/)."""

    class Meta:
        proxy = True
        verbose_name = _("Rawabit indicators")
        verbose_name_plural = _("Rawabit indicators")
