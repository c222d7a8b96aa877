from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KpiConfig(AppConfig):
    name = "backend.kpi"
    label = "kpi"
    verbose_name = _("Network dashboard")
