from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from backend.core.errors import DomainError

from .models import (
    Cooperative,
    CooperativeInvitation,
    CooperativeStaff,
    CooperativeStatus,
    CooperativeTranslation,
    LowStockAlert,
)
from .services.signup import cooperatives_set_status
from .services.team import invitation_clean, invitation_create


class InvitationAddForm(forms.ModelForm):
    class Meta:
        model = CooperativeInvitation
        fields = ["cooperative", "email", "role"]

    def clean(self):
        data = super().clean()
        if data.get("cooperative") and data.get("email") and data.get("role"):
            try:
                invitation_clean(cooperative_id=data["cooperative"].pk, email=data["email"],
                                 role=data["role"])
            except DomainError as error:
                for item in error.errors:
                    self.add_error(item.field if item.field in self.fields else None,
                                   item.message)
        return data


class TranslationInline(admin.TabularInline):
    model = CooperativeTranslation
    extra = 0


class StaffInline(admin.TabularInline):
    model = CooperativeStaff
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Cooperative)
class CooperativeAdmin(admin.ModelAdmin):
    list_display = ["name", "odco_number", "region", "city", "status", "women_led", "youth_led",
                    "member_count", "created_at"]
    list_filter = ["status", "region", "women_led", "youth_led"]
    search_fields = ["name", "odco_number"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [TranslationInline, StaffInline]
    actions = ["approve", "suspend"]

    def _set_status(self, request, queryset, status: str) -> None:
        changed = cooperatives_set_status(cooperative_ids=list(queryset.values_list("pk",
                                                                                    flat=True)),
                                          status=status)
        self.message_user(request, _("%(count)d cooperative(s) updated; their managers are "
                                     "told by email.") % {"count": len(changed)},
                          messages.SUCCESS)

    @admin.action(description=_("Approve selected cooperatives (their products go live)"))
    def approve(self, request, queryset):
        self._set_status(request, queryset, CooperativeStatus.APPROVED)

    @admin.action(description=_("Suspend selected cooperatives (their products go off-line)"))
    def suspend(self, request, queryset):
        self._set_status(request, queryset, CooperativeStatus.SUSPENDED)


@admin.register(CooperativeInvitation)
class CooperativeInvitationAdmin(admin.ModelAdmin):
    """Network admins invite a cooperative's first or extra staff; the service sends the link."""

    list_display = ["email", "cooperative", "role", "created_at", "expires_at", "accepted_at",
                    "revoked_at"]
    list_filter = ["role"]
    search_fields = ["email", "cooperative__name"]
    raw_id_fields = ["cooperative"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = InvitationAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["cooperative", "email", "role"]
        return ["cooperative", "email", "role", "invited_by", "created_at", "expires_at",
                "accepted_at", "accepted_by", "revoked_at"]

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj) if obj is not None else []

    def save_model(self, request, obj, form, change):
        if change:
            return
        created = invitation_create(
            cooperative_id=obj.cooperative_id, email=obj.email, role=obj.role,
            invited_by=request.user, base_url=f"{request.scheme}://{request.get_host()}")
        obj.pk = created.invitation.pk

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)


@admin.register(LowStockAlert)
class LowStockAlertAdmin(admin.ModelAdmin):
    list_display = ["variant", "cooperative", "alerted_at", "cleared_at", "quantity_at_alert"]
    list_filter = ["cooperative"]
    raw_id_fields = ["variant", "cooperative"]
