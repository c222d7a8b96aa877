from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BusinessConfig(AppConfig):
    name = "backend.business"
    label = "business"
    verbose_name = _("Professional buyers")
