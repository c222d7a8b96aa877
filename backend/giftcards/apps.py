from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GiftCardsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "backend.giftcards"
    label = "giftcards"
    verbose_name = _("Gift cards")
