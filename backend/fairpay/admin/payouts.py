"""Payout runs in the admin: start one, download its bank batch, mark transfers paid."""
from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from backend.core.errors import DomainError

from ..bank_batch import payout_run_bank_batch_csv
from ..models import Payout, PayoutRun, PayoutStatus
from ..services.payouts import payout_mark_failed, payout_run_create, payout_run_mark_bank_paid
from ..transfers import default_transfer_sender
from .readonly import ReadOnlyInline


class PayoutInline(ReadOnlyInline):
    model = Payout
    fields = ["account", "method", "status", "amount_minor", "netted_cash_minor", "payee_name",
              "rib", "stripe_account_id", "transfer_id", "settled_at"]


@admin.register(PayoutRun)
class PayoutRunAdmin(admin.ModelAdmin):
    """The "Add payout run" button asks for confirmation, then runs ``payout_run_create``."""

    list_display = ["__str__", "as_of", "currency", "threshold_minor", "created_by", "created_at"]
    readonly_fields = ["currency", "as_of", "threshold_minor", "skipped", "created_by",
                       "created_at"]
    inlines = [PayoutInline]
    actions = ["download_bank_batch", "mark_bank_transfers_paid"]

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context=None):
        if not self.has_add_permission(request):
            return HttpResponse(status=403)
        if request.method == "POST":
            run = payout_run_create(created_by=request.user,
                                    send_transfer=default_transfer_sender())
            self.message_user(request, _("%(run)s created: %(count)s payouts.")
                              % {"run": run, "count": run.payouts.count()}, messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:fairpay_payoutrun_change", args=[run.pk]))
        context = {**self.admin_site.each_context(request), "opts": self.model._meta,
                   "title": _("Start a payout run")}
        return TemplateResponse(request, "admin/fairpay/payoutrun/confirm.html", context)

    @admin.action(description=_("Download the bank batch file (CSV)"))
    def download_bank_batch(self, request: HttpRequest, queryset: QuerySet[PayoutRun]):
        runs = list(queryset.order_by("pk"))
        body = "".join(payout_run_bank_batch_csv(run) if index == 0
                       else payout_run_bank_batch_csv(run).split("\r\n", 1)[1]
                       for index, run in enumerate(runs))
        name = runs[0].reference if len(runs) == 1 else "payout-runs"
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}-bank-batch.csv"'
        return response

    @admin.action(description=_("Mark the bank transfers as paid"))
    def mark_bank_transfers_paid(self, request: HttpRequest, queryset: QuerySet[PayoutRun]):
        count = sum(payout_run_mark_bank_paid(run=run) for run in queryset.order_by("pk"))
        self.message_user(request, _("%(count)s transfers marked as paid.") % {"count": count})


@admin.register(Payout)
class PayoutAdmin(admin.ModelAdmin):
    list_display = ["__str__", "run", "payee_name", "method", "status", "amount_minor",
                    "netted_cash_minor", "settled_at"]
    list_filter = ["status", "method", "currency"]
    list_select_related = ["run"]
    search_fields = ["payee_name", "rib", "transfer_id"]
    actions = ["mark_failed"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    @admin.action(description=_("Mark as failed (the transfer bounced)"))
    def mark_failed(self, request: HttpRequest, queryset: QuerySet[Payout]):
        for payout in queryset.filter(status=PayoutStatus.PENDING).order_by("pk"):
            try:
                payout_mark_failed(payout=payout, reason=f"marked by {request.user}")
            except DomainError as exc:
                self.message_user(request, str(exc), messages.ERROR)
