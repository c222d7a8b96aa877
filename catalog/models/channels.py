"""Saleor's sales channel: a currency, a country and its own listings and prices."""
from django.db import models


class Channel(models.Model):
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)
    currency_code = models.CharField(max_length=3)
    default_country = models.CharField(max_length=2, default="MA")
    is_active = models.BooleanField(default=True)
    # A channel restricted to approved business buyers (the `pro` channel comes later).
    is_restricted = models.BooleanField(default=False)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name
