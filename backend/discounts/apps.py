from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "backend.discounts"
    label = "discounts"
    verbose_name = _("Promotions and vouchers")
