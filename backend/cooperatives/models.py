"""Producer cooperatives, their staff accounts and their translated stories."""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class CooperativeStatus(models.TextChoices):
    PENDING = "pending", _("Pending approval")
    APPROVED = "approved", _("Approved")
    SUSPENDED = "suspended", _("Suspended")


class CooperativeQuerySet(models.QuerySet):
    def approved(self) -> CooperativeQuerySet:
        return self.filter(status=CooperativeStatus.APPROVED)


class Cooperative(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    odco_number = models.CharField(
        _("ODCO registration number"), max_length=32, unique=True,
        help_text=_("Registration number at the Office du Développement de la Coopération."),
    )
    # Identifiant commun de l'entreprise, printed on pro invoices (optional until it sells pro).
    ice = models.CharField(_("ICE number"), max_length=15, unique=True, null=True, blank=True)
    region = models.ForeignKey("fulfillment.Region", on_delete=models.PROTECT,
                               related_name="cooperatives")
    city = models.ForeignKey("fulfillment.City", on_delete=models.PROTECT,
                             related_name="cooperatives")
    latitude = models.DecimalField(max_digits=9, decimal_places=6)
    longitude = models.DecimalField(max_digits=9, decimal_places=6)
    founded_year = models.PositiveSmallIntegerField(null=True, blank=True)
    member_count = models.PositiveIntegerField(default=0)
    women_led = models.BooleanField(default=False)
    youth_led = models.BooleanField(default=False)
    story = models.TextField(blank=True, help_text=_("In French; translations below."))
    logo = models.ImageField(upload_to="cooperatives/logos/", blank=True)
    phone = models.CharField(max_length=32, blank=True)
    email = models.EmailField(blank=True)
    status = models.CharField(max_length=16, choices=CooperativeStatus.choices,
                              default=CooperativeStatus.PENDING, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CooperativeQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["region", "status"])]

    def __str__(self) -> str:
        return self.name

    @property
    def is_approved(self) -> bool:
        return self.status == CooperativeStatus.APPROVED

    def translated_story(self, language: str | None = None) -> str:
        """The story in the requested language, falling back to French. Uses prefetched rows."""
        language = (language or get_language() or "fr")[:2]
        if language != "fr":
            for translation in self.translations.all():
                if translation.language_code == language and translation.story:
                    return translation.story
        return self.story


class CooperativeTranslation(models.Model):
    cooperative = models.ForeignKey(Cooperative, on_delete=models.CASCADE,
                                    related_name="translations")
    language_code = models.CharField(max_length=8)
    name = models.CharField(max_length=200, blank=True)
    story = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["cooperative", "language_code"],
                                               name="unique_cooperative_translation")]


class StaffRole(models.TextChoices):
    MANAGER = "manager", _("Manager")
    MEMBER = "member", _("Member")


class CooperativeStaff(models.Model):
    """A user's account at a cooperative: managers invite members and see the money."""

    cooperative = models.ForeignKey(Cooperative, on_delete=models.CASCADE, related_name="staff")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="cooperative_roles")
    role = models.CharField(max_length=16, choices=StaffRole.choices, default=StaffRole.MEMBER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["cooperative", "user"],
                                               name="unique_cooperative_staff")]


class CooperativeInvitation(models.Model):
    """An invitation to join a cooperative's staff. Only a hash of the token is stored, so a
    database leak does not hand out accounts; the link is usable once, before ``expires_at``."""

    cooperative = models.ForeignKey(Cooperative, on_delete=models.CASCADE,
                                    related_name="invitations")
    email = models.EmailField()
    role = models.CharField(max_length=16, choices=StaffRole.choices, default=StaffRole.MEMBER)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["cooperative", "email"])]

    def __str__(self) -> str:
        return f"{self.email} → {self.cooperative}"

    @property
    def is_pending(self) -> bool:
        from django.utils import timezone

        return (self.accepted_at is None and self.revoked_at is None
                and self.expires_at > timezone.now())


class LowStockAlert(models.Model):
    """The low-stock marker of a variant: set when the managers were told, cleared when the
    stock went back above the threshold, so one crossing sends one email."""

    variant = models.OneToOneField("catalog.ProductVariant", on_delete=models.CASCADE,
                                   related_name="low_stock_alert")
    cooperative = models.ForeignKey(Cooperative, on_delete=models.CASCADE,
                                    related_name="low_stock_alerts")
    alerted_at = models.DateTimeField(null=True, blank=True)
    cleared_at = models.DateTimeField(null=True, blank=True)
    quantity_at_alert = models.IntegerField(default=0)

    @property
    def is_active(self) -> bool:
        return self.alerted_at is not None and (self.cleared_at is None
                                                or self.cleared_at < self.alerted_at)
