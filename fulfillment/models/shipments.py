"""Shipments: each order yields one parcel per cooperative, carried along its partner chain.

A shipment keeps its own copy of the legs (the chain can change when a partner declines, while
the order's delivery keeps what the customer chose and paid). Its history is an append-only list
of events; the state machine lives in ``fulfillment.services.shipments``.
"""
from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ShipmentStatus(models.TextChoices):
    AWAITING_PREPARATION = "awaiting_preparation", _("Awaiting preparation")
    READY_FOR_PICKUP = "ready_for_pickup", _("Ready for pickup")
    ACCEPTED = "accepted", _("Accepted by the partner")
    PICKED_UP = "picked_up", _("Picked up")
    IN_TRANSIT = "in_transit", _("In transit")
    AT_HUB = "at_hub", _("At a relay hub")
    OUT_FOR_DELIVERY = "out_for_delivery", _("Out for delivery")
    DELIVERED = "delivered", _("Delivered")
    FAILED_ATTEMPT = "failed_attempt", _("Delivery attempt failed")
    RETURNED = "returned", _("Returned to the cooperative")
    CANCELED = "canceled", _("Canceled")


class ActorKind(models.TextChoices):
    SYSTEM = "system", _("CoopStore")
    CUSTOMER = "customer", _("Customer")
    COOPERATIVE = "cooperative", _("Cooperative")
    PARTNER = "partner", _("Delivery partner")
    STAFF = "staff", _("Network admin")


class Shipment(models.Model):
    """One cooperative's parcel of an order (Saleor's fulfillment), from packing to the door.

    ``partner`` is the partner of the current leg, kept in step with ``current_leg`` so the
    board can filter on it. The consumer's delivery code is never stored: it is derived from
    ``delivery_code_salt`` and the secret key (``fulfillment.delivery_codes``).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    order = models.ForeignKey("orders.Order", on_delete=models.CASCADE, related_name="shipments")
    cooperative = models.ForeignKey("cooperatives.Cooperative", on_delete=models.PROTECT,
                                    related_name="shipments")
    delivery = models.OneToOneField("orders.OrderDelivery", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="shipment")
    status = models.CharField(_("status"), max_length=32, choices=ShipmentStatus.choices,
                              default=ShipmentStatus.AWAITING_PREPARATION, db_index=True)
    tracking_number = models.CharField(_("tracking number"), max_length=20, unique=True)
    legs = models.JSONField(default=list, blank=True)
    current_leg = models.PositiveSmallIntegerField(default=0)
    partner = models.ForeignKey("fulfillment.Partner", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="shipments")
    weight_grams = models.PositiveIntegerField(_("parcel weight (grams)"), default=0)
    currency = models.CharField(max_length=3)
    cash_to_collect_amount = models.DecimalField(
        _("cash to collect"), max_digits=12, decimal_places=2, default=0,
        help_text=_("What the partner collects at the door (cash on delivery); 0 when paid."))
    delivery_code_salt = models.CharField(max_length=32, editable=False)
    delivery_code_failures = models.PositiveSmallIntegerField(default=0)
    failed_attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("shipment")
        verbose_name_plural = _("shipments")
        indexes = [models.Index(fields=["partner", "status"])]
        constraints = [
            models.UniqueConstraint(fields=["order", "cooperative"],
                                    name="unique_shipment_per_order_cooperative"),
            models.CheckConstraint(condition=Q(cash_to_collect_amount__gte=0),
                                   name="shipment_cash_to_collect_not_negative"),
        ]

    def __str__(self) -> str:
        return self.tracking_number

    @property
    def is_last_leg(self) -> bool:
        return self.current_leg >= len(self.legs) - 1

    def leg_partner_id(self, index: int) -> int | None:
        """The partner id of leg ``index`` in the snapshot, or None (no such leg, no partner)."""
        if not 0 <= index < len(self.legs):
            return None
        value = self.legs[index].get("partner_id") if isinstance(self.legs[index], dict) else None
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def partner_ids(self) -> set[int]:
        return {pk for i in range(len(self.legs)) if (pk := self.leg_partner_id(i)) is not None}


class ShipmentEvent(models.Model):
    """One step of a shipment's history: never edited, only added (an audit of the goods).

    ``occurred_at`` is when the step happened (a step recorded offline is sent later);
    ``created_at`` is when the server recorded it. ``idempotency_key`` makes a re-sent step a
    no-op: unique per shipment.
    """

    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="events")
    occurred_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(auto_now_add=True)
    actor_kind = models.CharField(max_length=16, choices=ActorKind.choices)
    actor_user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    actor_partner = models.ForeignKey("fulfillment.Partner", null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="+")
    city = models.ForeignKey("fulfillment.City", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    from_status = models.CharField(max_length=32, choices=ShipmentStatus.choices, blank=True)
    to_status = models.CharField(max_length=32, choices=ShipmentStatus.choices)
    leg = models.PositiveSmallIntegerField(default=0)
    note = models.TextField(blank=True)
    # Proof of a failed attempt (the customer absent), re-encoded without metadata.
    photo = models.ImageField(upload_to="shipments/proofs/", blank=True)
    idempotency_key = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["occurred_at", "pk"]
        verbose_name = _("shipment event")
        verbose_name_plural = _("shipment events")
        constraints = [
            models.UniqueConstraint(fields=["shipment", "idempotency_key"],
                                    condition=~Q(idempotency_key=""),
                                    name="unique_shipment_event_idempotency_key"),
        ]

    def __str__(self) -> str:
        return f"{self.shipment_id}: {self.from_status or '-'} → {self.to_status}"

    def save(self, *args, **kwargs) -> None:
        """Append-only: an event already written is never rewritten."""
        if not self._state.adding:
            raise ValueError("Shipment events are append-only.")
        super().save(*args, **kwargs)
