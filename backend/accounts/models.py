"""Users sign in with their email address; roles come from memberships (cooperative, partner)."""
from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext_lazy as _

from .managers import UserManager


def _new_token_key() -> str:
    return get_random_string(12)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("email address"), unique=True)
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    language_code = models.CharField(max_length=8, default="fr")
    is_staff = models.BooleanField(_("network admin"), default=False)
    is_active = models.BooleanField(default=True)
    is_confirmed = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    default_shipping_address = models.ForeignKey(
        "accounts.Address", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    default_billing_address = models.ForeignKey(
        "accounts.Address", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)
    # Rotating it invalidates every JWT issued to the user (password change, sign-out).
    jwt_token_key = models.CharField(max_length=12, default=_new_token_key)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        ordering = ["email"]

    def __str__(self) -> str:
        return self.email

    def get_full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip() or self.email


class Address(models.Model):
    """A postal address in Saleor's shape; ``city_ref`` ties it to our city table (and region)."""

    user = models.ForeignKey(User, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="addresses")
    first_name = models.CharField(max_length=256, blank=True)
    last_name = models.CharField(max_length=256, blank=True)
    company_name = models.CharField(max_length=256, blank=True)
    street_address_1 = models.CharField(max_length=256, blank=True)
    street_address_2 = models.CharField(max_length=256, blank=True)
    city = models.CharField(max_length=256, blank=True)
    city_area = models.CharField(max_length=128, blank=True)
    postal_code = models.CharField(max_length=20, blank=True)
    country = models.CharField(max_length=2, default="MA")
    country_area = models.CharField(max_length=128, blank=True)
    phone = models.CharField(max_length=32, blank=True)
    city_ref = models.ForeignKey("fulfillment.City", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return ", ".join(p for p in (self.street_address_1, self.city) if p)

    def copy_fields(self) -> dict:
        """The address as field values, to snapshot it on a checkout or an order."""
        return {f.attname: getattr(self, f.attname) for f in self._meta.concrete_fields
                if f.name not in {"id", "user"}}

