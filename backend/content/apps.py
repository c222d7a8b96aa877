from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "backend.content"
    label = "content"
    verbose_name = _("Content pages and menus")

    def ready(self) -> None:
        from .cache import connect_invalidation

        connect_invalidation()
