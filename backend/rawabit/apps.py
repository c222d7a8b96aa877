from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RawabitConfig(AppConfig):
    name = "backend.rawabit"
    label = "rawabit"
    verbose_name = _("Rawabit opportunities")
