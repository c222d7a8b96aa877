from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import OutboxMessage
from .services import outbox_requeue


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """Read-only view of the outbox; failed messages can be given a fresh start."""

    list_display = ("task_name", "status", "attempts", "next_attempt_at", "created_at",
                    "done_at", "done_by")
    list_filter = ("status", "task_name")
    search_fields = ("task_name", "dedup_key")
    fields = ("task_name", "status", "attempts", "next_attempt_at", "last_error", "dedup_key",
              "created_at", "sent_at", "done_at", "done_by")
    readonly_fields = fields
    actions = ["requeue"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.action(description=_("Try the selected failed messages again"))
    def requeue(self, request, queryset) -> None:
        count = outbox_requeue(message_ids=queryset.values_list("pk", flat=True))
        self.message_user(request, _("%(count)d message(s) queued again.") % {"count": count})
