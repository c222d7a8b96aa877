"""Network admins manage programmes, cohorts and enrolments (with the mentor) here."""
from __future__ import annotations

from django.contrib import admin

from .models import ActionItem, Cohort, Enrollment, FollowUpNote, Programme


class CohortInline(admin.TabularInline):
    model = Cohort
    extra = 0
    fields = ("name", "year", "starts_on", "ends_on")
    show_change_link = True


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "slug")
    list_filter = ("kind",)
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [CohortInline]


class EnrollmentInline(admin.TabularInline):
    model = Enrollment
    extra = 1
    fields = ("cooperative", "year", "prize", "prize_awarded_on", "mentor", "enrolled_on")
    autocomplete_fields = ("cooperative", "mentor")


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ("name", "programme", "year", "starts_on", "ends_on")
    list_filter = ("programme", "year")
    search_fields = ("name", "programme__name")
    list_select_related = ("programme",)
    inlines = [EnrollmentInline]


@admin.register(Enrollment)
class EnrollmentAdmin(admin.ModelAdmin):
    list_display = ("cooperative", "cohort", "year", "prize", "mentor")
    list_filter = ("cohort__programme", "year")
    search_fields = ("cooperative__name", "prize", "mentor__email")
    list_select_related = ("cooperative", "cohort__programme", "mentor")
    autocomplete_fields = ("cooperative", "mentor")


@admin.register(FollowUpNote)
class FollowUpNoteAdmin(admin.ModelAdmin):
    list_display = ("cooperative", "author", "created_at")
    search_fields = ("cooperative__name", "body")
    list_select_related = ("cooperative", "author")
    readonly_fields = ("cooperative", "author", "body", "created_at")

    def has_add_permission(self, request) -> bool:  # notes are written by mentors
        return False


@admin.register(ActionItem)
class ActionItemAdmin(admin.ModelAdmin):
    list_display = ("title", "cooperative", "due_on", "done_at")
    list_filter = ("done_at",)
    search_fields = ("title", "cooperative__name")
    list_select_related = ("cooperative",)
    readonly_fields = ("cooperative", "author", "created_at", "done_at", "done_by")
