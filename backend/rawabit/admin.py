"""Network admins: every opportunity, conversation and deal, and Rawabit's indicators."""
from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .indicators import METRICS, rawabit_indicators
from .models import Deal, Indicators, Opportunity, OpportunityMessage, OpportunityReply


class ReplyInline(admin.TabularInline):
    model = OpportunityReply
    extra = 0
    fields = ["replier", "replier_cooperative", "created_at", "last_message_at"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True


@admin.register(Opportunity)
class OpportunityAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "status", "region", "cooperative", "posted_by",
                    "created_at"]
    list_filter = ["kind", "status", "region"]
    list_select_related = ["region", "cooperative", "posted_by"]
    search_fields = ["title", "product_text", "description"]
    raw_id_fields = ["posted_by", "cooperative", "category"]
    readonly_fields = ["created_at", "closed_at"]
    date_hierarchy = "created_at"
    inlines = [ReplyInline]


class MessageInline(admin.TabularInline):
    model = OpportunityMessage
    extra = 0
    fields = ["author", "body", "created_at"]
    readonly_fields = fields
    can_delete = False


@admin.register(OpportunityReply)
class OpportunityReplyAdmin(admin.ModelAdmin):
    list_display = ["opportunity", "replier", "replier_cooperative", "created_at",
                    "last_message_at"]
    list_select_related = ["opportunity", "replier", "replier_cooperative"]
    raw_id_fields = ["opportunity", "replier", "replier_cooperative"]
    inlines = [MessageInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(Deal)
class DealAdmin(admin.ModelAdmin):
    list_display = ["opportunity", "seller_cooperative", "buyer", "quantity", "unit",
                    "unit_price", "created_at", "checkout_token"]
    list_select_related = ["opportunity", "seller_cooperative", "buyer"]
    raw_id_fields = ["opportunity", "reply", "seller_cooperative", "buyer", "buyer_cooperative",
                     "variant", "recorded_by"]
    readonly_fields = ["created_at", "checkout_token"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(Indicators)
class IndicatorsAdmin(admin.ModelAdmin):
    """A read-only page in place of a change list: the indicators by region and by month."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.is_active and request.user.is_staff

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def changelist_view(self, request: HttpRequest, extra_context=None):
        from django.core.exceptions import PermissionDenied

        if not self.has_view_permission(request):
            raise PermissionDenied
        raw_year = (request.GET.get("year") or "").strip()
        year = int(raw_year) if raw_year.isdigit() and 2000 <= int(raw_year) <= 2100 else None
        context = {**self.admin_site.each_context(request), "opts": self.model._meta,
                   "title": _("Rawabit indicators"), "indicators": rawabit_indicators(year=year),
                   "year": year, "metrics": METRICS}
        return TemplateResponse(request, "admin/rawabit/indicators.html", context)
