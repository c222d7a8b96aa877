"""Payment records in Saleor's shape: transactions with append-only events, refunds, webhooks.

A ``TransactionItem`` is one attempt to take money through one gateway (a Stripe PaymentIntent,
a dummy payment, the cash a partner collected). Its amounts are never typed in: they are
recomputed from its ``TransactionEvent`` rows, which are only ever added, so the history of
every dirham can be replayed.
"""
from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class TransactionEventType(models.TextChoices):
    """Saleor's TransactionEventTypeEnum."""

    AUTHORIZATION_SUCCESS = "AUTHORIZATION_SUCCESS", _("Authorization succeeded")
    AUTHORIZATION_FAILURE = "AUTHORIZATION_FAILURE", _("Authorization failed")
    AUTHORIZATION_ADJUSTMENT = "AUTHORIZATION_ADJUSTMENT", _("Authorization adjusted")
    AUTHORIZATION_REQUEST = "AUTHORIZATION_REQUEST", _("Authorization requested")
    AUTHORIZATION_ACTION_REQUIRED = ("AUTHORIZATION_ACTION_REQUIRED",
                                     _("Authorization needs the customer"))
    CHARGE_ACTION_REQUIRED = "CHARGE_ACTION_REQUIRED", _("Charge needs the customer")
    CHARGE_SUCCESS = "CHARGE_SUCCESS", _("Charge succeeded")
    CHARGE_FAILURE = "CHARGE_FAILURE", _("Charge failed")
    CHARGE_BACK = "CHARGE_BACK", _("Charge back")
    CHARGE_REQUEST = "CHARGE_REQUEST", _("Charge requested")
    REFUND_SUCCESS = "REFUND_SUCCESS", _("Refund succeeded")
    REFUND_FAILURE = "REFUND_FAILURE", _("Refund failed")
    REFUND_REVERSE = "REFUND_REVERSE", _("Refund reversed")
    REFUND_REQUEST = "REFUND_REQUEST", _("Refund requested")
    CANCEL_SUCCESS = "CANCEL_SUCCESS", _("Cancel succeeded")
    CANCEL_FAILURE = "CANCEL_FAILURE", _("Cancel failed")
    CANCEL_REQUEST = "CANCEL_REQUEST", _("Cancel requested")
    INFO = "INFO", _("Information")


# Events that move money: each may exist once per (transaction, psp reference).
MONEY_EVENT_TYPES = (
    TransactionEventType.AUTHORIZATION_SUCCESS,
    TransactionEventType.CHARGE_SUCCESS,
    TransactionEventType.CHARGE_BACK,
    TransactionEventType.REFUND_SUCCESS,
    TransactionEventType.REFUND_REVERSE,
    TransactionEventType.CANCEL_SUCCESS,
)


class TransactionAction(models.TextChoices):
    """Saleor's TransactionActionEnum: what can still be done with a transaction."""

    CHARGE = "CHARGE"
    REFUND = "REFUND"
    CANCEL = "CANCEL"


class TransactionItem(models.Model):
    token = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    modified_at = models.DateTimeField(auto_now=True)
    gateway = models.CharField(max_length=128)  # Saleor's app identifier
    name = models.CharField(max_length=512, blank=True)
    message = models.CharField(max_length=512, blank=True)
    psp_reference = models.CharField(max_length=512, blank=True, db_index=True)
    idempotency_key = models.CharField(max_length=512, blank=True)
    currency = models.CharField(max_length=3)
    authorized_amount = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    charged_amount = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    refunded_amount = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    canceled_amount = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    available_actions = models.JSONField(default=list, blank=True)
    checkout = models.ForeignKey("orders.Checkout", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="payment_transactions")
    # The checkout's token outlives the checkout (deleted when its order is placed): it is how a
    # transaction finds the order it paid for.
    checkout_token = models.UUIDField(null=True, blank=True, db_index=True)
    order = models.ForeignKey("orders.Order", null=True, blank=True, on_delete=models.PROTECT,
                              related_name="payment_transactions")
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["checkout_token", "idempotency_key"],
                condition=Q(checkout_token__isnull=False) & ~Q(idempotency_key=""),
                name="unique_transaction_idempotency_per_checkout"),
            models.UniqueConstraint(
                fields=["order", "idempotency_key"],
                condition=Q(checkout_token__isnull=True, order__isnull=False)
                & ~Q(idempotency_key=""),
                name="unique_transaction_idempotency_per_order"),
        ]

    def __str__(self) -> str:
        return f"{self.name or self.gateway} {self.psp_reference or self.token}"


class TransactionEvent(models.Model):
    """One thing that happened to a transaction; never edited, only added."""

    transaction = models.ForeignKey(TransactionItem, on_delete=models.CASCADE,
                                    related_name="events")
    type = models.CharField(max_length=64, choices=TransactionEventType.choices)
    amount = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    currency = models.CharField(max_length=3)
    psp_reference = models.CharField(max_length=512, blank=True)
    message = models.CharField(max_length=512, blank=True)
    # Machine-readable reason (a Stripe decline code), kept next to the translated message.
    reason_code = models.CharField(max_length=64, blank=True)
    # Who told us: "transactionInitialize", "transactionProcess", "webhook evt_...", "admin".
    source = models.CharField(max_length=128, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            # Exactly once: the same money movement reported twice (webhook and browser, or a
            # redelivered webhook) is stored once.
            models.UniqueConstraint(
                fields=["transaction", "type", "psp_reference"],
                condition=Q(type__in=[t.value for t in MONEY_EVENT_TYPES])
                & ~Q(psp_reference=""),
                name="unique_money_event_per_psp_reference"),
        ]

    def __str__(self) -> str:
        return f"{self.type} {self.amount} {self.currency}"

    def save(self, *args, **kwargs) -> None:
        """Append-only: an event that exists is history and is never rewritten."""
        if self.pk is not None:
            raise ValueError("Transaction events are append-only.")
        super().save(*args, **kwargs)


class RefundMethod(models.TextChoices):
    CARD = "card", _("Back to the card")
    CASH = "cash", _("Owed to the customer (cash on delivery)")
    DUMMY = "dummy", _("Dummy")
    GIFT_CARD = "gift_card", _("Back to the gift cards")


class RefundStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SUCCEEDED = "succeeded", _("Refunded")
    FAILED = "failed", _("Failed")
    OWED = "owed", _("Owed to the customer")
    PAID_BACK = "paid_back", _("Paid back to the customer")


# Refunds that count as granted: the money is back with the customer or owed to them.
GRANTED_REFUND_STATUSES = (RefundStatus.SUCCEEDED, RefundStatus.OWED, RefundStatus.PAID_BACK)


class Refund(models.Model):
    """A refund of an order, full or partial; the transaction's events carry the money."""

    token = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    order = models.ForeignKey("orders.Order", on_delete=models.PROTECT, related_name="refunds")
    # None when the whole refund goes back to gift cards (an order paid wholly by gift card).
    transaction = models.ForeignKey(TransactionItem, on_delete=models.PROTECT,
                                    related_name="refunds", null=True, blank=True)
    method = models.CharField(max_length=16, choices=RefundMethod.choices)
    status = models.CharField(max_length=16, choices=RefundStatus.choices,
                              default=RefundStatus.PENDING)
    # The whole refund; ``gift_card_amount`` of it goes back to the order's gift cards, the
    # rest (``tender_amount``) through the card or cash transaction.
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    gift_card_amount = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    currency = models.CharField(max_length=3)
    include_shipping = models.BooleanField(default=False)
    reason = models.TextField(blank=True)
    psp_reference = models.CharField(max_length=512, blank=True, db_index=True)
    idempotency_key = models.CharField(max_length=512, unique=True)
    failure_message = models.CharField(max_length=512, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="refund_amount_positive"),
            models.CheckConstraint(
                condition=Q(gift_card_amount__gte=0) & Q(gift_card_amount__lte=models.F("amount")),
                name="refund_gift_card_part_within_amount"),
        ]

    def __str__(self) -> str:
        text = f"{self.amount} {self.currency} ({self.get_status_display()})"
        if self.gift_card_amount:
            text += " — " + _("%(gift)s to the gift cards, %(rest)s %(tender)s") % {
                "gift": self.gift_card_amount, "rest": self.tender_amount,
                "tender": _("by card") if self.method == RefundMethod.CARD else _("in cash")
                if self.method == RefundMethod.CASH else ""}
        return text.strip()

    @property
    def tender_amount(self):
        """The part refunded through the card or cash transaction (not the gift cards)."""
        return self.amount - self.gift_card_amount


class RefundLine(models.Model):
    refund = models.ForeignKey(Refund, on_delete=models.CASCADE, related_name="lines")
    order_line = models.ForeignKey("orders.OrderLine", on_delete=models.PROTECT,
                                   related_name="refund_lines")
    quantity = models.PositiveIntegerField()
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    # Of ``amount``, the part given back to the gift cards (same proportion as the refund).
    gift_card_amount = models.DecimalField(max_digits=12, decimal_places=2, default=0)

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(quantity__gt=0),
                                              name="refund_line_quantity_positive")]


class StripeWebhookEvent(models.Model):
    """A Stripe event as received, stored by its id so it is processed exactly once."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=128, db_index=True)
    livemode = models.BooleanField(default=False)
    stripe_created_at = models.DateTimeField(null=True, blank=True)
    payload = models.JSONField()
    received_at = models.DateTimeField(auto_now_add=True)
    deliveries = models.PositiveIntegerField(default=1)
    processed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    outcome = models.CharField(max_length=512, blank=True)

    class Meta:
        ordering = ["-received_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.type} {self.event_id}"
