from django.contrib import admin

from .models import GiftCard, GiftCardEvent, GiftCardUsage


class GiftCardEventInline(admin.TabularInline):
    model = GiftCardEvent
    extra = 0
    can_delete = False
    readonly_fields = ("type", "date", "user", "order", "parameters")

    def has_add_permission(self, request, obj=None):  # events are append-only
        return False


class GiftCardUsageInline(admin.TabularInline):
    model = GiftCardUsage
    extra = 0
    can_delete = False
    readonly_fields = ("order", "amount", "currency", "created_at", "released_at")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(GiftCard)
class GiftCardAdmin(admin.ModelAdmin):
    list_display = ("masked_code", "current_balance_amount", "initial_balance_amount",
                    "currency", "is_active", "expiry_date", "last_used_on")
    list_filter = ("is_active", "currency")
    search_fields = ("code", "used_by_email", "created_by_email")
    readonly_fields = ("current_balance_amount", "last_used_on", "used_by", "used_by_email",
                       "created_at")
    exclude = ("checkouts",)
    inlines = [GiftCardUsageInline, GiftCardEventInline]

    @admin.display(description="code")
    def masked_code(self, obj: GiftCard) -> str:
        return str(obj)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.current_balance_amount = obj.initial_balance_amount
            obj.created_by = request.user
            obj.created_by_email = request.user.email
        super().save_model(request, obj, form, change)
        if not change:  # given by the platform: its balance becomes a ledger liability
            from backend.fairpay.services.ledger import gift_card_issue_record

            gift_card_issue_record(gift_card=obj, paid_with="platform")
