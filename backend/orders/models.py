"""Checkouts (Saleor's cart identified by a token) and orders with their snapshot lines."""
from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ChargeStatus(models.TextChoices):
    """Saleor's CheckoutChargeStatusEnum / OrderChargeStatusEnum values."""

    NONE = "none", _("Not paid")
    PARTIAL = "partial", _("Partially paid")
    FULL = "full", _("Paid")
    OVERCHARGED = "overcharged", _("Overcharged")


class AuthorizeStatus(models.TextChoices):
    NONE = "none", _("Not authorized")
    PARTIAL = "partial", _("Partially authorized")
    FULL = "full", _("Authorized")


class Checkout(models.Model):
    token = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.CASCADE, related_name="checkouts")
    email = models.EmailField(blank=True)
    channel = models.ForeignKey("catalog.Channel", on_delete=models.PROTECT,
                                related_name="checkouts")
    language_code = models.CharField(max_length=8, default="fr")
    shipping_address = models.ForeignKey("accounts.Address", null=True, blank=True,
                                         on_delete=models.SET_NULL, related_name="+")
    billing_address = models.ForeignKey("accounts.Address", null=True, blank=True,
                                        on_delete=models.SET_NULL, related_name="+")
    customer_note = models.TextField(blank=True)
    payment_gateway = models.CharField(max_length=128, blank=True)
    currency = models.CharField(max_length=3)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return str(self.token)


class CheckoutLine(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    checkout = models.ForeignKey(Checkout, on_delete=models.CASCADE, related_name="lines")
    variant = models.ForeignKey("catalog.ProductVariant", on_delete=models.CASCADE,
                                related_name="+")
    quantity = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["checkout", "variant"],
                                               name="unique_checkout_line_variant")]


class DeliveryQuoteSnapshot(models.Model):
    """The quoted delivery of one parcel as the customer saw it: kept even if prices change."""

    option_id = models.CharField(max_length=255)
    price_amount = models.DecimalField(max_digits=12, decimal_places=2)
    minimum_delivery_days = models.PositiveSmallIntegerField(default=1)
    maximum_delivery_days = models.PositiveSmallIntegerField(default=3)
    distance_km = models.DecimalField(max_digits=9, decimal_places=1, default=0)
    co2_grams = models.PositiveIntegerField(default=0)
    short_circuit_level = models.CharField(max_length=32)
    legs = models.JSONField(default=list)

    class Meta:
        abstract = True

    def snapshot_fields(self) -> dict:
        return {f.attname: getattr(self, f.attname)
                for f in DeliveryQuoteSnapshot._meta.get_fields()}


class CheckoutDelivery(DeliveryQuoteSnapshot):
    """The delivery option the customer chose for one cooperative's parcel (a quote snapshot)."""

    checkout = models.ForeignKey(Checkout, on_delete=models.CASCADE, related_name="deliveries")
    cooperative = models.ForeignKey("cooperatives.Cooperative", on_delete=models.CASCADE,
                                    related_name="+")
    quoted_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["checkout", "cooperative"],
                                               name="unique_checkout_delivery_per_cooperative")]


class OrderStatus(models.TextChoices):
    """Saleor's OrderStatus values."""

    DRAFT = "draft", _("Draft")
    UNCONFIRMED = "unconfirmed", _("Unconfirmed")
    UNFULFILLED = "unfulfilled", _("Unfulfilled")
    PARTIALLY_FULFILLED = "partially fulfilled", _("Partially fulfilled")
    PARTIALLY_RETURNED = "partially_returned", _("Partially returned")
    RETURNED = "returned", _("Returned")
    FULFILLED = "fulfilled", _("Fulfilled")
    CANCELED = "canceled", _("Canceled")
    EXPIRED = "expired", _("Expired")


class Order(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    number = models.PositiveIntegerField(unique=True)
    status = models.CharField(max_length=32, choices=OrderStatus.choices,
                              default=OrderStatus.UNFULFILLED, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="orders")
    user_email = models.EmailField(blank=True)
    channel = models.ForeignKey("catalog.Channel", on_delete=models.PROTECT,
                                related_name="orders")
    language_code = models.CharField(max_length=8, default="fr")
    # The checkout it came from: completing the same checkout twice returns this order.
    checkout_token = models.UUIDField(unique=True, null=True, blank=True)
    # Secret of the guest's tracking link.
    tracking_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    shipping_address = models.ForeignKey("accounts.Address", null=True, blank=True,
                                         on_delete=models.SET_NULL, related_name="+")
    billing_address = models.ForeignKey("accounts.Address", null=True, blank=True,
                                        on_delete=models.SET_NULL, related_name="+")
    currency = models.CharField(max_length=3)
    subtotal_amount = models.DecimalField(max_digits=12, decimal_places=2)
    shipping_amount = models.DecimalField(max_digits=12, decimal_places=2)
    total_amount = models.DecimalField(max_digits=12, decimal_places=2)
    total_charged_amount = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    charge_status = models.CharField(max_length=16, choices=ChargeStatus.choices,
                                     default=ChargeStatus.NONE)
    authorize_status = models.CharField(max_length=16, choices=AuthorizeStatus.choices,
                                        default=AuthorizeStatus.NONE)
    payment_gateway = models.CharField(max_length=128, blank=True)
    customer_note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-number"]
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self) -> str:
        return f"#{self.number}"


class OrderLine(models.Model):
    """A bought line, snapshotting names, SKU, unit price and cooperative at order time."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    variant = models.ForeignKey("catalog.ProductVariant", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="order_lines")
    cooperative = models.ForeignKey("cooperatives.Cooperative", on_delete=models.PROTECT,
                                    related_name="order_lines")
    product_name = models.CharField(max_length=386)
    variant_name = models.CharField(max_length=255, blank=True)
    translated_product_name = models.CharField(max_length=386, blank=True)
    translated_variant_name = models.CharField(max_length=255, blank=True)
    product_sku = models.CharField(max_length=255, blank=True)
    quantity = models.PositiveIntegerField()
    quantity_fulfilled = models.PositiveIntegerField(default=0)
    currency = models.CharField(max_length=3)
    unit_price_amount = models.DecimalField(max_digits=12, decimal_places=2)
    total_price_amount = models.DecimalField(max_digits=12, decimal_places=2)
    weight_grams = models.PositiveIntegerField(default=0)
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["product_name", "id"]
        constraints = [models.CheckConstraint(condition=Q(quantity__gt=0),
                                              name="order_line_quantity_positive")]


class Allocation(models.Model):
    """Units of stock promised to an order line, released on cancellation."""

    order_line = models.ForeignKey(OrderLine, on_delete=models.CASCADE,
                                   related_name="allocations")
    stock = models.ForeignKey("catalog.Stock", on_delete=models.CASCADE,
                              related_name="allocations")
    quantity_allocated = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["order_line", "stock"],
                                               name="unique_allocation")]


class OrderDelivery(DeliveryQuoteSnapshot):
    """The chosen delivery of one cooperative's parcel, copied from the checkout."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="deliveries")
    cooperative = models.ForeignKey("cooperatives.Cooperative", on_delete=models.PROTECT,
                                    related_name="order_deliveries")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["order", "cooperative"],
                                               name="unique_order_delivery_per_cooperative")]
