"""The split of each placed order, frozen at order time: a later policy never rewrites it."""
from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .. import splits


class PayeeKind(models.TextChoices):
    COOPERATIVE = splits.PayeeKind.COOPERATIVE.value, _("Cooperative")
    PARTNER = splits.PayeeKind.PARTNER.value, _("Delivery partner")
    PLATFORM = splits.PayeeKind.PLATFORM.value, _("Platform")
    SOLIDARITY_FUND = splits.PayeeKind.SOLIDARITY_FUND.value, _("Solidarity fund")
    PAYMENT_PROCESSOR = splits.PayeeKind.PAYMENT_PROCESSOR.value, _("Payment processor")


class SplitRole(models.TextChoices):
    GOODS = splits.Role.GOODS.value, _("Cooperative's share")
    COMMISSION = splits.Role.COMMISSION.value, _("Platform commission")
    SOLIDARITY = splits.Role.SOLIDARITY.value, _("Solidarity fund")
    DELIVERY = splits.Role.DELIVERY.value, _("Delivery")
    PAYMENT_FEE = splits.Role.PAYMENT_FEE.value, _("Payment fee")
    SUBSIDY = splits.Role.SUBSIDY.value, _("Paid by another payee (fee or promotion)")


class PaymentMethod(models.TextChoices):
    CARD = splits.PaymentMethod.CARD.value, _("Card")
    CASH = splits.PaymentMethod.CASH.value, _("Cash on delivery")
    BANK_TRANSFER = splits.PaymentMethod.BANK_TRANSFER.value, _("Bank transfer")
    # A tender, never a split's method: the part of an order a gift card paid (no fee on it).
    GIFT_CARD = "gift_card", _("Gift card")


class OrderSplit(models.Model):
    """The header of an order's split: the policy version and method it was computed with."""

    order = models.OneToOneField("orders.Order", on_delete=models.PROTECT,
                                 related_name="fair_pay_split")
    policy = models.ForeignKey("fairpay.SplitPolicy", on_delete=models.PROTECT,
                               related_name="order_splits")
    method = models.CharField(max_length=16, choices=PaymentMethod.choices)
    currency = models.CharField(max_length=3)
    paid_minor = models.BigIntegerField(_("amount paid (minor units)"))
    fee_minor = models.BigIntegerField(_("payment fee (minor units)"), default=0)
    seed = models.CharField(max_length=64, help_text=_("Seed of the rounding tie rule."))
    discounts = models.JSONField(default=list, blank=True,
                                 help_text=_("Promotions in the split: key, amount_minor, "
                                             "funder_kind, funder_id, sources."))
    prepaid_minor = models.BigIntegerField(
        _("paid by gift cards (minor units)"), default=0,
        help_text=_("Part of the amount paid with gift cards: no payment fee on it."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("order split")
        verbose_name_plural = _("order splits")

    def __str__(self) -> str:
        return f"{self.order} ({self.policy})"


class OrderLineSplit(models.Model):
    """One payee's part of one order line or one delivery, in minor units."""

    order_split = models.ForeignKey(OrderSplit, on_delete=models.CASCADE, related_name="parts")
    order_line = models.ForeignKey("orders.OrderLine", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="fair_pay_parts")
    delivery = models.ForeignKey("orders.OrderDelivery", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="fair_pay_parts")
    payee_kind = models.CharField(max_length=32, choices=PayeeKind.choices)
    cooperative = models.ForeignKey("cooperatives.Cooperative", null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    partner = models.ForeignKey("fulfillment.Partner", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=32, choices=SplitRole.choices)
    amount_minor = models.BigIntegerField()
    rate = models.DecimalField(max_digits=5, decimal_places=4, null=True, blank=True)

    class Meta:
        ordering = ["order_split", "pk"]
        verbose_name = _("order split part")
        verbose_name_plural = _("order split parts")
        constraints = [
            models.CheckConstraint(
                condition=(Q(order_line__isnull=False, delivery__isnull=True)
                           | Q(order_line__isnull=True, delivery__isnull=False)),
                name="fairpay_part_line_xor_delivery"),
            models.CheckConstraint(
                condition=Q(amount_minor__gte=0) | Q(role=SplitRole.SUBSIDY),
                name="fairpay_part_negative_only_for_subsidy"),
            models.CheckConstraint(
                condition=Q(partner__isnull=True) | Q(payee_kind=PayeeKind.PARTNER),
                name="fairpay_part_partner_only_for_partner"),
        ]

    @property
    def source_key(self) -> str:
        if self.order_line_id:
            return f"line:{self.order_line_id}"
        return f"delivery:{self.delivery_id}"

    @property
    def payee(self) -> splits.Payee:
        kind = splits.PayeeKind(self.payee_kind)
        if kind == splits.PayeeKind.PARTNER:
            return splits.Payee(kind, self.partner_id)
        return splits.Payee(kind, self.cooperative_id)
