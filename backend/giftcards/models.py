"""Gift cards: a prepaid balance in MAD, a means of payment (not a discount).

A card pays part or all of an order; what it paid is recorded as a ``GiftCardUsage`` so that
cancelling the order before payment gives the balance back exactly once, and a refund of the
gift-card part goes back to the card (``refunded_amount``). The fair-pay ledger mirrors it
(``backend.fairpay.services.ledger``: issue, redemption, cancellation, refund). Events are
append-only, as Saleor's ``GiftCardEvent``.
"""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class GiftCard(models.Model):
    code = models.CharField(max_length=16, unique=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_by_email = models.EmailField(blank=True)
    used_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="gift_cards")
    used_by_email = models.EmailField(blank=True)
    expiry_date = models.DateField(null=True, blank=True)
    is_active = models.BooleanField(default=True)
    currency = models.CharField(max_length=3, default="MAD")
    initial_balance_amount = models.DecimalField(max_digits=12, decimal_places=2)
    current_balance_amount = models.DecimalField(max_digits=12, decimal_places=2)
    last_used_on = models.DateTimeField(null=True, blank=True)
    checkouts = models.ManyToManyField("orders.Checkout", blank=True, related_name="gift_cards")
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(condition=Q(current_balance_amount__gte=0),
                                   name="gift_card_balance_not_negative"),
            models.CheckConstraint(
                condition=Q(current_balance_amount__lte=models.F("initial_balance_amount")),
                name="gift_card_balance_at_most_initial"),
        ]

    def __str__(self) -> str:
        return f"****{self.display_code}"

    @property
    def display_code(self) -> str:
        """The last four characters: all a page may show of a card's secret."""
        return self.code[-4:]


class GiftCardEventType(models.TextChoices):
    """Saleor's GiftCardEventsEnum values used here."""

    ISSUED = "issued", _("Issued")
    USED_IN_ORDER = "used_in_order", _("Used in an order")
    BALANCE_RESET = "balance_reset", _("Balance given back")
    ACTIVATED = "activated", _("Activated")
    DEACTIVATED = "deactivated", _("Deactivated")


class GiftCardEvent(models.Model):
    gift_card = models.ForeignKey(GiftCard, on_delete=models.CASCADE, related_name="events")
    type = models.CharField(max_length=32, choices=GiftCardEventType.choices)
    date = models.DateTimeField(auto_now_add=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    order = models.ForeignKey("orders.Order", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    parameters = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["date", "pk"]


class GiftCardUsage(models.Model):
    """What a card paid on an order; ``released_at`` set when it was given back."""

    gift_card = models.ForeignKey(GiftCard, on_delete=models.PROTECT, related_name="usages")
    order = models.ForeignKey("orders.Order", on_delete=models.CASCADE,
                              related_name="gift_card_usages")
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    # Refunds of the order given back to this card (never more than it paid).
    refunded_amount = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    currency = models.CharField(max_length=3)
    created_at = models.DateTimeField(auto_now_add=True)
    released_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["gift_card", "order"], name="unique_card_per_order"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="gift_card_usage_positive"),
            models.CheckConstraint(
                condition=Q(refunded_amount__gte=0) & Q(refunded_amount__lte=models.F("amount")),
                name="gift_card_usage_refund_at_most_paid"),
        ]

    @property
    def held(self):
        """What this card still pays on the order (paid minus given back)."""
        return self.amount - self.refunded_amount
