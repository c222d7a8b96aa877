"""Network admins run promotions and vouchers; cooperatives' acceptances are recorded here."""
from django.contrib import admin

from .models import (
    FundingAcceptance,
    OrderDiscount,
    Promotion,
    PromotionRule,
    PromotionTranslation,
    Voucher,
    VoucherChannelListing,
    VoucherCode,
    VoucherTranslation,
)


class PromotionRuleInline(admin.StackedInline):
    model = PromotionRule
    extra = 0
    filter_horizontal = ("channels",)


class PromotionTranslationInline(admin.TabularInline):
    model = PromotionTranslation
    extra = 0


class AcceptanceInline(admin.TabularInline):
    model = FundingAcceptance
    extra = 0
    fields = ("cooperative", "accepted_by", "accepted_at")
    autocomplete_fields = ()


@admin.register(Promotion)
class PromotionAdmin(admin.ModelAdmin):
    list_display = ("name", "funded_by", "platform_share_percent", "start_date", "end_date")
    list_filter = ("funded_by",)
    search_fields = ("name",)
    inlines = [PromotionRuleInline, PromotionTranslationInline, AcceptanceInline]


class VoucherCodeInline(admin.TabularInline):
    model = VoucherCode
    extra = 0
    readonly_fields = ("used",)


class VoucherChannelListingInline(admin.TabularInline):
    model = VoucherChannelListing
    extra = 0


class VoucherTranslationInline(admin.TabularInline):
    model = VoucherTranslation
    extra = 0


@admin.register(Voucher)
class VoucherAdmin(admin.ModelAdmin):
    list_display = ("name", "type", "discount_value_type", "funded_by", "usage_limit",
                    "start_date", "end_date")
    list_filter = ("type", "funded_by")
    search_fields = ("name", "codes__code")
    inlines = [VoucherCodeInline, VoucherChannelListingInline, VoucherTranslationInline,
               AcceptanceInline]


@admin.register(OrderDiscount)
class OrderDiscountAdmin(admin.ModelAdmin):
    list_display = ("order", "type", "name", "amount", "funded_by", "released_at")
    list_filter = ("type", "funded_by")
    readonly_fields = [f.name for f in OrderDiscount._meta.fields]

    def has_add_permission(self, request):
        return False
