"""Network admins read the definitions (edited in ``definitions.py``) and the declared values."""
from django.contrib import admin

from .models import DeclaredIndicator, IndicatorDefinition


@admin.register(IndicatorDefinition)
class IndicatorDefinitionAdmin(admin.ModelAdmin):
    list_display = ("code", "name_fr", "unit", "source", "position")
    list_filter = ("source", "unit")
    ordering = ("position",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(DeclaredIndicator)
class DeclaredIndicatorAdmin(admin.ModelAdmin):
    list_display = ("cooperative", "month", "code", "value", "declared_by", "declared_at")
    list_filter = ("code", "month")
    search_fields = ("cooperative__name",)
    raw_id_fields = ("cooperative", "declared_by")
    readonly_fields = ("declared_by", "declared_at")
