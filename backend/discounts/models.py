"""Catalogue promotions and vouchers, who funds them, and the discounts frozen on orders.

Every promotion and voucher says who pays for its reduction (``funded_by``): the platform, the
cooperative whose goods are discounted, or both (``platform_share_percent`` for the
platform). A cooperative funds only what it accepted (``FundingAcceptance``): the pricing
skips its lines otherwise, and the split engine refuses such a discount.
"""
from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class FundedBy(models.TextChoices):
    PLATFORM = "platform", _("The platform")
    COOPERATIVE = "cooperative", _("The cooperative")
    SHARED = "shared", _("Shared by the platform and the cooperative")


class RewardValueType(models.TextChoices):
    """Saleor's RewardValueTypeEnum / DiscountValueTypeEnum values."""

    FIXED = "fixed", _("Fixed amount")
    PERCENTAGE = "percentage", _("Percentage")


class PromotionType(models.TextChoices):
    CATALOGUE = "catalogue", _("Catalogue")


class VoucherType(models.TextChoices):
    """Saleor's VoucherTypeEnum (shipping vouchers are not offered)."""

    ENTIRE_ORDER = "entire_order", _("Entire order")
    SPECIFIC_PRODUCT = "specific_product", _("Specific products")


class OrderDiscountType(models.TextChoices):
    """Saleor's OrderDiscountType values used here."""

    PROMOTION = "promotion", _("Promotion")
    VOUCHER = "voucher", _("Voucher")


class Funding(models.Model):
    """Who pays for the reduction."""

    funded_by = models.CharField(max_length=16, choices=FundedBy.choices,
                                 default=FundedBy.PLATFORM)
    platform_share_percent = models.DecimalField(
        max_digits=5, decimal_places=2, default=Decimal(100),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("The platform's share of a shared discount, in percent."))

    class Meta:
        abstract = True

    @property
    def needs_acceptance(self) -> bool:
        return self.funded_by != FundedBy.PLATFORM

    def platform_percent(self) -> Decimal:
        if self.funded_by == FundedBy.PLATFORM:
            return Decimal(100)
        if self.funded_by == FundedBy.COOPERATIVE:
            return Decimal(0)
        return self.platform_share_percent


class Period(models.Model):
    start_date = models.DateTimeField(default=timezone.now)
    end_date = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    def is_running(self, when=None) -> bool:
        when = when or timezone.now()
        return self.start_date <= when and (self.end_date is None or when < self.end_date)


class Promotion(Funding, Period):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=255)
    description = models.JSONField(default=dict, blank=True, help_text="EditorJS JSON")
    type = models.CharField(max_length=16, choices=PromotionType.choices,
                            default=PromotionType.CATALOGUE)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [models.CheckConstraint(
            condition=Q(platform_share_percent__gte=0) & Q(platform_share_percent__lte=100),
            name="promotion_platform_share_0_100")]

    def __str__(self) -> str:
        return self.name


class PromotionTranslation(models.Model):
    promotion = models.ForeignKey(Promotion, on_delete=models.CASCADE,
                                  related_name="translations")
    language_code = models.CharField(max_length=8)
    name = models.CharField(max_length=255, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["promotion", "language_code"],
                                               name="unique_promotion_translation")]


class CataloguePredicate:
    def predicate_ids(self, kind: str) -> set[int]:
        """Primary keys named by the ``<kind>Predicate`` (product, variant, category,
        collection)."""
        ids = (self.catalogue_predicate or {}).get(f"{kind}Predicate", {}).get("ids", [])
        return {int(pk) for pk in ids}


class PromotionRule(CataloguePredicate, models.Model):
    """A reward on a part of the catalogue, in some channels.

    ``catalogue_predicate`` follows Saleor's shape: ``{"productPredicate": {"ids": [...]},
    "variantPredicate": ..., "categoryPredicate": ..., "collectionPredicate": ...}`` with
    primary keys; a category covers its sub-categories.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    promotion = models.ForeignKey(Promotion, on_delete=models.CASCADE, related_name="rules")
    name = models.CharField(max_length=255, blank=True)
    channels = models.ManyToManyField("catalog.Channel", related_name="promotion_rules")
    catalogue_predicate = models.JSONField(default=dict, blank=True)
    reward_value_type = models.CharField(max_length=16, choices=RewardValueType.choices,
                                         default=RewardValueType.PERCENTAGE)
    reward_value = models.DecimalField(max_digits=12, decimal_places=2,
                                       validators=[MinValueValidator(0)])

    class Meta:
        ordering = ["promotion", "pk"]
        constraints = [models.CheckConstraint(condition=Q(reward_value__gte=0),
                                              name="promotion_rule_reward_not_negative")]

    def __str__(self) -> str:
        return self.name or str(self.promotion)


class Voucher(CataloguePredicate, Funding, Period):
    name = models.CharField(max_length=255, blank=True)
    type = models.CharField(max_length=20, choices=VoucherType.choices,
                            default=VoucherType.ENTIRE_ORDER)
    discount_value_type = models.CharField(max_length=16, choices=RewardValueType.choices,
                                           default=RewardValueType.PERCENTAGE)
    usage_limit = models.PositiveIntegerField(null=True, blank=True)
    apply_once_per_order = models.BooleanField(default=False)
    apply_once_per_customer = models.BooleanField(default=False)
    only_for_staff = models.BooleanField(default=False)
    single_use = models.BooleanField(default=False)
    # Specific-product vouchers: Saleor's catalogue shape, as on ``PromotionRule``.
    catalogue_predicate = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [models.CheckConstraint(
            condition=Q(platform_share_percent__gte=0) & Q(platform_share_percent__lte=100),
            name="voucher_platform_share_0_100")]

    def __str__(self) -> str:
        return self.name or f"voucher {self.pk}"


class VoucherTranslation(models.Model):
    voucher = models.ForeignKey(Voucher, on_delete=models.CASCADE, related_name="translations")
    language_code = models.CharField(max_length=8)
    name = models.CharField(max_length=255, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["voucher", "language_code"],
                                               name="unique_voucher_translation")]


class VoucherChannelListing(models.Model):
    """The voucher's value and minimum spend in one channel (a voucher works only where
    listed)."""

    voucher = models.ForeignKey(Voucher, on_delete=models.CASCADE,
                                related_name="channel_listings")
    channel = models.ForeignKey("catalog.Channel", on_delete=models.CASCADE,
                                related_name="voucher_listings")
    discount_value = models.DecimalField(max_digits=12, decimal_places=2,
                                         validators=[MinValueValidator(0)])
    currency = models.CharField(max_length=3)
    min_spent_amount = models.DecimalField(max_digits=12, decimal_places=2, null=True,
                                           blank=True, validators=[MinValueValidator(0)])

    class Meta:
        constraints = [models.UniqueConstraint(fields=["voucher", "channel"],
                                               name="unique_voucher_channel_listing"),
                       models.CheckConstraint(condition=Q(discount_value__gte=0),
                                              name="voucher_value_not_negative")]


class VoucherCode(models.Model):
    voucher = models.ForeignKey(Voucher, on_delete=models.CASCADE, related_name="codes")
    code = models.CharField(max_length=255, unique=True, db_index=True)
    used = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code


class VoucherCustomer(models.Model):
    """One use of a once-per-customer voucher by a customer (by email, as Saleor)."""

    voucher_code = models.ForeignKey(VoucherCode, on_delete=models.CASCADE,
                                     related_name="customers")
    customer_email = models.EmailField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["voucher_code", "customer_email"],
                                               name="unique_voucher_customer")]


class FundingAcceptance(models.Model):
    """A cooperative's consent to fund (its part of) a promotion or a voucher."""

    cooperative = models.ForeignKey("cooperatives.Cooperative", on_delete=models.CASCADE,
                                    related_name="funding_acceptances")
    promotion = models.ForeignKey(Promotion, null=True, blank=True, on_delete=models.CASCADE,
                                  related_name="acceptances")
    voucher = models.ForeignKey(Voucher, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="acceptances")
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    accepted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(Q(promotion__isnull=False, voucher__isnull=True)
                           | Q(promotion__isnull=True, voucher__isnull=False)),
                name="acceptance_of_one_thing"),
            models.UniqueConstraint(fields=["cooperative", "promotion"],
                                    name="unique_promotion_acceptance"),
            models.UniqueConstraint(fields=["cooperative", "voucher"],
                                    name="unique_voucher_acceptance"),
        ]


class CheckoutVoucher(models.Model):
    """The voucher code entered on a checkout (at most one, as in Saleor)."""

    checkout = models.OneToOneField("orders.Checkout", primary_key=True,
                                    on_delete=models.CASCADE, related_name="promo_code")
    voucher_code = models.ForeignKey(VoucherCode, on_delete=models.CASCADE,
                                     related_name="checkouts")
    added_at = models.DateTimeField(auto_now_add=True)


class OrderDiscount(models.Model):
    """One promotion's or voucher's reduction on an order (Saleor's ``OrderDiscount``)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    order = models.ForeignKey("orders.Order", on_delete=models.CASCADE,
                              related_name="discounts")
    type = models.CharField(max_length=16, choices=OrderDiscountType.choices)
    value_type = models.CharField(max_length=16, choices=RewardValueType.choices)
    value = models.DecimalField(max_digits=12, decimal_places=2)
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    currency = models.CharField(max_length=3)
    name = models.CharField(max_length=255, blank=True)
    translated_name = models.CharField(max_length=255, blank=True)
    reason = models.TextField(blank=True)
    promotion = models.ForeignKey(Promotion, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="order_discounts")
    voucher = models.ForeignKey(Voucher, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="order_discounts")
    voucher_code = models.CharField(max_length=255, blank=True)
    funded_by = models.CharField(max_length=16, choices=FundedBy.choices)
    platform_share_percent = models.DecimalField(max_digits=5, decimal_places=2)
    # Usage given back when the order was cancelled before payment (idempotent release).
    released_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["type", "name", "id"]


class OrderLineDiscount(models.Model):
    """The part of an ``OrderDiscount`` on one line, and who funds it, to the centime."""

    discount = models.ForeignKey(OrderDiscount, on_delete=models.CASCADE,
                                 related_name="line_parts")
    line = models.ForeignKey("orders.OrderLine", on_delete=models.CASCADE,
                             related_name="line_discounts")
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    platform_amount = models.DecimalField(max_digits=12, decimal_places=2)
    cooperative_amount = models.DecimalField(max_digits=12, decimal_places=2)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["discount", "line"], name="unique_line_discount"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="line_discount_positive"),
        ]
