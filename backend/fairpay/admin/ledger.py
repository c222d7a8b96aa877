"""The ledger in the admin: accounts with their balance (a sum), journals with their entries."""
from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet, Sum
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from ..models import Account, Entry, Journal, OrderLineSplit, OrderSplit
from .readonly import ReadOnlyAdmin, ReadOnlyInline


@admin.register(Account)
class AccountAdmin(ReadOnlyAdmin):
    list_display = ["key", "kind", "cooperative", "partner", "currency", "balance"]
    list_filter = ["kind", "currency"]
    list_select_related = ["cooperative", "partner"]
    search_fields = ["key", "cooperative__name", "partner__name"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Account]:
        return super().get_queryset(request).annotate(entry_sum=Sum("entries__amount"))

    @admin.display(description=_("balance (debit +, minor units)"), ordering="entry_sum")
    def balance(self, account: Account) -> int:
        return account.entry_sum or 0


class EntryInline(ReadOnlyInline):
    model = Entry
    fields = ["account", "amount", "order_line", "delivery", "role", "available_at"]


@admin.register(Journal)
class JournalAdmin(ReadOnlyAdmin):
    list_display = ["pk", "kind", "order", "method", "reference", "currency", "occurred_at"]
    list_filter = ["kind", "method", "currency"]
    list_select_related = ["order"]
    search_fields = ["reference", "memo", "order__number"]
    inlines = [EntryInline]


class OrderLineSplitInline(ReadOnlyInline):
    model = OrderLineSplit
    fields = ["order_line", "delivery", "payee_kind", "cooperative", "partner", "role",
              "amount_minor", "rate"]


@admin.register(OrderSplit)
class OrderSplitAdmin(ReadOnlyAdmin):
    list_display = ["order", "policy", "method", "paid_minor", "fee_minor", "created_at"]
    list_select_related = ["order", "policy"]
    search_fields = ["order__number"]
    inlines = [OrderLineSplitInline]
