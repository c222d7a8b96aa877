"""Network admins manage the geography, approve partners and set their coverage and pricing."""
from __future__ import annotations

from decimal import Decimal

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from .models import (
    City,
    Partner,
    PartnerCoverage,
    PartnerStaff,
    PartnerStatus,
    PricingRule,
    Region,
    Shipment,
    ShipmentEvent,
)


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "name_en", "capital"]


@admin.register(City)
class CityAdmin(admin.ModelAdmin):
    list_display = ["name", "region", "postal_code"]
    list_filter = ["region"]
    search_fields = ["name", "name_en", "name_ar"]


class PartnerCoverageInline(admin.TabularInline):
    model = PartnerCoverage
    extra = 1
    autocomplete_fields = ["city"]


class PricingRuleInline(admin.StackedInline):
    model = PricingRule
    can_delete = False


class PartnerStaffInline(admin.TabularInline):
    model = PartnerStaff
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "status", "hub_city", "collects_cash", "daily_capacity"]
    list_filter = ["status", "kind", "collects_cash", "coverages__region"]
    search_fields = ["name", "slug", "contact_name", "email"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["hub_city"]
    inlines = [PricingRuleInline, PartnerCoverageInline, PartnerStaffInline]
    actions = ["approve", "suspend"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Partner]:
        return super().get_queryset(request).select_related("hub_city").distinct()

    @admin.action(description=_("Approve the selected partners"))
    def approve(self, request: HttpRequest, queryset: QuerySet[Partner]) -> None:
        queryset.update(status=PartnerStatus.APPROVED)

    @admin.action(description=_("Suspend the selected partners"))
    def suspend(self, request: HttpRequest, queryset: QuerySet[Partner]) -> None:
        queryset.update(status=PartnerStatus.SUSPENDED)

    def get_urls(self):
        extra = [path("<int:partner_id>/remittance/",
                      self.admin_site.admin_view(self.remittance_view),
                      name="fulfillment_partner_remittance")]
        return extra + super().get_urls()

    def remittance_view(self, request: HttpRequest, partner_id: int) -> HttpResponse:
        """Record cash a partner handed over to the network (it leaves the partner's cash)."""
        from backend.core.errors import DomainError
        from backend.fairpay.services.cash import partner_remittance_record

        partner = get_object_or_404(Partner, pk=partner_id)
        if not self.has_change_permission(request, partner):
            raise PermissionDenied
        form = RemittanceForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                partner_remittance_record(partner=partner, amount=form.cleaned_data["amount"],
                                          reference=form.cleaned_data["reference"])
            except DomainError as error:
                form.add_error("amount", error.errors[0].message)
            else:
                self.message_user(request, _("Remittance recorded."))
                return HttpResponseRedirect(
                    reverse("admin:fulfillment_partner_change", args=[partner.pk]))
        context = {**self.admin_site.each_context(request), "form": form, "partner": partner,
                   "title": _("Cash remittance of %(name)s") % {"name": partner.name},
                   "opts": self.model._meta}
        return TemplateResponse(request, "admin/fulfillment/remittance.html", context)


class RemittanceForm(forms.Form):
    amount = forms.DecimalField(label=_("Amount (MAD)"), min_value=Decimal("0.01"),
                                max_digits=12, decimal_places=2)
    reference = forms.CharField(label=_("Reference (receipt or transfer number)"),
                                max_length=64)


@admin.register(PartnerCoverage)
class PartnerCoverageAdmin(admin.ModelAdmin):
    list_display = ["partner", "region", "city", "can_pickup", "can_dropoff"]
    list_filter = ["region", "can_pickup", "can_dropoff"]
    list_select_related = ["partner", "region", "city"]
    search_fields = ["partner__name", "city__name", "region__name"]
    autocomplete_fields = ["partner", "city"]


@admin.register(PricingRule)
class PricingRuleAdmin(admin.ModelAdmin):
    list_display = ["partner", "base_fee", "fee_per_km", "fee_per_kg", "free_weight_grams",
                    "minimum_fee", "min_delay_days", "max_delay_days", "currency"]
    list_select_related = ["partner"]
    search_fields = ["partner__name"]
    autocomplete_fields = ["partner"]


class ReadOnlyAdminMixin:
    """Shipments move only through ``fulfillment.services.shipments``; the admin looks."""

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class ShipmentEventInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = ShipmentEvent
    fields = ["occurred_at", "from_status", "to_status", "leg", "actor_kind", "actor_user",
              "actor_partner", "city", "note"]
    readonly_fields = fields
    extra = 0


@admin.register(Shipment)
class ShipmentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["tracking_number", "order", "cooperative", "partner", "status",
                    "cash_to_collect_amount", "created_at"]
    list_filter = ["status", "partner"]
    list_select_related = ["order", "cooperative", "partner"]
    search_fields = ["tracking_number", "order__number", "cooperative__name", "partner__name"]
    # Never the delivery code's salt: with the secret key it gives the consumer's code.
    exclude = ["delivery_code_salt"]
    inlines = [ShipmentEventInline]
