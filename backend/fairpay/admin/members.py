"""Members and their distributions, with each member's printable statement (fr, ar, en)."""
from __future__ import annotations

from django.contrib import admin
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from ..models import CooperativeMember, MemberContribution, MemberDistribution
from ..statements import STATEMENT_LANGUAGES, member_statement_html
from .readonly import ReadOnlyAdmin, ReadOnlyInline


@admin.register(CooperativeMember)
class CooperativeMemberAdmin(admin.ModelAdmin):
    list_display = ["full_name", "full_name_ar", "cooperative", "joined_on", "is_active"]
    list_filter = ["is_active", "cooperative"]
    list_select_related = ["cooperative"]
    search_fields = ["full_name", "full_name_ar", "phone"]
    raw_id_fields = ["cooperative"]


class ContributionInline(ReadOnlyInline):
    model = MemberContribution
    fields = ["member", "quantity", "amount_minor", "statements"]
    readonly_fields = ["statements"]

    @admin.display(description=_("statement"))
    def statements(self, contribution: MemberContribution) -> str:
        return format_html_join(" · ", '<a href="{}" target="_blank">{}</a>', (
            (reverse("admin:fairpay_member_statement", args=[contribution.pk, language]),
             language) for language in STATEMENT_LANGUAGES))


@admin.register(MemberDistribution)
class MemberDistributionAdmin(ReadOnlyAdmin):
    list_display = ["cooperative", "period_start", "period_end", "unit", "share_minor",
                    "reserve_minor", "distributed_minor"]
    list_filter = ["unit", "cooperative"]
    list_select_related = ["cooperative"]
    inlines = [ContributionInline]

    def get_urls(self):
        return [path("statement/<int:pk>/<str:language>/",
                     self.admin_site.admin_view(self.statement_view),
                     name="fairpay_member_statement"), *super().get_urls()]

    def statement_view(self, request: HttpRequest, pk: int, language: str) -> HttpResponse:
        if not self.has_view_permission(request) or language not in STATEMENT_LANGUAGES:
            raise Http404
        contribution = (MemberContribution.objects
                        .select_related("member", "distribution__cooperative").filter(pk=pk)
                        .first())
        if contribution is None:
            raise Http404
        return HttpResponse(member_statement_html(contribution=contribution, language=language))


