"""Payments in the network admin: transactions with their events (read-only: money history is
append-only), webhooks as received, and refunds — created through the refund service only."""
from __future__ import annotations

import uuid
from decimal import Decimal, InvalidOperation

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from backend.core.errors import DomainError
from backend.orders.models import Order
from backend.outbox.services import enqueue

from .models import (
    Refund,
    RefundLine,
    RefundStatus,
    StripeWebhookEvent,
    TransactionEvent,
    TransactionItem,
)
from .services import RefundLineInput, order_refund_create
from .tasks import stripe_webhook_event_process


class ReadOnlyAdminMixin:
    """History is never edited from the admin."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class TransactionEventInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = TransactionEvent
    extra = 0
    fields = ["created_at", "type", "amount", "currency", "psp_reference", "message",
              "reason_code", "source"]
    readonly_fields = fields
    ordering = ["created_at", "pk"]


def _refund_all(request: HttpRequest, orders) -> None:
    for order in orders:
        left = sum((t.charged_amount for t in order.payment_transactions.all()), Decimal(0))
        if left <= 0:
            messages.warning(request, _("Order %(number)s has nothing left to refund.")
                             % {"number": order.number})
            continue
        try:
            refund = order_refund_create(
                order_id=order.pk, amount=left, reason=str(_("Full refund from the admin.")),
                requested_by=request.user,
                idempotency_key=f"admin-full-{order.pk}-{left}-{uuid.uuid4().hex[:8]}")
        except DomainError as error:
            messages.error(request, f"#{order.number}: {error}")
            continue
        messages.success(request, _("Order %(number)s: %(refund)s.")
                         % {"number": order.number, "refund": refund})


@admin.action(description=_("Refund the selected orders in full"))
def refund_orders_in_full(modeladmin, request: HttpRequest, queryset) -> None:
    """For an Order admin (``actions = [refund_orders_in_full]``): refunds what each selected
    order still holds."""
    if not request.user.has_perm("payments.add_refund"):
        raise PermissionDenied
    _refund_all(request, queryset.prefetch_related("payment_transactions"))


@admin.register(TransactionItem)
class TransactionItemAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["token", "gateway", "psp_reference", "currency", "authorized_amount",
                    "charged_amount", "refunded_amount", "order", "created_at"]
    list_filter = ["gateway", "currency"]
    search_fields = ["token", "psp_reference", "checkout_token", "order__number"]
    readonly_fields = [f.name for f in TransactionItem._meta.fields]
    inlines = [TransactionEventInline]
    actions = ["refund_in_full"]

    def has_add_refund_permission(self, request) -> bool:
        return request.user.has_perm("payments.add_refund")

    @admin.action(description=_("Refund the orders of the selected transactions in full"),
                  permissions=["add_refund"])
    def refund_in_full(self, request: HttpRequest, queryset) -> None:
        order_ids = queryset.exclude(order__isnull=True).values_list("order_id", flat=True)
        _refund_all(request, Order.objects.filter(pk__in=list(order_ids))
                    .prefetch_related("payment_transactions"))


class RefundLineInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = RefundLine
    extra = 0
    fields = ["order_line", "quantity", "amount"]
    readonly_fields = fields


class OrderNumberForm(forms.Form):
    order = forms.IntegerField(label=_("Order number"), min_value=1)


class RefundForm(forms.Form):
    """An amount, or units per line (plus the shipping): the service checks the rest."""

    amount = forms.DecimalField(label=_("Amount"), required=False, min_value=Decimal("0.01"),
                                decimal_places=2)
    include_shipping = forms.BooleanField(label=_("Refund the shipping"), required=False)
    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea)
    idempotency_key = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, order: Order, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.order = order
        for line in order.lines.all():
            self.fields[f"line_{line.pk}"] = forms.IntegerField(
                label=f"{line.product_name} {line.variant_name} × {line.quantity} "
                      f"({line.unit_price_amount} {line.currency})",
                required=False, min_value=0, max_value=line.quantity)

    def line_inputs(self) -> list[RefundLineInput]:
        return [RefundLineInput(order_line_id=name.removeprefix("line_"), quantity=value)
                for name, value in self.cleaned_data.items()
                if name.startswith("line_") and value]


def _gift_card_paid(order: Order) -> dict[str, Decimal]:
    """What the order's gift cards and its card or cash payment still hold: a refund is split
    between them in this proportion."""
    from backend.giftcards.selectors import order_gift_card_total

    gift_card = order_gift_card_total(order.pk)
    return {"gift_card": gift_card, "tender": order.total_charged_amount - gift_card}


@admin.register(Refund)
class RefundAdmin(admin.ModelAdmin):
    list_display = ["order", "amount", "gift_card_amount", "currency", "method", "status",
                    "psp_reference",
                    "requested_by", "created_at"]
    list_filter = ["status", "method"]
    search_fields = ["order__number", "psp_reference", "token"]
    readonly_fields = [f.name for f in Refund._meta.fields]
    inlines = [RefundLineInline]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def add_view(self, request: HttpRequest, form_url: str = "",
                 extra_context=None) -> HttpResponse:
        """The refund form: pick the order, then an amount or lines; calls the service."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        number_form = OrderNumberForm(request.GET or None)
        order = None
        if number_form.is_valid():
            order = (Order.objects.filter(number=number_form.cleaned_data["order"])
                     .prefetch_related("lines", "refunds").first())
            if order is None:
                number_form.add_error("order", _("No order with this number."))
        form = None
        if order is not None:
            data = request.POST if request.method == "POST" else None
            form = RefundForm(data, order=order,
                              initial={"idempotency_key": uuid.uuid4().hex})
            if data is not None and form.is_valid():
                try:
                    refund = order_refund_create(
                        order_id=order.pk, amount=form.cleaned_data["amount"],
                        lines=form.line_inputs(),
                        include_shipping=form.cleaned_data["include_shipping"],
                        reason=form.cleaned_data["reason"], requested_by=request.user,
                        idempotency_key=f"admin-{form.cleaned_data['idempotency_key']}")
                except (DomainError, InvalidOperation) as error:
                    form.add_error(None, str(error))
                else:
                    level = (messages.SUCCESS if refund.status != RefundStatus.PENDING
                             else messages.WARNING)
                    self.message_user(request, _("Refund of order %(number)s: %(refund)s.")
                                      % {"number": order.number, "refund": refund}, level)
                    return HttpResponseRedirect(
                        reverse("admin:payments_refund_change", args=[refund.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Refund an order"),
            "opts": self.model._meta,
            "number_form": number_form,
            "order": order,
            "form": form,
            "refunds": order.refunds.all() if order is not None else [],
            "gift_card_paid": _gift_card_paid(order) if order is not None else None,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/payments/refund/refund_form.html", context)


@admin.register(StripeWebhookEvent)
class StripeWebhookEventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["event_id", "type", "received_at", "deliveries", "processed_at", "outcome"]
    list_filter = ["type", "processed_at"]
    search_fields = ["event_id", "outcome"]
    readonly_fields = [f.name for f in StripeWebhookEvent._meta.fields]
    actions = ["process_now"]

    def has_process_permission(self, request) -> bool:
        return request.user.is_superuser

    @admin.action(description=_("Process the selected events now (skips processed ones)"),
                  permissions=["process"])
    def process_now(self, request: HttpRequest, queryset) -> None:
        for event_id in queryset.filter(processed_at__isnull=True).values_list("event_id",
                                                                                flat=True):
            enqueue(stripe_webhook_event_process, args=[event_id])
        self.message_user(request, _("Queued."))
