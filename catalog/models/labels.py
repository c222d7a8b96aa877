"""Quality labels: geographical indications (IGP, AOP), organic, fair trade."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import active_language


class LabelKind(models.TextChoices):
    IGP = "IGP", _("Protected geographical indication (IGP)")
    AOP = "AOP", _("Protected designation of origin (AOP)")
    ORGANIC = "ORGANIC", _("Organic")
    FAIR_TRADE = "FAIR_TRADE", _("Fair trade")


class Label(models.Model):
    kind = models.CharField(max_length=16, choices=LabelKind.choices)
    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(max_length=200)
    name_ar = models.CharField(max_length=200, blank=True)
    name_en = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name

    def localized_name(self, language: str | None = None) -> str:
        language = active_language(language)
        return {"ar": self.name_ar, "en": self.name_en}.get(language) or self.name


class ProductLabel(models.Model):
    """A product's certified label, with the certificate that proves it."""

    product = models.ForeignKey("catalog.Product", on_delete=models.CASCADE,
                                related_name="product_labels")
    label = models.ForeignKey(Label, on_delete=models.PROTECT, related_name="product_labels")
    certificate_reference = models.CharField(max_length=64)
    expiry_date = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["product", "label"],
                                               name="unique_product_label")]
