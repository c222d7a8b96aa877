"""Network admins approve business accounts and mark invoices paid (through the services)."""
from __future__ import annotations

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from backend.core.errors import DomainError

from .models import BusinessAccount, Invoice, ProVariantTerms, VariantQuantityBreak
from .services.accounts import (
    business_account_approve,
    business_account_reject,
    business_account_suspend,
)
from .services.invoices import invoice_mark_paid


@admin.register(BusinessAccount)
class BusinessAccountAdmin(admin.ModelAdmin):
    list_display = ["company_name", "ice", "kind", "city", "status", "created_at", "approved_at"]
    list_filter = ["status", "kind"]
    search_fields = ["company_name", "ice", "user__email"]
    raw_id_fields = ["user"]
    readonly_fields = ["status", "approved_at", "approved_by", "created_at"]
    actions = ["approve", "reject", "suspend"]

    def _decide(self, request, queryset, service, done: str) -> None:
        count = 0
        for pk in queryset.values_list("pk", flat=True):
            try:
                service(account_id=pk, admin=request.user)
                count += 1
            except DomainError as error:
                self.message_user(request, str(error), messages.ERROR)
        self.message_user(request, done % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Approve (opens the pro channel, e-mails the applicant)"))
    def approve(self, request, queryset) -> None:
        self._decide(request, queryset, business_account_approve,
                     str(_("%(count)d business account(s) approved.")))

    @admin.action(description=_("Reject (e-mails the applicant)"))
    def reject(self, request, queryset) -> None:
        self._decide(request, queryset, business_account_reject,
                     str(_("%(count)d business account(s) rejected.")))

    @admin.action(description=_("Suspend"))
    def suspend(self, request, queryset) -> None:
        self._decide(request, queryset, business_account_suspend,
                     str(_("%(count)d business account(s) suspended.")))


@admin.register(Invoice)
class InvoiceAdmin(admin.ModelAdmin):
    list_display = ["number", "order", "buyer_name", "buyer_ice", "total_amount", "issued_on",
                    "due_on", "status", "paid_at"]
    list_filter = ["status"]
    search_fields = ["number", "buyer_name", "buyer_ice", "order__number"]
    readonly_fields = [f.name for f in Invoice._meta.fields]
    actions = ["mark_paid"]

    def has_add_permission(self, request) -> bool:
        return False  # issued by checkout only

    @admin.action(description=_("Mark paid (the transfer was received: captures the order)"))
    def mark_paid(self, request, queryset) -> None:
        count = 0
        for pk in queryset.values_list("pk", flat=True):
            try:
                invoice_mark_paid(invoice_id=pk, reference=f"admin:{request.user.pk}")
                count += 1
            except DomainError as error:
                self.message_user(request, str(error), messages.ERROR)
        self.message_user(request, str(_("%(count)d invoice(s) marked paid."))
                          % {"count": count}, messages.SUCCESS)


@admin.register(ProVariantTerms)
class ProVariantTermsAdmin(admin.ModelAdmin):
    list_display = ["variant_listing", "minimum_order_quantity"]
    raw_id_fields = ["variant_listing"]


@admin.register(VariantQuantityBreak)
class VariantQuantityBreakAdmin(admin.ModelAdmin):
    list_display = ["variant_listing", "min_quantity", "price_amount"]
    raw_id_fields = ["variant_listing"]
