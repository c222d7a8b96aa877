"""Stock recorded by lot (harvest or production batch) for traceability on the product page.

When a variant has lots, its ``Stock.quantity`` is the sum of its lots' quantities; the
services in ``catalog.services.lots`` keep the two in step.
"""
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class StockLot(models.Model):
    variant = models.ForeignKey("catalog.ProductVariant", on_delete=models.CASCADE,
                                related_name="lots")
    lot_number = models.CharField(_("lot number"), max_length=64)
    quantity = models.PositiveIntegerField(_("quantity"), default=0)
    produced_on = models.DateField(_("harvest or production date"), null=True, blank=True)
    best_before = models.DateField(_("best before"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["best_before", "lot_number", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["variant", "lot_number"],
                                    name="unique_lot_number_per_variant"),
            models.CheckConstraint(
                condition=Q(best_before__isnull=True) | Q(produced_on__isnull=True)
                | Q(best_before__gte=F("produced_on")),
                name="lot_best_before_after_production"),
        ]

    def __str__(self) -> str:
        return self.lot_number
