from django.contrib import admin

from .models import Cooperative, CooperativeStaff, CooperativeTranslation


class TranslationInline(admin.TabularInline):
    model = CooperativeTranslation
    extra = 0


class StaffInline(admin.TabularInline):
    model = CooperativeStaff
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Cooperative)
class CooperativeAdmin(admin.ModelAdmin):
    list_display = ["name", "region", "city", "status", "women_led", "youth_led", "member_count"]
    list_filter = ["status", "region", "women_led", "youth_led"]
    search_fields = ["name", "odco_number"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [TranslationInline, StaffInline]
    actions = ["approve"]

    @admin.action(description="Approve selected cooperatives")
    def approve(self, request, queryset):
        queryset.update(status="approved")
