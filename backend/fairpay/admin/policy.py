"""The split policy (versioned) and the payees' fair-pay and payout settings."""
from __future__ import annotations

from django.contrib import admin, messages
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from ..models import CooperativeFairPay, PartnerPayoutDetails, SplitPolicy
from ..services.policy import split_policy_is_used, split_policy_next_version


@admin.register(SplitPolicy)
class SplitPolicyAdmin(admin.ModelAdmin):
    """Saving a version that already split orders publishes a new version instead."""

    list_display = ["version", "effective_from", "commission_rate", "reduced_commission_rate",
                    "solidarity_rate", "solidarity_mode", "fee_bearer", "card_fee_rate",
                    "card_fee_fixed_amount", "holding_days", "payout_threshold_amount"]
    readonly_fields = ["version", "created_at", "created_by"]
    fieldsets = [
        (None, {"fields": ["version", "effective_from", "currency", "notes"]}),
        (_("Shares"), {"fields": ["commission_rate", "reduced_commission_rate",
                                  "solidarity_rate", "solidarity_mode"]}),
        (_("Payment fee"), {"fields": ["fee_bearer", "card_fee_rate", "card_fee_fixed_amount"]}),
        (_("Payouts"), {"fields": ["holding_days", "payout_threshold_amount"]}),
        (_("History"), {"fields": ["created_at", "created_by"]}),
    ]
    save_as = True

    def save_model(self, request: HttpRequest, obj: SplitPolicy, form, change: bool) -> None:
        if change and split_policy_is_used(SplitPolicy.objects.get(pk=obj.pk)):
            obj.pk = None
            obj._state.adding = True
            change = False
            self.message_user(request, _("This version already split orders: your changes were "
                                         "saved as a new version."), messages.WARNING)
        if not change:
            obj.version = split_policy_next_version()
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        if obj is not None and split_policy_is_used(obj):
            return False
        return super().has_delete_permission(request, obj)


@admin.register(CooperativeFairPay)
class CooperativeFairPayAdmin(admin.ModelAdmin):
    list_display = ["cooperative", "commission_override", "reserve_rate", "account_holder",
                    "rib", "stripe_account_id"]
    list_select_related = ["cooperative"]
    search_fields = ["cooperative__name", "account_holder", "rib"]
    raw_id_fields = ["cooperative"]


@admin.register(PartnerPayoutDetails)
class PartnerPayoutDetailsAdmin(admin.ModelAdmin):
    list_display = ["partner", "account_holder", "rib", "stripe_account_id"]
    list_select_related = ["partner"]
    search_fields = ["partner__name", "account_holder", "rib"]
    raw_id_fields = ["partner"]
